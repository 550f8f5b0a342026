"""Import .txt/.html files, folders of them, or JSONL files into a story (a scripted contract).

Every input (a file, or a JSONL line) gets exactly one output line, ``ID STATUS ORIGIN`` or
``refused ORIGIN: why``, whatever is wrong with the others; the run ends with ``imported N, refused M`` and
fails (exit code 1) when anything was refused. An article stored while the broker is down gets a note on stderr
saying its analysis starts when the queue is back (the sweeper sends it).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime

from stories import services
from stories.management.progress import Progress, Raw

SUFFIXES = {".txt", ".html", ".htm"}
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
        url = services.web_url_check(url)
    except services.IngestError as exc:
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


def jsonl_items(path: Path) -> Iterator[Item]:
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError as exc:
        yield Item(path.name, None, problem=f"cannot be read ({exc.strerror or exc})")
        return
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield jsonl_line_item(raw.rstrip(b"\r"), f"{path.name}:{number}")


def path_items(path: Path) -> Iterator[Item]:
    if path.is_dir():
        try:
            children = sorted(path.iterdir())
        except OSError as exc:
            yield Item(str(path), None, problem=f"cannot be read ({exc.strerror or exc})")
            return
        for child in children:
            if child.is_file() and child.suffix.lower() in SUFFIXES | {".jsonl"}:
                yield from path_items(child)
    elif path.suffix.lower() == ".jsonl":
        yield from jsonl_items(path)
    elif path.is_file():
        try:
            yield Item(origin=path.name, data=path.read_bytes())
        except OSError as exc:
            yield Item(path.name, None, problem=f"cannot be read ({exc.strerror or exc})")
    else:
        yield Item(origin=str(path), data=None, problem="no such file or folder")


class Command(BaseCommand):
    help = "Import articles into a story (created if missing) and analyse them; one line per article."
    progress: Progress | None = None

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--story", required=True, help="story slug")
        parser.add_argument("--title", help="story title (on creation, or to rename)")
        parser.add_argument("--source", default="", help="outlet name for every article")
        parser.add_argument("--public", action="store_true", help="make the story public")

    # Output lines are a scripted contract, so refusals stay English whatever LANGUAGE_CODE says.
    @translation.override("en")
    def handle(self, *args, **options):
        story = services.story_get_or_create(
            slug=options["story"], title=options.get("title"), is_public=True if options["public"] else None
        )
        items = [item for path in options["paths"] for item in path_items(Path(path))]
        in_process = services.analysis_in_process()
        if in_process:
            services.analysis_preload()
        # The bar is for a person watching an in-process run; a script reading stderr gets no bar.
        self.progress = (
            Progress(Raw(self.stderr), len(items)) if in_process and self.stderr.isatty() else None
        )
        if self.progress:
            self.progress.draw()
        imported = refused = 0
        for item in items:
            ok = self._import(story, item, options["source"])
            imported += ok
            refused += not ok
            if self.progress:
                self.progress.advance()
        if self.progress:
            self.progress.finish()
        self.stdout.write(f"imported {imported}, refused {refused}")
        if imported and not in_process:
            self.stderr.write(self._watch_hint(story.slug, imported), style_func=str)
        if refused:
            raise CommandError(f"{refused} of {imported + refused} input(s) refused", returncode=1)

    def _watch_hint(self, slug: str, imported: int) -> str:
        url = settings.NEWSDESK_SITE_URL.rstrip("/") + reverse("stories:status", kwargs={"slug": slug})
        return (
            f"{imported} article(s) stored and queued; the workers analyse them (this command does not wait).\n"
            f"Watch progress at {url}\n"
            f"or run: python manage.py story_status {slug} --wait"
        )

    def _say(self, line: str) -> None:
        """One contract line on stdout, with the progress bar wiped first on a terminal that shows both."""
        if self.progress:
            self.progress.wipe()
        self.stdout.write(line)
        self.stdout.flush()

    def _import(self, story, item: Item, default_source: str) -> bool:
        if item.problem:
            self._say(f"refused {item.origin}: {item.problem}")
            return False
        try:
            if item.origin and item.url != item.origin:  # a file's name, not a JSONL line's URL
                services.upload_name_check(item.origin)
            published = parse_published(item.published_at)
            source = services.source_resolve(name=item.source or default_source, url=item.url)
            article = services.article_ingest(
                story=story,
                data=item.data,
                origin=item.origin,
                source=source,
                url=item.url,
                title=item.title,
                published_at=published,
            )
        except (services.IngestError, ValueError) as exc:
            self._say(f"refused {item.origin}: {exc}")
            return False
        except Exception as exc:  # the batch goes on: one line's failure must not cost the lines after it
            logger.exception("import of %s failed", item.origin)
            self._say(f"refused {item.origin}: could not be stored ({type(exc).__name__}: {exc})")
            return False
        article.refresh_from_db(fields=["status", "error", "title", "enqueued_at"])
        detail = f" ({article.error})" if article.error else ""
        self._say(f"{article.id} {article.status} {item.origin}{detail}")
        if article.status == article.Status.QUEUED and article.enqueued_at is None:
            # The broker did not take the message: stored all the same, and the sweeper sends it later. On
            # stderr, so the contract's one line per input on stdout stays as it is.
            if self.progress:
                self.progress.wipe()
            self.stderr.write(f"{article.id} {item.origin}: {services.analysis_waiting_message(count=1)}")
        return True
