"""Content tokens of a clause: light stemming (or lemmas), stopword removal and number normalisation."""

from __future__ import annotations

from functools import lru_cache

from .. import camel, morph, vocab
from ..scanner import REPORTING_VERBS, Word, iter_words, looks_like_verb
from ..stance.words import COMPLEMENTIZERS
from .wordlists import AUX_VERBS, FRAME_NOUNS, LIGHT_VERBS, STOPWORDS, TITLES


@lru_cache(maxsize=65536)
def drop_article(norm: str) -> str:
    return morph.strip_article(norm)


def vocabulary(text: str) -> frozenset[str]:
    """Words of a text without their article: evidence for whether a leading و/ب/ل/ف/ك is a clitic."""
    words = {drop_article(w.norm) for w in iter_words(text)}
    return frozenset(words | {morph.strip_suffix(w) for w in words})


def stem(norm: str, vocab: frozenset[str] = frozenset()) -> str:
    """Light stem of a normalised word (see ``_stem``); cached per word only when no vocabulary decides."""
    if norm[:1] not in "فبلك" or drop_article(norm) != norm:
        return _stem(norm, frozenset())
    return _stem_uncached(norm, vocab)


@lru_cache(maxsize=65536)
def _stem(norm: str, vocab: frozenset[str]) -> str:
    return _stem_uncached(norm, vocab)


def _stem_uncached(norm: str, vocab: frozenset[str]) -> str:
    """Light stem of a normalised word: article, clitic conjunction/preposition, common suffixes.

    A one-letter clitic other than "و" is only dropped when the rest occurs as a word of the same text
    ("لبغداد" next to "بغداد"), because in "فريق", "ليبيا", "كامل" the letter belongs to the word.
    """
    word = drop_article(norm)
    if word != norm:
        pass
    elif morph.conjunction_waw(word) and not (looks_like_verb(word) and word[:3] in morph.WAW_ROOTS):
        word = drop_article(word[1:])
    elif (
        len(word) > 3
        and word[:1] in "فبلك"
        and (word[1:] in vocab or morph.strip_suffix(word[1:]) in vocab)
        and not looks_like_verb(word)
    ):
        word = word[1:]
    elif _clitic_before_masdar(word):
        word = word[1:]  # "بافتتاح", "لاستئناف": ب/ل before a form VIII/X verbal noun, whatever the text
    if looks_like_verb(word) and (
        word.endswith("ت") and len(word) >= 4 or word.endswith("وا") and len(word) > 4
    ):
        word = word[:-1] if word.endswith("ت") else word[:-2]  # past feminine / plural: "فتحت" = "فتح"
    return morph.form8_past(morph.strip_suffix(word))


def _clitic_before_masdar(word: str) -> bool:
    if word[:1] not in "بل" or word[1:2] != "ا" or len(word) < 7:
        return False
    return word[1:4] == "است" or word[3] == "ت"


def content_tokens(text: str, vocab: frozenset[str] | None = None) -> list[str]:
    """Stemmed content words of a clause, stopwords and reporting verbs removed, order kept."""
    return list(_content_tokens(text, vocab))


@lru_cache(maxsize=4096)
def _content_tokens(text: str, vocab: frozenset[str] | None) -> tuple[str, ...]:
    # Memoised: the clause splitter, the claim finder and the key ask for the same clauses' tokens.
    vocab = vocabulary(text) if vocab is None else vocab
    words = [w for w in iter_words(text) if not _is_function(w) or _number(w.norm) != w.norm]
    return tuple(t for t in match_tokens(words, vocab) if len(t) > 1 or t.isdigit())


def _is_function(w: Word) -> bool:
    return _is_function_word(w.norm, w.bare)


@lru_cache(maxsize=65536)
def _is_function_word(norm: str, bare: str) -> bool:
    return (
        norm in STOPWORDS
        or (bare in STOPWORDS and not looks_like_verb(norm))  # "فتحت" is "opened", not ف + "تحت"
        or norm in COMPLEMENTIZERS
        or bare in REPORTING_VERBS
        or bare in LIGHT_VERBS
        or bare in AUX_VERBS
        or drop_article(bare) in TITLES  # titles vary with each outlet's view of a person
        or drop_article(norm) in TITLES
        or drop_article(bare) in FRAME_NOUNS  # "نشرت إحدى الصحف خبراً": the frame, not the claim
        or len(norm) < 2
    )


# Counts are what outlets agree or disagree on: "ثلاثة" and "٣" give one token.
_NUMBER_WORDS = vocab.mapping("number_words")


_DIGIT_MAP = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _number(token: str) -> str:
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    return token.translate(_DIGIT_MAP) if token[:1].isdigit() else token


def match_tokens(words: list[Word], vocab: frozenset[str]) -> list[str]:
    """Matching tokens: lemmas when a morphology database is installed ("زار"/"يزور" meet), light stems
    otherwise; both are stemmed so the article and suffix rules stay the same either way."""
    lemmatize = getattr(camel, "lemmatize", None)
    lemmas = lemmatize([w.norm for w in words]) if lemmatize is not None and words else None
    if lemmas is None or len(lemmas) != len(words):
        return [_number(stem(w.norm, vocab)) for w in words]
    return [_number(stem(camel.normalize(lemma), vocab)) for lemma in lemmas]
