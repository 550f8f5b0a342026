"""Ingest curve: the per-upload cost as one story grows to 100, 1,000 and 5,000 articles of about 1,400 words,
on PostgreSQL, analysed in-process (one worker) and by real Celery worker processes on Redis (``make bench``).

The story grows in two ways. A first batch is analysed for real, so the story holds real claims and quotes; then
it is filled up to each size with further generated articles stored as an analysis would store them (text,
signature, copy marks, and quotes cloned from the real batch onto old and new claims), because analysing 5,000
articles one by one would take an hour. At each size, fresh articles are then analysed for real and timed.
Figures are printed, never asserted. ``--quick`` (or BENCH_QUICK=1) runs sizes 30, 100 and 300.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/nd_bench_scale"
DEFAULT_BROKER = "redis://127.0.0.1:6379/15"
_SUCCEEDED = re.compile(r"analyse_article\[[^\]]+\] succeeded in ([0-9.]+)s")


def _setup(database_url: str, broker_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = database_url
    os.environ["CELERY_BROKER_URL"] = broker_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


class Bench:
    def __init__(self, measure: int, seed: int = 11) -> None:
        from stories.models import Source, Story

        self.story = Story.objects.create(slug="scale", title="scale")
        self.sources = [Source.objects.create(name=f"outlet {i}") for i in range(12)]
        self.rng = random.Random(seed)
        self.measure = measure
        self.n = 0

    def next_upload(self) -> bytes:
        from tests.bench import corpus

        self.n += 1
        return corpus.article(self.n)

    def size(self) -> int:
        return self.story.articles.count()

    def analyse_in_process(self, count: int) -> list[float]:
        """Create ``count`` uploads and analyse each through the service, timing each one (ms)."""
        import hashlib

        from stories import services
        from stories.models import Article

        times = []
        for _ in range(count):
            data = self.next_upload()
            article = Article.objects.create(
                story=self.story,
                source=self.rng.choice(self.sources),
                original=data,
                sha256=hashlib.sha256(data).hexdigest(),
                origin=f"{self.n}.txt",
            )
            started = time.perf_counter()
            services.article_analyse(article_id=article.id)
            times.append(1000 * (time.perf_counter() - started))
        return times

    def fill(self, target: int) -> None:
        """Grow the story to ``target`` articles without analysing them (see the module docstring)."""
        from tests.bench import filler

        while (missing := target - self.size()) > 0:
            batch = min(missing, 200)
            filler.fill(self.story, [self.next_upload() for _ in range(batch)], self.sources, self.rng)

    def analyse_by_workers(self, workers: int, count: int, broker_url: str) -> tuple[float, list[float]]:
        """Enqueue ``count`` uploads to ``workers`` Celery processes; (articles/s, per-task ms from their logs)."""
        from stories import services

        procs, logs = _start_workers(workers, broker_url)
        try:
            warm = [
                services.article_ingest(story=self.story, data=self.next_upload(), origin=f"{self.n}.txt")
                for _ in range(workers)
            ]
            _wait([a.id for a in warm], procs)
            started = time.perf_counter()
            ids = [
                services.article_ingest(story=self.story, data=self.next_upload(), origin=f"{self.n}.txt").id
                for _ in range(count)
            ]
            _wait(ids, procs)
            elapsed = time.perf_counter() - started
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=60)
        runs = [1000 * float(t) for log in logs for t in _SUCCEEDED.findall(Path(log).read_text())]
        return count / elapsed, runs[workers:] or runs


def _start_workers(workers: int, broker_url: str) -> tuple[list[subprocess.Popen], list[str]]:
    import redis

    redis.Redis.from_url(broker_url).flushdb()
    root = Path(__file__).resolve().parents[2]
    procs, logs = [], []
    for i in range(workers):
        log = tempfile.NamedTemporaryFile("w", suffix=f"-worker{i}.log", delete=False)
        logs.append(log.name)
        cmd = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "newsdesk",
            "worker",
            "--pool",
            "solo",
            "-n",
            f"bench{i}@%h",
        ]
        cmd += ["--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"]
        procs.append(
            subprocess.Popen(cmd, cwd=root, env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT)
        )
    return procs, logs


def _wait(ids: list[int], procs: list[subprocess.Popen]) -> None:
    from stories.models import Article

    deadline = time.monotonic() + 3600
    while Article.objects.filter(id__in=ids).exclude(status__in=["done", "failed"]).exists():
        if any(p.poll() is not None for p in procs) or time.monotonic() > deadline:
            raise SystemExit("bench_scale: a worker died or the run took over an hour")
        time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", default=os.environ.get("BENCH_QUICK") == "1")
    parser.add_argument("--sizes", default="")
    parser.add_argument("--measure", type=int, default=0, help="articles timed at each size")
    parser.add_argument("--workers", default="1,2", help="Celery worker counts to run; empty skips them")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in (args.sizes or ("30,100,300" if args.quick else "100,1000,5000")).split(",")]
    measure = args.measure or (4 if args.quick else 12)
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    broker_url = os.environ.get("BENCH_BROKER_URL", DEFAULT_BROKER)
    _setup(database_url, broker_url)
    workers = [int(w) for w in args.workers.split(",") if w]
    bench = Bench(measure)
    bench.analyse_in_process(min(20, sizes[0]))  # real claims and quotes for the filler to clone
    print(
        f"Ingest curve: ~1,400-word articles into one story on PostgreSQL ({measure} timed per size and mode)"
    )
    print(f"{'size':>6} {'mode':<16}{'median ms':>10}{'max ms':>9}{'articles/s':>12}")
    medians = {}
    for size in sizes:
        bench.fill(size)
        times = bench.analyse_in_process(measure)
        medians[size] = statistics.median(times)
        print(
            f"{size:>6} {'in-process':<16}{medians[size]:>10.0f}{max(times):>9.0f}{1000 * len(times) / sum(times):>12.2f}"
        )
        for w in workers:
            rate, runs = bench.analyse_by_workers(w, measure * w, broker_url)
            median = f"{statistics.median(runs):>10.0f}{max(runs):>9.0f}" if runs else f"{'?':>10}{'?':>9}"
            print(f"{size:>6} {f'{w} celery worker' + ('s' if w > 1 else ''):<16}{median}{rate:>12.2f}")
    first, last = sizes[0], sizes[-1]
    print(f"  median at {last} / median at {first}: {medians[last] / medians[first]:.2f}x (target <= 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
