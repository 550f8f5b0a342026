"""Celery tasks: each takes ids, re-fetches, and calls one service."""

from __future__ import annotations

import random

from celery import shared_task
from celery.signals import worker_init, worker_ready
from django.conf import settings
from django.db import DatabaseError

from stories import services


def retry_countdown(retries: int) -> float:
    """Exponential backoff with jitter: between half and all of min(cap, 2^(n+1)) seconds, so workers that
    failed together do not all knock on the recovered database at the same moment."""
    step = min(settings.NEWSDESK_RETRY_BACKOFF_CAP, 2 ** (retries + 1))
    return random.uniform(step / 2, step)


@shared_task(bind=True, acks_late=True, max_retries=None)
def analyse_article(self, article_id: int) -> None:
    """Analyse one article; database trouble is retried with backoff, then recorded on the article.

    If even recording fails (the database is still down), the task fails and the article stays `queued` or
    `processing` under an expiring lease, for the sweeper to send again: the failure is recorded or retried.
    """
    owner = f"{self.request.hostname or 'local'}/{self.request.id or article_id}"
    try:
        services.article_analyse(article_id=article_id, owner=owner)
    except DatabaseError as exc:
        if self.request.retries >= settings.NEWSDESK_RETRY_MAX:
            services.article_mark_failed(article_id=article_id, error=exc)
            return
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc


@shared_task(bind=True, acks_late=True, max_retries=None)
def reanalyse_story(self, story_id: int) -> None:
    """One step of a story reanalysis; the next step is its own task, so none nears the time limit."""
    try:
        more = services.story_reanalysis_step(story_id=story_id)
    except DatabaseError as exc:
        if self.request.retries >= settings.NEWSDESK_RETRY_MAX:
            raise  # the run is recorded: the sweeper resumes it once the database is back
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc
    if more:
        reanalyse_story.delay(story_id)


@shared_task(bind=True, acks_late=True, max_retries=None)
def import_batch(self, batch_id: int) -> None:
    """One step of importing an uploaded JSONL file; the next step is its own task."""
    try:
        more = services.import_batch_step(batch_id=batch_id)
    except DatabaseError as exc:
        if self.request.retries >= settings.NEWSDESK_RETRY_MAX:
            raise  # the batch is recorded line by line: the sweeper resumes it
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc
    if more:
        import_batch.delay(batch_id)


@shared_task(acks_late=True)
def sweep_analysis() -> None:
    """Send again what lost its message or its worker (Celery beat runs this every minute)."""
    services.analysis_sweep()


@worker_init.connect
def preload_when_a_worker_starts(sender=None, **kwargs) -> None:
    """Word lists and tables load before the pool starts, so no upload waits for them (and forks share them)."""
    services.analysis_preload()


@worker_ready.connect
def sweep_when_a_worker_starts(sender=None, **kwargs) -> None:
    """A worker coming back after everything stopped picks up the lost work at once, not a minute later."""
    sweep_analysis.delay()


@shared_task(acks_late=True)
def track_claim(tracked_id: int) -> None:
    """Give every analysed article of the story a stance toward one tracked claim; progress on the claim."""
    services.tracked_claim_refresh(tracked_id=tracked_id)


@shared_task(acks_late=True)
def track_article(article_id: int) -> None:
    """Judge one newly analysed article against every tracked claim of its story."""
    services.article_track(article_id=article_id)
