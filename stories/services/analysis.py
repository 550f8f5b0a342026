"""Analysing articles: take the lease on one, run the pipeline, store what it found, spot copies."""

from __future__ import annotations

import logging
from datetime import UTC, timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from stories import selectors
from stories.models import Article, Event, Source, Story
from stories.nlp import dedup, pipeline
from stories.nlp.types import Analysis, AnalysisError

from .claim_index import articles_claim_index_forget
from .claims import article_claims_save
from .corrections import review_log
from .enqueue import article_enqueue
from .entities import article_entities_save
from .tracking import article_track_enqueue
from .uploads import article_source_from_site
from .versions import story_version_bump

logger = logging.getLogger(__name__)


def article_analyse(
    *, article_id: int, previous: dict[tuple, int] | None = None, owner: str = "", force: bool = False
) -> Article | None:
    """Run the pipeline on one article and replace its derived rows in one transaction.

    Idempotent: a second run leaves the same rows. Analysis errors mark the article failed, keeping the upload.
    Database errors propagate so that the task can retry. The run holds a lease on the article (``owner``
    names who holds it); a message for an article another worker holds is dropped, unless ``force``.
    """
    article = Article.objects.select_related("story").filter(id=article_id).first()
    if article is None:
        return None
    if not article_lease_take(article_id=article_id, owner=owner, force=force):
        logger.info("article %s is being analysed by %s; this message is dropped", article_id, owner)
        return None
    story = article.story
    try:
        analysis = pipeline.analyse(
            bytes(article.original),
            filename=article.origin,
            gazetteer=selectors.story_gazetteer(story=story),
            sources=list(Source.objects.values_list("name", flat=True)),
        )
        with transaction.atomic():
            Story.objects.select_for_update().filter(id=story.id).first()  # one story's matching at a time
            _article_save_analysis(article, analysis, previous)
            story_version_bump(story_id=story.id)
    except DatabaseError:
        raise
    except Exception as exc:  # any analysis bug must leave a retryable, explained article, never a stuck one
        logger.exception("analysis of article %s failed", article_id)
        article_mark_failed(article_id=article_id, error=exc)
        return None
    if (
        previous is None
    ):  # a new upload: the story's tracked claims judge it (a reanalysis re-tracks at its end)
        article_track_enqueue(article_id=article_id)
    return article


def article_lease_take(*, article_id: int, owner: str, force: bool = False) -> bool:
    """Mark the article `processing`, held by ``owner`` until the lease ends; False if another holds it."""
    now = timezone.now()
    articles = Article.objects.filter(id=article_id)
    if not force:
        held = Q(status=Article.Status.PROCESSING, lease_expires_at__gt=now) & ~Q(lease_owner=owner)
        articles = articles.exclude(held)
    until = now + timedelta(seconds=settings.NEWSDESK_ANALYSIS_LEASE)
    taken = articles.update(
        status=Article.Status.PROCESSING, error="", lease_owner=owner[:200], lease_expires_at=until
    )
    return taken == 1


def article_mark_failed(*, article_id: int, error: BaseException) -> None:
    message = str(error) if isinstance(error, AnalysisError) else f"{type(error).__name__}: {error}"
    Article.objects.filter(id=article_id).update(
        status=Article.Status.FAILED, error=message[:2000], lease_owner="", lease_expires_at=None
    )


def _article_save_analysis(article: Article, analysis: Analysis, previous: dict[tuple, int] | None) -> None:
    article.text = analysis.text
    if not article.title:
        article.title = (analysis.title or "")[:500]
    if not article.published_by_editor and analysis.published_at is not None:
        published = analysis.published_at
        article.published_at = (
            timezone.make_aware(published, UTC) if timezone.is_naive(published) else published
        )
        article.published_has_time = analysis.published_has_time
    article_source_from_site(article=article, site_name=analysis.site_name)
    article.signature = list(dedup.signature(analysis.text))
    article.pipeline_version = analysis.version
    article.status = Article.Status.DONE
    article.error = ""
    article.analysed_at = timezone.now()
    article.lease_owner, article.lease_expires_at = "", None
    article.reanalysis_pending = False  # its replacement is committed with this transaction
    if not article.duplicate_by_editor:
        article.duplicate_of_id = _original_of(article)
    article.save()
    article.mentions.all().delete()
    articles_claim_index_forget(article_ids=[article.id])
    article.evidence.all().delete()
    article.events.all().delete()
    article_entities_save(article=article, analysis=analysis)
    article_claims_save(article=article, analysis=analysis, previous=previous)
    Event.objects.bulk_create(
        Event(article=article, date=d.date, precision=d.precision, start=d.start, end=d.end)
        for d in analysis.dates
    )


def _original_of(article: Article) -> int | None:
    """The earlier article this one copies, whole or as an excerpt: earlier publication first, then the longer
    text, then the upload's hash, so the answer does not depend on the order of uploads."""
    earlier = (
        Article.objects.filter(
            story_id=article.story_id, status=Article.Status.DONE, duplicate_of__isnull=True
        )
        .exclude(id=article.id)
        .values_list("id", "published_at", "sha256", "signature", "text")
    )
    mine = dedup.copy_order(article.published_at, article.text, article.sha256)
    rows = sorted(earlier, key=lambda row: dedup.copy_order(row[1], row[4], row[2]))
    candidates = [
        (i, text, tuple(sig))
        for i, published, sha, sig, text in rows
        if sig and dedup.copy_order(published, text, sha) < mine
    ]
    return dedup.original_index(article.text, tuple(article.signature), candidates)


def article_reanalyse(*, article: Article, user=None) -> None:
    article_enqueue(article_id=article.id)
    if user is not None:
        review_log(story=article.story, user=user, action="reanalyse", detail={"article": article.id})
