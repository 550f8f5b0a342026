"""Many workers, one truth: two Celery worker processes analysing one 40-article story at the same time store the
claims, quotes, entities and copies one worker stores (PostgreSQL + Redis, real worker processes, fresh database)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time

import pytest
import redis
from django.core.management import call_command
from django.db import connection

from newsdesk.celery import app
from stories import services
from stories.models import Article
from tests.conftest import ROOT, require_or_skip
from tests.stories.test_sequencer import ARTICLES, export_without_ids
from tests.stories.test_worker import broker_url, drop_producer_pools, log_text

UPLOADS = 40
# Distinct headlines put over some articles: near-copies that join their original's claims and mark copies.
HEADLINES = (
    "عاجل: تطورات جديدة في القصة",
    "متابعة: ما الذي نعرفه حتى الآن",
    "تحديث: ردود فعل على آخر الأنباء",
    "خاص: مصادر تكشف تفاصيل إضافية",
    "تقرير: الصورة الكاملة لما جرى",
    "مباشر: آخر المستجدات ساعة بساعة",
)


def uploads(seed_paths) -> list[tuple[str, bytes]]:
    """Forty distinct uploads: the seeds, the test articles and two held-out stories, and headlined variants of
    some of them, in an order that interleaves the stories (upload order is the canonical order)."""
    folders = [ROOT / "tests" / "articles" / name for name in ("heldout", "heldout2")]
    paths = [*seed_paths, *ARTICLES, *(p for folder in folders for p in sorted(folder.iterdir()))]
    originals = [(p.name, p.read_bytes()) for p in paths if p.suffix in (".txt", ".html")]
    plain = [(name, data) for name, data in originals if name.endswith(".txt") and "cp1256" not in name]
    picked = plain[:: len(plain) // len(HEADLINES)][: len(HEADLINES)]
    variants = [
        (f"v{n}_{name}", f"{headline}\n\n".encode() + data)
        for n, (headline, (name, data)) in enumerate(zip(HEADLINES, picked, strict=True))
    ]
    chosen = originals[: UPLOADS - len(variants)]
    mixed = [chosen[i] for i in sorted(range(len(chosen)), key=lambda i: (i % 4, i))]
    for n, variant in enumerate(variants):
        mixed.insert(5 + n * 6, variant)
    assert len(mixed) == UPLOADS and len({data for _, data in mixed}) == UPLOADS
    return mixed


@contextlib.contextmanager
def workers(count: int, tmp_path):
    """``count`` worker processes (solo pool: one article at a time each) on the test database and Redis."""
    require_or_skip(connection.vendor == "postgresql", "the worker test runs on PostgreSQL (DATABASE_URL)")
    url = broker_url()
    redis.Redis.from_url(url).flushdb()
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": url}
    procs, logs = [], []
    for i in range(count):
        log = (tmp_path / f"worker-{count}-{i}.log").open("w+")
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "newsdesk",
            "worker",
            "--pool",
            "solo",
            "-n",
            f"w{i}@%h",
        ]
        command += ["--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"]
        procs.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
        logs.append(log)
    saved = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager, app.conf.broker_url = False, url
    drop_producer_pools()
    try:
        yield procs, logs
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        drop_producer_pools()
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def analysed_by(count: int, items: list[tuple[str, bytes]], tmp_path) -> tuple[dict, list[str]]:
    """The story's export (ids replaced, see test_sequencer.canonical) after ``count`` workers analysed the
    uploads on a fresh database, and the workers' logs."""
    call_command("flush", interactive=False, verbosity=0)
    story = services.story_get_or_create(slug="one-truth", title="قصة واحدة")
    with workers(count, tmp_path) as (procs, logs):
        for name, data in items:
            services.article_ingest(story=story, data=data, origin=name)
        articles = Article.objects.filter(story=story)
        deadline = time.monotonic() + 900
        while articles.exclude(status__in=["done", "failed"]).exists():
            assert all(p.poll() is None for p in procs), "a worker died: " + log_text(logs[0])
            assert time.monotonic() < deadline, "the workers took over 15 minutes: " + log_text(logs[-1])
            time.sleep(0.5)
        texts = [whole(log) for log in logs]
    return export_without_ids("one-truth"), texts


def whole(log) -> str:
    log.flush()
    log.seek(0)
    return log.read()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_two_workers_analysing_one_story_store_what_one_worker_stores(tmp_path, seed_paths):
    items = uploads(seed_paths)
    one, _ = analysed_by(1, items, tmp_path)
    two, logs = analysed_by(2, items, tmp_path)
    for name, export in (("one", one), ("two", two)):  # kept beside the workers' logs, to compare by hand
        (tmp_path / f"export-{name}.json").write_text(json.dumps(export, ensure_ascii=False, indent=1))
    assert len(one["claims"]) > UPLOADS
    assert any(len({e["article_id"] for e in claim["evidence"]}) > 2 for claim in one["claims"])
    assert any(article["duplicate_of"] for article in one["articles"])
    assert {a["status"] for a in one["articles"]} == {"done"}
    assert two["claims"] == one["claims"]
    assert two == one
    assert all("stories.tasks.analyse_article" in text for text in logs), "both workers took articles"
    assert any("waits for article" in text for text in logs), "some article finished before an earlier one"
