"""Storing an article's claims: matching its quotes to the story's claims, reusing old ids, following merges."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db.models import BigIntegerField, F
from django.db.models.functions import Coalesce

from stories import selectors
from stories.models import Article, Claim, Correction, Evidence
from stories.nlp import match
from stories.nlp.speakers import KnownSpeakers, speaker_name
from stories.nlp.types import Analysis, ClaimFound
from stories.nlp.upload_match import upload_claims_matched

from .claim_index import (
    claims_redirect_index_follow,
    story_claim_index,
    story_claims_maybe_orphaned,
    story_evidence_create,
)
from .claim_wording import claims_quoted_early, claims_wording_refresh
from .corrections.apply import QuoteFixes, article_fixes, corrections_refresh

# Undated articles last; the upload's hash breaks ties, so the order never depends on the order of uploads.
PUBLISHED_FIRST = F("published_at").asc(nulls_last=True)


def article_claims_save(
    *, article: Article, analysis: Analysis, previous: dict[tuple, int] | None = None
) -> None:
    """Match the article's claims into the story's and store its evidence.

    ``previous`` (story reanalysis only) maps (article, start, end) to the claim that held that quote before,
    so a claim the fresh matching re-creates gets its old id, and its permalink, back.
    """
    assigned, index = _claims_matched(article, analysis, with_orphans=previous is None)
    fixes = article_fixes(
        story_id=article.story_id,
        sha256=article.sha256,
        text=analysis.text,
        spans=[(found.start, found.end) for found in analysis.claims],
    )
    real: dict[int, int] = {}
    # Only a story reanalysis hands old claim ids back; then each may be reused once, if no evidence holds it.
    reused = (
        set(story_matched_claims(story_id=article.story_id, settled_only=True).values())
        if previous is not None
        else set()
    )
    for found, claim_id in zip(analysis.claims, assigned, strict=True):
        if (
            claim_id < 0
            and claim_id not in real
            and (previous is not None or _unpinned(claim_id, assigned, fixes))
        ):
            real[claim_id] = _claim_create_or_reuse(article, found, previous, reused)
    machine = [real.get(claim_id, claim_id) for claim_id in assigned]
    rows = _evidence_rows(article, analysis, machine, fixes)
    story_evidence_create(story_id=article.story_id, rows=rows, matched=index)
    claim_ids = {row.claim_id for row in rows}
    if previous is None:
        claims_reported_in(article=article, claim_ids=claim_ids, opened=set(real.values()))
    else:
        claims_first_reported(claim_ids=claim_ids)
    corrections_refresh(story_id=article.story_id, sha256=article.sha256)


def _unpinned(claim_id: int, assigned: list[int], fixes: QuoteFixes) -> bool:
    """A claim the matcher opens only for quotes an editor pinned elsewhere is not created (it would stay empty)."""
    return any(c == claim_id and i not in fixes.pins for i, c in enumerate(assigned))


def story_matched_claims(*, story_id: int, settled_only: bool = False) -> dict[tuple, int]:
    """(article, start, end) → the claim the matcher chose for each stored quote, before editors moved any:
    what a story reanalysis hands back, so an editor's correction never changes how other quotes regroup.
    ``settled_only`` leaves out articles still waiting in a story reanalysis."""
    rows = Evidence.objects.filter(article__story_id=story_id)
    if settled_only:
        rows = rows.filter(article__reanalysis_pending=False)
    rows = rows.annotate(matched=Coalesce("matched_claim_id", "claim_id", output_field=BigIntegerField()))
    return {(a, s, e): c for a, s, e, c in rows.values_list("article_id", "start", "end", "matched")}


def _claims_matched(
    article: Article, analysis: Analysis, *, with_orphans: bool
) -> tuple[list[int], match.ClaimIndex]:
    """The story claim each found claim joins (a negative id stands for a claim the article opens), and the index
    they were matched with."""
    index = story_claim_index(story_id=article.story_id, with_orphans=with_orphans)
    fresh = itertools.count(-1, -1)
    # Only the stored index is shared; the evidence saved below joins it (story_evidence_create).
    found = upload_claims_matched(index, analysis.claims, analysis.text, analysis.title, fresh.__next__)
    return found, index


def _evidence_rows(
    article: Article, analysis: Analysis, machine: list[int], fixes: QuoteFixes
) -> list[Evidence]:
    """One row per found claim: under the claim an editor pinned it to or else the matcher's, through merges, with
    the editor's stance where one was set; the matcher's own choice is kept for the next matching."""
    known = KnownSpeakers(selectors.story_known_speakers(story_id=article.story_id))
    merges = selectors.story_merges(story_id=article.story_id)
    rows = []
    for i, (found, matched) in enumerate(zip(analysis.claims, machine, strict=True)):
        claim_id = claim_merge_target(claim_id=fixes.pins.get(i, matched), merges=merges)
        rows.append(
            Evidence(
                claim_id=claim_id,
                matched_claim_id=matched if matched > 0 else claim_id,
                article=article,
                start=found.start,
                end=found.end,
                stance=fixes.stances.get(i, found.stance),
                stance_by_editor=i in fixes.stances,
                attributed_to=speaker_name(found.attributed_to or "", known)[:200],
                key=list(found.key),
                proposition=found.proposition,
            )
        )
    return rows


def _claim_create_or_reuse(
    article: Article, found: ClaimFound, previous: dict[tuple, int] | None, reused: set[int]
) -> int:
    old = (previous or {}).get((article.id, found.start, found.end))
    if old is not None and old not in reused:
        reused.add(old)
        claim = Claim.objects.get(id=old)
        claim.key = list(found.key)
        if not claim.text_by_editor:
            claim.text = found.proposition
        claim.save(update_fields=["key", "text", "slug"])
        return old
    claim = Claim.objects.create(
        story_id=article.story_id, text=found.proposition, key=list(found.key), first_reported_in=article
    )
    return claim.id


def claim_merge_target(*, claim_id: int, merges: dict[int, int] | None = None) -> int:
    """The claim that an editor's merges (Claim.merged_into, possibly chained) finally lead to.

    ``merges`` (claim id → merged_into id, from selectors.story_merges) saves a query per step when resolving
    many.
    """
    seen = set()
    while claim_id not in seen:
        seen.add(claim_id)
        if merges is None:
            target = Claim.objects.filter(id=claim_id).values_list("merged_into_id", flat=True).first()
        else:
            target = merges.get(claim_id)
        if not target:
            return claim_id
        claim_id = target
    return claim_id


def claims_reported_in(*, article: Article, claim_ids: set[int], opened: set[int]) -> None:
    """``claims_first_reported`` after ``article`` added quotes to ``claim_ids`` (``opened`` are the claims it
    created) and took none away: each claim's stored first report is compared with the article, and only a claim
    the article quotes among its first WORDING_QUOTES quotes is worded again, so the cost does not grow with the
    claims' quotes."""
    mine = _publication_order(article.published_at, article.sha256)
    recount, earlier = set(), []
    stored = Claim.objects.filter(id__in=claim_ids).values_list(
        "id", "first_reported_in_id", "first_reported_in__published_at", "first_reported_in__sha256"
    )
    for claim_id, first_id, published, sha256 in stored.exclude(id__in=opened):
        if first_id is None or first_id == article.id:
            recount.add(claim_id)  # first reported by this article, whose date may have moved
        elif mine < _publication_order(published, sha256):
            earlier.append(claim_id)
    Claim.objects.filter(id__in=earlier).update(first_reported_in=article)
    _claims_first_report_find(recount)
    early = claims_quoted_early(article=article, claim_ids=claim_ids - recount - opened)
    claims_wording_refresh(claim_ids=early | recount | (opened & claim_ids))


