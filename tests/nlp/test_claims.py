"""Claims on small invented articles: clause splitting, attribution cut off, non-claims skipped, exact quotes."""

from __future__ import annotations

import pytest

from stories.nlp import camel, morph
from stories.nlp.claims import claim_key, find_claims, stem
from stories.nlp.match import HEAD_SEP, claim_similarity
from stories.nlp.sentences import split_sentences
from stories.nlp.types import Mention

ATTRIBUTION_ARTICLE = """ميناء طرطوس في قلب صفقة جديدة

نشرت صحيفة "الوطن الجديد" تقريرا موسعا عن مستقبل ميناء طرطوس.

وقالت الصحيفة في تقرير لها الاثنين الماضي: إن الحكومة باعت حصة في الميناء لشركة أجنبية مقابل مئتي مليون دولار.

وأضافت أن وزير النقل وقع العقد في العاصمة، بينما رفض اتحاد العمال الصفقة بشدة.

هل تنجح الصفقة؟

وكالة الأنباء المحلية؛ قسم الأخبار
"""

LIST_ARTICLE = """أبرز نتائج القمة الاقتصادية

1/ اتفق القادة على إنشاء صندوق مشترك لدعم المشاريع الصغيرة.
2/ أعلنت الدول الأعضاء خفض الرسوم الجمركية على المنتجات الزراعية.
3/ حسب البيان الختامي، فإن القمة المقبلة ستعقد في تونس خلال شهر أيار.
"""

DENIAL_ARTICLE = """نفت وزارة الداخلية الأنباء المتداولة حول اعتقال الصحفي سامر الحلبي في مطار العاصمة.
وقال متحدث باسم الوزارة إن الحلبي غادر البلاد بشكل طبيعي يوم الجمعة، ولم يتم توقيفه في أي مكان.
"""

DOUBT_ARTICLE = """تزعم حسابات على مواقع التواصل أن المصنع الكيميائي في المدينة الصناعية أغلق أبوابه نهائيا.
ولم يتسن التأكد من صحة هذه المعلومات من مصدر مستقل حتى الآن.
"""


def _claims(text, sources=()):
    return find_claims(text, split_sentences(text), sources=sources)


def test_quotes_are_exact_slices_and_contain_the_proposition():
    for text in (ATTRIBUTION_ARTICLE, LIST_ARTICLE, DENIAL_ARTICLE, DOUBT_ARTICLE):
        for claim in _claims(text):
            quote = text[claim.start : claim.end]
            assert quote == quote.strip()
            assert claim.proposition in quote


def test_attribution_is_cut_off_and_generic_outlet_resolved():
    claims = _claims(ATTRIBUTION_ARTICLE)
    sale = next(c for c in claims if "باعت" in c.proposition)
    assert sale.proposition.startswith("الحكومة باعت حصة")
    assert ATTRIBUTION_ARTICLE[sale.start : sale.end].startswith("الحكومة")
    assert (sale.stance, sale.attributed_to) == ("attributes", "الوطن الجديد")


def test_known_source_name_is_used_for_attribution():
    claims = _claims(ATTRIBUTION_ARTICLE, sources=("الوطن الجديد", "الأخبار"))
    assert {c.attributed_to for c in claims if c.stance == "attributes"} == {"الوطن الجديد"}


def test_bainama_splits_two_propositions_and_the_implicit_speaker_carries_over():
    claims = _claims(ATTRIBUTION_ARTICLE)
    signed = next(c for c in claims if "وقع العقد" in c.proposition)
    refused = next(c for c in claims if "رفض اتحاد العمال" in c.proposition)
    assert signed is not refused
    assert "رفض" not in signed.proposition
    assert signed.attributed_to == "الوطن الجديد"


def test_questions_headings_and_bylines_are_not_claims():
    texts = [c.proposition for c in _claims(ATTRIBUTION_ARTICLE)]
    assert not any("هل تنجح" in t or "قسم الأخبار" in t or t.startswith("ميناء طرطوس في قلب") for t in texts)
    assert not any(t.startswith("تقريرا موسعا") for t in texts)


def test_list_items_are_separate_claims_without_their_markers():
    claims = _claims(LIST_ARTICLE)
    assert [c.proposition.split()[0] for c in claims] == ["اتفق", "أعلنت", "القمة"]
    assert claims[2].stance == "attributes"
    assert claims[2].attributed_to == "البيان الختامي"


