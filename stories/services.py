"""Writes: ingesting uploads, running the analysis for one article, reanalysing a story, editor corrections."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stories.models import (
    Article,
    Claim,
    ClaimPin,
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
from stories.nlp import dedup, match, pipeline, track
from stories.nlp import entities as nlp_entities
from stories.nlp.camel import normalize
from stories.nlp.decode import decode_bytes
from stories.nlp.types import Analysis, AnalysisError, GazetteerEntry

logger = logging.getLogger(__name__)

PUBLISHED_FIRST = F("published_at").asc(nulls_last=True)
EARLIEST = datetime.min.replace(tzinfo=UTC)


class IngestError(ValueError):
    """An upload refused before anything was stored; the message is meant for the editor."""


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


# The editor's words for each AnalysisError.code of stories.nlp.decode (which cannot use gettext);
# an error without a known code keeps the pipeline's English message.
_REFUSALS = {
    "empty": gettext_lazy("%(name)s: الملف فارغ، ليس فيه نص للتحليل."),
    "undecodable": gettext_lazy(
        "%(name)s: تعذّر التعرّف على ترميز النص. احفظ الملف بترميز UTF-8 "
        "(أو ترميز ويندوز العربي windows-1256) ثم ارفعه من جديد."
    ),
    "binary:nul": gettext_lazy("%(name)s: هذا الملف ثنائي (فيه بايتات NUL) وليس مقالة نصية."),
    "binary:control": gettext_lazy("%(name)s: يبدو هذا الملف ثنائيًا (مليئًا بمحارف التحكم) وليس مقالة نصية."),
}
_BINARY_KINDS = {
    "PDF document": gettext_lazy("مستند PDF"),
    "PNG image": gettext_lazy("صورة PNG"),
    "JPEG image": gettext_lazy("صورة JPEG"),
    "GIF image": gettext_lazy("صورة GIF"),
    "ZIP archive": gettext_lazy("أرشيف ZIP (ملفات Word وExcel وأمثالها أرشيفات ZIP)"),
    "old Office document": gettext_lazy("مستند Microsoft Office قديم"),
    "RTF document": gettext_lazy("مستند RTF"),
    "gzip archive": gettext_lazy("أرشيف gzip"),
}


def upload_name(filename: str | None) -> str:
    """A file name for a message. In Arabic it is bidi-isolated, or "000_a.txt" shows up as "a.txt_000"."""
    if not filename:
        return _("الملف المرفوع")
    return f"\u2068{filename}\u2069" if translation.get_language_bidi() else filename


def upload_refusal(error: AnalysisError, *, filename: str | None = None) -> str:
    """The message an editor sees for an unreadable upload, in the active language."""
    name = upload_name(filename)
    if error.code in _REFUSALS:
        return _REFUSALS[error.code] % {"name": name}
    kind = _BINARY_KINDS.get(error.code.removeprefix("binary:")) if error.code.startswith("binary:") else None
    if kind is not None:
        return _("%(name)s: هذا الملف %(kind)s وليس مقالة. ارفع المقالة نصًا عاديًا أو صفحة HTML.") % {
            "name": name,
            "kind": kind,
        }
    return f"{name}: {error}"


def upload_duplicate_message(*, origin: str, existing: Article) -> str:
    """Shared by article_ingest and the upload form, which checks a whole batch before storing any of it."""
    return _("%(name)s مطابق تمامًا للمقالة رقم %(id)s (%(origin)s)، فلن يُخزَّن مرتين.") % {
        "name": upload_name(origin),
        "id": existing.id,
        "origin": upload_name(existing.origin),
    }


def upload_validate(data: bytes, *, filename: str | None = None) -> None:
    """Refuse what is not an article: too big, empty, binary, undecodable. Raises IngestError."""
    if len(data) > settings.ARTICLE_MAX_BYTES:
        limit_mb = settings.ARTICLE_MAX_BYTES / (1024 * 1024)
        raise IngestError(
            _("%(name)s أكبر من %(limit)s ميغابايت.")
            % {"name": upload_name(filename), "limit": f"{limit_mb:g}"}
        )
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
    existing = Article.objects.filter(story=story, sha256=digest).only("id", "origin").first()
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


def _file_stand_in(origin: str) -> str:
    return PurePath(origin.split("?")[0]).stem or origin


def _source_from_analysis(article: Article, site_name: str | None) -> None:
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


def article_analyse(*, article_id: int, previous: dict[tuple, int] | None = None) -> Article | None:
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
        with transaction.atomic():
            Story.objects.select_for_update().filter(id=story.id).first()  # one story's matching at a time
            _article_save_analysis(article, analysis, previous)
    except DatabaseError:
        raise
    except Exception as exc:  # any analysis bug must leave a retryable, explained article, never a stuck one
        logger.exception("analysis of article %s failed", article_id)
        article_mark_failed(article_id=article_id, error=exc)
        return None
    return article


def article_mark_failed(*, article_id: int, error: BaseException) -> None:
    message = str(error) if isinstance(error, AnalysisError) else f"{type(error).__name__}: {error}"
    Article.objects.filter(id=article_id).update(status=Article.Status.FAILED, error=message[:2000])


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
    _source_from_analysis(article, analysis.site_name)
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
    _save_claims(article, analysis, previous)
    Event.objects.bulk_create(
        Event(article=article, date=d.date, precision=d.precision, start=d.start, end=d.end)
        for d in analysis.dates
    )


def _original_of(article: Article) -> int | None:
    """The earliest earlier article this one copies; publication date first, then the upload's hash, so the
    answer does not depend on the order of uploads."""
    earlier = (
        Article.objects.filter(
            story_id=article.story_id, status=Article.Status.DONE, duplicate_of__isnull=True
        )
        .exclude(id=article.id)
        .values_list("id", "published_at", "sha256", "signature")
    )

    def order(published, sha256):
        return (published is None, published or EARLIEST, sha256)

    mine = order(article.published_at, article.sha256)
    rows = sorted(earlier, key=lambda row: order(row[1], row[2]))
    candidates = [(i, tuple(sig)) for i, published, sha, sig in rows if sig and order(published, sha) < mine]
    return dedup.find_original(tuple(article.signature), candidates)


def _save_entities(article: Article, analysis: Analysis) -> None:
    story_entities = list(Entity.objects.filter(story_id=article.story_id))
    by_key: dict[str, Entity] = {}
    for found in analysis.entities:
        entity = _entity_for(found, story_entities)
        if entity is None:
            entity = Entity.objects.create(
                story_id=article.story_id,
                key=found.key[:200],
                name=found.name[:200],
                kind=found.kind,
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
            entity=by_key[m.entity_key],
            article=article,
            start=m.start,
            end=m.end,
            epithet=(m.epithet or "")[:200],
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


@dataclass
class _CachedIndex:
    stamp: tuple
    last_id: int
    count: int
    index: match.ClaimIndex


# Per worker process: the story's claim index, extended with each new upload's evidence instead of being rebuilt
# from every stored key (half a second at 10,000 claims). Any other change to the story's evidence rebuilds it.
_INDEXES: OrderedDict[int, _CachedIndex] = OrderedDict()
_INDEXES_KEPT = 16


def _claim_index(story_id: int, *, with_orphans: bool) -> match.ClaimIndex:
    live = Evidence.objects.filter(article__story_id=story_id, claim__merged_into__isnull=True)
    if with_orphans and _orphan_claims(story_id).exists():
        return _claim_index_build(story_id, live, with_orphans=True)
    stats = live.aggregate(count=Count("id"), last=Max("id"))
    count, last = stats["count"], stats["last"] or 0
    stamp = (
        Claim.objects.filter(story_id=story_id, merged_into__isnull=False).count(),
        ReviewLog.objects.filter(story_id=story_id).count(),
    )
    cached = _INDEXES.get(story_id)
    if cached is not None and cached.stamp == stamp and cached.last_id <= last:
        fresh = list(
            live.filter(id__gt=cached.last_id).order_by("id").values_list("claim_id", "key", "proposition")
        )
        if cached.count + len(fresh) == count:
            for claim_id, key, proposition in fresh:
                cached.index.add(claim_id, key, proposition)
            cached.last_id, cached.count = last, count
            _INDEXES.move_to_end(story_id)
            return cached.index
    index = _claim_index_build(story_id, live, with_orphans=False)
    _INDEXES[story_id] = _CachedIndex(stamp=stamp, last_id=last, count=count, index=index)
    while len(_INDEXES) > _INDEXES_KEPT:
        _INDEXES.popitem(last=False)
    return index


def _orphan_claims(story_id: int):
    return Claim.objects.filter(story_id=story_id, merged_into__isnull=True, evidence__isnull=True).exclude(
        key=[]
    )


def _claim_index_build(story_id: int, live, *, with_orphans: bool) -> match.ClaimIndex:
    index = match.ClaimIndex()
    for claim_id, key, proposition in live.order_by("id").values_list("claim_id", "key", "proposition"):
        index.add(claim_id, key, proposition)
    if with_orphans:
        # Claims left without evidence (e.g. by this article's previous run) stay matchable so that their ids,
        # and the permalinks built on them, come back when the same text is analysed again.
        for claim_id, key, text in _orphan_claims(story_id).order_by("id").values_list("id", "key", "text"):
            index.add(claim_id, key, text)
    return index


def _save_claims(article: Article, analysis: Analysis, previous: dict[tuple, int] | None = None) -> None:
    """Match the article's claims into the story's and store its evidence.

    ``previous`` (story reanalysis only) maps (article, start, end) to the claim that held that quote before,
    so a claim the fresh matching re-creates gets its old id, and its permalink, back.
    """
    index = _claim_index(article.story_id, with_orphans=previous is None)
    fresh: list[int] = []

    def new_id() -> int:
        fresh.append(-(len(fresh) + 1))
        return fresh[-1]

    checkpoint = index.mark()
    try:
        assigned = match.assign(index, analysis.claims, new_id)
    finally:
        index.rollback(
            checkpoint
        )  # the index may be the process-wide cache; saved evidence joins it next time
    assigned = match.join_headline(analysis.claims, assigned, _headline_end(analysis), lambda i: i < 0)
    # An editor's split pins a sentence to a claim; the pin wins over the matcher on every run.
    pins = {
        tuple(key): claim_id
        for key, claim_id in ClaimPin.objects.filter(article=article).values_list("key", "claim_id")
    }
    assigned = [
        pins.get(tuple(found.key), claim_id)
        for found, claim_id in zip(analysis.claims, assigned, strict=True)
    ]
    real: dict[int, int] = {}
    # Only a story reanalysis hands old claim ids back; then each may be reused once, if no evidence holds it.
    reused = (
        set(Evidence.objects.filter(article__story_id=article.story_id).values_list("claim_id", flat=True))
        if previous is not None
        else set()
    )
    for found, claim_id in zip(analysis.claims, assigned, strict=True):
        if claim_id < 0 and claim_id not in real:
            real[claim_id] = _claim_create_or_reuse(article, found, previous, reused)
    overrides = dict(StanceOverride.objects.filter(article=article).values_list("claim_id", "stance"))
    known = _known_speakers(article.story_id)
    merges = story_merges(story_id=article.story_id)
    rows = []
    for found, claim_id in zip(analysis.claims, assigned, strict=True):
        claim_id = claim_merge_target(claim_id=real.get(claim_id, claim_id), merges=merges)
        stance = overrides.get(claim_id, found.stance)
        rows.append(
            Evidence(
                claim_id=claim_id,
                article=article,
                start=found.start,
                end=found.end,
                stance=stance,
                stance_by_editor=claim_id in overrides,
                attributed_to=_speaker_name(found.attributed_to or "", known)[:200],
                key=list(found.key),
                proposition=found.proposition,
            )
        )
    Evidence.objects.bulk_create(rows)
    claims_first_reported(claim_ids={row.claim_id for row in rows})


def _known_speakers(story_id: int) -> list[str]:
    """Outlets and the story's people and organisations, longest first, to name who a quote is attributed to."""
    names = set(Source.objects.values_list("name", flat=True))
    names |= set(
        Entity.objects.filter(story_id=story_id, kind__in=["person", "organization"]).values_list(
            "name", flat=True
        )
    )
    return sorted(names, key=len, reverse=True)


