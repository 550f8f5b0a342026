"""The sweeper: hands out again the analyses whose message or worker was lost, and resumes story reanalyses.

The database is the record of what must run; Celery messages can be lost (broker down at upload, broker restarted
without persistence, a worker killed). Celery beat runs this every NEWSDESK_SWEEP_INTERVAL seconds; on the
embedded default (no broker) the status page runs it in-process, see ``analysis_sweep_if_due``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from stories import selectors
from stories.models import Article, ImportBatch, StoryReanalysis

from .enqueue import article_send, import_batch_send, story_reanalysis_send
from .sequencer import stories_waiting_drain


@dataclass
class SweepReport:
    sent: int = 0
    waiting: int = 0  # still without a message because the broker is unreachable
    stories_resumed: int = 0
    drained: int = 0  # analysed articles saved because every earlier article of their story had settled
    batches_resumed: int = 0


def analysis_sweep(*, limit: int | None = None) -> SweepReport:
    """Send every lost analysis again, save analysed articles whose turn came while no worker was there to save
    them, and resume story reanalyses that stopped making progress."""
    report = SweepReport()
    report.drained = stories_waiting_drain()
    ids = list(Article.objects.filter(selectors.articles_stuck()).order_by("id").values_list("id", flat=True))
    for at, article_id in enumerate(ids):
        if limit is not None and report.sent >= limit:
            break
        Article.objects.filter(Q(id=article_id) & selectors.articles_stuck()).update(
            status=Article.Status.QUEUED, lease_owner="", lease_expires_at=None
        )
        if not article_send(article_id=article_id):
            report.waiting = len(ids) - at  # the broker is down: the rest would fail the same way
            return report
        report.sent += 1
    stale = timezone.now() - timedelta(seconds=settings.NEWSDESK_ANALYSIS_LEASE)
    for story_id in StoryReanalysis.objects.filter(touched_at__lt=stale).values_list("story_id", flat=True):
        StoryReanalysis.objects.filter(story_id=story_id).update(touched_at=timezone.now())
        if not story_reanalysis_send(story_id=story_id):
            break
        report.stories_resumed += 1
    live = ImportBatch.objects.filter(status__in=[ImportBatch.Status.QUEUED, ImportBatch.Status.RUNNING])
    for batch_id in live.filter(touched_at__lt=stale).values_list("id", flat=True):
        ImportBatch.objects.filter(id=batch_id).update(touched_at=timezone.now())
        if not import_batch_send(batch_id=batch_id):
            break
        report.batches_resumed += 1
    return report


_last_sweep = {"at": float("-inf")}
# In-process, each sweep analyses what it sends before returning: a few articles per call keep a page quick.
IN_PROCESS_LIMIT = 3


def analysis_sweep_if_due() -> SweepReport | None:
    """The embedded default's sweeper: at most once per interval per process, and only without a broker.

    Called from the status page, which an editor has open (and which polls itself) exactly while work is
    unfinished; with a broker, Celery beat sweeps instead and the page never waits on a dead broker.
    """
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        return None
    now = time.monotonic()
    if now - _last_sweep["at"] < settings.NEWSDESK_SWEEP_INTERVAL:
        return None
    _last_sweep["at"] = now
    return analysis_sweep(limit=IN_PROCESS_LIMIT)
