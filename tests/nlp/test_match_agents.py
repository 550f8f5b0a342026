"""Matching rules of issue 9 that hold one act together however outlets word its agent and its frame: a
comment after a comma out of the key, a country pair named by its capitals, a noun in "ية" and its base."""

from __future__ import annotations

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