def _publication_order(published, sha256: str) -> tuple:
    """PUBLISHED_FIRST then the hash, as a sort key."""
    return (published is None, published.timestamp() if published is not None else 0.0, sha256)


def claims_first_reported(*, claim_ids: Iterable[int]) -> None:
    """Point each claim at the earliest-published article that carries it (undated articles last), and show it in
    the wording its quotes now share: whatever moved quotes (analysis, merge, split, undo) calls this."""
    claim_ids = set(claim_ids)
    claims_wording_refresh(claim_ids=claim_ids)
    _claims_first_report_find(claim_ids)
    stories = Claim.objects.filter(id__in=claim_ids).values_list("story_id", flat=True).distinct()
    story_claims_maybe_orphaned(story_ids=set(stories))


def _claims_first_report_find(claim_ids: set[int]) -> None:
    for claim_id in claim_ids:
        first = (
            Article.objects.filter(evidence__claim_id=claim_id)
            .order_by(PUBLISHED_FIRST, "sha256")
            .values_list("id", flat=True)
            .first()
        )
        Claim.objects.filter(id=claim_id).update(first_reported_in_id=first)


def claims_merged_by_editor(*, claim_ids: set[int]) -> set[int]:
    """Those of ``claim_ids`` an editor merged into another claim (and did not undo): their redirect is theirs."""
    return set(
        Correction.objects.filter(kind=Correction.Kind.MERGE, claim_id__in=claim_ids)
        .exclude(state=Correction.State.UNDONE)
        .values_list("claim_id", flat=True)
    )


def claims_redirect_emptied(*, previous: dict[tuple, int]) -> None:
    """A claim the matcher no longer gives any quote points where its quotes went, so its permalink redirects.

    Both sides are the matcher's choices (editors' moves are not), and an editor's live merge keeps its target."""
    story_claims = set(previous.values())
    matched = Evidence.objects.annotate(
        matched=Coalesce("matched_claim_id", "claim_id", output_field=BigIntegerField())
    )
    live = set(matched.filter(matched__in=story_claims).values_list("matched", flat=True))
    merged_by_editor = claims_merged_by_editor(claim_ids=story_claims)
    new_homes: dict[int, Counter] = defaultdict(Counter)
    for position, old in previous.items():
        if old in live or old in merged_by_editor:
            continue
        home = (
            matched.filter(article_id=position[0], start=position[1], end=position[2])
            .values_list("matched", flat=True)
            .first()
        )
        if home is not None and home != old:
            new_homes[old][home] += 1
    for old, homes in new_homes.items():
        target = homes.most_common(1)[0][0]
        if Claim.objects.filter(id=old).exclude(merged_into_id=target).update(merged_into_id=target):
            claims_redirect_index_follow(claim_ids=[old])
