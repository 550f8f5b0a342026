"""Server time of the busiest pages on a generated story of 10,000 articles, 2,000 claims and 300 sources.

Runs once on SQLite (a throw-away file) and once on PostgreSQL (a throw-away database) when DATABASE_URL
points at one; each run is a subprocess so that settings load for its own database.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta

ARTICLES, CLAIMS, SOURCES, REPEATS = 10_000, 2_000, 300, 30
WORDS = (
    "وزير رئيس حكومة جيش مدينة العاصمة زيارة اتفاق مفاوضات هجوم قوات وفد سفارة مجلس أمن سلام حدود "
    "اقتصاد نفط انتخابات برلمان محكمة قرار شركة مصنع ميناء مطار"
).split()


def build() -> str:
    from django.utils import timezone

    from stories.models import Article, Claim, Evidence, Source, Story

    rng = random.Random(7)
    story = Story.objects.create(slug="bench", title="قصة القياس", is_public=True)
    sources = Source.objects.bulk_create(
        Source(name=f"مصدر {i}", domain=f"s{i}.example") for i in range(SOURCES)
    )
    base = timezone.make_aware(datetime(2020, 1, 1))
    articles = Article.objects.bulk_create(
        Article(
            story=story,
            source=sources[i % SOURCES],
            original=b"x",
            sha256=f"{i:064d}",
            origin=f"a{i}.txt",
            title=" ".join(rng.choices(WORDS, k=6)),
            text=" ".join(rng.choices(WORDS, k=60)) + ".",
            published_at=base + timedelta(minutes=37 * i),
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
    Evidence.objects.bulk_create(
        Evidence(
            claim=claims[i % CLAIMS],
            article=articles[i],
            start=0,
            end=20,
            stance=rng.choice(["asserts", "asserts", "attributes", "denies", "doubts"]),
        )
        for i in range(ARTICLES)
    )
    return claims[0].get_absolute_url()


def measure(client, url: str) -> tuple[float, float]:
    client.get(url)  # warm-up
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def run_one() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    permalink = build()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh tables have no statistics; a live database has them
    client = Client()
    pages = {
        "story page": reverse("stories:story", kwargs={"slug": "bench"}),
        "matrix (page 1)": reverse("stories:matrix", kwargs={"slug": "bench"}),
        "matrix (page 5)": reverse("stories:matrix", kwargs={"slug": "bench"}) + "?page=5",
        "claim permalink": permalink,
    }
    for name, url in pages.items():
        p50, p95 = measure(client, url)
        verdict = "PASS" if p95 <= 150 else "MISS"
        print(
            f"  {connection.vendor:<10} {name:<18} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   target p95 ≤ 150 ms  {verdict}"
        )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        run_one()
        return
    print(f"Page bench: {ARTICLES} articles, {CLAIMS} claims, {SOURCES} sources, {REPEATS} requests per page")
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_MANIFEST": "0",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.pop("CELERY_BROKER_URL", None)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "tests.bench.bench_pages", "--one"],
            check=True,
            env={**env, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"},
        )
    pg = os.environ.get("DATABASE_URL", "")
    if pg.startswith("postgres"):
        admin_url, _, _ = pg.rpartition("/")
        name = f"newsdesk_bench_{os.getpid()}"
        psql = ["psql", f"{admin_url}/postgres", "-q", "-c"]
        subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)
        try:
            subprocess.run(
                [sys.executable, "-m", "tests.bench.bench_pages", "--one"],
                check=True,
                env={**env, "DATABASE_URL": f"{admin_url}/{name}"},
            )
        finally:
            subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=False)
    else:
        print("  postgresql skipped: DATABASE_URL is not a postgres:// URL")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    main()
