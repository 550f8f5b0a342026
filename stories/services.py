"""Writes: ingesting uploads, running the analysis for one article, reanalysing a story, editor corrections."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from stories.models import (
    Article,
    Claim,
    Entity,
    Event,
    Evidence,
    Mention,
    ReviewLog,
    Source,
    StanceOverride,
    Story,
    TrackedClaim,
    TrackedStance,
)
from stories.nlp import dedup, entities as nlp_entities, match, pipeline, track
from stories.nlp.decode import decode_bytes
from stories.nlp.types import AnalysisError, Analysis, GazetteerEntry

logger = logging.getLogger(__name__)

PUBLISHED_FIRST = F("published_at").asc(nulls_last=True)


class IngestError(ValueError):
    """An upload refused before anything was stored; the message is meant for the editor."""


@dataclass(frozen=True)
class IngestResult:
    article: Article | None
    error: str = ""


def story_get_or_create(*, slug: str, title: str | None = None, is_public: bool | None = None) -> Story:
    story, created = Story.objects.get_or_create(slug=slug, defaults={"title": title or slug})
    changed = []
    if title and not created and story.title != title:
        story.title = title
        changed.append("title")
    if is_public is not None and story.is_public != is_public:
        story.is_public = is_public
        changed.append("is_public")
    if changed:
        story.save(update_fields=changed)
    return story


def source_resolve(*, name: str = "", url: str = "") -> Source | None:
    """The outlet named, or the one whose domain the URL carries; created on first sight."""
    domain = urlsplit(url).hostname or "" if url else ""
    domain = domain.removeprefix("www.")
    if name:
        source, created = Source.objects.get_or_create(name=name.strip(), defaults={"domain": domain})
        if not created and domain and not source.domain:
            source.domain = domain
            source.save(update_fields=["domain"])
        return source
    if domain:
        source = Source.objects.filter(domain=domain).first()
        return source or Source.objects.get_or_create(name=domain, defaults={"domain": domain})[0]
    return None


def upload_validate(data: bytes, *, filename: str | None = None) -> None:
    """Refuse what is not an article: too big, empty, binary, undecodable. Raises IngestError."""
    if len(data) > settings.ARTICLE_MAX_BYTES:
        limit_mb = settings.ARTICLE_MAX_BYTES / (1024 * 1024)
        raise IngestError(f"{filename or 'The upload'} is larger than {limit_mb:g} MB.")
    try:
        decode_bytes(data, filename)
    except AnalysisError as exc:
        raise IngestError(f"{filename or 'The upload'}: {exc}") from exc


def article_ingest(
    *,
    story: Story,
    data: bytes,
    origin: str,
    source: Source | None = None,
    url: str = "",
    title: str = "",
    published_at: datetime | None = None,
) -> Article:
    """Store one upload and enqueue its analysis once the row is committed.

    Raises IngestError, with nothing stored, for refused input and for a byte-identical copy in the same story.
    """
    upload_validate(data, filename=origin)
    digest = hashlib.sha256(data).hexdigest()
    existing = Article.objects.filter(story=story, sha256=digest).only("id", "origin").first()
    if existing is not None:
        raise IngestError(f"{origin} is identical to article #{existing.id} ({existing.origin}); not stored twice.")
    with transaction.atomic():
        article = Article.objects.create(
            story=story,
            source=source,
            original=data,
            sha256=digest,
            origin=origin[:500],
            url=url,
            title=title[:500],
            published_at=published_at,
            published_has_time=bool(published_at and (published_at.hour or published_at.minute)),
            published_by_editor=published_at is not None,
        )
        article_enqueue(article_id=article.id)
    return article


def article_enqueue(*, article_id: int) -> None:
    """Queue analysis after the surrounding transaction commits, so the worker always finds the row."""
    from stories.tasks import analyse_article

    Article.objects.filter(id=article_id).update(status=Article.Status.QUEUED, error="")
    transaction.on_commit(lambda: analyse_article.delay(article_id))


def story_gazetteer(*, story: Story) -> list[GazetteerEntry]:
    return [
        GazetteerEntry(name=e.name, kind=e.kind, aliases=tuple(e.aliases))
        for e in Entity.objects.filter(story=story, curated=True)
    ]


def article_analyse(*, article_id: int) -> Article | None:
    """Run the pipeline on one article and replace its derived rows in one transaction.

    Idempotent: a second run leaves the same rows. Analysis errors mark the article failed, keeping the upload.
    Database errors propagate so that the task can retry.
    """
    article = Article.objects.select_related("story").filter(id=article_id).first()
    if article is None:
        return None
    Article.objects.filter(id=article_id).update(status=Article.Status.PROCESSING, error="")
    story = article.story
    try:
        analysis = pipeline.analyse(
            bytes(article.original),
            filename=article.origin,
            gazetteer=story_gazetteer(story=story),
            sources=list(Source.objects.values_list("name", flat=True)),
        )
    except DatabaseError:
        raise
    except Exception as exc:  # any analysis bug must leave a retryable, explained article, never a stuck one
        logger.exception("analysis of article %s failed", article_id)
        message = str(exc) if isinstance(exc, AnalysisError) else f"{type(exc).__name__}: {exc}"
        Article.objects.filter(id=article_id).update(status=Article.Status.FAILED, error=message[:2000])
        return None
    with transaction.atomic():
        Story.objects.select_for_update().filter(id=story.id).first()  # one story's matching at a time
        _article_save_analysis(article, analysis)
    return article


def _article_save_analysis(article: Article, analysis: Analysis) -> None:
    article.text = analysis.text
    if not article.title:
        article.title = (analysis.title or "")[:500]
    if not article.published_by_editor and analysis.published_at is not None:
        article.published_at = timezone.make_aware(analysis.published_at, timezone.UTC) if timezone.is_naive(
            analysis.published_at
        ) else analysis.published_at
        article.published_has_time = analysis.published_has_time
    article.signature = list(dedup.signature(analysis.text))
    article.pipeline_version = analysis.version
    article.status = Article.Status.DONE
    article.error = ""
    article.analysed_at = timezone.now()
    if not article.duplicate_by_editor:
        article.duplicate_of_id = _original_of(article)
    article.save()
    article.mentions.all().delete()
    article.evidence.all().delete()
    article.events.all().delete()
    _save_entities(article, analysis)
    _save_claims(article, analysis)
    Event.objects.bulk_create(
        Event(article=article, date=d.date, precision=d.precision, start=d.start, end=d.end) for d in analysis.dates
    )


def _original_of(article: Article) -> int | None:
    earlier = (
        Article.objects.filter(story_id=article.story_id, status=Article.Status.DONE, duplicate_of__isnull=True)
        .exclude(id=article.id)
        .values_list("id", "published_at", "signature")
    )
    # Only an article published before this one (or uploaded earlier, when dates tie or are missing) can be its original.
    def order(row):
        return (row[1] is None, row[1] or timezone.now(), row[0])

    mine = (article.published_at is None, article.published_at or timezone.now(), article.id)
    candidates = [(i, tuple(sig)) for i, p, sig in sorted(earlier, key=order) if sig and order((i, p)) < mine]
    return dedup.find_original(tuple(article.signature), candidates)


def _save_entities(article: Article, analysis: Analysis) -> None:
    story_entities = list(Entity.objects.filter(story_id=article.story_id))
    by_key: dict[str, Entity] = {}
    for found in analysis.entities:
        entity = _entity_for(found, story_entities)
        if entity is None:
            entity = Entity.objects.create(
                story_id=article.story_id, key=found.key[:200], name=found.name[:200], kind=found.kind,
                aliases=sorted(set(found.aliases) - {found.name}),
            )
            story_entities.append(entity)
        else:
            aliases = sorted((set(entity.aliases) | set(found.aliases) | {found.name}) - {entity.name})
            if aliases != entity.aliases:
                entity.aliases = aliases
                entity.save(update_fields=["aliases"])
        by_key[found.key] = entity
    Mention.objects.bulk_create(
        Mention(
            entity=by_key[m.entity_key], article=article, start=m.start, end=m.end, epithet=(m.epithet or "")[:200]
        )
        for m in analysis.mentions
        if m.entity_key in by_key
    )


def _entity_for(found, story_entities: list[Entity]) -> Entity | None:
    for entity in story_entities:
        if entity.key == found.key:
            return entity
    for entity in story_entities:
        names = [entity.name, *entity.aliases]
        if any(nlp_entities.same_entity(found.name, name) for name in names):
            return entity
    return None


def _claim_index(story_id: int, exclude_article_id: int) -> match.ClaimIndex:
    index = match.ClaimIndex()
    rows = (
        Evidence.objects.filter(article__story_id=story_id, claim__merged_into__isnull=True)
        .exclude(article_id=exclude_article_id)
        .values_list("claim_id", "key")
    )
    covered = set()
    for claim_id, key in rows:
        index.add(claim_id, key)
        covered.add(claim_id)
    # Claims left without evidence (e.g. by this article's previous run) stay matchable so their ids, and
    # the permalinks built on them, come back when the same text is analysed again.
    for claim_id, key in Claim.objects.filter(story_id=story_id, merged_into__isnull=True).exclude(
        id__in=covered
    ).values_list("id", "key"):
        if key:
            index.add(claim_id, key)
    return index


def _save_claims(article: Article, analysis: Analysis) -> None:
    index = _claim_index(article.story_id, article.id)
    fresh: list[int] = []

    def new_id() -> int:
        fresh.append(-(len(fresh) + 1))
        return fresh[-1]

    assigned = match.assign(index, analysis.claims, new_id)
    real: dict[int, int] = {}
    for found, claim_id in zip(analysis.claims, assigned, strict=True):
        if claim_id < 0 and claim_id not in real:
            claim = Claim.objects.create(
                story_id=article.story_id, text=found.proposition, key=list(found.key), first_reported_in=article
            )
            real[claim_id] = claim.id
    overrides = dict(
        StanceOverride.objects.filter(article=article).values_list("claim_id", "stance")
    )
    rows = []
    for found, claim_id in zip(analysis.claims, assigned, strict=True):
        claim_id = real.get(claim_id, claim_id)
        claim_id = _follow_merges(claim_id)
        stance = overrides.get(claim_id, found.stance)
        rows.append(
            Evidence(
                claim_id=claim_id, article=article, start=found.start, end=found.end, stance=stance,
                stance_by_editor=claim_id in overrides, attributed_to=(found.attributed_to or "")[:200],
                key=list(found.key),
            )
        )
    Evidence.objects.bulk_create(rows)
    claims_first_reported(claim_ids={row.claim_id for row in rows})


def _follow_merges(claim_id: int) -> int:
    seen = set()
    while claim_id not in seen:
        seen.add(claim_id)
        target = Claim.objects.filter(id=claim_id).values_list("merged_into_id", flat=True).first()
        if not target:
            return claim_id
        claim_id = target
    return claim_id


def claims_first_reported(*, claim_ids: Iterable[int]) -> None:
    """Point each claim at the earliest-published article that carries it (undated articles last)."""
    for claim_id in claim_ids:
        first = (
            Article.objects.filter(evidence__claim_id=claim_id)
            .order_by(PUBLISHED_FIRST, "id")
            .values_list("id", flat=True)
            .first()
        )
        Claim.objects.filter(id=claim_id).update(first_reported_in_id=first)


def article_reanalyse(*, article: Article, user=None) -> None:
    article_enqueue(article_id=article.id)
    if user is not None:
        review_log(story=article.story, user=user, action="reanalyse", detail={"article": article.id})


def story_reanalyse(*, story: Story) -> list[int]:
    """Analyse every article again in a canonical order, so the result does not depend on arrival order."""
    ids = list(
        Article.objects.filter(story=story)
        .order_by(PUBLISHED_FIRST, "sha256")
        .values_list("id", flat=True)
    )
    Evidence.objects.filter(article__story=story).delete()
    for article_id in ids:
        article_analyse(article_id=article_id)
    return ids


def review_log(*, story: Story, user, action: str, detail: dict) -> ReviewLog:
    return ReviewLog.objects.create(story=story, user=user if user and user.is_authenticated else None,
                                    action=action, detail=detail)


def claim_track(*, story: Story, text: str, user=None) -> TrackedClaim:
    """Store a claim an editor typed and give every analysed article of the story a stance toward it."""
    tracked = TrackedClaim.objects.create(story=story, text=text.strip(), created_by=user)
    tracked_claim_refresh(tracked=tracked)
    return tracked


def tracked_claim_refresh(*, tracked: TrackedClaim) -> None:
    articles = Article.objects.filter(story_id=tracked.story_id, status=Article.Status.DONE).only("id", "text")
    rows = []
    for article in articles:
        result = track.track(tracked.text, article.text)
        rows.append(
            TrackedStance(tracked=tracked, article=article, stance=result.stance, start=result.start,
                          end=result.end, score=round(float(result.score), 4))
        )
    with transaction.atomic():
        tracked.results.all().delete()
        TrackedStance.objects.bulk_create(rows)


def articles_failed_or_stale(*, story: Story):
    return Article.objects.filter(story=story).filter(
        Q(status=Article.Status.FAILED) | ~Q(pipeline_version=pipeline.VERSION)
    )
