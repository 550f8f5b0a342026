"""Taking uploads in: refusing what is not an article, naming its story and outlet, storing each upload once."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import PurePath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F

from stories import selectors
from stories.models import Article, KnownOutlet, Source, Story
from stories.nlp.decode import decode_bytes
from stories.nlp.types import AnalysisError

from .claim_stats import outlet_renamed_stats_rebuild
from .enqueue import article_enqueue
from .refusals import (
    IngestError,
    source_name_too_long_message,
    upload_duplicate_message,
    upload_name_too_long_message,
    upload_refusal,
    upload_too_big_message,
    url_refusal_message,
)

URL_MAX = Article._meta.get_field("url").max_length
ORIGIN_MAX = Article._meta.get_field("origin").max_length
SOURCE_NAME_MAX = Source._meta.get_field("name").max_length
_WEB_URL = URLValidator(schemes=["http", "https"])


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


def web_url_check(url: str) -> str:
    """The URL stripped, if it is a web link that fits its column; raises IngestError otherwise (empty is fine)."""
    url = url.strip()
    if not url:
        return ""
    try:
        if len(url) > URL_MAX:
            raise ValidationError("too long")
        _WEB_URL(url)
    except ValidationError as exc:
        raise IngestError(url_refusal_message(url=url, limit=URL_MAX)) from exc
    return url


def upload_name_check(filename: str) -> None:
    """A file name must fit the column that keeps it, so it is stored whole rather than cut."""
    if len(filename) > ORIGIN_MAX:
        raise IngestError(upload_name_too_long_message(filename=filename, limit=ORIGIN_MAX))


def source_resolve(*, name: str = "", url: str = "") -> Source | None:
    """The outlet named, or the one whose domain the URL carries (named as the known-outlets table says, else by
    the domain itself); created on first sight."""
    name = name.strip()
    if len(name) > SOURCE_NAME_MAX:
        raise IngestError(source_name_too_long_message(name=name, limit=SOURCE_NAME_MAX))
    url = web_url_check(url)
    domain = urlsplit(url).hostname or "" if url else ""
    domain = domain.lower().removeprefix("www.")
    if name:
        source, created = Source.objects.get_or_create(name=name, defaults={"domain": domain})
        if not created and domain and not source.domain:
            source.domain = domain
            source.save(update_fields=["domain"])
        return source
    if domain:
        source = Source.objects.filter(domain=domain).first()
        if source is not None:
            return source
        known = selectors.known_outlet_for_domain(domain=domain)
        named = known.name[:SOURCE_NAME_MAX] if known else domain
        return Source.objects.get_or_create(name=named, defaults={"domain": domain})[0]
    return None


def known_outlet_apply(*, known: KnownOutlet) -> None:
    """Name the outlets that were only known by this domain (or its subdomains) with the name editors gave it."""
    for source in Source.objects.filter(name=F("domain")):
        if source.domain == known.domain or source.domain.endswith("." + known.domain):
            if not Source.objects.filter(name=known.name).exclude(pk=source.pk).exists():
                source.name = known.name[:SOURCE_NAME_MAX]
                source.save(update_fields=["name"])
                outlet_renamed_stats_rebuild(source_id=source.pk)


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

    Raises IngestError, with nothing stored, for refused input and for a byte-identical copy in the same story,
    except that a copy of a *failed* article retries that article with the metadata given now: a failure is
    something to fix (a URL, a date, an outlet, the code) and then import again, not a reason to refuse forever.
    """
    upload_validate(data, filename=origin)
    url = web_url_check(url)
    digest = hashlib.sha256(data).hexdigest()
    existing = selectors.article_same_upload(story=story, sha256=digest)
    if existing is not None and existing.status == Article.Status.FAILED:
        return _article_retry_upload(existing, source=source, url=url, title=title, published_at=published_at)
    if existing is not None:
        raise IngestError(upload_duplicate_message(origin=origin, existing=existing))
    if source is None:
        # Every article needs a lane and a matrix column; until the analysis or an editor names the outlet, it
        # is an unnamed outlet keyed by its file name.
        source = _source_stand_in(origin)
    with transaction.atomic():
        article = Article.objects.create(
            story=story,
            source=source,
            original=data,
            sha256=digest,
            origin=origin[:ORIGIN_MAX],
            url=url,
            title=title[:500],
            published_at=published_at,
            published_has_time=bool(published_at and (published_at.hour or published_at.minute)),
            published_by_editor=published_at is not None,
        )
        article_enqueue(article_id=article.id)
    return article


def _article_retry_upload(
    article: Article, *, source: Source | None, url: str, title: str, published_at: datetime | None
) -> Article:
    """Re-run a failed article, keeping what it had where the new upload says nothing."""
    article = Article.objects.get(pk=article.pk)
    article.source = source or article.source
    article.url = url or article.url
    article.title = title[:500] or article.title
    if published_at is not None:
        article.published_at = published_at
        article.published_has_time = bool(published_at.hour or published_at.minute)
        article.published_by_editor = True
    with transaction.atomic():
        article.save(
            update_fields=[
                "source",
                "url",
                "title",
                "published_at",
                "published_has_time",
                "published_by_editor",
            ]
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
    """An outlet name from a file name, cut to fit; the whole name stays in the article's origin."""
    name = PurePath(origin.split("?")[0]).stem or origin
    return name if len(name) <= SOURCE_NAME_MAX else name[: SOURCE_NAME_MAX - 1] + "…"


def _source_stand_in(origin: str) -> Source:
    """The outlet of an upload nothing names yet: keyed by its file name, shown as "unnamed outlet" (file_hint)."""
    source, created = Source.objects.get_or_create(
        name=_file_stand_in(origin),
        defaults={"file_hint": origin[: Source._meta.get_field("file_hint").max_length]},
    )
    return source


def article_source_from_site(*, article: Article, site_name: str | None) -> None:
    """Replace an unnamed stand-in outlet by the outlet the page names (metadata, desk credit or a byline credit,
    all in ``site_name``), or else by a known outlet whose domain the text cites."""
    stand_in = article.source
    if stand_in is None or not stand_in.file_hint:
        return
    if site_name:
        article.source = source_resolve(name=site_name[:SOURCE_NAME_MAX])
    else:
        # The whole upload, chrome included: a footer or a canonical link is where a page names its own domain.
        known = selectors.known_outlet_cited(text=decode_bytes(bytes(article.original), article.origin)[0])
        if known is None:
            return
        article.source = source_resolve(url=f"https://{known.domain}/")
    article.save(update_fields=["source"])
    if not stand_in.articles.exists():
        stand_in.delete()
