"""The word scanner that every clause and stance rule reads sentences with: normalised words with their offsets,
clitic helpers, and the finite-verb test (by lexicon or by shape)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from . import camel, vocab

_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")

# The general reporting and news verbs are merged with the stance rules' extra forms; each list has forms the
# other lacks. Function-word readings are dropped: "بيّن" (explained) normalises to the preposition "بين".
_FUNCTION = vocab.words("function_words")
REPORTING_VERBS = vocab.words("reporting_verbs_stance_extra") | (vocab.words("reporting_verbs") - _FUNCTION)
NEWS_VERBS = vocab.words("news_verbs_stance_extra") | (vocab.words("common_verbs") - _FUNCTION)
DENIAL_VERBS = vocab.words("denial_verbs")

# Short words that still take the conjunction: "وتم", "ولم", "وقد".
_SHORT_AFTER_CONJUNCTION = vocab.words("short_after_conjunction")


class Word(NamedTuple):
    """A word of a sentence; a named tuple because long articles make tens of thousands of them."""

    start: int
    end: int
    norm: str  # camel.normalize of the surface
    bare: str  # norm without the conjunction و/ف prefix


def iter_words(text: str, start: int = 0, end: int | None = None) -> Iterator[Word]:
    return iter(_words(text, start, len(text) if end is None else end))


_new = tuple.__new__  # builds a Word without the named tuple's Python-level __new__: twice as fast


@lru_cache(maxsize=4096)
def _words(text: str, start: int, end: int) -> tuple[Word, ...]:
    """Words of ``text[start:end]``, memoised: one sentence is read by several rules in turn.

    A span of a longer text is cut from the words of the whole text, which is scanned once for all the
    stages; a word the span's edge cuts through is the part of it inside the span, as the regex would find.
    """
    if start > 0 or end < len(text):
        return _cut(_words(text, 0, len(text)), text, start, end)
    return tuple(_new(Word, (m.start(), m.end(), *_forms(m.group()))) for m in _WORD.finditer(text))


def _cut(words: tuple[Word, ...], text: str, start: int, end: int) -> tuple[Word, ...]:
    first = bisect_right(words, start, key=_end)
    last = bisect_left(words, end, key=_start)
    inside = list(words[first:last])
    if inside and inside[0].start < start:
        inside[0] = Word(start, inside[0].end, *_forms(text[start : inside[0].end]))
    if inside and inside[-1].end > end:
        inside[-1] = Word(inside[-1].start, end, *_forms(text[inside[-1].start : end]))
    return tuple(inside)


def _start(word: Word) -> int:
    return word.start


def _end(word: Word) -> int:
    return word.end


@lru_cache(maxsize=65536)
def _forms(surface: str) -> tuple[str, str]:
    norm = camel.normalize(surface)
    return norm, strip_conjunction(norm)


@lru_cache(maxsize=65536)
def looks_like_verb(bare: str) -> bool:
    """A finite verb by lexicon or by shape: past feminine "فعلت"/plural "فعلوا" (not the plural noun "-ات")."""
    if bare in NEWS_VERBS or bare in REPORTING_VERBS or bare in DENIAL_VERBS:
        return True
    if bare.startswith("ال") or len(bare) < 4:
        return False
    return (bare.endswith("ت") and not bare.endswith("ات") and len(bare) <= 6) or (
        bare.endswith("وا") and len(bare) <= 7
    )


def without_article_clitics(norm: str) -> str:
    """A normalised word without its article and the clitics before it ("والأنباء" -> "انباء")."""
    for p in ("وال", "فال", "بال", "لل", "ال"):
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            return norm[len(p) :]
    return norm


def strip_conjunction(norm: str) -> str:
    if norm[:1] in "وف" and (len(norm) > 3 or norm[1:] in _SHORT_AFTER_CONJUNCTION):
        return norm[1:]
    return norm
