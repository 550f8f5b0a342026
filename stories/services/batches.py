"""Bulk imports: JSONL lines checked one by one, each stored as an article or refused with its reason.

The command (`import_articles`) and the upload page share the line rules here. A JSONL file uploaded from a page
becomes an ``ImportBatch`` imported by a task in steps, so a request never waits on thousands of lines and a
killed worker resumes at the next line.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from stories.models import Article, ImportBatch, ImportLine, Story

from .enqueue import import_batch_send
from .refusals import IngestError, batch_refusal
from .uploads import article_ingest, source_resolve, upload_name_check, web_url_check

STRING_FIELDS = ("text", "html", "title", "source", "url", "published_at")
logger = logging.getLogger(__name__)


@dataclass
class Item:
    origin: str
    data: bytes | None
    title: str = ""
    source: str = ""
    url: str = ""
    published_at: str = ""
    problem: str = ""


def parse_published(value: str):
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        day = None if moment is not None else parse_date(value)
    except ValueError:  # well formed but impossible, such as 2021-02-30
        moment = day = None
    if moment is None:
        if day is None:
            raise ValueError(f"published_at {value!r} is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
        moment = datetime(day.year, day.month, day.day)
    return timezone.make_aware(moment, UTC) if timezone.is_naive(moment) else moment


def _json_type(value) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", list: "an array", dict: "an object"}.get(
        type(value), type(value).__name__
    )


def jsonl_line_item(raw: bytes, origin: str) -> Item:
    """One JSONL line checked for shape and types; the line's problem, if any, is the item's."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Item(
            origin, None, problem=f"not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
        )
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return Item(origin, None, problem=f"not JSON ({exc.msg}, column {exc.colno})")
    if not isinstance(row, dict):
        return Item(origin, None, problem=f"not a JSON object but {_json_type(row)}")
    for field in STRING_FIELDS:
        if row.get(field) is not None and not isinstance(row[field], str):
            return Item(origin, None, problem=f"'{field}' must be a string, not {_json_type(row[field])}")
    if not (row.get("html") or "").strip() and not (row.get("text") or "").strip():
        return Item(origin, None, problem="neither 'text' nor 'html' holds any text")
    html = (row.get("html") or "").strip()
    url = (row.get("url") or "").strip()
    try:
        url = web_url_check(url)
    except IngestError as exc:
        return Item(origin, None, problem=str(exc))
    # The field says what the body is: an "html" body carries a page name so the analysis extracts it; a "text"
    # body is sniffed by content only (decode.py), so a URL ending in .html does not make it a page.
    return Item(
        origin=(url or origin) + (".html" if html and not url else ""),
        data=(html or row["text"]).encode("utf-8"),
        title=(row.get("title") or "").strip(),
        source=(row.get("source") or "").strip(),
        url=url,
        published_at=(row.get("published_at") or "").strip(),
    )


def jsonl_lines(data: bytes) -> list[tuple[int, bytes]]:
    """The file's non-blank lines with their numbers (from 1), a leading byte-order mark dropped."""
    lines = data.split(b"\n")
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    return [(number, raw.rstrip(b"\r")) for number, raw in enumerate(lines, start=1) if raw.strip()]


def item_ingest(*, story: Story, item: Item, default_source: str = "") -> Article:
    """Store one item as an article of the story; IngestError or ValueError says why it is refused."""
    if item.problem:
        raise IngestError(item.problem)
    if item.origin and item.url != item.origin:  # a file's name, not a JSONL line's URL
        upload_name_check(item.origin)
    published = parse_published(item.published_at)
    source = source_resolve(name=item.source or default_source, url=item.url)
    return article_ingest(
        story=story,
        data=item.data,
        origin=item.origin,
        source=source,
        url=item.url,
        title=item.title,
        published_at=published,
    )


def item_refusal(exc: Exception) -> str:
    """What an editor reads for an item that could not be stored."""
    if isinstance(exc, ValueError):  # IngestError is one
        return str(exc)
    return f"could not be stored ({type(exc).__name__}: {exc})"


def import_batch_create(*, story: Story, filename: str, data: bytes, user=None) -> ImportBatch:
    """Keep the uploaded file whole and start importing it in a task once the row is committed."""
    lines = jsonl_lines(data)
    refusal = batch_refusal(
        filename=filename, size=len(data), lines=len(lines), limit=settings.NEWSDESK_BATCH_MAX_BYTES
    )
    if refusal:
        raise IngestError(refusal)
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            story=story,
            filename=filename[:255],
            original=data,
            total=len(lines),
            created_by=user if user is not None and user.is_authenticated else None,
        )
        transaction.on_commit(lambda: import_batch_send(batch_id=batch.id))
    return batch


def import_batch_step(*, batch_id: int, budget_seconds: float | None = None) -> bool:
    """Import the batch's next lines for about ``budget_seconds``; True while some remain."""
    budget = settings.NEWSDESK_REANALYSIS_STEP_SECONDS if budget_seconds is None else budget_seconds
    deadline = time.monotonic() + budget
    batch = ImportBatch.objects.select_related("story").filter(id=batch_id).first()
    if batch is None or not batch.unfinished:
        return False
    lines = jsonl_lines(bytes(batch.original))
    ImportBatch.objects.filter(id=batch_id).update(
        status=ImportBatch.Status.RUNNING, total=len(lines), touched_at=timezone.now()
    )
    settled = set(batch.lines.values_list("number", flat=True))
    for number, raw in lines:
        if number in settled:
            continue
        with transaction.atomic():
            # The line's row is the lock: a second task on the same batch skips what the first has settled.
            if not _line_claim(batch, number):
                continue
            _line_import(batch, number, raw)
        if time.monotonic() >= deadline:
            return True
    ImportBatch.objects.filter(id=batch_id).update(
        status=ImportBatch.Status.DONE, finished_at=timezone.now(), touched_at=timezone.now()
    )
    return False


def _line_claim(batch: ImportBatch, number: int) -> bool:
    _, created = ImportLine.objects.get_or_create(batch=batch, number=number, defaults={"origin": ""})
    return created


def _line_import(batch: ImportBatch, number: int, raw: bytes) -> None:
    item = jsonl_line_item(raw, f"{batch.filename}:{number}")
    article, refused = None, ""
    try:
        with transaction.atomic():
            article = item_ingest(story=batch.story, item=item)
    except Exception as exc:  # one line's failure must not cost the lines after it
        if not isinstance(exc, ValueError):
            logger.exception("import of %s failed", item.origin)
        refused = item_refusal(exc)
    ImportLine.objects.filter(batch=batch, number=number).update(
        origin=item.origin[:1100], article=article, refused=refused
    )
    ImportBatch.objects.filter(id=batch.id).update(
        done=F("done") + 1,
        imported=F("imported") + int(article is not None),
        refused=F("refused") + int(article is None),
        touched_at=timezone.now(),
    )
