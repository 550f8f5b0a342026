"""Pages under load: gunicorn (2 sync workers) on 127.0.0.1 over a generated story on PostgreSQL, and 50 readers.

A bounded client (50 threads, one connection each, at most --seconds and MAX_REQUESTS, loopback only) reads the
story page, the matrix, a claim's permalink and search in turn, once with the page cache off and once on; it
prints requests/s and p50/p95/p99 per page. Needs DATABASE_URL pointing at a PostgreSQL server (a throw-away
database is created and dropped). Usage: python -m tests.bench.bench_load [--seconds 30] [--only on|off]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

ARTICLES, CLAIMS, SOURCES = 2_000, 400, 80
READERS, MAX_SECONDS, MAX_REQUESTS, TARGET_P95_MS = 50, 30.0, 60_000, 300.0
WORDS = (
    "وزير رئيس حكومة جيش مدينة العاصمة زيارة اتفاق مفاوضات هجوم قوات وفد سفارة مجلس أمن سلام حدود "
    "اقتصاد نفط انتخابات برلمان محكمة قرار شركة مصنع ميناء مطار"
).split()
ROOT = Path(__file__).resolve().parents[2]
STANCES = ["asserts", "asserts", "attributes", "denies", "doubts"]


def build() -> None:
    """A public story of ARTICLES analysed articles from SOURCES outlets quoting CLAIMS claims; prints the permalink."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from stories.models import Article, Claim, Event, Evidence, Source, Story

    call_command("migrate", verbosity=0)
    rng = random.Random(13)
    story = Story.objects.create(slug="load", title="قصة الحمل", is_public=True)
    sources = Source.objects.bulk_create(
        Source(name=f"منفذ {i}", domain=f"o{i}.example") for i in range(SOURCES)
    )
    base = timezone.make_aware(datetime(2024, 1, 1))
    texts = [" ".join(rng.choices(WORDS, k=80)) + "." for _ in range(ARTICLES)]
    articles = Article.objects.bulk_create(
        Article(
            story=story,
            source=sources[i % SOURCES],
            original=texts[i].encode(),
            sha256=f"{i:064d}",
            origin=f"a{i}.txt",
            title=" ".join(rng.choices(WORDS, k=6)),
            text=texts[i],
            published_at=base + timedelta(minutes=53 * i),
            status="done",
        )
        for i in range(ARTICLES)
    )
    claims = Claim.objects.bulk_create(
        Claim(
            story=story, text=" ".join(rng.choices(WORDS, k=8)), slug=f"c{i}", first_reported_in=articles[i]
        )
        for i in range(CLAIMS)
    )
    # Every article quotes two claims (popular claims more often), so rows and cells are not uniform.
    Evidence.objects.bulk_create(
        Evidence(
            claim=claims[min(int(rng.paretovariate(1.2)) - 1, CLAIMS - 1) if k else i % CLAIMS],
            article=article,
            start=20 * k,
            end=20 * k + 18,
            stance=rng.choice(STANCES),
        )
        for i, article in enumerate(articles)
        for k in range(2)
    )
    Event.objects.bulk_create(
        Event(article=a, date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", precision="day", start=0, end=5)
        for i, a in enumerate(articles)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(claims[0].get_absolute_url())


def pages(permalink: str) -> dict[str, str]:
    return {
        "story": "/stories/load/",
        "matrix": "/stories/load/matrix/",
        "permalink": permalink,
        "search": "/search/?story=load&q=" + quote("وزير الحكومة"),
    }


def read_loop(
    port: int, urls: list[tuple[str, str]], stop_at: float, budget, out: dict, errors: list
) -> None:
    """One reader: fetch the pages in turn over a fresh connection each (gunicorn's sync workers close them)."""
    at = random.randrange(len(urls))
    while time.monotonic() < stop_at and budget.acquire(blocking=False):
        name, url = urls[at % len(urls)]
        at += 1
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", url, headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            conn.close()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
        elapsed = (time.perf_counter() - started) * 1000
        (out[name].append(elapsed) if ok else errors.append(name))


def warm_up(port: int, paths: dict[str, str]) -> None:
    """A few reads of each page first, so that the workers have started and readers measure the steady state."""
    for url in paths.values():
        for _ in range(4):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", url, headers={"Host": "127.0.0.1"})
            conn.getresponse().read()
            conn.close()


def load(port: int, paths: dict[str, str], seconds: float) -> tuple[dict[str, list[float]], list[str], float]:
    urls = list(paths.items())
    out: dict[str, list[float]] = {name: [] for name in paths}
    errors: list[str] = []
    budget = threading.Semaphore(MAX_REQUESTS)
    started = time.monotonic()
    stop_at = started + min(seconds, MAX_SECONDS)
    readers = [
        threading.Thread(target=read_loop, args=(port, urls, stop_at, budget, out, errors), daemon=True)
        for _ in range(READERS)
    ]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(timeout=MAX_SECONDS + 60)
    return out, errors, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def report(label: str, out: dict[str, list[float]], errors: list[str], elapsed: float) -> None:
    total = sum(len(v) for v in out.values())
    print(f"  cache {label}: {total / elapsed:6.1f} requests/s over {elapsed:.0f} s, {len(errors)} errors")
    for name, times in out.items():
        p95 = percentile(times, 0.95)
        verdict = "PASS" if p95 <= TARGET_P95_MS else "MISS"
        print(
            f"    {name:<10} {len(times) / elapsed:6.1f}/s  p50 {statistics.median(times) if times else 0:7.1f} ms"
            f"  p95 {p95:7.1f} ms  p99 {percentile(times, 0.99):7.1f} ms  target p95 ≤ {TARGET_P95_MS:.0f} ms  {verdict}"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsdesk.wsgi", "--workers", "2", "--worker-class", "sync"]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--only", choices=["on", "off"])
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build()
        return
    pg = os.environ.get("DATABASE_URL", "")
    if not pg.startswith("postgres"):
        print("load bench skipped: DATABASE_URL is not a postgres:// URL")
        return
    admin_url, _, _ = pg.rpartition("/")
    name = f"newsdesk_load_{os.getpid()}"
    env = {
        **os.environ,
        "DATABASE_URL": f"{admin_url}/{name}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only",
        "DJANGO_TLS": "0",
        "DJANGO_STATIC_MANIFEST": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.pop("CELERY_BROKER_URL", None)
    psql = ["psql", f"{admin_url}/postgres", "-q", "-c"]
    subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)
    try:
        built = subprocess.run(
            [sys.executable, "-m", "tests.bench.bench_load", "--build"],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        paths = pages(built.stdout.strip().splitlines()[-1])
        print(
            f"Load bench: {ARTICLES} articles, {CLAIMS} claims, {SOURCES} outlets; gunicorn 2 sync workers,"
            f" {READERS} readers, {min(args.seconds, MAX_SECONDS):.0f} s per run"
        )
        for mode in [args.only] if args.only else ["off", "on"]:
            port = free_port()
            server = serve({**env, "NEWSDESK_PAGE_CACHE": "1" if mode == "on" else "0"}, port)
            try:
                warm_up(port, paths)
                report(mode, *load(port, paths, args.seconds))
            finally:
                server.terminate()
                server.wait(timeout=30)
    finally:
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=False)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    main()
