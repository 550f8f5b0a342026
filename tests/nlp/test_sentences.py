"""Sentence splitting: punctuation, paragraphs and list items split; decimals, abbreviations and markers don't."""

from __future__ import annotations

from stories.nlp.sentences import split_sentences

TEXT = (
    "قال د. سامي الخطيب إن نسبة البطالة بلغت 7.5 بالمئة هذا العام. وأضاف: هل يكفي ذلك؟ لا أظن!\n"
    "\n"
    "أهم النقاط\n"
    "1/ ارتفاع الأسعار في الأسواق المحلية، وهو أمر متوقع.\n"
    "2- تراجع الصادرات الزراعية؛ وانخفاض الواردات.\n"
    "١. زيادة الإنفاق على التعليم في 2021.\n"
    "  مسافات في طرف السطر  \n"
)


def _pieces(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_on_punctuation_and_paragraphs():
    assert _pieces(TEXT) == [
        "قال د. سامي الخطيب إن نسبة البطالة بلغت 7.5 بالمئة هذا العام.",
        "وأضاف: هل يكفي ذلك؟",
        "لا أظن!",
        "أهم النقاط",
        "1/ ارتفاع الأسعار في الأسواق المحلية، وهو أمر متوقع.",
        "2- تراجع الصادرات الزراعية؛",
        "وانخفاض الواردات.",
        "١. زيادة الإنفاق على التعليم في 2021.",
        "مسافات في طرف السطر",
    ]


def test_closing_quote_stays_with_its_sentence():
    text = "قال الوزير: «انتهت الأزمة.» ثم غادر القاعة."
    assert _pieces(text) == ["قال الوزير: «انتهت الأزمة.»", "ثم غادر القاعة."]


def test_two_letter_words_end_sentences_but_latin_titles_do_not():
    text = "وهذا ما قام به. Mr. Smith said U.S. forces left."
    assert _pieces(text) == ["وهذا ما قام به.", "Mr. Smith said U.S. forces left."]


def test_empty_and_punctuation_only():
    assert split_sentences("") == ()
    assert split_sentences("\n\n... !!\n") == ()
