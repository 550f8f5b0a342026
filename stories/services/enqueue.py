"""Handing analysis to the Celery worker, always after the surrounding transaction commits.

The database holds the intent (an article `queued`); a message is only a wake-up call. When the broker cannot
take it, the upload still succeeds, ``Article.enqueued_at`` stays empty, and the sweeper sends it later.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from stories.models import Article
from stories.nlp import pipeline

logger = logging.getLogger(__name__)


def analysis_in_process() -> bool:
    """True on the embedded default (no broker): an upload is analysed inside the call that stores it."""
    from newsdesk.celery import app

    return bool(app.conf.task_always_eager)


def analysis_preload() -> None:
    """Ready this process for many analyses (a worker starting, a bulk import run in-process)."""
    pipeline.preload()


def article_enqueue(*, article_id: int) -> None:
    """Record that the article must be analysed, and send the message once the transaction commits."""
    Article.objects.filter(id=article_id).update(
        status=Article.Status.QUEUED,
        error="",
        enqueued_at=None,
        lease_owner="",
        lease_expires_at=None,
        staged_analysis=None,  # a result stored before this new intent is not what it asks for
    )
    transaction.on_commit(lambda: article_send(article_id=article_id))


def article_send(*, article_id: int) -> bool:
    """Hand one queued article to the broker now; False (and the article left for the sweeper) if it is down."""
    from stories.tasks import analyse_article  # stories.tasks imports the services: import it when called

    # Stamped before sending: in-process (eager) mode runs the task inside delay(), and a stamp written after
    # it would mark a finished article as waiting for a message again.
    Article.objects.filter(id=article_id, status=Article.Status.QUEUED).update(enqueued_at=timezone.now())
    try:
        analyse_article.delay(article_id)
    except (
        Exception
    ) as exc:  # kombu and redis raise many kinds for "broker unreachable"; all mean the same here
        logger.warning("analysis of article %s stays queued: the broker is unreachable (%s)", article_id, exc)
        Article.objects.filter(id=article_id, status=Article.Status.QUEUED).update(enqueued_at=None)
        return False
    return True


def story_reanalyse_enqueue(*, story_id: int) -> None:
    """Start a reanalysis of the whole story; its steps run as tasks once the surrounding transaction commits."""
    from .reanalysis import story_reanalysis_start

    story_reanalysis_start(story_id=story_id)
    transaction.on_commit(lambda: story_reanalysis_send(story_id=story_id))


def story_reanalysis_send(*, story_id: int) -> bool:
    from stories.tasks import reanalyse_story

    try:
        reanalyse_story.delay(story_id)
    except (
        Exception
    ) as exc:  # as above: the run is recorded, and the sweeper resumes it when the broker is back
        logger.warning("reanalysis of story %s waits for the broker (%s)", story_id, exc)
        return False
    return True


def import_batch_send(*, batch_id: int) -> bool:
    """Start (or resume) importing an uploaded JSONL file; False, and the batch left for the sweeper, if the
    broker is down."""
    from stories.tasks import import_batch

    try:
        import_batch.delay(batch_id)
    except Exception as exc:  # as above: the batch is recorded, and the sweeper resumes it
        logger.warning("import batch %s waits for the broker (%s)", batch_id, exc)
        return False
    return True
