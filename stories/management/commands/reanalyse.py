"""Reanalyse a story's articles: all of them in canonical order, or only failed and outdated ones."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from stories import selectors, services


class Command(BaseCommand):
    help = "Reanalyse a story: every article (canonical order), or with --outdated only failed/older-pipeline ones."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--outdated", action="store_true", help="only failed articles and older analyses")

    def handle(self, *args, **options):
        story = selectors.story_by_slug(slug=options["slug"])
        if story is None:
            raise CommandError(f"no story with slug {options['slug']!r}")
        if options["outdated"]:
            ids = list(selectors.articles_failed_or_stale(story=story).values_list("id", flat=True))
            for article_id in ids:
                services.article_analyse(article_id=article_id)
        else:
            ids = services.story_reanalyse(story_id=story.id)
        statuses = selectors.article_statuses(ids=ids)
        for article_id in ids:
            self.stdout.write(f"{article_id} {statuses.get(article_id, 'deleted')}")
