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


def test_an_excluding_number_or_place_disagrees_but_another_number_alone_agrees() -> None:
    claim = "رفعت الحكومة سعر رغيف الخبز المدعم إلى 20 قرشاً"
    head = "قرار جديد بشأن الخبز\n\n"
    excluded = head + "أكد الوزير أن سعر رغيف الخبز المدعم سيصبح 15 قرشاً وليس 20 قرشاً كما تردد."
    other_number = head + "رفعت الحكومة سعر رغيف الخبز المدعم إلى 25 قرشاً اعتباراً من الشهر المقبل."
    ordinary_negation = head + "رفعت الحكومة سعر رغيف الخبز المدعم إلى 20 قرشاً، ولا يزال الدعم قائماً."
    assert track(claim, excluded).stance == "disagree"
    assert track(claim, other_number).stance == "agree"
    assert track(claim, ordinary_negation).stance == "agree"
    place = "انهار مبنى سكني في حي الشيخ مقصود بحلب"
    moved = head + "قال الدفاع المدني إن المبنى انهار في حي صلاح الدين بحلب، لا في حي الشيخ مقصود كما أشيع."
    assert track(place, moved).stance == "disagree"


def test_the_held_out_set_is_scored_apart() -> None:
    figs = evaluate_tracking()
    assert figs["heldout"]["pairs"] == 14 and figs["pairs"] == 72
