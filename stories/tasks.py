"""Celery tasks: each takes ids, re-fetches, and calls one service."""

from __future__ import annotations

from celery import shared_task
from django.db import DatabaseError

from stories import services

MAX_RETRIES = 5


@shared_task(bind=True, acks_late=True, max_retries=MAX_RETRIES)
def analyse_article(self, article_id: int) -> None:
    """Analyse one article; database trouble is retried with backoff, then recorded on the article."""
    try:
        services.article_analyse(article_id=article_id)
    except DatabaseError as exc:
        if self.request.retries >= MAX_RETRIES:
            services.article_mark_failed(article_id=article_id, error=exc)
            return
        raise self.retry(exc=exc, countdown=min(2 ** (self.request.retries + 1), 120)) from exc


@shared_task(acks_late=True)
def reanalyse_story(story_id: int) -> None:
    """Reanalyse a whole story; a story deleted since it was queued has no articles left to analyse."""
    services.story_reanalyse(story_id=story_id)


@shared_task(acks_late=True)
def track_claim(tracked_id: int) -> None:
    """Give every analysed article of the story a stance toward one tracked claim; progress on the claim."""
    services.tracked_claim_refresh(tracked_id=tracked_id)


@shared_task(acks_late=True)
def track_article(article_id: int) -> None:
    """Judge one newly analysed article against every tracked claim of its story."""
    services.article_track(article_id=article_id)
