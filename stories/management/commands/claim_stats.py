"""Build every claim's stored rank for the given stories (all when none is named), e.g. after upgrading."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from stories import selectors, services
from stories.models import Story


class Command(BaseCommand):
    help = "Store the claims' ranks of these stories (default: every story) from their evidence."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*")

    def handle(self, *args, **options):
        stories = [selectors.story_by_slug(slug=slug) for slug in options["slugs"]] or list(
            Story.objects.all()
        )
        if None in stories:
            raise CommandError("no story with one of these slugs")
        for story in stories:
            services.story_claim_stats_rebuild(story_id=story.id)
            self.stdout.write(f"{story.slug} {story.claims.filter(stats__isnull=False).count()}")