def test_denial_article():
    claims = _claims(DENIAL_ARTICLE)
    arrest = claims[0]
    assert arrest.stance == "denies"
    assert arrest.attributed_to == "وزارة الداخلية"
    # the quote keeps the denial verb so an editor sees what was denied
    assert DENIAL_ARTICLE[arrest.start : arrest.end].startswith("نفت وزارة الداخلية")
    assert arrest.proposition.startswith("اعتقال الصحفي")


def test_doubt_article():
    claims = _claims(DOUBT_ARTICLE)
    assert claims[0].stance == "doubts"
    assert claims[0].proposition.startswith("المصنع الكيميائي")


def test_key_drops_function_words_and_titles_and_marks_the_subject_head():
    key = claim_key("وقال إن وفد الشركة زار المصنع في المدينة الصناعية يوم الأحد")
    head, rest = key[: key.index(HEAD_SEP)], key[key.index(HEAD_SEP) + 1 :]
    assert head == ("وفد",)
    assert {"مصنع", "مدين", "صناعي"} <= set(rest)
    assert not {"في", "يوم", "قال", "ان"} & set(rest)
    titled = claim_key("زار الوزير أحمد سالم المصنع")
    assert titled[0] == HEAD_SEP and "وزير" not in titled


def test_reordered_wording_gives_a_similar_key():
    a = claim_key("وقع وزير النقل عقد بيع الميناء مع الشركة الأجنبية")
    b = claim_key("عقد بيع الميناء مع الشركة الأجنبية وقعه وزير النقل")
    c = claim_key("افتتح وزير النقل طريقا سريعا جديدا في الجنوب")
    assert claim_similarity(a, b) > 0.6 > claim_similarity(a, c)


def test_lemmas_are_used_when_a_morphology_database_answers(monkeypatch):
    from stories.nlp import camel

    lemmas = {"يزور": "زار", "زار": "زار", "الوزير": "وزير"}
    monkeypatch.setattr(camel, "lemmatize", lambda tokens: [lemmas.get(t, t) for t in tokens], raising=False)
    assert set(claim_key("زار الوفد المصنع الجديد")) == set(claim_key("الوفد يزور المصنع الجديد"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("زار", "زيارة"),
        ("يزور", "الزيارة"),
        ("التقى", "لقاء"),
        ("فتح", "افتتاح"),
        ("أرسل", "إرسال"),
        ("وقع", "توقيع"),
        ("سرا", "السرية"),
        ("ناقش", "مناقشة"),
    ],
)
def test_verb_and_verbal_noun_share_a_skeleton(a, b):
    sa, sb = (morph.skeleton(stem(camel.normalize(w))) for w in (a, b))
    assert sa == sb


def test_suffix_rules_keep_radicals():
    assert stem(camel.normalize("تعاون")) == "تعاون"
    assert stem(camel.normalize("تفاهم")) == "تفاهم"
    assert stem(camel.normalize("بالزيارة")) == "زيار"
    assert stem(camel.normalize("والتقى")) == "التقي"


def test_state_subject_and_opening_adverbial_set_no_head():
    key = claim_key("وفي السياق نفسه أعادت الحكومة فتح المعبر الحدودي مع الجارة الشمالية")
    assert key[0] == HEAD_SEP
    assert claim_key("أعلنت روسيا إغلاق المعبر الحدودي")[0] == HEAD_SEP


def _only(text, *words):
    return [c for c in _claims(text) if all(w in c.proposition for w in words)]


def test_leading_time_and_outlet_frames_are_trimmed_but_the_denial_stays_in_the_quote():
    text = "نفت وزارة المالية اليوم الأربعاء، ما نشرته صحيفة «الغد» عن اتفاق سري بين الوزير ورجل أعمال لبيع أراض حكومية.\n"
    (claim,) = _only(text, "اتفاق سري")
    assert claim.proposition.startswith("اتفاق سري بين الوزير")
    assert text[claim.start : claim.end].startswith("نفت وزارة المالية")
    assert claim.stance == "denies"


