"""Matching rules of issue 9 that hold one act together however outlets word its agent and its frame: a
comment after a comma out of the key, a country pair named by its capitals, a noun in "ية" and its base."""

from __future__ import annotations

from stories.nlp.apart import told_apart
from stories.nlp.claims.background import mask_background
from stories.nlp.claims.keys import claim_key
from stories.nlp.similarity import THRESHOLD, claim_similarity, kindred


def test_comment_after_a_comma_is_masked() -> None:
    text = "افتتحت الحكومة الميناء الجديد، في خطوة وصفها خبراء بأنها الأهم منذ عقد"
    assert mask_background(text).rstrip() == "افتتحت الحكومة الميناء الجديد،"
    text = "أضرب عمال المصنع عن العمل، احتجاجاً على تأخر صرف الرواتب"
    assert mask_background(text).rstrip() == "أضرب عمال المصنع عن العمل،"


def test_comment_opener_without_a_comma_stays() -> None:
    text = "قال الوزير إن الحكومة ستتخذ في خطوة لاحقة قرارات جديدة"
    assert mask_background(text) == text


def test_country_pair_and_its_capitals_meet() -> None:
    countries = claim_key("وقّعت مصر والسودان اتفاقاً لتقاسم الكهرباء عبر الحدود الجنوبية")
    capitals = claim_key("وقّعت القاهرة والخرطوم اتفاقية لتقاسم الكهرباء عبر الحدود الجنوبية")
    assert claim_similarity(countries, capitals) >= THRESHOLD
    # The capitals' words are not counted as content the other side lacks (0.76 when they were).
    assert claim_similarity(countries, capitals) > 0.85


def test_noun_in_iya_is_kin_to_its_base_noun() -> None:
    assert kindred(frozenset({"اتفاقي"}), frozenset({"اتفاق"})) == [("اتفاقي", "اتفاق")]
    assert kindred(frozenset({"سوري"}), frozenset({"سور"})) == []  # too short to be sure


def test_result_after_a_comma_is_masked() -> None:
    text = "انهار جسر قديم فوق النهر، ما أدى إلى قطع الطريق بين القريتين"
    assert mask_background(text).rstrip() == "انهار جسر قديم فوق النهر،"


def test_sequel_of_an_event_is_told_apart_from_the_event() -> None:
    main = claim_key("ضربت عاصفة قوية السواحل الشرقية ليلة السبت")
    sequel = claim_key("ضربت هزة ارتدادية السواحل الشرقية ليلة السبت")
    quake = claim_key("ضربت هزة أرضية السواحل الشرقية ليلة السبت")
    assert told_apart(frozenset(main), frozenset(sequel))
    assert not told_apart(frozenset(main), frozenset(quake))


def test_raising_names_its_act_by_what_is_raised() -> None:
    assert "~increase" in claim_key("رفعت الشركة أسعار الخبز في المخابز")
    assert "~end" in claim_key("رفعت نقابة السائقين الإضراب بعد المفاوضات")
    assert "~send" in claim_key("سيّرت الوزارة قافلة إغاثة نحو القرى المنكوبة")


def test_institution_named_two_ways_is_not_missing_content() -> None:
    long = claim_key("صادق مجلس النواب على قانون الانتخابات الجديد بأغلبية 80 صوتاً في جلسة مسائية")
    short = claim_key("صادق البرلمان على قانون الانتخابات الجديد")
    # "مجلس", "نواب" and "برلم" only spell the one parliament both keys hold (0.67 when they were counted).
    assert claim_similarity(long, short) > 0.75


def test_a_title_after_an_opening_verb_is_its_subject() -> None:
    from stories.nlp.claims.subjects import subject_head

    head = subject_head("وزار وزير النقل سعيد بن سالم ميناء طنجة", frozenset())
    assert head is not None and head[1] == "person"
    assert subject_head("والتقى مسؤولي النظام في دمشق", frozenset()) is None
