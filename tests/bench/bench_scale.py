"""Ingest curve: the per-upload cost as one story grows to 100, 1,000 and 5,000 articles of about 1,400 words,
on PostgreSQL with Redis and real Celery worker processes (``make bench``; ``--quick`` runs 30, 100 and 300).

Every article in the story is analysed for real: the story grows by uploads that two worker processes analyse
(not timed), and at each size a batch is timed three ways: analysed in this process through the service, by one
worker process, and by two. A worker's time per article is what its log says the task took (analysis, waiting
for the story's turn, matching and saving); articles per second is the batch size over the wall time from the
first upload of the batch to the last article settled. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
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
_SETTLED = ("done", "failed")


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
    import redis

    redis.Redis.from_url(broker_url).flushdb()


class Workers:
    """``count`` Celery worker processes (solo pool, one task at a time each) logging to temporary files."""

    def __init__(self, count: int) -> None:
        root = Path(__file__).resolve().parents[2]
        self.logs: list[str] = []
        self.procs: list[subprocess.Popen] = []
        for i in range(count):
            log = tempfile.NamedTemporaryFile("w", suffix=f"-worker{i}.log", delete=False)
            self.logs.append(log.name)
            cmd = [sys.executable, "-m", "celery", "-A", "newsdesk", "worker", "--pool", "solo"]
            cmd += ["-n", f"bench{count}x{i}@%h", "--loglevel", "INFO"]
            cmd += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
            self.procs.append(
                subprocess.Popen(cmd, cwd=root, env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT)
            )

    def task_times(self) -> list[float]:
        """Every analysis task's time (ms) in the order the logs hold them."""
        return [1000 * float(t) for log in self.logs for t in _SUCCEEDED.findall(Path(log).read_text())]

    def stop(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            proc.wait(timeout=120)
        for log in self.logs:
            Path(log).unlink(missing_ok=True)


class Story:
    def __init__(self, words: int | None = None) -> None:
        from stories.models import Source
        from tests.bench import corpus

        self.words = words or corpus.WORDS
        from stories.models import Story as StoryModel

        self.story = StoryModel.objects.create(slug="scale", title="scale")
        self.sources = [Source.objects.create(name=f"outlet {i}") for i in range(12)]
        self.n = 0

    def size(self) -> int:
        return self.story.articles.count()

    def upload(self):
        from stories import services
        from tests.bench import corpus

        self.n += 1
        source = self.sources[self.n % len(self.sources)]
        data = corpus.article(self.n, words=self.words)
        return services.article_ingest(story=self.story, data=data, origin=f"{self.n}.txt", source=source)

    def wait(self, ids: list[int], workers: Workers | None) -> None:
        from stories.models import Article

        deadline = time.monotonic() + 3 * 3600
        while Article.objects.filter(id__in=ids).exclude(status__in=_SETTLED).exists():
            if workers and any(p.poll() is not None for p in workers.procs):
                raise SystemExit("bench_scale: a worker process died")
            if time.monotonic() > deadline:
                raise SystemExit("bench_scale: the run took over three hours")
            time.sleep(0.1)

    def grow(self, target: int, workers: Workers) -> None:
        ids = [self.upload().id for _ in range(max(0, target - self.size()))]
        self.wait(ids, workers)

    def batch(self, count: int, workers: Workers) -> tuple[float, list[float]]:
        """(articles/s, per-article task ms) for ``count`` uploads analysed by ``workers``."""
        skip = len(workers.task_times())
        started = time.perf_counter()
        ids = [self.upload().id for _ in range(count)]
        self.wait(ids, workers)
        elapsed = time.perf_counter() - started
        return count / elapsed, workers.task_times()[skip:]

    def in_process(self, count: int) -> tuple[float, list[float]]:
        """The same through the service in this process, the broker bypassed (what `import_articles` does
        without one)."""
        from stories import services

        times = []
        for _ in range(count):
            started = time.perf_counter()
            article = self._stored()
            services.article_analyse(article_id=article.id)
            times.append(1000 * (time.perf_counter() - started))
        return 1000 * len(times) / sum(times), times

    def _stored(self):
        """An upload stored without a message (so no worker takes it), for the in-process mode."""
        import hashlib

        from stories.models import Article
        from tests.bench import corpus

        self.n += 1
        data = corpus.article(self.n, words=self.words)
        return Article.objects.create(
            story=self.story,
            source=self.sources[self.n % len(self.sources)],
            original=data,
            sha256=hashlib.sha256(data).hexdigest(),
            origin=f"{self.n}.txt",
        )


def _warm(story: Story, workers: Workers) -> None:
    """One article per worker process first, so that loading the models is not timed."""
    story.batch(len(workers.procs), workers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", default=os.environ.get("BENCH_QUICK") == "1")
    parser.add_argument("--sizes", default="", help="comma-separated story sizes (default 100,1000,5000)")
    parser.add_argument("--measure", type=int, default=0, help="articles timed per worker at each size")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in (args.sizes or ("30,100,300" if args.quick else "100,1000,5000")).split(",")]
    measure = args.measure or (6 if args.quick else 12)
    broker_url = os.environ.get("BENCH_BROKER_URL", DEFAULT_BROKER)
    _setup(os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB), broker_url)
    from tests.bench import corpus

    corpus.pool()
    story = Story()
    print(f"Ingest curve: ~{corpus.WORDS:,}-word articles into one story, PostgreSQL + Redis; load {_load()}")
    print(f"{'size':>6}  {'mode':<18}{'median ms':>10}{'p90 ms':>9}{'articles/s':>12}")
    medians: dict[tuple[int, str], float] = {}
    rates: dict[tuple[int, str], float] = {}
    for size in sizes:
        grower = Workers(2)
        try:
            story.grow(size, grower)
        finally:
            grower.stop()
        rows = [("in-process", story.in_process(measure))]
        for count in (1, 2):
            workers = Workers(count)
            try:
                _warm(story, workers)
                rows.append(
                    (f"{count} worker" + ("s" if count > 1 else ""), story.batch(measure * count, workers))
                )
            finally:
                workers.stop()
        for mode, (rate, times) in rows:
            medians[size, mode], rates[size, mode] = statistics.median(times), rate
            p90 = sorted(times)[int(0.9 * (len(times) - 1))]
            print(f"{size:>6}  {mode:<18}{medians[size, mode]:>10.0f}{p90:>9.0f}{rate:>12.2f}")
    first, last = sizes[0], sizes[-1]
    for mode in ("in-process", "1 worker", "2 workers"):
        ratio = medians[last, mode] / medians[first, mode]
        print(f"  {mode}: median at {last} / median at {first} = {ratio:.2f}x (target <= 1.3x)")
    print(f"  2 workers at {last}: {rates[last, '2 workers']:.2f} articles/s (target >= 10); load {_load()}")
    return 0


def _load() -> str:
    return "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
