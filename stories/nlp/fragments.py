"""Whether a claim's shown text stands alone as a proposition or is a fragment tied to the sentence before it.

The definition is the one the evaluation counts (``make eval``: fragment_share) and the claim finder avoids:
a quote is a fragment when, after leading punctuation and quote marks, it opens with

* a standalone conjunction or discourse particle (``data/discourse_openers.txt``: "ثم", "كما", "من جهته" ...), or
* the conjunction و or ف fused to its first word ("وأقامت", "فقد"), told apart from a word whose own root starts
  with و ("وزير", "وفد") by ``morph.conjunction_waw``.
"""

from __future__ import annotations

import re
from functools import cache

from . import camel, vocab
from .morph import conjunction_waw

_WORD = re.compile(r"[^\W\d_]+")
# A leading ف is tested like و (morph.conjunction_waw on the word with و in its place), so a word whose own root
# starts with ف ("فتح", "فرض") is not read as the conjunction.
_FA_MIN = 4


@cache
def _openers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(camel.normalize(e).split()) for e in vocab.entries("discourse_openers"))


def opening_words(quote: str, n: int = 3) -> list[str]:
    """The first ``n`` normalised words of ``quote``, leading punctuation and quote marks dropped."""
    return _WORD.findall(camel.normalize(quote))[:n]


def is_fragment(quote: str) -> bool:
    """True when ``quote`` opens with a conjunction or a discourse particle (see the module docstring)."""
    words = opening_words(quote)
    if not words:
        return False
    for opener in _openers():
        if tuple(words[: len(opener)]) == opener:
            return True
    first = words[0]
    if conjunction_waw(first):
        return True
    return first[:1] == "ف" and len(first) >= _FA_MIN and conjunction_waw("و" + first[1:])


def opener_length(quote: str) -> int:
    """How many characters of ``quote`` the opening conjunction or discourse particle takes, with the spaces and
    commas after it; 0 when the quote already stands alone. Stripping them leaves a quote that opens with its
    verb or subject ("وأقامت حواراً" -> "أقامت حواراً", "من جهته، قال" -> "قال")."""
    tokens = list(_WORD.finditer(quote))[:3]
    words = [camel.normalize(t.group()) for t in tokens]
    for opener in _openers():
        if words[: len(opener)] == list(opener) and len(tokens) > len(opener):
            return tokens[len(opener)].start()
    if words and is_fragment(tokens[0].group()) and len(tokens) > 1:
        return tokens[0].start() + 1
    return 0
