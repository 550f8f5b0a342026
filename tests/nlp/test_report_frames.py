"""Reports and denials worded in ways the keys used to miss: a form I verbal noun after the denier, a report
circulated on social media ("تداولت صفحات ... أن"), deaths told by "توفوا", a counted background adjunct."""

from __future__ import annotations

import itertools

from stories.nlp import match
from stories.nlp.claims import find_claims
from stories.nlp.claims.background import mask_background
from stories.nlp.claims.denied import verb_first_object
from stories.nlp.sentences import split_sentences


def _claims(text: str):
    return find_claims(text, split_sentences(text))


def test_a_three_letter_verbal_noun_after_the_denier_is_the_denied_act() -> None:
    text = "نفت وزارة الطاقة والمعادن طلب إمدادات وقود طارئة من الإمارات، مؤكدة أن المخزون يكفي"
    assert text[verb_first_object(text, 0, len(text)) :].startswith("طلب إمدادات")
    assert verb_first_object("نفت الوزارة الأنباء عن طلب إمدادات", 0, 35) is None


def test_circulated_on_social_media_is_a_report() -> None:
    (claim,) = _claims("وتداولت صفحات على مواقع التواصل الاجتماعي أن البنك المركزي جمّد الودائع الدولارية.")
    assert claim.stance == "attributes"
    assert "صفح" not in claim.key and "جمد" in claim.key


def test_deaths_told_by_tuwuffu_meet_a_denial_of_deaths() -> None:
    report = _claims("وكانت صفحات قد تداولت أن ثلاثة رضع توفوا اختناقاً في الحريق.")[0]
    denial = _claims("ونفت وزارة الصحة وفاة أي رضيع في الحريق.")[0]
    assert denial.stance == "denies"
    index, counter = match.ClaimIndex(), itertools.count(1)
    ids = [match.assign(index, [c], lambda: next(counter))[0] for c in (report, denial)]
    assert ids[0] == ids[1]


def test_a_counted_span_back_to_an_event_is_background() -> None:
    masked = mask_background("إن انفجاراً وقع في إحدى عنفات المحطة بعد ساعات من إعادة تشغيلها")
    assert "إعادة" not in masked and "ساعات" not in masked and "عنفات المحطة" in masked
    kept = mask_background("ويأتي الاتفاق بعد ساعات من إقرار مجلس النواب الموازنة")
    assert "إقرار مجلس النواب" in kept


def test_suspending_traffic_is_one_act_however_worded() -> None:
    from stories.nlp.claims.events import classes_of
    from stories.nlp.claims.tokens import content_tokens

    def acts(text: str) -> list[str]:
        return classes_of(text, content_tokens(text))

    assert "suspend" in acts("وعلّقت وزارة النقل حركة العبارات بين ضفتي المضيق")
    assert "suspend" in acts("وكان المغرب قد علّق حركة العبارات عبر المضيق")
    assert "suspend" in acts("وأوقفت الرباط رحلات العبارات نحو الموانئ الإسبانية")
    assert "suspend" in acts("قررت الحكومة وقف رحلات العبارات عبر المضيق")
    assert "suspend" not in acts("وعلّق الوزير على القرار في مؤتمر صحفي")
    assert "suspend" not in acts("ورفضت الوزارة التعليق على الأنباء")


def test_an_act_noun_in_a_definite_construct_after_bad_is_background() -> None:
    masked = mask_background("قررت الحكومة تقنين توزيع الوقود على المحطات بعد انفجار خط الأنابيب الرئيسي")
    assert "انفجار" not in masked and "تقنين توزيع الوقود" in masked
    assert "محادثاته" in mask_background("وصل الوزير إلى أنقرة بعد محادثاته في أثينا")
    assert mask_background("وقع الانفجار بعد") == "وقع الانفجار بعد"


def test_form_iv_of_a_lam_root_keeps_its_alif_lam() -> None:
    from stories.nlp.claims.tokens import stem

    assert stem("الغت") == "الغت" and stem("والغت") == "الغت" and stem("الغاء") == "الغاء"
    assert stem("الغاز") == "غاز"


