"""Storing an article's claims: matching its quotes to the story's claims, reusing old ids, following merges."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db.models import F

from stories import selectors
from stories.models import Article, Claim, ClaimPin, Evidence, StanceOverride
from stories.nlp import match
from stories.nlp.headline import headline_end
from stories.nlp.speakers import speaker_name
from stories.nlp.types import Analysis, ClaimFound

from .claim_index import story_claim_index

# Undated articles last; the upload's hash breaks ties, so the order never depends on the order of uploads.
PUBLISHED_FIRST = F("published_at").asc(nulls_last=True)


def article_claims_save(
    *, article: Article, analysis: Analysis, previous: dict[tuple, int] | None = None
) -> None:
    """Match the article's claims into the story's and store its evidence.

    ``previous`` (story reanalysis only) maps (article, start, end) to the claim that held that quote before,
    so a claim the fresh matching re-creates gets its old id, and its permalink, back.
    """
    assigned = _claims_matched(article, analysis, with_orphans=previous is None)
    real: dict[int, int] = {}
    # Only a story reanalysis hands old claim ids back; then each may be reused once, if no evidence holds it.
    reused = (
        set(
            Evidence.objects.filter(
                article__story_id=article.story_id, article__reanalysis_pending=False
            ).values_list("claim_id", flat=True)
        )
        if previous is not None
        else set()
    )
    for found, claim_id in zip(analysis.claims, assigned, strict=True):
        if claim_id < 0 and claim_id not in real:
            real[claim_id] = _claim_create_or_reuse(article, found, previous, reused)
    rows = _evidence_rows(article, analysis, [real.get(claim_id, claim_id) for claim_id in assigned])
    Evidence.objects.bulk_create(rows)
    claims_first_reported(claim_ids={row.claim_id for row in rows})


def _claims_matched(article: Article, analysis: Analysis, *, with_orphans: bool) -> list[int]:
    """The story claim each found claim joins; a negative id stands for a claim the article opens."""
    index = story_claim_index(story_id=article.story_id, with_orphans=with_orphans)
    fresh: list[int] = []

    def new_id() -> int:
        fresh.append(-(len(fresh) + 1))
        return fresh[-1]

    checkpoint = index.mark()
    try:
        assigned = match.assign(index, analysis.claims, new_id)
    finally:
        # The index may be the process-wide cache; the evidence saved below joins it on the next call.
        index.rollback(checkpoint)
    headline = headline_end(analysis.text, analysis.title)
    assigned = match.join_headline(analysis.claims, assigned, headline, lambda i: i < 0)
    # An editor's split pins a sentence to a claim; the pin wins over the matcher on every run.
    pins = {
        tuple(key): claim_id
        for key, claim_id in ClaimPin.objects.filter(article=article).values_list("key", "claim_id")
    }
    return [
        pins.get(tuple(found.key), claim_id)
        for found, claim_id in zip(analysis.claims, assigned, strict=True)
    ]


def _evidence_rows(article: Article, analysis: Analysis, claim_ids: list[int]) -> list[Evidence]:
    """One row per found claim, under the claim its merges lead to, with the editor's stance where set."""
    overrides = dict(StanceOverride.objects.filter(article=article).values_list("claim_id", "stance"))
    known = selectors.story_known_speakers(story_id=article.story_id)
    merges = selectors.story_merges(story_id=article.story_id)
    rows = []
    for found, claim_id in zip(analysis.claims, claim_ids, strict=True):
        claim_id = claim_merge_target(claim_id=claim_id, merges=merges)
        stance = overrides.get(claim_id, found.stance)
        rows.append(
            Evidence(
                claim_id=claim_id,
                article=article,
                start=found.start,
                end=found.end,
                stance=stance,
                stance_by_editor=claim_id in overrides,
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


def claims_first_reported(*, claim_ids: Iterable[int]) -> None:
    """Point each claim at the earliest-published article that carries it (undated articles last)."""
    for claim_id in claim_ids:
        first = (
            Article.objects.filter(evidence__claim_id=claim_id)
            .order_by(PUBLISHED_FIRST, "sha256")
            .values_list("id", flat=True)
            .first()
        )
        Claim.objects.filter(id=claim_id).update(first_reported_in_id=first)


def claims_redirect_emptied(*, previous: dict[tuple, int]) -> None:
    """A claim that lost all its quotes to another claim points there, so its permalink redirects."""
    live = set(
        Evidence.objects.filter(claim_id__in=set(previous.values())).values_list("claim_id", flat=True)
    )
    new_homes: dict[int, Counter] = defaultdict(Counter)
    for position, old in previous.items():
        if old in live:
            continue
        home = (
            Evidence.objects.filter(article_id=position[0], start=position[1], end=position[2])
            .values_list("claim_id", flat=True)
            .first()
        )
        if home is not None and home != old:
            new_homes[old][home] += 1
    for old, homes in new_homes.items():
        Claim.objects.filter(id=old).update(merged_into_id=homes.most_common(1)[0][0])
