"""import_articles at volume: with a broker it queues and returns, naming where to watch; without one it analyses
in-process, with a progress bar on a terminal and the contract's plain lines otherwise."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
import redis
from django.core.management import call_command

from newsdesk.celery import app
from stories.management.progress import Progress, duration
from stories.models import Article
from tests.conftest import ROOT
from tests.stories.test_worker import broker_url, drop_producer_pools

pytestmark = pytest.mark.django_db(transaction=True)
CONTRACT_LINE = re.compile(r"\d+ (done|queued|processing|failed) \S+.*")


def import_lines(*args: str) -> tuple[list[str], str]:
    out, err = StringIO(), StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue().splitlines(), err.getvalue()


def test_not_a_terminal_prints_one_plain_line_per_article(seed_paths):
    lines, err = import_lines("--story", "plain", *map(str, seed_paths))
    *rows, summary = lines
    assert summary == "imported 5, refused 0"
    assert [row.split(" ", 2)[1] for row in rows] == ["done"] * 5
    assert all(CONTRACT_LINE.fullmatch(row) for row in rows), rows
    assert "\r" not in err and "[#" not in err and "/s" not in err  # no bar for a script reading stderr
    assert "story_status" not in err  # analysed already: nothing to watch


@pytest.fixture
def redis_broker():
    url = broker_url()
    client = redis.Redis.from_url(url)
    client.flushdb()
    saved = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager, app.conf.broker_url = False, url
    drop_producer_pools()
    try:
        yield client
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        drop_producer_pools()
        client.flushdb()


def test_with_a_broker_it_queues_returns_and_says_where_to_watch(redis_broker, seed_paths):
    lines, err = import_lines("--story", "queued", *map(str, seed_paths))
    *rows, summary = lines
    assert summary == "imported 5, refused 0"
    assert [row.split(" ", 2)[1] for row in rows] == ["queued"] * 5  # returned before any analysis
    articles = Article.objects.filter(story__slug="queued")
    assert set(articles.values_list("status", flat=True)) == {"queued"}
    assert all(a.enqueued_at is not None for a in articles)  # each message was taken by the broker
    assert redis_broker.llen("celery") == 5  # ... and is waiting in Redis for a worker
    assert "http://localhost:8000/stories/queued/status/" in err
    assert "python manage.py story_status queued --wait" in err

    out = StringIO()
    call_command("story_status", "queued", stdout=out)
    assert out.getvalue().strip() == "queued: 5 queued (5 in all)"


def test_story_status_wait_returns_once_nothing_is_left(seed_paths):
    import_lines("--story", "finished", *map(str, seed_paths[:2]))
    out = StringIO()
    call_command("story_status", "finished", "--wait", "--interval", "0.1", stdout=out, stderr=StringIO())
    assert out.getvalue().strip() == "finished: 2 done (2 in all)"


def test_progress_line_gives_rate_and_time_left():
    now = [0.0]
    progress = Progress(StringIO(), 4, clock=lambda: now[0])
    assert progress.line() == "[" + "·" * 30 + "] 0/4 articles"
    now[0] = 2.0
    progress.advance()
    progress.advance()
    assert progress.line() == "[" + "#" * 15 + "·" * 15 + "] 2/4 articles  1.0/s  about 2 s left"
    progress.advance(4)
    assert progress.line().endswith("4/4 articles  2.0/s  in 2 s")
    assert duration(185) == "3 min 05 s" and duration(7440) == "2 h 04 min"


def run_in_terminal(args: list[str], env: dict[str, str]) -> tuple[str, str, int]:
    """Run a command with stderr on a pseudo-terminal and stdout on a pipe, as `... > out.txt` in a shell."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL
    )
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed: the command has exited
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    out = proc.stdout.read().decode()
    proc.wait(timeout=60)
    os.close(master)
    return out, seen.decode(errors="replace"), proc.returncode


def test_on_a_terminal_it_draws_a_progress_bar(tmp_path: Path, seed_paths):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "CELERY_"))}
    env = {**base, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=300)
    out, terminal, code = run_in_terminal(
        [*manage, "import_articles", "--story", "tty", *map(str, seed_paths)], env
    )
    assert code == 0, terminal
    *rows, summary = out.splitlines()
    assert summary == "imported 5, refused 0" and len(rows) == 5  # stdout, the contract, is unchanged
    assert all(CONTRACT_LINE.fullmatch(row) for row in rows), rows
    assert "[" + "·" * 30 + "] 0/5 articles" in terminal  # drawn before the first article
    assert re.search(r"\] [1-4]/5 articles  [\d.]+/s  about \d+ s left", terminal), terminal
    assert re.search(r"\[#{30}\] 5/5 articles  [\d.]+/s  in \d+ s", terminal), terminal
    assert "\r\x1b[K" in terminal  # redrawn in place, not a line per step
