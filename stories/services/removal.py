"""Deleting articles (an editor's choice in the admin): what the story shows afterwards equals what it would show
had they never been uploaded, for everything derived from quotes (index, first report, wording, standing)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from stories.models import Article, Story

from .claim_index import articles_claim_index_forget
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
