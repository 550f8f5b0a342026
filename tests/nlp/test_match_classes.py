"""Claim-matching classes of general news Arabic (issue 9): verb and verbal noun, one institution named two ways,
opposite acts, a denial headline, an announcer who is not the agent."""

from __future__ import annotations

import itertools

from stories.nlp import match
from stories.nlp.claims import find_claims
from stories.nlp.claims.denied import denied_start
from stories.nlp.claims.subjects import subject_head
from stories.nlp.claims.tokens import vocabulary
from stories.nlp.sentences import split_sentences
from stories.nlp.similarity import kindred


def _ids(*texts: str) -> list[int]:
    index, counter = match.ClaimIndex(), itertools.count(1)
    out = []
    for text in texts:
        claims = find_claims(text, split_sentences(text))
        out.append(match.assign(index, claims, lambda: next(counter))[0])
    return out


def test_verb_and_its_verbal_noun_pair_up_but_two_verbs_of_one_class_do_not() -> None:
    assert kindred(frozenset({"زار", "وزير"}), frozenset({"زيار", "وزير"})) == [("زار", "زيار")]
    assert kindred(frozenset({"التقي"}), frozenset({"اجتماع"})) == []
    assert kindred(frozenset({"سري"}), frozenset({"سوري"})) == []


def test_parliament_named_two_ways_is_one_claim_and_rejecting_is_another() -> None:
    passed, renamed, rejected = _ids(
        "أقرّ مجلس النواب مشروع قانون الضرائب الجديد في جلسة الخميس.",
        "أقرّ البرلمان مشروع قانون الضرائب الجديد.",
        "رفض مجلس النواب مشروع قانون الضرائب الجديد في جلسة الخميس.",
    )
    assert passed == renamed != rejected


def test_a_denial_headline_is_keyed_on_what_it_denies() -> None:
    text = "الوزارة تنفي إغلاق الميناء أمام السفن"
    assert text[denied_start(text, 0, len(text)) :] == "إغلاق الميناء أمام السفن"
    assert denied_start("الوزارة تنفي أن الميناء أغلق", 0, 28) is None


def test_who_announced_an_act_is_not_its_agent() -> None:
    text = "أعلن وزير النقل استئناف الرحلات في المطار"
    assert subject_head(text, vocabulary(text)) == ((), None)
    text = "قال وزير النقل إن الرحلات ستستأنف"
    assert subject_head(text, vocabulary(text)) != ((), None)
