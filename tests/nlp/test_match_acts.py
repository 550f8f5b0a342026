"""Acts that tell claims apart (issue 9): a denial whose object is the denied act's verbal noun, and two claims
that each name an act but no act in common."""

from __future__ import annotations

import itertools

from stories.nlp import match
from stories.nlp.claims import find_claims
from stories.nlp.claims.denied import verb_first_object
from stories.nlp.sentences import split_sentences


def _ids(*texts: str) -> list[int]:
    index, counter = match.ClaimIndex(), itertools.count(1)
    out = []
    for text in texts:
        claims = find_claims(text, split_sentences(text))
        out.append(match.assign(index, claims, lambda: next(counter))[0])
    return out


def _object(text: str) -> str | None:
    found = verb_first_object(text, 0, len(text))
    return None if found is None else text[found:]


def test_denied_verbal_noun_follows_the_denier() -> None:
    assert _object("نفت إدارة الشركة تسريح أي عامل من المصنع") == "تسريح أي عامل من المصنع"
    assert _object("نفى المجلس البلدي المحلي إغلاق السوق القديم") == "إغلاق السوق القديم"
    assert _object("عمّان (وكالة النهار) - نفت الوزارة إغلاق السوق القديم") == "إغلاق السوق القديم"
    assert _object("نفى وزير الخارجية فؤاد حسين الخبر") is None  # a name, not a verbal noun
    assert _object("نفت الوزارة أن تكون أغلقت السوق") is None
    assert _object("أكدت الوزارة إغلاق السوق القديم") is None


def test_denial_with_a_verbal_noun_object_joins_the_report() -> None:
    report, other, denial = _ids(
        "ذكرت صحف محلية أن الشركة سرّحت مئتي عامل من مصنع الإسمنت في الجنوب.",
        "افتتحت الشركة فرعاً جديداً لمصنع الإسمنت في الشمال.",
        "نفت إدارة الشركة تسريح أي عامل من مصنع الإسمنت، مؤكدة أن الإنتاج مستمر بصورة طبيعية.",
    )
    assert denial == report != other


def test_two_acts_with_one_place_stay_apart() -> None:
    fire, fire_again, dismissal = _ids(
        "اندلع حريق فجر الأحد في مستودع الحبوب بميناء المدينة الشمالي.",
        "شبّ حريق في مستودع الحبوب بميناء المدينة الشمالي فجر الأحد.",
        "أقال وزير النقل مدير مستودع الحبوب بميناء المدينة الشمالي بعد الحريق.",
    )
    assert fire == fire_again != dismissal


def test_first_and_second_of_one_kind_stay_apart() -> None:
    first, first_again, second = _ids(
        "ومن المقرر أن تعقد لجنة الحدود المشتركة اجتماعها الأول في عمّان الشهر المقبل.",
        "ومن المنتظر أن تعقد لجنة الحدود المشتركة اجتماعها الأول في عمّان الشهر المقبل.",
        "ومن المقرر أن تعقد لجنة الحدود المشتركة اجتماعها الثاني في عمّان الشهر المقبل.",
    )
    assert first == first_again != second


def test_keeping_a_level_is_not_raising_it() -> None:
    raised, kept = _ids(
        "زادت شركة الكهرباء ساعات التغذية في أحياء العاصمة إلى عشرين ساعة يومياً.",
        "حافظت شركة الكهرباء على ساعات التغذية في أحياء العاصمة عند عشرين ساعة يومياً.",
    )
    assert raised != kept


def test_a_claim_named_without_its_act_does_not_let_another_act_in() -> None:
    fire, bare, dismissal = _ids(
        "اندلع حريق فجر الأحد في مستودع الحبوب بميناء المدينة الشمالي.",
        "حريق مستودع الحبوب بميناء المدينة الشمالي يخلف أضراراً كبيرة.",
        "أقال وزير النقل مدير مستودع الحبوب بميناء المدينة الشمالي بعد الحريق.",
    )
    assert fire == bare != dismissal


def test_a_bare_background_adjunct_stays_out_of_the_key_and_a_named_one_stays_in() -> None:
    from stories.nlp.claims.background import mask_background

    assert mask_background("أقال الوزير المدير بعد ساعات من الحريق").split() == ["أقال", "الوزير", "المدير"]
    assert mask_background("أعلنت الحكومة، عقب الانفجار، الحداد").split() == [
        "أعلنت",
        "الحكومة،",
        "،",
        "الحداد",
    ]
    kept = "زار دمشق بعد محادثاته في أثينا"
    assert mask_background(kept) == kept


def test_form2_verbal_noun_pairs_with_its_verb_letter_for_letter() -> None:
    from stories.nlp.similarity import kindred

    assert kindred(frozenset({"تجميد", "ودائع"}), frozenset({"جمد", "ودائع"})) == [("تجميد", "جمد")]
    assert kindred(frozenset({"تجميد"}), frozenset({"جمع"})) == []


def test_a_result_verb_is_light_and_a_death_verb_names_death() -> None:
    report, denial = _ids(
        "قال مصدر طبي إن الانفجار في مصنع الأسمدة أودى بحياة أربعة عمال.",
        "وأكد مدير المصنع أن الانفجار في مصنع الأسمدة لم يسفر عن وفاة أي عامل.",
    )
    assert report == denial


def test_ending_someones_duties_is_a_dismissal() -> None:
    from stories.nlp.claims.events import classes_of

    assert "dismiss" in classes_of("أنهى وزير النقل مهام مدير الميناء", [])
    assert "dismiss" not in classes_of("أنهى وزير النقل زيارته إلى الميناء", [])
