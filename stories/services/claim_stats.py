"""Keeping each claim's stored standing (ClaimStats) equal to what its evidence, outlets and corrections say.

Every writer that changes what a claim's rank is computed from calls one function here in its transaction: an
article's analysis, each editor's correction and its undo, a tracked claim's judgements, an outlet's new name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Q

from stories import selectors
from stories.models import Article, Claim, ClaimOutlet, ClaimStats, Correction, Evidence, Source, Story
from stories.nlp.types import Stance


@transaction.atomic
def claim_stats_refresh(*, story_id: int, claim_ids: Iterable[int]) -> None:
    """Recompute the rows of these claims (a claim no longer live loses its row); the first call for a story
    builds every row of it. Writers of one story's rows take turns on its row lock (an analysis holds it)."""
    story = Story.objects.select_for_update().filter(id=story_id).first()
    if story is None:
        return
    if not story.claim_stats_ready:
        story_claim_stats_rebuild(story_id=story_id)
        return
    claim_ids = set(claim_ids)
    if not claim_ids:
        return
    ranking = selectors.story_ranking(story=story, claim_ids=claim_ids)
    ClaimStats.objects.filter(claim_id__in=claim_ids).delete()
    ClaimOutlet.objects.filter(claim_id__in=claim_ids).delete()
    first = _first_reported(ranking)
    ClaimStats.objects.bulk_create(_row(story_id, rank, first) for rank in ranking.ranks.values())
    ClaimOutlet.objects.bulk_create(_carriers(story_id, ranking))


@transaction.atomic
def story_claim_stats_rebuild(*, story_id: int) -> None:
    """Every row of the story from scratch (a new story, a renamed outlet, or the command that checks them)."""
    story = Story.objects.select_for_update().filter(id=story_id).first()
    if story is None:
        return
    ranking = selectors.story_ranking(story=story)
    ClaimStats.objects.filter(story_id=story_id).delete()
    ClaimOutlet.objects.filter(story_id=story_id).delete()
    first = _first_reported(ranking)
    ClaimStats.objects.bulk_create(
        (_row(story_id, r, first) for r in ranking.ranks.values()), batch_size=2000
    )
    ClaimOutlet.objects.bulk_create(_carriers(story_id, ranking), batch_size=5000)
    Story.objects.filter(id=story_id).update(claim_stats_ready=True)


def _first_reported(ranking: selectors.Ranking) -> dict:
    claims = Claim.objects.filter(id__in=list(ranking.ranks)).exclude(first_reported_in=None)
    return dict(claims.values_list("id", "first_reported_in__published_at"))


def _row(story_id: int, rank: selectors.ClaimRank, first: dict) -> ClaimStats:
    return ClaimStats(
        first_reported_at=first.get(rank.claim_id),
        claim_id=rank.claim_id,
        story_id=story_id,
        outlets=rank.outlets,
        independent=rank.independent,
        contested=rank.contested,
        lead=rank.lead,
        tracked=rank.tracked,
        pinned=rank.pinned,
        key=rank.key,
        relayed=bool(rank.relays),
        relays=[list(pair) for pair in rank.relays],
        **{column: rank.stances.get(column, 0) for column in ClaimStats.STANCE_COLUMNS},
    )


def _carriers(story_id: int, ranking: selectors.Ranking) -> list[ClaimOutlet]:
    return [
        ClaimOutlet(
            claim_id=claim_id,
            story_id=story_id,
            source_id=source_id,
            stance=ranking.own.get((claim_id, source_id), ""),
        )
        for claim_id, sources in ranking.carriers.items()
        for source_id in sources
    ]


def _article_claims(article_ids: Iterable[int]) -> set[int]:
    """Claims quoted in these articles or in the copies of them (a copy counts with its original's outlet)."""
    article_ids = list(article_ids)
    rows = Evidence.objects.filter(
        Q(article_id__in=article_ids) | Q(article__duplicate_of_id__in=article_ids)
    )
    return set(rows.values_list("claim_id", flat=True))


def _outlet_names(story_id: int) -> dict[int, str]:
    return dict(Source.objects.filter(articles__story_id=story_id).distinct().values_list("id", "name"))


def _crediting(story_id: int, outlets: set[tuple[int, str]]) -> set[int]:
    """Claims with a quote that credits one of these outlets by name: a relay of it may begin or end."""
    by_name = {selectors.outlet_name_key(n): i for i, n in outlets if selectors.outlet_name_key(n)}
    credits = (
        Evidence.objects.filter(article__story_id=story_id, stance=Stance.ATTRIBUTES.value)
        .exclude(attributed_to="")
        .values_list("claim_id", "attributed_to")
        .distinct()
    )
    return {
        claim_id for claim_id, credit in credits if selectors.outlet_credited(credit, by_name) is not None
    }


@contextmanager
def claim_stats_kept(*, article: Article) -> Iterator[None]:
    """Around an article's new analysis (see ``claim_stats_articles_kept``)."""
    with claim_stats_articles_kept(story_id=article.story_id, article_ids=[article.id]):
        yield


@contextmanager
def claim_stats_articles_kept(*, story_id: int, article_ids: list[int]) -> Iterator[set[int]]:
    """Around a change to these articles' quotes (a new analysis, a deletion): the claims they and their copies
    carry before (yielded, for the caller's other refreshes) and after, and, when the story's outlets changed, the
    claims that credit an outlet that came or went, get their rows recomputed."""
    claims, outlets = _article_claims(article_ids), _outlet_names(story_id)
    yield set(claims)
    claims |= _article_claims(article_ids)
    changed = set(_outlet_names(story_id).items()) ^ set(outlets.items())
    if changed:
        claims |= _crediting(story_id, changed)
    claim_stats_refresh(story_id=story_id, claim_ids=claims)


def claim_stats_corrected(*, correction: Correction, touched: Iterable[int] = ()) -> None:
    """After an editor's correction or its undo: the claims it names, the claims of its quotes and of its article."""
    claims = {correction.claim_id, correction.other_claim_id, *touched} - {None}
    if correction.article_id:
        claims |= _article_claims([correction.article_id])
    claim_stats_refresh(story_id=correction.story_id, claim_ids=claims)


def claim_stats_tracked(*, story_id: int, article_ids: Iterable[int] | None = None) -> None:
    """After tracked claims judged these articles (or all of the story's): their claims' rows."""
    if article_ids is None:
        story_claim_stats_rebuild(story_id=story_id)
    else:
        claim_stats_refresh(story_id=story_id, claim_ids=_article_claims(article_ids))


def outlet_renamed_stats_rebuild(*, source_id: int) -> None:
    """An outlet's new name may make it the one other outlets credit: rebuild the stories it appears in."""
    for story_id in (
        Story.objects.filter(articles__source_id=source_id).distinct().values_list("id", flat=True)
    ):
        story_claim_stats_rebuild(story_id=story_id)
