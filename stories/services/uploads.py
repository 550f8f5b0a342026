"""Taking uploads in: refusing what is not an article, naming its story and outlet, storing each upload once."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import PurePath
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from stories import selectors
from stories.models import Article, Source, Story
from stories.nlp.decode import decode_bytes
from stories.nlp.types import AnalysisError

from .enqueue import article_enqueue
from .refusals import IngestError, upload_duplicate_message, upload_refusal, upload_too_big_message


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
        raise IngestError(upload_too_big_message(filename=filename))
    try:
        decode_bytes(data, filename)
    except AnalysisError as exc:
        raise IngestError(upload_refusal(exc, filename=filename)) from exc


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
    if source is None:
        # Every article needs a lane and a matrix column; an unnamed outlet is named after its file until an
        # editor renames the source in the admin.
        source = source_resolve(name=_file_stand_in(origin))
    digest = hashlib.sha256(data).hexdigest()
    existing = selectors.article_same_upload(story=story, sha256=digest)
    if existing is not None:
        raise IngestError(upload_duplicate_message(origin=origin, existing=existing))
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


@transaction.atomic
def articles_ingest(
    *,
    story: Story,
    uploads: list[tuple[str, bytes]],
    source: Source | None = None,
    url: str = "",
    published_at: datetime | None = None,
) -> list[Article]:
    """Store a batch of (file name, bytes) uploads all or nothing, every one with the same outlet and date."""
    return [
        article_ingest(story=story, data=data, origin=name, source=source, url=url, published_at=published_at)
        for name, data in uploads
    ]


def _file_stand_in(origin: str) -> str:
    return PurePath(origin.split("?")[0]).stem or origin


def article_source_from_site(*, article: Article, site_name: str | None) -> None:
    """Replace a file-name stand-in outlet by the outlet the page names (metadata or desk credit)."""
    stand_in = article.source
    if (
        not site_name
        or stand_in is None
        or stand_in.domain
        or stand_in.name != _file_stand_in(article.origin)
    ):
        return
    article.source = source_resolve(name=site_name)
    article.save(update_fields=["source"])
    if not stand_in.articles.exists():
        stand_in.delete()
