"""Copy lookup per upload at story sizes 100, 1,000 and 5,000: the full scan (the lookup before the copy index,
kept here as ``scan_original_of``) against the index (``services.copies.article_original_find``).

Articles are generated at about 1,400 words: words drawn by their frequency in the repository's Arabic test
articles, in sentences of 8 to 24 words and paragraphs of two to four sentences, with three sentences quoted
whole from a pool of real ones (outlets of one story share quotes); one in ten is an excerpt copy (the first
paragraphs of an earlier article under its own headline) and one in twenty an edited copy. Each measured upload
is a new article, newer than the story (half of them excerpt or edited copies of stored ones), looked up inside
a transaction that is rolled back, so the story keeps its size. Runs on PostgreSQL (a throw-away database) when
DATABASE_URL points at one, else on a throw-away SQLite file.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import accumulate

SIZES = (100, 1_000, 5_000)
WORDS = 1_400
UPLOADS = 6
SCAN_UPLOADS = {100: 3, 1_000: 2, 5_000: 1}  # the scan takes minutes per upload at 5,000
_PUNCT = re.compile(r"[^\w]")
_SENTENCE = re.compile(r"[^.!؟\n]{40,300}[.!؟]")


def scan_original_of(article) -> int | None:
    """The lookup before the copy index: every earlier analysed non-copy of the story, checked in copy order."""
    from stories.models import Article
    from stories.nlp import dedup

    earlier = (
        Article.objects.filter(
            story_id=article.story_id, status=Article.Status.DONE, duplicate_of__isnull=True
        )
        .exclude(id=article.id)
        .values_list("id", "published_at", "sha256", "signature", "text")
    )
    mine = dedup.copy_order(article.published_at, article.text, article.sha256)
    rows = sorted(earlier, key=lambda row: dedup.copy_order(row[1], row[4], row[2]))
    candidates = [
        (i, text, tuple(sig))
        for i, published, sha, sig, text in rows
        if sig and dedup.copy_order(published, text, sha) < mine
    ]
    return dedup.original_index(article.text, tuple(article.signature), candidates)


@lru_cache(maxsize=1)
def _material() -> tuple[list[str], list[int], list[str]]:
    from collections import Counter
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "articles"
    texts = []
    for path in sorted(root.rglob("*.txt")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    counts = Counter(w for t in texts for w in (_PUNCT.sub("", w) for w in t.split()) if w.isalpha())
    words = sorted(counts)
    quotes = sorted({m.group().strip() for t in texts for m in _SENTENCE.finditer(t)})
    return words, list(accumulate(counts[w] for w in words)), quotes


def article_text(rng: random.Random) -> str:
    words, cumulative, quotes = _material()
    paragraphs, count = [], 0
    quoted = set(rng.sample(range(60), 3))
    while count < WORDS:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if len(paragraphs) in quoted:
                sentence = rng.choice(quotes)
            else:
                sentence = " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(8, 24))) + "."
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return "\n".join(paragraphs)


def copy_text(original: str, rng: random.Random) -> str:
    paragraphs = original.split("\n")
    if rng.random() < 2 / 3:
        return "عنوان آخر للخبر نفسه\n" + "\n".join(paragraphs[: rng.randint(2, 8)])
    words = original.split(" ")
    return " ".join(w if i % 8 else rng.choice(_material()[0]) for i, w in enumerate(words))


def new_article(story, text: str, n: int, rng: random.Random, status: str = "done", later: bool = False):
    from django.utils import timezone

    from stories.models import Article
    from stories.nlp import dedup

    data = f"{n}\n{text}".encode()
    start = datetime(2026 if later else 2024, 1, 1)  # an upload being measured is newer than the story
    published = timezone.make_aware(start + timedelta(minutes=rng.randint(0, 500_000)))
    return Article(
        story=story,
        original=data,
        sha256=hashlib.sha256(data).hexdigest(),
        origin=f"bench-{n}.txt",
        text=text,
        published_at=published if rng.random() < 0.9 else None,
        status=status,
        signature=list(dedup.signature(text)),
        analysed_at=timezone.now(),
    )


def grow(story, texts: list[str], size: int, rng: random.Random) -> None:
    from django.db import connection

    from stories.models import Article
    from stories.services.copies import article_copy_marks_save

    batch = []
    while len(texts) < size:
        roll = rng.random()
        if texts and roll < 0.15:
            text = copy_text(rng.choice(texts), rng)
        else:
            text = article_text(rng)
        texts.append(text)
        batch.append(new_article(story, text, len(texts), rng))
    for article in Article.objects.bulk_create(batch):
        article_copy_marks_save(article=article)
    if connection.vendor == "postgresql":  # a story grown over days has had autovacuum's statistics
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def measure(story, texts: list[str], rng: random.Random, scans: int) -> tuple[float, float, int, int]:
    from django.db import transaction

    from stories.services.copies import article_original_find

    scan, index, mismatches, found = [], [], 0, 0
    # One untimed upload first: caches and the connection warm, as in a live worker.
    with transaction.atomic():
        article = new_article(story, article_text(rng), 9_999_999, rng, status="processing", later=True)
        article.save()
        article_original_find(article=article)
        transaction.set_rollback(True)
    for i in range(UPLOADS):
        text = copy_text(rng.choice(texts), rng) if i % 2 else article_text(rng)
        with transaction.atomic():
            article = new_article(story, text, 10_000_000 + i, rng, status="processing", later=True)
            article.save()
            started = time.perf_counter()
            got = article_original_find(article=article)
            index.append(time.perf_counter() - started)
            if i < scans:
                started = time.perf_counter()
                wanted = scan_original_of(article)
                scan.append(time.perf_counter() - started)
                mismatches += wanted != got
            found += got is not None
            transaction.set_rollback(True)
    return statistics.median(scan) * 1000, statistics.median(index) * 1000, mismatches, found


def run_one() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from stories.models import CopyMark, Story

    call_command("migrate", verbosity=0)
    rng = random.Random(12)
    story = Story.objects.create(slug="bench-copies", title="bench")
    texts: list[str] = []
    figures = {}
    for size in SIZES:
        started = time.perf_counter()
        grow(story, texts, size, rng)
        built = time.perf_counter() - started
        scan, index, mismatches, found = measure(story, texts, rng, SCAN_UPLOADS[size])
        figures[size] = (scan, index)
        marks = CopyMark.objects.filter(story=story).count()
        print(
            f"  {connection.vendor:<10} {size:>5} articles ({marks:>9,} marks, grown in {built:5.1f} s): "
            f"scan {scan:9.1f} ms   index {index:7.1f} ms   per upload (median)   "
            f"{found}/{UPLOADS} copies found, {mismatches} differing from the scan"
        )
    first, last = figures[SIZES[0]], figures[SIZES[-1]]
    print(
        f"  {connection.vendor:<10} ratio {SIZES[-1]}/{SIZES[0]}: scan {last[0] / first[0]:.1f}x   "
        f"index {last[1] / first[1]:.2f}x"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        run_one()
        return
    print(f"Copy lookup per upload: scan against index, stories of {', '.join(map(str, SIZES))} articles")
    env = {**os.environ}
    env.pop("CELERY_BROKER_URL", None)
    pg = os.environ.get("DATABASE_URL", "")
    command = [sys.executable, "-m", "tests.bench.bench_copies", "--one"]
    if not pg.startswith("postgres"):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(command, check=True, env={**env, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"})
        return
    admin_url, _, _ = pg.rpartition("/")
    name = f"newsdesk_bench_copies_{os.getpid()}"
    psql = ["psql", f"{admin_url}/postgres", "-q", "-c"]
    subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)
    try:
        subprocess.run(command, check=True, env={**env, "DATABASE_URL": f"{admin_url}/{name}"})
    finally:
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=False)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    main()
