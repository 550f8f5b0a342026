"""Nothing stuck, nothing lost: real workers killed, the broker stopped, with private PostgreSQL and Redis."""

from __future__ import annotations

import json
import signal

import pytest

from tests.conftest import ROOT

from .conftest import wait_until

pytestmark = pytest.mark.faults

ARTICLES = ROOT / "tests" / "articles"
WAITING = "سيبدأ التحليل حين يعود الطابور"


def all_done(stack, count: int):
    return lambda: stack.statuses() == {"done": count}


def test_a_worker_killed_mid_analysis_leaves_nothing_stuck(stack, seed_paths):
    paths = [str(p) for p in seed_paths] + [str(ARTICLES / "flood_1_eastern_digits.txt")]
    stack.drive("ingest", *paths)
    assert stack.statuses() == {"queued": len(paths)}
    first = stack.worker("first")
    taken = wait_until(
        lambda: stack.pg.query("SELECT id FROM stories_article WHERE status = 'processing'"),
        seconds=120,
        every=0.05,
        what="the first worker to take an article",
    )[0][0]
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=20)
    [(status, owner)] = stack.pg.query("SELECT status, lease_owner FROM stories_article WHERE id = %s", taken)
    assert status == "processing" and owner.startswith("first@"), "the kill left the article mid-analysis"

    stack.worker("second")
    stack.beat()
    wait_until(all_done(stack, len(paths)), seconds=240, what="every article analysed after the kill")
    [(owner, quotes)] = stack.pg.query(
        "SELECT a.lease_owner, count(e.id) FROM stories_article a LEFT JOIN stories_evidence e"
        " ON e.article_id = a.id WHERE a.id = %s GROUP BY a.id",
        taken,
    )
    assert owner == "" and quotes > 0, "the killed article was analysed again, by the second worker"
    assert "stories.tasks.analyse_article" in stack.log("second")


def test_broker_down_at_upload_stores_everything_and_analyses_it_when_back(stack, seed_paths, tmp_path):
    stack.redis.stop()
    files = [
        ARTICLES / "flood_1_eastern_digits.txt",
        ARTICLES / "flood_2_residents.txt",
        ARTICLES / "harbour_2_union.html",
    ]
    uploaded = stack.drive("upload", *map(str, files))
    assert uploaded["status"] == 302, uploaded
    assert WAITING in uploaded["html"]  # the page the upload lands on says it is stored and waiting

    jsonl = tmp_path / "batch.jsonl"
    rows = [
        {"text": seed_paths[0].read_text("utf-8"), "source": "seed-a", "url": "https://a.example/1"},
        {"text": seed_paths[1].read_text("utf-8"), "source": "seed-b", "url": "https://b.example/2"},
    ]
    jsonl.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", "utf-8")
    imported = stack.drive("import", str(jsonl))
    lines = imported["out"].splitlines()
    assert imported["code"] == 0, imported
    assert [line.split()[1] for line in lines[:-1]] == ["queued", "queued"], lines
    assert lines[-1] == "imported 2, refused 0"
    # Each queued line's note, on stderr so that stdout keeps one contract line per input; then where to watch.
    errors = imported["error"].splitlines()
    notes = [line for line in errors if line.endswith("analysis will start when the queue is back.")]
    assert [note.split(": ")[0] for note in notes] == [" ".join(line.split()[::2]) for line in lines[:-1]], (
        errors
    )
    assert any(line.startswith("Watch progress at ") for line in errors), errors

    assert stack.statuses() == {"queued": 5}
    assert stack.pg.query("SELECT count(*) FROM stories_article WHERE enqueued_at IS NULL") == [(5,)]
    page = stack.drive("status_page")
    assert page["code"] == 200 and WAITING in page["html"]
    english = stack.drive("status_page", "en")
    assert "analysis will start when the queue is back" in english["html"]

    stack.redis.start()  # the same port, empty: every message sent before the outage would be gone anyway
    stack.worker()
    stack.beat()
    wait_until(all_done(stack, 5), seconds=240, what="the stored articles analysed once Redis is back")
    assert WAITING not in stack.drive("status_page")["html"]
