"""Analysing articles: the lease on one, the pipeline run, storing what it found, spotting copies.

The order in which a story's results are stored is the sequencer's (services.sequencer).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from stories import selectors
from stories.models import Article, Event, Source, Story
from stories.nlp import dedup, pipeline
from stories.nlp.types import Analysis, AnalysisError, GazetteerEntry

from .claim_index import articles_claim_index_forget
from .claims import article_claims_save
from .copies import article_original_find
from .corrections import review_log
from .enqueue import article_enqueue
from .entities import article_entities_save
from .uploads import article_source_from_site


@dataclass(frozen=True)
class AnalysisInputs:
    """What the pipeline reads besides the upload; ``digest`` tells a stored result whose inputs moved on."""

    gazetteer: list[GazetteerEntry]
    sources: list[str]
    digest: str


def analysis_inputs(*, story: Story) -> AnalysisInputs:
    """The story's gazetteer and the named outlets. An unnamed outlet's stand-in is a file name, not a name a text
    can cite, and it comes and goes with uploads: leaving it out keeps the result independent of their timing."""
    gazetteer = selectors.story_gazetteer(story=story)
    sources = list(Source.objects.filter(file_hint="").order_by("name").values_list("name", flat=True))
    shown = json.dumps([[[g.name, g.kind, list(g.aliases)] for g in gazetteer], sources], ensure_ascii=False)
    return AnalysisInputs(gazetteer, sources, hashlib.sha256(shown.encode()).hexdigest())


def article_analysis_run(*, article: Article) -> tuple[Analysis, str]:
    """The pipeline on one upload (the expensive part, run outside any lock), and the digest of its inputs."""
    inputs = analysis_inputs(story=article.story)
    analysis = pipeline.analyse(
        bytes(article.original), filename=article.origin, gazetteer=inputs.gazetteer, sources=inputs.sources
    )
    return analysis, inputs.digest


def article_lease_take(*, article_id: int, owner: str, force: bool = False) -> bool:
    """Mark the article `processing`, held by ``owner`` until the lease ends; False if another holds it, or if
    it is analysed and waiting for its turn (only a forced run, a story reanalysis, analyses it again)."""
    now = timezone.now()
    articles = Article.objects.filter(id=article_id)
    if not force:
        held = Q(status=Article.Status.PROCESSING, lease_expires_at__gt=now) & ~Q(lease_owner=owner)
        articles = articles.exclude(held).filter(staged_analysis__isnull=True)
    until = now + timedelta(seconds=settings.NEWSDESK_ANALYSIS_LEASE)
    taken = articles.update(
        status=Article.Status.PROCESSING,
        error="",
        lease_owner=owner[:200],
        lease_expires_at=until,
        staged_analysis=None,
    )
    return taken == 1


def article_mark_failed(*, article_id: int, error: BaseException) -> None:
    message = str(error) if isinstance(error, AnalysisError) else f"{type(error).__name__}: {error}"
    Article.objects.filter(id=article_id).update(
        status=Article.Status.FAILED,
        error=message[:2000],
        lease_owner="",
        lease_expires_at=None,
        staged_analysis=None,
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
    article.staged_analysis = None
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
    return article_original_find(article=article)


def article_reanalyse(*, article: Article, user=None) -> None:
    article_enqueue(article_id=article.id)
    if user is not None:
        review_log(story=article.story, user=user, action="reanalyse", detail={"article": article.id})
