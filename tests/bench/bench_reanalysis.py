"""Story reanalysis at scale (``make bench``): a story of 1,000 generated articles on PostgreSQL is reanalysed by
one real Celery worker, once straight through and once with the worker killed (SIGKILL) half-way and a new one
started. Prints the total time of each, the fewest live claims the story showed while each ran (sampled every
half second; it must never reach zero), and whether the killed run ended with the same claims and quotes as the
straight run. ``--articles`` and ``--words`` scale it down (``--quick``: 120 articles).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time

from tests.bench.bench_scale import DEFAULT_BROKER, Story, Workers, _load, _setup

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/nd_bench_reanalysis"


def _live_claims(story_id: int) -> int:
    from stories.models import Claim

    return (
        Claim.objects.filter(story_id=story_id, merged_into__isnull=True, evidence__isnull=False)
        .distinct()
        .count()
    )


def _groups(story_id: int) -> str:
    """The export's claims and quotes, reduced to what a reanalysis must reproduce."""
    from stories.models import Story as StoryModel
    from stories.selectors import story_export

    data = story_export(story=StoryModel.objects.get(id=story_id))
    claims = sorted(
        (claim["id"], sorted((e["article_id"], e["start"], e["end"], e["stance"]) for e in claim["evidence"]))
        for claim in data["claims"]
    )
    return json.dumps(claims, ensure_ascii=False)


def _run(story: Story, *, kill_at: float | None) -> tuple[float, int]:
    """Reanalyse the story with one worker; (seconds, fewest live claims seen). ``kill_at`` kills that worker
    once that share of the articles is done, and starts another, which resumes the run."""
    from stories import services
    from stories.models import StoryReanalysis

    workers = Workers(1)
    fewest = _live_claims(story.story.id)
    try:
        started = time.perf_counter()
        services.story_reanalyse_enqueue(story_id=story.story.id)
        killed = False
        while True:
            run = StoryReanalysis.objects.filter(story_id=story.story.id).first()
            fewest = min(fewest, _live_claims(story.story.id))
            if run is None:
                break
            done = run.total - story.story.articles.filter(reanalysis_pending=True).count()
            if kill_at is not None and not killed and run.total and done >= kill_at * run.total:
                workers.procs[0].send_signal(signal.SIGKILL)
                workers.procs[0].wait()
                StoryReanalysis.objects.filter(id=run.id).update(touched_at=run.started_at)  # as if stale
                workers.stop()
                workers = Workers(1)  # its start sweeps, which resumes the run
                killed = True
            time.sleep(0.5)
        return time.perf_counter() - started, fewest
    finally:
        workers.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", default=os.environ.get("BENCH_QUICK") == "1")
    parser.add_argument("--articles", type=int, default=0)
    parser.add_argument("--words", type=int, default=0)
    args = parser.parse_args(argv)
    articles = args.articles or (120 if args.quick else 1000)
    words = args.words or (400 if args.quick else 700)
    os.environ.setdefault("NEWSDESK_ANALYSIS_LEASE", "20")
    _setup(
        os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB), os.environ.get("BENCH_BROKER_URL", DEFAULT_BROKER)
    )
    story = Story(words=words)
    grower = Workers(2)
    try:
        started = time.perf_counter()
        story.grow(articles, grower)
        imported = time.perf_counter() - started
    finally:
        grower.stop()
    print(f"Story reanalysis: {articles:,} articles of ~{words} words, one Celery worker; load {_load()}")
    print(f"  import by 2 workers            {imported:8.1f} s")
    straight, fewest = _run(story, kill_at=None)
    expected = _groups(story.story.id)
    print(f"  reanalysis, straight through   {straight:8.1f} s   fewest live claims while running: {fewest}")
    resumed, fewest_killed = _run(story, kill_at=0.5)
    same = _groups(story.story.id) == expected
    print(
        f"  reanalysis, killed half-way    {resumed:8.1f} s   fewest live claims while running: {fewest_killed}"
    )
    print(f"  killed run ends identical to the straight run: {'yes' if same else 'NO'}; load {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
