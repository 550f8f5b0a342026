"""Track claims an editor types: every article of the story gets a stance toward each (a scripted contract)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stories import selectors, services


class Command(BaseCommand):
    help = "Store claims for a story and print each article's stance toward them as JSON."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("texts", nargs="*", metavar="TEXT")
        parser.add_argument("--file", help="a file with one claim per line")

    def handle(self, *args, **options):
        story = selectors.story_by_slug(slug=options["slug"])
        if story is None:
            raise CommandError(f"no story with slug {options['slug']!r}")
        texts = [t for t in options["texts"] if t.strip()]
        if options.get("file"):
            texts += [
                line.strip()
                for line in Path(options["file"]).read_text(encoding="utf-8").splitlines()
                if line.strip()
            ]
        if not texts:
            raise CommandError("give at least one claim, as TEXT or with --file")
        claims = []
        for text in texts:
            # In-process, with progress on stderr: stdout stays the JSON the contract promises.
            tracked = services.claim_track(
                story=story,
                text=text,
                run_now=True,
                progress=lambda done, total: self.stderr.write(f"tracked {done}/{total} articles"),
            )
            claims.append(
                {
                    "id": tracked.id,
                    "text": tracked.text,
                    "results": [
                        {
                            "article_id": r.article_id,
                            "origin": r.article.origin,
                            "stance": r.stance,
                            "start": r.start,
                            "end": r.end,
                            "quote": r.article.text[r.start : r.end],
                            "score": r.score,
                            "passages": r.passages,
                        }
                        for r in selectors.tracked_claim_results(tracked=tracked)
                    ],
                }
            )
        self.stdout.write(json.dumps({"claims": claims}, ensure_ascii=False))
