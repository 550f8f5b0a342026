"""End to end with the real components: an admin upload analysed by a Celery worker process on PostgreSQL + Redis."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import kombu.pools
import pytest
import redis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from newsdesk.celery import app
from stories.models import Article, Evidence, ImportBatch, Story
from tests.conftest import ROOT, require_or_skip

ARTICLE = (
    "الشرطة تعلن توقيف عصابة لتهريب الآثار\n\n"
    "أعلنت مديرية الأمن العام يوم الخميس توقيف خمسة أشخاص متهمين بتهريب قطع أثرية عبر الحدود الشمالية.\n\n"
    "وقال المتحدث باسم المديرية العقيد نادر سليم إن القطع كانت معدة للبيع في الخارج.\n"
)


def broker_url() -> str:
    url = os.environ.get("NEWSDESK_TEST_BROKER_URL", "")
    require_or_skip(
        bool(url), "NEWSDESK_TEST_BROKER_URL (a Redis URL) for the worker test; `make test` sets it"
    )
    try:
        redis.Redis.from_url(url).ping()
    except redis.RedisError as exc:
        require_or_skip(False, f"Redis at {url}: {exc}")
    return url


@pytest.fixture
def worker(tmp_path):
    require_or_skip(connection.vendor == "postgresql", "the worker test runs on PostgreSQL (DATABASE_URL)")
    url = broker_url()
    redis.Redis.from_url(url).flushdb()
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    log = (tmp_path / "worker.log").open("w+")
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": url}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "newsdesk",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    saved = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager, app.conf.broker_url = False, url
    drop_producer_pools()
    try:
        yield proc, log
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        drop_producer_pools()
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def drop_producer_pools() -> None:
    """Celery caches producers per connection; after a broker switch the next send must open a fresh one."""
    kombu.pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_process_analyses_an_admin_upload(worker, editor_client):
    proc, log = worker
    story = Story.objects.create(slug="antiquities", title="الآثار")
    response = editor_client.post(
        reverse("admin:stories_article_upload"),
        {"story": story.id, "files": [SimpleUploadedFile("police.txt", ARTICLE.encode())]},
    )
    assert response.status_code == 302
    article = Article.objects.get()
    deadline = time.monotonic() + 180
    while article.status not in ("done", "failed") and time.monotonic() < deadline:
        assert proc.poll() is None, "the worker died: " + log_text(log)
        time.sleep(0.5)
        article.refresh_from_db()
    assert article.status == "done", f"{article.status} {article.error}\n{log_text(log)}"
    assert "نادر سليم" in article.text
    assert Evidence.objects.filter(article=article).exists()
    assert "stories.tasks.analyse_article" in log_text(log)  # the separate worker process did the work


def log_text(log) -> str:
    log.flush()
    log.seek(0)
    return log.read()[-3000:]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_process_imports_a_jsonl_upload_and_the_status_page_follows_it(worker, editor_client):
    proc, log = worker
    story = Story.objects.create(slug="antiquities-feed", title="الآثار")
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://example.org/a.html"}, ensure_ascii=False),
        "[1, 2]",
        json.dumps({"text": ARTICLE.replace("خمسة", "ستة"), "source": "وكالة الشمال"}, ensure_ascii=False),
    ]
    response = editor_client.post(
        reverse("admin:stories_article_upload"),
        {"story": story.id, "files": [SimpleUploadedFile("feed.jsonl", "\n".join(lines).encode())]},
    )
    assert response.status_code == 302
    status_url = reverse("stories:status", args=[story.slug])
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the worker died: " + log_text(log)
        done = Article.objects.filter(story=story, status="done").count()
        if done == 2 and ImportBatch.objects.filter(status="done").exists():
            break
        time.sleep(0.5)
    page = editor_client.get(status_url).content.decode()
    assert '<progress max="3" value="3">' in page, log_text(log)
    assert "feed.jsonl:2" in page and "not a JSON object but an array" in page
    assert Article.objects.filter(story=story, status="done").count() == 2
    assert "stories.tasks.import_batch" in log_text(log)  # the worker process imported it, not the request