@pytest.mark.parametrize(
    ("text", "begins"),
    [
        (
            "وفي خبر متصل نشرت إحدى الصحف المحلية خبراً يتحدث عن إغلاق مصنع الإسمنت في المدينة الصناعية.",
            "إغلاق مصنع",
        ),
        ("الجدير بالذكر أن الحكومة رفعت أسعار الوقود مرتين خلال العام الجاري.", "الحكومة رفعت"),
        ("وفي السياق ذاته، افتتح المحافظ جسراً جديداً فوق النهر في وسط المدينة.", "افتتح المحافظ"),
    ],
)
def test_link_and_report_frames_are_not_part_of_the_proposition(text, begins):
    (claim,) = _claims(text + "\n")
    assert claim.proposition.startswith(begins)
    assert text[claim.start : claim.end] == claim.proposition


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "وقعت الشركة عقداً لبناء محطة كهرباء جديدة في الجنوب، على أن تبدأ الأعمال مطلع العام المقبل بتمويل من البنك.",
            "محطة كهرباء",
            "تبدأ الأعمال",
        ),
        (
            "تزامنت زيارة سرية لرئيس الوزراء إلى العاصمة، مع زيارة أخرى قام بها وزير الدفاع إلى الحدود الشمالية.",
            "رئيس الوزراء",
            "وزير الدفاع",
        ),
        (
            "الوزير لم يوقع أي عقد مع الشركة الأجنبية، ولم يسافر إلى الخارج منذ بداية العام.",
            "يوقع",
            "يسافر",
        ),
        (
            "شكك الخبير في أن تبلغ تكلفة المشروع مليار دولار، مشيراً إلى أن دراسات سابقة قدرتها بنصف هذا المبلغ.",
            "تكلفة المشروع",
            "دراسات سابقة",
        ),
    ],
)
def test_second_proposition_after_a_comma_connective_is_its_own_claim(text, first, second):
    claims = _claims(text + "\n")
    assert len(claims) == 2
    assert first in claims[0].proposition and second not in claims[0].proposition
    assert second in claims[1].proposition
    for claim in claims:
        assert claim.proposition in text[claim.start : claim.end] and len(claim.proposition.split()) >= 4


def test_a_valley_is_no_verb_coordination():
    text = "اجتاحت السيول بلدة وادي الريم مساء الاثنين وألحقت أضراراً بالمنازل.\n"
    assert _claims(text)[0].proposition.startswith("اجتاحت السيول بلدة وادي الريم مساء")


def test_counts_in_words_and_eastern_digits_give_one_token():
    assert "3" in claim_key("لقي ثلاثة أشخاص حتفهم في الحادث")
    assert "3" in claim_key("مقتل ٣ أشخاص في الحادث")
    assert "12" in claim_key("إصابة ١٢ شخصاً بجروح")


def test_imperfect_form_eight_meets_its_past():
    assert stem(camel.normalize("يلتقِ")) == stem(camel.normalize("التقى"))
    assert stem(camel.normalize("يجتمع")) == stem(camel.normalize("اجتمع"))
    assert stem(camel.normalize("يكتب")) == "يكتب"


def _mentions(text, names):
    """Hand-made entity mentions: (surface, entity_key, epithet) at each occurrence of the surface."""
    out = []
    for surface, key, epithet in names:
        at = text.find(surface)
        while at >= 0:
            out.append(Mention(at, at + len(surface), surface, key, epithet))
            at = text.find(surface, at + 1)
    return tuple(out)


def _keyed(text, names):
    return find_claims(text, split_sentences(text), mentions=_mentions(text, names))


def test_the_subject_entity_is_the_head_whatever_the_outlet_calls_it():
    a = "أعلن وزير المالية سامي الخوري رفع الضرائب على السجائر المستوردة بنسبة كبيرة.\n"
    b = "الخوري أعلن رفع الضرائب على السجائر المستوردة بنسبة كبيرة.\n"
    names = [("سامي الخوري", "سامي خوري", "وزير المالية"), ("الخوري", "سامي خوري", None)]
    (ka,), (kb,) = _keyed(a, names[:1]), _keyed(b, names[1:])
    assert ka.key[0] == kb.key[0] == "=سامي خوري"
    assert claim_similarity(ka.key, kb.key) > 0.6


def test_two_named_subjects_are_two_agents():
    a = "أعلن وزير المالية سامي الخوري رفع الضرائب على السجائر المستوردة.\n"
    b = "أعلن رئيس البرلمان نبيل حداد رفع الضرائب على السجائر المستوردة.\n"
    (ka,) = _keyed(a, [("سامي الخوري", "سامي خوري", "وزير المالية")])
    (kb,) = _keyed(b, [("نبيل حداد", "نبيل حداد", "رئيس البرلمان")])
    assert ka.key[0] != kb.key[0]
    assert claim_similarity(ka.key, kb.key) < 0.44


def test_verbal_noun_subject_takes_the_agent_named_after_it():
    text = "زيارة الوزير سامي الخوري إلى باريس تمت بعيداً عن الإعلام.\n"
    (claim,) = _keyed(text, [("سامي الخوري", "سامي خوري", "الوزير")])
    assert claim.key[0] == "=سامي خوري" and "@person" in claim.key


