"""What the correction actions share: the review log, the quotes a correction names, and where a quote belongs."""

from __future__ import annotations

from collections.abc import Iterable

from stories.models import Article, Claim, Correction, Evidence, ReviewLog, Story

from .. import claims as claim_store  # a module import: claims imports apply.py in turn
from ..claim_index import evidence_moves_index_follow
from ..versions import story_version_bump
from .identity import quote_identity, quote_locate

PINNING = (Correction.Kind.MERGE, Correction.Kind.SPLIT)


def review_log(*, story: Story, user, action: str, detail: dict) -> ReviewLog:
    # Every correction (and its undo) ends here: the story's cached pages are replaced from now on.
    story_version_bump(story_id=story.id)
    return ReviewLog.objects.create(story=story, user=editor_or_none(user), action=action, detail=detail)


def editor_or_none(user):
    """The user to record, or None for an anonymous or missing one (scripts, tests)."""
    return user if user is not None and user.is_authenticated else None


def evidence_identity(evidence: Evidence) -> dict:
    article = evidence.article
    return quote_identity(sha256=article.sha256, text=article.text, start=evidence.start, end=evidence.end)


def evidence_located(*, story_id: int, identities: Iterable[dict]) -> list[Evidence]:
    """The current evidence rows the identities name (one per identity still found, none for an orphan)."""
    identities = list(identities)
    shas = {q["sha256"] for q in identities}
    articles = {
        a.sha256: a
        for a in Article.objects.filter(story_id=story_id, sha256__in=shas).only("id", "sha256", "text")
    }
    rows_by_article: dict[int, list[Evidence]] = {}
    for row in Evidence.objects.filter(article__in=articles.values()).order_by("start", "id"):
        rows_by_article.setdefault(row.article_id, []).append(row)
    found = []
    for identity in identities:
        article = articles.get(identity["sha256"])
        rows = rows_by_article.get(article.id, []) if article else []
        at = quote_locate(identity, [(r.start, r.end) for r in rows], article.text if article else "")
        if at is not None:
            rows[at].article = article
            found.append(rows[at])
    return found


def live_corrections(*, story_id: int, kinds: Iterable[str]) -> list[Correction]:
    return list(
        Correction.objects.filter(story_id=story_id, kind__in=list(kinds))
        .exclude(state=Correction.State.UNDONE)
        .order_by("id")
    )


def pinned_claim(identity: dict, corrections: Iterable[Correction]) -> int | None:
    """The claim the latest live merge or split puts this quote in, or None when no editor moved it."""
    pinned = None
    for correction in corrections:
        if correction.kind in PINNING and _names(correction, identity):
            pinned = (
                correction.claim_id if correction.kind == Correction.Kind.SPLIT else correction.other_claim_id
            )
    return pinned


def stance_corrections(*, story_id: int, identity: dict) -> list[Correction]:
    """The live stance overrides of this one quote, oldest first."""
    return [
        c for c in live_corrections(story_id=story_id, kinds=[Correction.Kind.STANCE]) if _names(c, identity)
    ]


def _names(correction: Correction, identity: dict) -> bool:
    return any(q["sha256"] == identity["sha256"] and q["text"] == identity["text"] for q in correction.quotes)


def evidence_rehome(*, story_id: int, rows: Iterable[Evidence]) -> set[int]:
    """Put each row in the claim the editors' live corrections say, else back in the one the matcher chose."""
    rows = list(rows)
    evidence_moves_index_follow(evidence_ids=[row.id for row in rows])
    corrections = live_corrections(story_id=story_id, kinds=PINNING)
    touched = set()
    for row in rows:
        target = pinned_claim(evidence_identity(row), corrections) or row.matched_claim_id or row.claim_id
        target = claim_store.claim_merge_target(claim_id=target)
        touched |= {row.claim_id, target}
        Evidence.objects.filter(id=row.id).update(claim_id=target)
    return touched


def claim_redirect_if_empty(*, claim: Claim, to: int | None) -> None:
    """A claim left without quotes by an editor's action points where they went, so its permalink redirects."""
    if to and to != claim.pk and not Evidence.objects.filter(claim=claim).exists():
        Claim.objects.filter(id=claim.pk).update(merged_into_id=to)
