"""How far a story's analysis has got: articles per status, once, or followed until nothing is left (``--wait``).

``import_articles`` with a broker returns as soon as the articles are queued and names this command for watching
the workers. Without ``--wait`` it prints one line and exits; with it, it follows the story: a progress bar with
the rate and the time left on a terminal, a line each time the counts change otherwise.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from stories import selectors
from stories.management.progress import Progress, Raw

UNFINISHED = ("queued", "processing")


def summary(slug: str, counts: dict[str, int]) -> str:
    total = sum(counts.values())
    parts = ", ".join(f"{n} {name}" for name, n in counts.items()) or "no articles"
    return f"{slug}: {parts} ({total} in all)"


class Command(BaseCommand):
    help = "Articles of a story per analysis status; --wait follows them until none is queued or processing."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument(
            "--wait", action="store_true", help="follow until nothing is queued or processing"
        )
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between looks (with --wait)")

    def handle(self, *args, **options):
        story = selectors.story_by_slug(slug=options["slug"])
        if story is None:
            raise CommandError(f"no story with slug {options['slug']!r}")
        status = selectors.story_status(story=story)
        if not options["wait"]:
            self.stdout.write(summary(story.slug, status.counts))
            return
        progress = None
        last = ""
        while True:
            total = sum(status.counts.values())
            finished = total - sum(status.counts.get(name, 0) for name in UNFINISHED)
            if self.stderr.isatty():
                progress = progress or Progress(Raw(self.stderr), total, already=finished)
                progress.total = total
                progress.advance(finished)
            elif (line := summary(story.slug, status.counts)) != last:
                self.stdout.write(line)
                last = line
            if not status.pending:
                break
            time.sleep(options["interval"])
            status = selectors.story_status(story=story)
        if progress:
            progress.finish()
            self.stdout.write(summary(story.slug, status.counts))
