"""Many workers, one truth: two Celery worker processes analysing one story's uploads at the same time store the
claims and quotes that one worker stores (PostgreSQL + Redis, real worker processes)."""

from __future__ import annotations

import contextlib
import io
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
from stories.models import Article, Story
from tests.bench import corpus
from tests.conftest import ROOT, require_or_skip
from tests.stories.test_worker import broker_url, drop_producer_pools, log_text

ARTICLES = 40


@contextlib.contextmanager
def workers(count: int, tmp_path):
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
        cmd = [sys.executable, "-m", "celery", "-A", "newsdesk", "worker", "--pool", "solo", "-n", f"w{i}@%h"]
        cmd += ["--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"]
        procs.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
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


def analysed_by(count: int, slug: str, uploads: list[tuple[str, bytes]], tmp_path) -> tuple[dict, list]:
    """The story's export after ``count`` workers analysed the uploads, and the workers' logs."""
    story = Story.objects.create(slug=slug, title=slug)
    with workers(count, tmp_path) as (procs, logs):
        for name, data in uploads:
            services.article_ingest(story=story, data=data, origin=name)
        deadline = time.monotonic() + 900
        while Article.objects.filter(story=story).exclude(status__in=["done", "failed"]).exists():
            assert all(p.poll() is None for p in procs), "a worker died: " + log_text(logs[0])
            assert time.monotonic() < deadline, "the workers took over 15 minutes"
            time.sleep(0.5)
        texts = [log_text(log) for log in logs]
    out = io.StringIO()
    call_command("export_story", slug, stdout=out)
    return json.loads(out.getvalue()), texts


def groupings(export: dict) -> dict:
    """What an editor sees, without ids: each claim as its text and quotes (article, span, stance, speaker),
    who reported it first, which articles are copies of which, and each article's status."""
    origin = {a["id"]: a["origin"] for a in export["articles"]}
    claims = sorted(
        (
            claim["text"],
            origin.get(claim["first_reported_in"]),
            claim["contested"],
            tuple(
                sorted(
                    (origin[e["article_id"]], e["start"], e["end"], e["stance"], e["attributed_to"] or "")
                    for e in claim["evidence"]
                )
            ),
        )
        for claim in export["claims"]
    )
    copies = sorted(
        (a["origin"], origin.get(a["duplicate_of"])) for a in export["articles"] if a["duplicate_of"]
    )
    statuses = sorted((a["origin"], a["status"]) for a in export["articles"])
    return {"claims": claims, "copies": copies, "statuses": statuses}


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_two_workers_analysing_one_story_store_what_one_worker_stores(tmp_path, seed_paths):
    uploads = [(f"{n:02d}.txt", corpus.article(n, seed=5, words=300)) for n in range(1, ARTICLES + 1)]
    uploads += [("copy-of-07.txt", b"\n\n".join(uploads[6][1].split(b"\n\n")[:4]) + b"\n")]  # an excerpt copy
    one, _ = analysed_by(1, "one-worker", uploads, tmp_path)
    two, logs = analysed_by(2, "two-workers", uploads, tmp_path)
    assert all("stories.tasks.analyse_article" in text for text in logs)  # both workers took articles
    expected, got = groupings(one), groupings(two)
    assert len(expected["claims"]) > ARTICLES  # the story has claims, many quoted by several articles
    assert any(len(claim[3]) > 1 for claim in expected["claims"])
    assert expected["copies"] == [("copy-of-07.txt", "07.txt")]
    assert got == expected
