"""Stance and attribution of one claim: asserts, attributes, denies, doubts, and negation scope."""

from __future__ import annotations

import pytest

from stories.nlp.stance import stance_of


def _whole(text: str, context: str = "") -> tuple[str, str | None]:
    return stance_of(text, 0, len(text), context)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("افتتح وزير الصحة مستشفى جديدا في مدينة حمص يوم الأحد.", "asserts"),
        ("قالت وكالة الأنباء الرسمية إن وزير الصحة افتتح مستشفى جديدا في حمص.", "attributes"),
        ("وفقاً لمصادر محلية، افتتح وزير الصحة مستشفى جديدا في حمص.", "attributes"),
        ("نفت وزارة الصحة أن يكون الوزير قد افتتح مستشفى في حمص.", "denies"),
        ("الأنباء عن افتتاح مستشفى جديد في حمص عارية عن الصحة.", "denies"),
        ("لا صحة للأنباء عن افتتاح مستشفى جديد في حمص.", "denies"),
        # "لم ... أي <thing>" negates the fact; "لم ... أي <information>" only says nothing was confirmed.
        ("وزير الصحة لم يفتتح أي مستشفى في حمص هذا العام.", "denies"),
        ("إن الوزيرة لم توقع أي عقد مع الشركة الأجنبية.", "denies"),
        ("ولم تقدم الوزارة أي معلومات عن موعد افتتاح المستشفى.", "doubts"),
        ("وزير الصحة لم يزر حمص منذ بداية العام.", "denies"),
        ("وتزعم صفحات معارضة أن الوزير افتتح مستشفى وهميا في حمص.", "doubts"),
        ("ربما يزور وزير الصحة مدينة حمص الأسبوع المقبل.", "doubts"),
        ("ولم يتسن التأكد من صحة هذه المعلومات من مصدر مستقل.", "doubts"),
        ("ولم ينف أو يؤكد أي مصدر رسمي هذا الخبر.", "doubts"),
    ],
)
def test_stance(text, stance):
    assert _whole(text)[0] == stance


def test_negation_inside_a_relative_clause_does_not_flip_the_claim():
    text = "افتتح الوزير، الذي لم يحضر الاجتماع السابق، مستشفى جديدا في حمص."
    assert _whole(text) == ("asserts", None)


def test_speaker_of_a_reporting_verb():
    stance, speaker = _whole("وأكد مصدر أمني رفيع لوكالة الأنباء أن الهجوم وقع فجر الأحد.")
    assert stance == "attributes"
    assert speaker == "مصدر أمني رفيع"


def test_generic_outlet_noun_resolves_to_the_outlet_named_before():
    text = (
        "نشرت صحيفة «الوطن» تقريرا عن الميناء. وقالت الصحيفة في تقريرها إن الحكومة باعت الميناء لشركة أجنبية."
    )
    claim_start = text.index("الحكومة")
    assert stance_of(text, claim_start, len(text)) == ("attributes", "الوطن")


def test_first_person_denial_takes_its_speaker_from_the_framing_sentence():
    frame = "هذه الأنباء نفاها متحدث باسم الشركة وقال:"
    quote = "“ننفي الأخبار المتداولة عن بيع الميناء لشركة أجنبية”."
    assert stance_of(quote, 0, len(quote), frame) == ("denies", "متحدث باسم الشركة")


def test_claims_wording_inside_a_reported_denial_is_denied():
    text = "ونفى المتحدث باسم الجيش الأنباء المتداولة حول انسحاب القوات من المدينة."
    assert _whole(text) == ("denies", "المتحدث باسم الجيش")


def test_a_headline_subject_before_a_present_tense_verb_is_the_speaker():
    text = "الخرطوم تنفي وصول قوات أجنبية إلى الميناء."
    stance, speaker = stance_of(text, 0, len(text))
    assert (stance, speaker) == ("denies", "الخرطوم")
    text = "نفت الوزارة وصول قوات أجنبية إلى الميناء."
    assert stance_of(text, 0, len(text))[1].startswith("الوزارة")  # verb first: the speaker follows it
