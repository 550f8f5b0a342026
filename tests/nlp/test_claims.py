"""Claims on small invented articles: clause splitting, attribution cut off, non-claims skipped, exact quotes."""

from __future__ import annotations

import pytest

from stories.nlp import camel, morph
from stories.nlp.claims import claim_key, find_claims, stem
from stories.nlp.match import HEAD_SEP, claim_similarity
from stories.nlp.sentences import split_sentences

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
