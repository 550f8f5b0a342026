"""Print a story as JSON on stdout (a scripted contract: see the README)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from stories import selectors


class Command(BaseCommand):
    help = "Export a story's articles, entities, claims, events and agreement as JSON."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--indent", type=int, default=None)

    def handle(self, *args, **options):
        story = selectors.story_by_slug(slug=options["slug"])
        if story is None:
            raise CommandError(f"no story with slug {options['slug']!r}")
        self.stdout.write(
            json.dumps(selectors.story_export(story=story), ensure_ascii=False, indent=options["indent"])
        )
