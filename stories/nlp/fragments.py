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
from itertools import islice

from . import camel, vocab
from .morph import conjunction_waw

_WORD = re.compile(r"[^\W\d_]+")
# A leading ف is tested like و (morph.conjunction_waw on the word with و in its place), so a word whose own root
# starts with ف ("فتح", "فرض") is not read as the conjunction.
_FA_MIN = 4


@cache
def _openers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(camel.normalize(e).split()) for e in vocab.entries("discourse_openers"))


@cache
def _opener_order() -> tuple[dict[tuple[str, ...], int], tuple[int, ...]]:
    """Each opener's first place in the file, and the lengths openers have: a lookup instead of a scan."""
    order: dict[tuple[str, ...], int] = {}
    for index, opener in enumerate(_openers()):
        order.setdefault(opener, index)
    return order, tuple(sorted({len(opener) for opener in order}))


def _first_opener(words: list[str], shorter_than: int) -> tuple[str, ...] | None:
    """The opener listed first among those ``words`` begin with, of fewer than ``shorter_than`` words."""
    order, lengths = _opener_order()
    found = [
        (order[key], key)
        for n in lengths
        if n <= len(words) and n < shorter_than and (key := tuple(words[:n])) in order
    ]
    return min(found)[1] if found else None


def opening_words(quote: str, n: int = 3) -> list[str]:
    """The first ``n`` normalised words of ``quote``, leading punctuation and quote marks dropped."""
    return _WORD.findall(camel.normalize(quote))[:n]


def is_fragment(quote: str) -> bool:
    """True when ``quote`` opens with a conjunction or a discourse particle (see the module docstring)."""
    words = opening_words(quote)
    if not words:
        return False
    if _first_opener(words, len(words) + 1) is not None:
        return True
    first = words[0]
    if conjunction_waw(first):
        return True
    return first[:1] == "ف" and len(first) >= _FA_MIN and conjunction_waw("و" + first[1:])


def opener_length(quote: str) -> int:
    """How many characters of ``quote`` the opening conjunction or discourse particle takes, with the spaces and
    commas after it; 0 when the quote already stands alone. Stripping them leaves a quote that opens with its
    verb or subject ("وأقامت حواراً" -> "أقامت حواراً", "من جهته، قال" -> "قال")."""
    tokens = list(islice(_WORD.finditer(quote), 3))
    words = [camel.normalize(t.group()) for t in tokens]
    opener = _first_opener(words, len(tokens))
    if opener is not None:
        return tokens[len(opener)].start()
    if words and is_fragment(tokens[0].group()) and len(tokens) > 1:
        return tokens[0].start() + 1
    return 0
