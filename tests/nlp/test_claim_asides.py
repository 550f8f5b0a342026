"""Asides that tell another event than the claim's own (issue 9): a dating adjunct after a comma, and the act a
scheduling phrase plans."""

from __future__ import annotations

from stories.nlp.claims.background import mask_background
from stories.nlp.claims.keys import claim_key
from stories.nlp.claims.tense import planned_roots
from stories.nlp.contrary import contrary
from stories.nlp.keymarks import HEAD_SEP
from stories.nlp.similarity import split_key


def test_adjunct_counting_back_to_an_earlier_event_after_a_comma_is_masked() -> None:
    text = "وقّع الرئيس المرسوم مساء الأحد، بعد ثلاثة أيام من موافقة مجلس الشيوخ عليه"
    masked = mask_background(text)
    assert "موافقة" not in masked and "مجلس" not in masked
    assert masked.startswith("وقّع الرئيس المرسوم مساء الأحد،")
    key = claim_key(text)
    assert "~approve" not in key[key.index(HEAD_SEP) :]


def test_adjunct_naming_its_event_without_a_span_is_kept() -> None:
    text = "وصل الوزير إلى العاصمة، بعد محادثاته في القاهرة"
    assert "محادثاته" in mask_background(text)


def test_scheduling_phrase_plans_the_verb_after_it() -> None:
    planned = "ومن المقرر أن يوقع الوزير الاتفاقية مع نظيره الأسبوع المقبل"
    assert "وقع" in planned_roots(planned)
    done = "وقّع الوزير الاتفاقية مع نظيره الأربعاء"
    assert contrary(split_key(claim_key(planned))[1], planned, split_key(claim_key(done))[1], done)
