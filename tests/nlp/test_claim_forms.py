"""Claim extraction and keys of issue 9: an act told before a trailing frame, a clause-opening "و" + short verb,
a standing organ of an institution as subject, a relative clause with a resumptive pronoun."""

from __future__ import annotations

from stories.nlp.claims import find_claims
from stories.nlp.claims.keys import claim_key
from stories.nlp.claims.relative import mask_relatives
from stories.nlp.claims.subjects import subject_head
from stories.nlp.claims.tokens import vocabulary
from stories.nlp.keymarks import HEAD_SEP
from stories.nlp.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[c.start : c.end].strip() for c in find_claims(text, split_sentences(text))]


def test_act_before_a_trailing_frame_is_a_claim_of_its_own() -> None:
    text = "وأعلنت وزارة الزراعة زيادة حصص الأسمدة للمزارعين، مشيرة إلى أن المخزون يكفي حتى الصيف.\n"
    found = _texts(text)
    assert any(t.startswith("أعلنت وزارة الزراعة زيادة حصص الأسمدة") for t in found)
    assert any(t.startswith("المخزون يكفي") for t in found)


def test_frame_opening_the_sentence_is_no_claim() -> None:
    text = "وقال المتحدث باسم الوزارة، سالم العلي، في تصريح صحفي إن المخزون يكفي حتى الصيف.\n"
    assert not any(t.startswith("وقال") or t.startswith("قال") for t in _texts(text))


def test_clause_opening_wa_and_short_verb_is_keyed_as_the_verb() -> None:
    key = claim_key("وزار وفد من وزارة الزراعة حقول القمح في الجنوب")
    assert "زار" in key and "وزار" not in key and "~visit" in key
    assert "وزار" in claim_key("وزارة الزراعة أعلنت خطة جديدة للري")


def test_standing_organ_is_not_a_delegation() -> None:
    def head(text: str) -> tuple:
        return subject_head(text, vocabulary(text))

    assert head("قررت لجنة السياسة النقدية رفع أسعار الفائدة") == (("لجن",), None)
    assert head("ومن المقرر أن تعقد اللجنة اجتماعها المقبل في مارس")[1] is None
    assert head("وصل وفد من الخبراء إلى المصنع أمس") == (("وفد",), "group")


def test_relative_clause_with_a_resumptive_pronoun_is_masked() -> None:
    text = "عقدت الحكومة اجتماعاً طارئاً مساء الأحد أقرت فيه خطة الطوارئ"
    assert mask_relatives(text).rstrip() == "عقدت الحكومة اجتماعاً طارئاً مساء الأحد"
    kept = "استقبل الأهالي زيارة رسمية قام بها رئيس الوزراء"
    assert mask_relatives(kept) == kept
    key = claim_key(text)
    assert "~approve" not in key[key.index(HEAD_SEP) :]


def test_relative_aside_between_commas_is_masked_right_after_the_verb() -> None:
    text = "يخفض المرسوم، الذي وقعه الرئيس أمس، رسوم التسجيل إلى النصف"
    masked = mask_relatives(text)
    assert "وقعه" not in masked and "رسوم التسجيل" in masked
    restrictive = "المرسوم الذي وقعه الرئيس يخفض الرسوم"
    assert mask_relatives(restrictive) == restrictive


def test_bare_group_noun_after_a_conjoined_verb_is_its_subject() -> None:
    key = claim_key("وزار وفد من وزارة الصحة مستشفى المدينة صباح الأحد")
    assert key[: key.index(HEAD_SEP)] == ("وفد",) and "@group" in key
    key = claim_key("والتقى وفداً من وزارة الصحة")
    assert key.index(HEAD_SEP) == 0