def test_a_second_act_coordinated_by_its_verbal_noun_stays_out_of_the_key() -> None:
    from stories.nlp.claims.coordinated import mask_second_act

    text = "وقررت الحكومة إلغاء نتائج القبول في كلية الطب وإعادة المناظرة تحت إشراف لجنة مستقلة"
    assert mask_second_act(text).rstrip() == "وقررت الحكومة إلغاء نتائج القبول في كلية الطب"
    text = "قررت الحكومة إلغاء نتائج القبول في كلية الطب، وإعادة المناظرة تحت إشراف لجنة مستقلة"
    assert mask_second_act(text).rstrip() == "قررت الحكومة إلغاء نتائج القبول في كلية الطب،"
    kept = "قررت الحكومة إلغاء نتائج القبول، وأعلنت أن المناظرة ستعاد"
    assert mask_second_act(kept) == kept
    kept = "وقّع العراق وتركيا الثلاثاء في أنقرة اتفاقاً لتقاسم مياه نهر دجلة"
    assert mask_second_act(kept) == kept
    kept = "بحث إرسال خبراء عسكريين وأمنيين ومقاتلين للمساهمة إلى جانب قوات حفتر"
    assert mask_second_act(kept) == kept


def test_an_opening_verb_lets_a_later_relative_clause_out_of_the_key() -> None:
    from stories.nlp.claims.relative import mask_relatives

    masked = mask_relatives("وتظاهر عشرات الطلبة أمام الكلية التي ألغيت نتائج القبول فيها")
    assert "نتائج" not in masked and "الطلبة" in masked


def test_a_rise_told_before_the_outlet_names_the_rate_is_still_a_rise() -> None:
    from stories.nlp.claims.events import classes_of
    from stories.nlp.claims.tokens import content_tokens

    text = "رفع البنك المركزي المصري، الخميس، أسعار الفائدة الأساسية في اجتماع استثنائي للجنة السياسة النقدية"
    acts = classes_of(text, content_tokens(text))
    assert "increase" in acts and "meet" not in acts
    text = "وكان الوزير قد وصل إلى المدينة، وكان في استقباله والي الولاية"
    assert "meet" in classes_of(text, content_tokens(text)) or "visit" in classes_of(
        text, content_tokens(text)
    )


def test_a_later_occurrence_of_an_act_is_held_apart() -> None:
    from stories.nlp.apart import told_apart
    from stories.nlp.claims.keys import claim_key

    second = claim_key("وهذه هي الزيادة الثانية في أسعار الفائدة هذا العام")
    first = claim_key("رفع البنك المركزي أسعار الفائدة بواقع 200 نقطة أساس")
    assert told_apart(set(second), set(first))
    assert not told_apart(set(claim_key("وتعطلت العنفة الثانية في المحطة")), set(claim_key("تعطلت المحطة")))


def test_referral_renewed_confidence_and_a_portfolio_name_their_acts_right() -> None:
    from stories.nlp.claims.events import classes_of
    from stories.nlp.claims.tokens import content_tokens

    def acts(text: str) -> set[str]:
        return set(classes_of(text, content_tokens(text)))

    assert "refer" in acts("أحالت النيابة العامة موظفين في إدارة الكلية على قاضي التحقيق")
    assert "arrest" in acts("وأوقفت النيابة العامة موظفين في إدارة الكلية")
    renewed = acts("جدد رئيس الحكومة ثقته في وزير التعليم العالي والبحث العلمي")
    assert "keep" in renewed and "discuss" not in renewed
    assert "discuss" in acts("وبحث الوزير مع نظيره التعاون بين البلدين")


def test_a_denied_restriction_meets_the_reported_freeze() -> None:
    report = _claims("وتداولت صفحات على مواقع التواصل أن البنك المركزي جمّد الودائع الدولارية في البنوك.")[0]
    denial = _claims("أكد محافظ البنك المركزي أن البنك لم يفرض أي قيود على سحب الودائع الدولارية.")[0]
    assert denial.stance == "denies"
    index, counter = match.ClaimIndex(), itertools.count(1)
    ids = [match.assign(index, [c], lambda: next(counter))[0] for c in (report, denial)]
    assert ids[0] == ids[1]


def test_lifting_restrictions_is_held_apart_from_rationing() -> None:
    rationed = _claims("وقننت وزارة الطاقة بيع الوقود في محطات البلاد.")[0]
    lifted = _claims("رفعت وزارة الطاقة القيود عن بيع الوقود في محطات البلاد.")[0]
    index, counter = match.ClaimIndex(), itertools.count(1)
    ids = [match.assign(index, [c], lambda: next(counter))[0] for c in (rationed, lifted)]
    assert ids[0] != ids[1]


def test_an_adjunct_after_a_comma_on_an_act_noun_dates_the_act() -> None:
    masked = mask_background("وقّع البلدان اتفاقاً لتقاسم مياه النهر، بعد مفاوضات استمرت أكثر من عامين")
    assert "مفاوضات" not in masked and "اتفاقاً" in masked
    kept = "وبحث الجانبان تسيير رحلات مباشرة، بعد أن فتحت دمشق المطار أمام الرحلات الدولية"
    assert "فتحت دمشق المطار" in mask_background(kept)
