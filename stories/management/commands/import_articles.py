"""Import .txt/.html files, folders of them, or JSONL files into a story (a scripted contract)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime

from stories import services
from stories.models import Article

SUFFIXES = {".txt", ".html", ".htm"}


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
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise ValueError(f"published_at {value!r} is not YYYY-MM-DD[THH:MM]")
        moment = datetime(day.year, day.month, day.day)
    return timezone.make_aware(moment, UTC) if timezone.is_naive(moment) else moment


def jsonl_items(path: Path) -> Iterator[Item]:
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path.name}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(origin=origin, data=None, problem=f"line {number} is not JSON ({exc.msg})")
            continue
        body = row.get("html") or row.get("text")
        if not isinstance(row, dict) or not body:
            yield Item(origin=origin, data=None, problem=f"line {number} has neither 'text' nor 'html'")
            continue
        url = row.get("url") or ""
        yield Item(
            origin=(url or origin) + (".html" if row.get("html") and not url else ""),
            data=body.encode("utf-8"),
            title=row.get("title") or "",
            source=row.get("source") or "",
            url=url,
            published_at=row.get("published_at") or "",
        )


def path_items(path: Path) -> Iterator[Item]:
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_file() and child.suffix.lower() in SUFFIXES | {".jsonl"}:
                yield from path_items(child)
    elif path.suffix.lower() == ".jsonl":
        yield from jsonl_items(path)
    elif path.is_file():
        yield Item(origin=path.name, data=path.read_bytes())
    else:
        yield Item(origin=str(path), data=None, problem="no such file or folder")


class Command(BaseCommand):
    help = "Import articles into a story (created if missing) and analyse them; one line per article."

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
        unreadable = imported = 0
        for path in options["paths"]:
            for item in path_items(Path(path)):
                article = self._import(story, item, options["source"])
                imported += article is not None
                unreadable += bool(item.problem)
        # Re-running an import over files already stored is normal in scripts; only a run that could read
        # nothing at all is an error.
        if imported == 0 and unreadable:
            raise CommandError(f"nothing imported: {unreadable} path(s) or line(s) could not be read")

    def _import(self, story, item: Item, default_source: str) -> Article | None:
        if item.problem:
            self.stdout.write(f"refused {item.origin}: {item.problem}")
            return None
        try:
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
            self.stdout.write(f"refused {item.origin}: {exc}")
            return None
        article.refresh_from_db(fields=["status", "error", "title"])
        detail = f" ({article.error})" if article.error else ""
        self.stdout.write(f"{article.id} {article.status} {item.origin}{detail}")
        return article