def test_without_an_entity_only_a_definite_subject_sets_a_head():
    text = "حصيلة الفيضانات بلغت عشرة قتلى في القرى الجبلية.\n"
    (claim,) = _keyed(text, [])
    assert claim.key[0] == HEAD_SEP


def test_feminine_past_verb_is_not_a_clitic_plus_stopword():
    assert "فتح" in claim_key("السلطات فتحت مكتباً جديداً للجمعية في العاصمة")
    assert stem(camel.normalize("فتحت")) == stem(camel.normalize("فتح"))


def test_participant_classes_let_different_words_for_armed_men_meet():
    a = claim_key("بحث الطرفان إرسال مقاتلين إلى الجبهة الجنوبية")
    b = claim_key("ناقش الطرفان إرسال جنود ومرتزقة إلى الجبهة الجنوبية")
    assert "~troops" in a and "~troops" in b
    assert "~troops" not in claim_key("جنت الشركة أرباحاً كبيرة")


def test_clause_after_idh_has_its_own_subject_not_the_inherited_one():
    text = "رحبت النقابة بالقرار الجديد للحكومة، إذ أعادت الوزارة فتح المعبر الحدودي بعد إغلاقه سنتين.\n"
    reopened = next(c for c in _claims(text) if "المعبر" in c.proposition)
    assert not reopened.key[0].startswith("نقاب")


def test_aspect_verbs_are_not_content():
    assert not {"زال", "يزال", "زالت"} & set(claim_key("ما زالت فرق الإنقاذ تبحث عن المفقودين في الوادي"))


def test_reporting_participle_keeps_the_speaker_and_leaves_the_key():
    text = "قال الخبير الاقتصادي إن تكلفة المشروع ارتفعت كثيراً هذا العام، مشيراً إلى أن دراسات سابقة قدرتها بنصف هذا المبلغ.\n"
    second = _claims(text)[-1]
    assert second.proposition.startswith("دراسات سابقة")
    assert text[second.start : second.end].startswith("مشيراً إلى أن")
    assert second.stance == "attributes" and second.attributed_to and "الخبير" in second.attributed_to


def test_a_clitic_left_on_an_event_noun_still_gives_its_class():
    # "بفتح" in a text without a bare "فتح": the stem keeps the ب, the event class must not miss it.
    key = claim_key("قامت البلدية بفتح المكتبة العامة في الحي القديم")
    assert "~open" in key
    assert "~open" not in claim_key("قامت البلدية بترميم المكتبة العامة في الحي القديم")


def test_against_and_confronting_are_one_act():
    a = claim_key("الحلف الجديد يسعى إلى إقامة تحالفات ضد إيران في المنطقة")
    b = claim_key("تنسيق الجهود لمواجهة الدور الإيراني في المنطقة")
    assert "~oppose" in a and "~oppose" in b
    assert "~oppose" not in claim_key("الحلف الجديد يسعى إلى إقامة تحالفات مع إيران في المنطقة")


def test_handing_over_and_searching_forms_share_a_class():
    assert "~handover" in claim_key("الحكومة سلمت المبنى الحكومي للمجلس البلدي")
    assert "~handover" in claim_key("جرى تسليم المبنى الحكومي للمجلس البلدي")
    assert "~discuss" in claim_key("الفرق ما زالت تبحث عن الصياد المفقود")


def test_a_named_state_subject_is_a_state_agent():
    text = "الأردن سلم المعبر الحدودي إلى السلطات المحلية بعد مفاوضات طويلة.\n"
    (claim,) = _keyed(text, [("الأردن", "الاردن", None)])
    assert claim.key[0] == "=الاردن" and "@state" in claim.key


def test_shown_quote_drops_the_leading_conjunction_and_particle() -> None:
    from stories.nlp.fragments import is_fragment
    from stories.nlp.pipeline import analyse

    text = (
        "أعلن وزير الكهرباء استئناف العمل في المحطة الحرارية بعد توقف دام ثلاثة أشهر.\n"
        "وأوضح الوزير أن المحطة ستضيف مئتي ميغاواط إلى الشبكة العامة خلال الأسبوع الأول.\n"
        "من جهته، قال مدير المحطة إن ورشات الصيانة عملت على مدار الساعة لإنجاز الإصلاحات."
    )
    analysis = analyse(text)
    quotes = [analysis.text[c.start : c.end] for c in analysis.claims]
    assert quotes and not any(is_fragment(q) for q in quotes), quotes
    assert len(quotes) == 3, quotes