def _speaker_name(speaker: str, known: list[str]) -> str:
    """Normalise a raw speaker phrase («صحيفة الشرق الأوسط اللندنية») to a known Source or Entity name."""
    if not speaker:
        return ""
    folded = f" {' '.join(normalize(speaker).split())} "
    for name in known:
        words = " ".join(normalize(name).split())
        if words and (f" {words} " in folded or nlp_entities.same_entity(speaker, name)):
            return name
    return speaker


def _headline_end(analysis: Analysis) -> int:
    """End of the headline when the cleaned text opens with it as its own paragraph, else 0."""
    end = analysis.text.find("\n\n")
    if analysis.title and end > 0 and analysis.text[:end].strip() == analysis.title.strip():
        return end
    return 0


def _claim_create_or_reuse(
    article: Article, found, previous: dict[tuple, int] | None, reused: set[int]
) -> int:
    old = (previous or {}).get((article.id, found.start, found.end))
    if old is not None and old not in reused:
        reused.add(old)
        claim = Claim.objects.get(id=old)
        claim.key = list(found.key)
        if not claim.text_by_editor:
            claim.text = found.proposition
        claim.save(update_fields=["key", "text", "slug"])
        return old
    claim = Claim.objects.create(
        story_id=article.story_id, text=found.proposition, key=list(found.key), first_reported_in=article
    )
    return claim.id


