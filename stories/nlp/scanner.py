"""The word scanner that every clause and stance rule reads sentences with: normalised words with their offsets,
clitic helpers, and the finite-verb test (by lexicon or by shape)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    norm: str  # camel.normalize of the surface
    bare: str  # norm without the conjunction و/ف prefix


def iter_words(text: str, start: int = 0, end: int | None = None) -> Iterator[Word]:
    yield from _words(text, start, len(text) if end is None else end)


@lru_cache(maxsize=4096)
def _words(text: str, start: int, end: int) -> tuple[Word, ...]:
    """Words of ``text[start:end]``, memoised: one sentence is read by several rules in turn."""
    out = []
    for m in _WORD.finditer(text, start, end):
        norm = camel.normalize(m.group())
        out.append(Word(m.start(), m.end(), norm, strip_conjunction(norm)))
    return tuple(out)


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
