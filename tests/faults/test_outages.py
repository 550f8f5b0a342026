"""A database outage during analysis, and a story reanalysis whose worker is killed half-way, on real processes."""

from __future__ import annotations

import signal
import time

import pytest

from tests.conftest import ROOT

from .conftest import wait_until

pytestmark = pytest.mark.faults

ARTICLES = ROOT / "tests" / "articles"
EXTRA = [
    "flood_1_eastern_digits.txt",
    "flood_2_residents.txt",
    "harbour_1_report.txt",
    "harbour_2_union.html",
]
# The retry budget before issue 13: 2 + 4 + 8 + 16 + 32 s, after which a task gave up for good.
OLD_RETRY_BUDGET = 62


def story_paths(seed_paths) -> list[str]:
    return [str(p) for p in seed_paths] + [str(ARTICLES / name) for name in EXTRA]


def groupings(stack) -> set[frozenset]:
    """The story's claims as groups of quotes (article, start, end): what the matrix and the permalinks show."""
    groups: dict[int, set] = {}
    for claim, article, start, end in stack.pg.query(
        'SELECT claim_id, article_id, start, "end" FROM stories_evidence'
    ):
        groups.setdefault(claim, set()).add((article, start, end))
    return {frozenset(quotes) for quotes in groups.values()}


def quotes_per_article(stack) -> dict[int, int]:
    return dict(
        stack.pg.query(
            "SELECT a.id, count(e.id) FROM stories_article a LEFT JOIN stories_evidence e"
            " ON e.article_id = a.id GROUP BY a.id"
        )
    )


def empty_permalinks(stack) -> list[int]:
    """Claims whose permalink would show nothing: no quote of their own, and no redirect elsewhere."""
    rows = stack.pg.query(
        "SELECT c.id FROM stories_claim c WHERE c.merged_into_id IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM stories_evidence e WHERE e.claim_id = c.id)"
    )
    return [row[0] for row in rows]


def test_a_database_outage_longer_than_the_old_retry_budget_leaves_every_article_analysed(stack, seed_paths):
    # Retries that run out well inside the outage, so recovering needs the sweeper as much as the backoff.
    stack.env.update({"NEWSDESK_RETRY_MAX": "3", "NEWSDESK_RETRY_BACKOFF_CAP": "2"})
    paths = story_paths(seed_paths)
    stack.drive("ingest", *paths)
    stack.worker()
    stack.beat()
    wait_until(
        lambda: stack.pg.query("SELECT count(*) FROM stories_article WHERE status = 'done'")[0][0] >= 1,
        seconds=180,
        every=0.2,
        what="the first article analysed",
    )
    stack.pg.stop()
    outage = OLD_RETRY_BUDGET + 10
    time.sleep(outage)  # the outage itself; nothing is asserted on its length
    assert "OperationalError" in stack.log("worker"), "the worker met the outage"
    stack.pg.start()
    wait_until(
        lambda: stack.statuses() == {"done": len(paths)},
        seconds=300,
        what="every article analysed once the database is back",
    )
    assert all(count > 0 for count in quotes_per_article(stack).values())


def test_a_story_reanalysis_killed_half_way_loses_no_quote_and_resumes_by_itself(stack, seed_paths):
    stack.env["NEWSDESK_REANALYSIS_STEP_SECONDS"] = "0"  # one article per task, so there is a half-way
    paths = story_paths(seed_paths)
    stack.drive("ingest", *paths)
    first = stack.worker("first")
    wait_until(lambda: stack.statuses() == {"done": len(paths)}, seconds=300, what="the story analysed once")
    before = quotes_per_article(stack)
    assert all(before.values()) and not empty_permalinks(stack)

    stack.drive("reanalyse")
    half = len(paths) // 2
    wait_until(
        lambda: stack.pg.query("SELECT count(*) FROM stories_article WHERE reanalysis_pending")[0][0] <= half,
        seconds=300,
        every=0.02,
        what="the reanalysis half-way",
    )
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=20)
    pending = stack.pg.query("SELECT count(*) FROM stories_article WHERE reanalysis_pending")[0][0]
    assert 0 < pending <= half, "the kill stopped the run half-way"
    after = quotes_per_article(stack)
    assert [a for a, count in before.items() if count and not after.get(a)] == [], (
        "an article lost its quotes"
    )
    assert empty_permalinks(stack) == [], "a claim's permalink turned empty"

    stack.worker("second")
    stack.beat()
    wait_until(
        lambda: (
            stack.pg.query(
                "SELECT (SELECT count(*) FROM stories_storyreanalysis),"
                " (SELECT count(*) FROM stories_article WHERE reanalysis_pending)"
            )
            == [(0, 0)]
        ),
        seconds=300,
        what="the sweeper to resume the reanalysis and finish it",
    )
    assert stack.statuses() == {"done": len(paths)}
    assert empty_permalinks(stack) == []
    resumed = groupings(stack)
    assert "stories.tasks.reanalyse_story" in stack.log("second")

    stack.drive("reanalyse_now")  # the same story reanalysed again, uninterrupted, in one process
    assert groupings(stack) == resumed
