"""Claim tracking on whole articles, against our own hand-written set (tests/gold/tracking)."""

from __future__ import annotations

from stories.nlp.track import track
from tests.eval.tracking import evaluate_tracking, load_pairs


def test_the_issue_targets_hold_on_our_article_set() -> None:
    figs = evaluate_tracking()
    assert figs["pairs"] == 72
    assert figs["passage_retrieval"] >= 0.85
    assert figs["macro_f1"] >= 0.6 and figs["f1"]["disagree"] >= 0.4


def test_a_debunk_after_the_report_wins_and_is_the_quote() -> None:
    pair = next(p for p in load_pairs() if p.claim_id == "c02" and p.file == "4.txt")
    result = track(pair.claim, pair.text)
    assert result.stance == "disagree"
    assert (result.start, result.end) == pair.passage
    kept = result.extra["passages"]
    assert all(pair.text[s:e] for s, e, _ in kept) and len(kept) <= 4


def test_claim_deep_in_a_long_article_is_found() -> None:
    pair = next(p for p in load_pairs() if p.claim_id == "c03" and p.file == "2.txt")
    result = track(pair.claim, pair.text)
    assert result.stance == "agree" and (result.start, result.end) == pair.passage
    assert result.score >= 0.5
