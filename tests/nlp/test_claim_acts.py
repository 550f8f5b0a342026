"""Claim keys and matching on invented sentences: act classes, plans, relative clauses, states, datelines."""

from __future__ import annotations

from stories.nlp.claims import claim_key, find_claims
from stories.nlp.claims.clauses import skip_frame
from stories.nlp.claims.places import place_tokens
from stories.nlp.claims.relative import mask_relatives
from stories.nlp.claims.tense import is_planned
from stories.nlp.contrary import contrary
from stories.nlp.keymarks import EVENT_MARK, PLACE_MARK
from stories.nlp.sentences import split_sentences
from stories.nlp.similarity import conflict, key_entry


def _entry(text: str):
    return key_entry(0, claim_key(text), text)


def _contrary(a: str, b: str) -> bool:
    x, y = _entry(a), _entry(b)
    return contrary(x.tokens, x.proposition, y.tokens, y.proposition)


def test_cancelled_and_held_are_opposite_acts():
    assert EVENT_MARK + "cancel" in claim_key("ألغت الوزارة امتحانات الفصل الأول في المدارس")
    assert _contrary(
        "ألغت الوزارة امتحانات الفصل الأول في المدارس", "أجرت الوزارة امتحانات الفصل الأول في المدارس"
    )
    assert not _contrary("ألغت الوزارة امتحانات الفصل الأول", "أعلنت الوزارة إلغاء امتحانات الفصل الأول")


def test_a_plan_by_any_future_verb_is_not_the_act_done():
    for planned in ("ستصل الشحنة إلى الميناء", "سيُعاد فتح الجناح بعد أسبوعين", "سوف يصل الوفد غداً"):
        assert is_planned(planned), planned
    assert not is_planned("سيارة الإسعاف نقلت المصابين")
    assert _contrary("الأطباء سيعودون إلى المستشفى صباح الأحد", "وعاد الأطباء صباح الأحد إلى المستشفى")
    assert not _contrary("عاد الأطباء صباح الأحد إلى المستشفى", "وعاد الأطباء صباح الأحد إلى المستشفى")


def test_a_relative_clause_after_the_predicate_stays_out_of_the_key():
    text = "وقّعت الحكومة اتفاقاً مع النقابة ينهي إضراباً مفتوحاً في المصانع، وذلك في مقر الوزارة"
    masked = mask_relatives(text)
    assert "إضراباً" not in masked and "مقر الوزارة" in masked and len(masked) == len(text)
    assert EVENT_MARK + "end" not in claim_key(text)
    dated = "بحث الوزير مع السفير الاتفاقية التي وقعها البلدان في نهاية يناير"
    assert "وقعها" not in mask_relatives(dated) and "يناير" in mask_relatives(dated)
    on_subject = "الاتفاق الذي توصل إليه البلدان يمثل خطوة أولى"
    assert mask_relatives(on_subject) == on_subject


def test_a_state_acts_through_its_ministry_government_or_capital():
    ministry = key_entry(0, ("=وزاره الماليه", "|", "وقع", "اتفاق", "بنك", "@state"))
    country = key_entry(0, ("=مصر", "⌂مصر", "|", "وقع", "اتفاق", "بنك", "@state"))
    other = key_entry(0, ("=تونس", "⌂تونس", "|", "وقع", "اتفاق", "بنك", "@state"))
    assert not conflict(ministry, country)
    assert conflict(country, other)
    assert "@state" in claim_key("وقّعت وزارة المالية اتفاقاً مع البنك الدولي")


def test_receiving_names_the_arrival_and_a_nisba_names_the_country():
    assert EVENT_MARK + "visit" in claim_key("استقبل ميناء المدينة أول سفينة محملة بالقمح")
    assert PLACE_MARK + "لبنان" in place_tokens("أقر مجلس النواب اللبناني الموازنة")


def test_a_dateline_is_not_part_of_the_first_claim():
    text = "بغداد (وكالة المسار) - أعلنت وزارة النقل إعادة فتح الطريق الدولي أمام الشاحنات.\n"
    assert text[skip_frame(text, 0, len(text)) :].startswith("أعلنت")
    (claim,) = find_claims(text, split_sentences(text))
    assert "المسار" not in " ".join(claim.key)
