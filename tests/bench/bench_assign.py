"""Per-claim cost of matching (match.assign over the story's stored index) on a story that real uploads grew, e.g.
the one ``bench_scale`` leaves in its database: the next articles of the bench corpus are analysed once (cached
in a pickle), then each is matched against the story and rolled back, so the story's size stays put.

    BENCH_DATABASE_URL=postgres://.../nd_bench_scale python -m tests.bench.bench_assign [--profile] [--out FILE]

Prints the median time and SQL queries per article and per claim; ``--out`` writes the ids each article's claims
were given (to compare two versions of the matcher), ``--profile`` the top cumulative functions of cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pickle
import pstats
import statistics
import sys
import time
from pathlib import Path

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/nd_bench_scale"


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    import django

    django.setup()


def _analyses(story, count: int, cache: Path) -> list:
    """The next ``count`` bench-corpus articles of the story, analysed with its inputs (not stored)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from stories.models import Article
    from stories.services.analysis import article_analysis_run
    from tests.bench import corpus

    first = story.articles.count() + 1000  # beyond the numbers bench_scale used
    found = []
    for n in range(first, first + count):
        article = Article(story=story, original=corpus.article(n), origin=f"{n}.txt")
        found.append(article_analysis_run(article=article)[0])
    cache.write_bytes(pickle.dumps(found))
    return found


def _assign(story_id: int, analysis) -> list[int]:
    import itertools

    from stories.nlp.upload_match import upload_claims_matched
    from stories.services.claim_index import story_claim_index

    index = story_claim_index(story_id=story_id, with_orphans=False)
    fresh = itertools.count(-1, -1)
    return upload_claims_matched(index, analysis.claims, analysis.text, analysis.title, fresh.__next__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--out", default="")
    parser.add_argument("--cache", default="")
    args = parser.parse_args(argv)
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    _setup(database_url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from stories.models import Evidence, Story

    story = Story.objects.order_by("-id").first()
    name = database_url.rsplit("/", 1)[1]
    cache = Path(args.cache or f"/tmp/bench_assign_{name}_{args.count}.pickle")
    analyses = _analyses(story, args.count, cache)
    quotes = Evidence.objects.filter(article__story=story).count()
    print(
        f"Assign: story of {story.articles.filter(status='done').count()} analysed articles ({quotes} quotes), "
        f"{len(analyses)} articles matched"
    )
    _assign(story.id, analyses[0])  # warm: lexicons and models load once per process
    profiler = cProfile.Profile() if args.profile else None
    rows, ids = [], []
    for analysis in analyses:
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            if profiler:
                profiler.enable()
            ids.append(_assign(story.id, analysis))
            if profiler:
                profiler.disable()
            elapsed = time.perf_counter() - began
        sql = sum(float(q["time"]) for q in queries.captured_queries)
        rows.append((elapsed, len(analysis.claims), len(queries.captured_queries), sql))
    claims = sum(r[1] for r in rows)
    print(f"  claims per article: median {statistics.median(r[1] for r in rows):.0f}, total {claims}")
    print(f"  assign per article: median {statistics.median(r[0] for r in rows) * 1000:.1f} ms")
    print(f"  assign per claim: {sum(r[0] for r in rows) / claims * 1000:.2f} ms (total time / total claims)")
    print(
        f"  SQL per article: median {statistics.median(r[2] for r in rows):.0f} queries, "
        f"{statistics.median(r[3] for r in rows) * 1000:.1f} ms"
    )
    if args.out:
        Path(args.out).write_text(json.dumps(ids))
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
