"""Deleting articles (an editor's choice in the admin): what the story shows afterwards equals what it would show
had they never been uploaded, for everything derived from quotes (index, first report, wording, standing)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from stories.models import Article, Claim, Evidence, Story

from .claim_index import articles_claim_index_forget, stories_claim_index_reset
from .claim_stats import claim_stats_articles_kept
from .claims import claims_first_reported


def articles_delete(*, article_ids: Iterable[int]) -> int:
    """Delete the articles, one story at a time under its row lock (analyses of that story wait), and recompute
    the derived state of every claim they or their copies carried. Returns how many articles were deleted."""
    by_story: dict[int, list[int]] = {}
    for article_id, story_id in Article.objects.filter(id__in=list(article_ids)).values_list(
        "id", "story_id"
    ):
        by_story.setdefault(story_id, []).append(article_id)
    return sum(_story_articles_delete(story_id, ids) for story_id, ids in sorted(by_story.items()))


@transaction.atomic
def _story_articles_delete(story_id: int, article_ids: list[int]) -> int:
    Story.objects.select_for_update().filter(id=story_id).first()
    with claim_stats_articles_kept(story_id=story_id, article_ids=article_ids) as claim_ids:
        articles_claim_index_forget(article_ids=article_ids)
        deleted = Article.objects.filter(id__in=article_ids).delete()[1].get(Article._meta.label, 0)
        claims_first_reported(claim_ids=claim_ids)
    return deleted


@transaction.atomic
def claims_delete(*, claim_ids: Iterable[int]) -> int:
    """Delete claims (the admin's raw delete); their quotes go with them, which the stories' claim indexes do not
    follow, so those are rebuilt. Returns how many claims were deleted."""
    claim_ids = list(claim_ids)
    held = set(Evidence.objects.filter(claim_id__in=claim_ids).values_list("article__story_id", flat=True))
    deleted = Claim.objects.filter(id__in=claim_ids).delete()[1].get(Claim._meta.label, 0)
    stories_claim_index_reset(story_ids=held)
    return deleted