def claim_merge_target(*, claim_id: int, merges: dict[int, int] | None = None) -> int:
    """The claim that an editor's merges (Claim.merged_into, possibly chained) finally lead to.

    ``merges`` (claim id → merged_into id, from story_merges) saves a query per step when resolving many.
    """
    seen = set()
    while claim_id not in seen:
        seen.add(claim_id)
        if merges is None:
            target = Claim.objects.filter(id=claim_id).values_list("merged_into_id", flat=True).first()
        else:
            target = merges.get(claim_id)
        if not target:
            return claim_id
        claim_id = target
    return claim_id


def story_merges(*, story_id: int) -> dict[int, int]:
    return dict(
        Claim.objects.filter(story_id=story_id, merged_into__isnull=False).values_list("id", "merged_into_id")
    )


def claims_first_reported(*, claim_ids: Iterable[int]) -> None:
    """Point each claim at the earliest-published article that carries it (undated articles last)."""
    for claim_id in claim_ids:
        first = (
            Article.objects.filter(evidence__claim_id=claim_id)
            .order_by(PUBLISHED_FIRST, "sha256")
            .values_list("id", flat=True)
            .first()
        )
        Claim.objects.filter(id=claim_id).update(first_reported_in_id=first)


def article_reanalyse(*, article: Article, user=None) -> None:
    article_enqueue(article_id=article.id)
    if user is not None:
        review_log(story=article.story, user=user, action="reanalyse", detail={"article": article.id})


