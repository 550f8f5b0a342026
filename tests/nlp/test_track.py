"""Tests for claim tracking: stance and quote on small invented articles, and macro-F1 on the ANS dev split."""

from __future__ import annotations

import pytest

from stories.nlp.track import track, track_many
from stories.nlp.types import TRACK_STANCES, Sentence
from tests.conftest import require_or_skip
from tests.nlp import train_track

CLAIM = "البنك المركزي رفع أسعار الفائدة نصف نقطة مئوية"

RAISED = "رفع البنك المركزي أسعار الفائدة نصف نقطة مئوية يوم الخميس في خطوة تهدف إلى كبح التضخم."
ASSERTING = f"أسواق المال تترقب بيانات التضخم هذا الأسبوع.\n{RAISED}\nوتراجعت الأسهم المحلية بعد القرار."

DENIED = "ونفى المتحدث باسم البنك المركزي أن يكون البنك قد رفع أسعار الفائدة نصف نقطة مئوية."
DENYING = (
    f"تداولت مواقع التواصل خبرا عن قرار جديد.\n{DENIED}\nوقال إن لجنة السياسة النقدية ستجتمع الشهر المقبل."
)

REPORTED = "قالت صحيفة الاقتصاد اليوم إن البنك المركزي رفع أسعار الفائدة نصف نقطة مئوية في اجتماع مغلق."
ATTRIBUTING = f"{REPORTED}\nولم يصدر تعليق رسمي حتى الآن."

UNRELATED = (
    "فاز المنتخب الوطني لكرة القدم على نظيره بثلاثة أهداف مقابل هدف.\nوسجل المهاجم هدفين في الشوط الثاني."
)


@pytest.mark.parametrize(
    ("text", "stance", "quote"),
    [
        (ASSERTING, "agree", RAISED),
        (DENYING, "disagree", DENIED),
        (ATTRIBUTING, "discuss", REPORTED),
    ],
    ids=["asserting", "third-party-denial", "attributing"],
)
def test_stance_and_quote(text: str, stance: str, quote: str) -> None:
    result = track(CLAIM, text)
    assert result.stance == stance
    assert text[result.start : result.end] == quote
    assert result.score >= 0.5


def test_unrelated_article_scores_low() -> None:
    result = track(CLAIM, UNRELATED)
    assert result.stance == "unrelated"
    assert result.score < 0.5
    assert 0 <= result.start < result.end <= len(UNRELATED)


def test_opposite_verb_is_disagreement() -> None:
    text = "خفض البنك المركزي أسعار الفائدة نصف نقطة مئوية، في مفاجأة للأسواق."
    assert track(CLAIM, text).stance == "disagree"


def test_negated_claim_is_disagreement() -> None:
    text = "البنك المركزي لم يرفع أسعار الفائدة هذا الشهر."
    assert track(CLAIM, text).stance == "disagree"


def test_denial_pointing_back_at_a_report() -> None:
    denial = "ونفى مسؤول في البنك صحة هذه الأنباء."
    text = f"ذكرت تقارير أن البنك المركزي رفع أسعار الفائدة نصف نقطة مئوية. {denial}"
    result = track(CLAIM, text)
    assert result.stance == "disagree"
    assert text[result.start : result.end] == denial


@pytest.mark.parametrize(
    "text",
    [
        "تزعم منشورات على مواقع التواصل أن البنك المركزي رفع أسعار الفائدة نصف نقطة مئوية.",
        "هل رفع البنك المركزي أسعار الفائدة نصف نقطة مئوية؟ الإجابة في التقرير التالي.",
    ],
    ids=["alleged", "questioned"],
)
def test_alleged_or_questioned_is_discussion(text: str) -> None:
    assert track(CLAIM, text).stance == "discuss"


def test_given_sentences_are_used_and_offsets_stay_in_text() -> None:
    text = "  " + ASSERTING
    first_line_end = text.index("\n")
    spans = [Sentence(2, first_line_end), Sentence(first_line_end + 1, len(text))]
    result = track(CLAIM, text, spans)
    assert (result.start, result.end) == (spans[1].start, spans[1].end)
    assert result.stance == "agree"


def test_track_many_matches_track() -> None:
    claims = [CLAIM, "المنتخب الوطني فاز بثلاثة أهداف"]
    many = track_many(claims, UNRELATED)
    assert [r.stance for r in many] == [track(c, UNRELATED).stance for c in claims]
    assert many[1].stance == "agree"
    assert all(r.stance in TRACK_STANCES for r in many)


def test_empty_text_is_unrelated() -> None:
    result = track(CLAIM, "")
    assert (result.stance, result.start, result.end, result.score) == ("unrelated", 0, 0, 0.0)


def test_ans_dev_macro_f1() -> None:
    require_or_skip((train_track.ANS / "stance_dev.csv").is_file(), "ANS corpus not present in ../shared")
    rows = train_track.load("dev")
    predicted, _ = train_track.predict(rows)
    macro, _, _ = train_track.scores([label for *_, label in rows], predicted)
    assert macro >= 0.6
