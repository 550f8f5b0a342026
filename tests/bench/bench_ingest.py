"""Cost of analysing and matching one new upload into a story that already holds 10,000 claims, end to end
through the service (database reads, the per-process claim index, writes), on a throw-away SQLite database."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

CLAIMS = 10_000


def main() -> None:
    tmp = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from stories import services
    from stories.models import Article, Claim, Evidence, Source, Story
    from stories.nlp.pipeline import analyse
    from tests.conftest import SEEDS

    call_command("migrate", verbosity=0)
    seeds = [Path(p).read_bytes() for p in SEEDS]
    keys = [list(c.key) for data in seeds for c in analyse(data).claims]
    vocabulary = sorted({t for k in keys for t in k if t != "|"})
    rng = random.Random(3)
    story = Story.objects.create(slug="bench", title="bench")
    source = Source.objects.create(name="bench")
    holder = Article.objects.create(
        story=story,
        source=source,
        original=b"x",
        sha256="0" * 64,
        origin="h.txt",
        text="x" * 50,
        status="done",
    )
    claims = Claim.objects.bulk_create(Claim(story=story, text=f"c{i}", key=[]) for i in range(CLAIMS))
    Evidence.objects.bulk_create(
        Evidence(
            claim=c,
            article=holder,
            start=0,
            end=10,
            stance="asserts",
            key=(k := list(rng.choice(keys)))[: len(k) // 2] + rng.sample(vocabulary, 4),
        )
        for c in claims
    )
    times = []
    for n, data in enumerate(seeds * 3):
        article = Article.objects.create(
            story=story, source=source, original=data, sha256=f"{n + 1:064d}", origin=f"{n}.txt"
        )
        started = time.perf_counter()
        services.article_analyse(article_id=article.id)
        times.append((time.perf_counter() - started) * 1000)
    first, rest = times[0], sorted(times[1:])
    print(f"Ingest bench: one upload analysed and matched into a story of {CLAIMS} claims (SQLite)")
    print(f"  first upload (builds the claim index)   {first:7.1f} ms")
    print(f"  later uploads  median {statistics.median(rest):7.1f} ms   max {rest[-1]:7.1f} ms")


if __name__ == "__main__":
    main()
