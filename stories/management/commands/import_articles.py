"""Import .txt/.html files, folders of them, or JSONL files into a story (a scripted contract).

Every input (a file, or a JSONL line) gets exactly one output line, ``ID STATUS ORIGIN`` or
``refused ORIGIN: why``, whatever is wrong with the others; the run ends with ``imported N, refused M`` and
fails (exit code 1) when anything was refused. An article stored while the broker is down gets a note on stderr
saying its analysis starts when the queue is back (the sweeper sends it).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation

from stories import services
from stories.management.progress import Progress, Raw

SUFFIXES = {".txt", ".html", ".htm"}
logger = logging.getLogger(__name__)
Item = services.Item


def jsonl_items(path: Path) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Item(path.name, None, problem=f"cannot be read ({exc.strerror or exc})")
        return
    for number, raw in services.jsonl_lines(data):
        yield services.jsonl_line_item(raw, f"{path.name}:{number}")


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
        try:
            article = services.item_ingest(story=story, item=item, default_source=default_source)
        except Exception as exc:  # the batch goes on: one line's failure must not cost the lines after it
            if not isinstance(exc, ValueError):
                logger.exception("import of %s failed", item.origin)
            self._say(f"refused {item.origin}: {services.item_refusal(exc)}")
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
