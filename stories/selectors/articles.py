"""Reads about a story's articles for uploads, reanalysis, the admin and the management commands."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from stories.models import Article, Story
from stories.nlp import pipeline


def articles_failed_or_stale(*, story: Story) -> QuerySet[Article]:
    """Articles whose analysis failed or was made by an older pipeline: what a partial reanalysis retries."""
    return Article.objects.filter(story=story).filter(
        Q(status=Article.Status.FAILED) | ~Q(pipeline_version=pipeline.VERSION)
    )


def article_same_upload(*, story: Story, sha256: str) -> Article | None:
    """The story's article stored from byte-identical upload, if any (only its id, origin and status are loaded)."""
    return Article.objects.filter(story=story, sha256=sha256).only("id", "origin", "status").first()


def article_statuses(*, ids: list[int]) -> dict[int, str]:
    return dict(Article.objects.filter(id__in=ids).values_list("id", "status"))