def story_reanalyse(*, story: Story) -> list[int]:
    """Analyse every article again in a canonical order, so the result does not depend on arrival order.

    Matching starts from an empty story; claims that come back keep their ids (see _save_claims).
    """
    ids = list(
        Article.objects.filter(story=story).order_by(PUBLISHED_FIRST, "sha256").values_list("id", flat=True)
    )
    evidence = Evidence.objects.filter(article__story=story)
    previous = {(a, s, e): c for a, s, e, c in evidence.values_list("article_id", "start", "end", "claim_id")}
    evidence.delete()
    for article_id in ids:
        article_analyse(article_id=article_id, previous=previous)
    claims_redirect_emptied(previous=previous)
    return ids


def claims_redirect_emptied(*, previous: dict[tuple, int]) -> None:
    """A claim that lost all its quotes to another claim points there, so its permalink redirects."""
    now = {
        (a, s, e): c
        for a, s, e, c in Evidence.objects.filter(claim_id__in=set(previous.values())).values_list(
            "article_id", "start", "end", "claim_id"
        )
    }
    live = set(now.values())
    new_homes: dict[int, Counter] = defaultdict(Counter)
    for position, old in previous.items():
        if old in live:
            continue
        home = (
            Evidence.objects.filter(article_id=position[0], start=position[1], end=position[2])
            .values_list("claim_id", flat=True)
            .first()
        )
        if home is not None and home != old:
            new_homes[old][home] += 1
    for old, homes in new_homes.items():
        Claim.objects.filter(id=old).update(merged_into_id=homes.most_common(1)[0][0])


def review_log(*, story: Story, user, action: str, detail: dict) -> ReviewLog:
    return ReviewLog.objects.create(
        story=story, user=user if user and user.is_authenticated else None, action=action, detail=detail
    )


def claim_track(*, story: Story, text: str, user=None) -> TrackedClaim:
    """Store a claim an editor typed and give every analysed article of the story a stance toward it."""
    tracked = TrackedClaim.objects.create(story=story, text=text.strip(), created_by=user)
    tracked_claim_refresh(tracked=tracked)
    return tracked


def tracked_claim_refresh(*, tracked: TrackedClaim) -> None:
    articles = Article.objects.filter(story_id=tracked.story_id, status=Article.Status.DONE).only(
        "id", "text"
    )
    rows = []
    for article in articles:
        result = track.track(tracked.text, article.text)
        rows.append(
            TrackedStance(
                tracked=tracked,
                article=article,
                stance=result.stance,
                start=result.start,
                end=result.end,
                score=round(float(result.score), 4),
            )
        )
    with transaction.atomic():
        tracked.results.all().delete()
        TrackedStance.objects.bulk_create(rows)


def articles_failed_or_stale(*, story: Story):
    return Article.objects.filter(story=story).filter(
        Q(status=Article.Status.FAILED) | ~Q(pipeline_version=pipeline.VERSION)
    )
