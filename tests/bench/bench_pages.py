"""Server time of the busiest pages on a generated story of 10,000 articles, 2,000 claims and 300 sources, and on
a story of 20,000 claims of which 300 are shared by several outlets (every sentence a claim, most of them silent).

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
MANY_CLAIMS, SHARED, MANY_ARTICLES, SHARED_BY = 20_000, 300, 2_000, 8
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


def build_many_claims() -> None:
    """20,000 claims over 2,000 articles: 300 carried by 8 outlets each, the rest by one article each."""
    from django.utils import timezone

    from stories.models import Article, Claim, Evidence, Source, Story

    rng = random.Random(11)
    story = Story.objects.create(slug="bench-claims", title="قصة الادعاءات الكثيرة", is_public=True)
    sources = list(Source.objects.order_by("id")[:SOURCES])
    base = timezone.make_aware(datetime(2021, 1, 1))
    articles = Article.objects.bulk_create(
        Article(
            story=story,
            source=sources[i % SOURCES],
            original=b"y",
            sha256=f"{i:063d}y",
            origin=f"b{i}.txt",
            title=" ".join(rng.choices(WORDS, k=6)),
            text=" ".join(rng.choices(WORDS, k=400)) + ".",
            published_at=base + timedelta(minutes=41 * i),
            status="done",
        )
        for i in range(MANY_ARTICLES)
    )
    claims = Claim.objects.bulk_create(
        Claim(
            story=story,
            text=" ".join(rng.choices(WORDS, k=8)),
            slug=f"m{i}",
            first_reported_in=articles[(i * 7) % MANY_ARTICLES],
        )
        for i in range(MANY_CLAIMS)
    )
    stances = ["asserts", "asserts", "attributes", "denies", "doubts"]
    rows = []
    for i, claim in enumerate(claims):
        carriers = (
            [(i * 7 + k * 251) % MANY_ARTICLES for k in range(SHARED_BY)]
            if i < SHARED
            else [(i * 7) % MANY_ARTICLES]
        )
        for n, a in enumerate(carriers):
            start = (i % 50) * 8 + n
            rows.append(
                Evidence(
                    claim=claim, article=articles[a], start=start, end=start + 20, stance=rng.choice(stances)
                )
            )
    Evidence.objects.bulk_create(rows, batch_size=5000)


def measure(client, url: str) -> tuple[float, float, float]:
    """Wall-clock p50 and p95, and the p95 of this process's own CPU time (the web side's work, which a busy
    machine does not inflate; on SQLite it includes the database's)."""
    client.get(url)  # warm-up
    times, cpu = [], []
    for _ in range(REPEATS):
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    cpu.sort()
    p95 = int(0.95 * (len(times) - 1))
    return statistics.median(times), times[p95], cpu[p95]


def run_one() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from stories.models import Story
    from stories.services.claim_stats import story_claim_stats_rebuild

    permalink = build()
    build_many_claims()
    # The rows were written beside the services: store the claims' ranks as the analysis would have.
    for story_id in Story.objects.values_list("id", flat=True):
        story_claim_stats_rebuild(story_id=story_id)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Fresh tables have no statistics nor a visibility map (index-only scans need it); a live database,
            # vacuumed and analysed by autovacuum, has both.
            cursor.execute("VACUUM ANALYZE")
    client = Client()
    pages = {
        "story page": reverse("stories:story", kwargs={"slug": "bench"}),
        "matrix (page 1)": reverse("stories:matrix", kwargs={"slug": "bench"}),
        "matrix (page 5)": reverse("stories:matrix", kwargs={"slug": "bench"}) + "?page=5",
        "claim permalink": permalink,
        "20k claims: story": reverse("stories:story", kwargs={"slug": "bench-claims"}),
        "20k claims: matrix": reverse("stories:matrix", kwargs={"slug": "bench-claims"}),
    }
    print(f"  load average {os.getloadavg()[0]:.2f} (2 cores): wall-clock figures grow with it")
    for name, url in pages.items():
        p50, p95, cpu = measure(client, url)
        verdict = "PASS" if p95 <= 150 else "MISS"
        print(
            f"  {connection.vendor:<10} {name:<20} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
            f"cpu p95 {cpu:6.1f} ms   target p95 ≤ 150 ms  {verdict}"
        )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        run_one()
        return
    print(f"Page bench: {ARTICLES} articles, {CLAIMS} claims, {SOURCES} sources, {REPEATS} requests per page")
    print(
        f"  and a story of {MANY_CLAIMS} claims ({SHARED} shared by {SHARED_BY} outlets) over {MANY_ARTICLES} articles"
    )
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_MANIFEST": "0",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_LOG_LEVEL": "WARNING",
        # Every request renders the page: the target is for a story version no reader has opened yet.
        "NEWSDESK_PAGE_CACHE": "0",
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
