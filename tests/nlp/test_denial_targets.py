"""Denials land in the claim that holds the report they deny (issue 9): a headline denial keyed without the
denier as agent, a near cover when act and object are shared, and a reported claim preferred over a claim made
of denials alone."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

from stories.nlp import match
from stories.nlp.claims import find_claims
from stories.nlp.denial_cover import DENIAL_COVER, DENIAL_NEAR, denial_cut
from stories.nlp.keymarks import HEAD_SEP
from stories.nlp.sentences import split_sentences
from stories.nlp.similarity import key_entry
from stories.nlp.types import ClaimFound


def _claims(text: str) -> list[ClaimFound]:
    return list(find_claims(text, split_sentences(text)))


def _assign(*claims: object) -> list[int]:
    index, counter = match.ClaimIndex(), itertools.count(1)
    return [match.assign(index, [c], lambda: next(counter))[0] for c in claims]


def test_headline_denial_has_no_agent_of_its_own() -> None:
    denial = _claims("الداخلية تنفي إغلاق المعابر الحدودية مع الجارة الشمالية\n")[0]
    assert denial.stance == "denies"
    assert denial.key[: denial.key.index(HEAD_SEP)] == ()
    report = _claims("ذكرت تقارير أن السلطات أغلقت المعابر الحدودية مع الجارة الشمالية أمس.\n")[0]
    assert _assign(report, denial) == [1, 1]


def test_group_noun_after_a_denial_verb_is_the_object_not_the_subject() -> None:
    denial = _claims("النقابة تنفي اعتقال فرق الصيانة في المصنع\n")[0]
    assert denial.key[: denial.key.index(HEAD_SEP)] == ()


def test_denial_cut_is_lower_for_the_same_act_on_the_same_object() -> None:
    denial = key_entry(-1, ("|", "تجميد", "حساب", "مصرفي", "شرك", "اجنبي"))
    report = key_entry(1, ("|", "حكوم", "جمد", "حساب", "مستثمر"))
    other = key_entry(2, ("|", "حكوم", "فتح", "حساب", "مستثمر"))
    assert denial_cut(denial, report) == DENIAL_NEAR < DENIAL_COVER
    assert denial_cut(denial, other) == DENIAL_COVER


def test_denial_just_below_the_cover_joins_the_report_with_its_act_and_object() -> None:
    report = _claims("أفادت صفحات بأن الحكومة جمّدت الحسابات المصرفية للمستثمرين.\n")[0]
    other = _claims("افتتحت الحكومة فرعاً جديداً للمصرف الزراعي في الجنوب.\n")[0]
    denial = _claims("نفت وزارة الاقتصاد تجميد الحسابات المصرفية للشركات الأجنبية\n")[0]
    ids = _assign(report, other, denial)
    assert ids[2] == ids[0] != ids[1]


def test_denial_prefers_the_reported_claim_over_one_made_of_denials() -> None:
    def claim(key: str, stance: str) -> SimpleNamespace:
        return SimpleNamespace(key=tuple(key.split()), proposition="", stance=stance)

    report = claim("| رسوم جمركي سيارات مستورد مطلع شهر مقبل موازن عام جديد", "attributes")
    first = claim("| رسوم سيارات شائعات مغرض", "denies")
    second = claim("| رسوم جمركي سيارات مستورد شائعات مغرض", "denies")  # nearer the first by similarity
    ids = _assign(report, first, second)
    assert ids[1] != ids[0]
    assert ids[2] == ids[0]


def test_denial_takes_the_reported_claim_it_reaches_over_a_nearer_one_of_denials() -> None:
    def claim(key: str, stance: str) -> SimpleNamespace:
        return SimpleNamespace(key=tuple(key.split()), proposition="", stance=stance)

    first = claim("| رسوم سيارات شائعات مغرض كاذب تضليل", "denies")
    report = claim("| رسوم جمركي سيارات مستورد مطلع شهر", "attributes")
    second = claim("| رسوم جمركي سيارات مستورد شائعات مغرض كاذب", "denies")  # nearer the first denial
    ids = _assign(first, report, second)
    assert ids[1] != ids[0]
    assert ids[2] == ids[1]
