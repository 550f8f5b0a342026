"""Reads about a story's articles for uploads, reanalysis, the admin and the management commands."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from stories.models import Article, Story
from stories.nlp import pipeline


def articles_failed_or_stale(*, story: Story) -> QuerySet[Article]:
    """What a partial reanalysis retries: failed analyses, older pipelines, `done` articles that hold no quote
    (what an interrupted old-style story reanalysis left behind), and work stuck past its lease or grace."""
    return (
        Article.objects.filter(story=story)
        .filter(
            Q(status=Article.Status.FAILED)
            | ~Q(pipeline_version=pipeline.VERSION)
            | Q(status=Article.Status.DONE, evidence__isnull=True)
            | articles_stuck()
        )
        .distinct()
    )


def articles_stuck() -> Q:
    """Unfinished work that nothing will pick up by itself: queued with no message out (or one sent longer ago
    than the grace period), or processing past its worker's lease. The sweeper sends these again."""
    now = timezone.now()
    grace = now - timedelta(seconds=settings.NEWSDESK_QUEUE_GRACE)
    queued = Q(status=Article.Status.QUEUED) & (Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=grace))
    # An analysed article waiting for an earlier one of its story holds no lease: it is not stuck, and is saved
    # when that one settles (services.sequencer).
    expired = Q(status=Article.Status.PROCESSING, staged_analysis__isnull=True) & (
        Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now)
    )
    return queued | expired


def articles_waiting_for_queue(*, ids: list[int]) -> int:
    """How many of these articles are stored and queued but could not be handed to the broker yet."""
    return Article.objects.filter(id__in=ids, status=Article.Status.QUEUED, enqueued_at__isnull=True).count()


def article_same_upload(*, story: Story, sha256: str) -> Article | None:
    """The story's article stored from byte-identical upload, if any (only its id, origin and status are loaded)."""
    return Article.objects.filter(story=story, sha256=sha256).only("id", "origin", "status").first()


def article_statuses(*, ids: list[int]) -> dict[int, str]:
    return dict(Article.objects.filter(id__in=ids).values_list("id", "status"))
