"""An article's sentence joins the story's claim before its own headline's (issue 9): a headline that opened a
claim of its own must not pull the body sentence that restates a known claim away from it."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

from stories.nlp import match


def _claim(key: str) -> SimpleNamespace:
    return SimpleNamespace(key=tuple(key.split()), proposition="", stance="asserts")


def test_body_joins_the_story_claim_rather_than_its_own_headline() -> None:
    index, counter = match.ClaimIndex(), itertools.count(1)
    first = [
        _claim("| افتتح جسر نهر مدين احتفال رسمي حضور وزير"),
        _claim("| مطر غزير شمال"),
        _claim("| انتخاب رئيس بلدي"),
        _claim("| ارتفاع سعر خبز"),
    ]
    assert match.assign(index, first, lambda: next(counter)) == [1, 2, 3, 4]
    headline = _claim("| جسر جديد طول كيلومتر ربط ضفتين")
    body = _claim("| افتتح جسر نهر مدين جديد طول كيلومتر ربط ضفتين")
    assert match.assign(index, [headline, body], lambda: next(counter)) == [5, 1]


def test_sentences_of_one_article_still_join_each_other() -> None:
    index, counter = match.ClaimIndex(), itertools.count(1)
    match.assign(index, [_claim("| مطر غزير شمال"), _claim("| انتخاب رئيس بلدي")], lambda: next(counter))
    ids = match.assign(
        index,
        [_claim("| افتتح جسر نهر مدين جديد"), _claim("| افتتح جسر نهر مدين جديد احتفال")],
        lambda: next(counter),
    )
    assert ids == [3, 3]


def _told(key: str, proposition: str) -> SimpleNamespace:
    return SimpleNamespace(key=tuple(key.split()), proposition=proposition, stance="asserts")


def test_a_story_plan_does_not_take_the_act_done_from_its_headline() -> None:
    index, counter = match.ClaimIndex(), itertools.count(1)
    first = [
        _told(
            "نقاب | سيرفع دعوى قضاء اداري قانون ضريب",
            "النقابة سترفع دعوى أمام القضاء الإداري ضد قانون الضريبة",
        ),
        _told("| مطر غزير شمال", "هطلت أمطار غزيرة في الشمال"),
        _told("| انتخاب رئيس بلدي", "انتخب المجلس رئيس البلدية"),
        _told("| ارتفاع سعر خبز", "ارتفع سعر الخبز"),
    ]
    assert match.assign(index, first, lambda: next(counter)) == [1, 2, 3, 4]
    headline = _told("| يرسل وزير قانون ضريب برلمان مراجع", "الوزير يرسل قانون الضريبة إلى البرلمان للمراجعة")
    body = _told(
        "| ارسل وزير قانون ضريب برلمان مراجع دعوى قضاء اداري",
        "أرسل الوزير قانون الضريبة إلى البرلمان للمراجعة رغم الدعوى أمام القضاء الإداري",
    )
    # The body's done act shares more with its headline than with the union's plan to sue.
    assert match.assign(index, [headline, body], lambda: next(counter)) == [5, 5]
