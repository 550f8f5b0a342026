"""Which of a claim's quotes to show as its text, and that quote cleaned of what is one outlet's, not the claim's.

The shown text is the most central formulation (the quote whose content words overlap most with the other
quotes'), taken from the stored proposition (attribution frame already stripped), without a leading conjunction
or quotation marks. Preferences, each applied only when some quote satisfies it: a quote that reports the claim
over one that denies or doubts it, a body sentence over a headline, wording without loaded epithets
(``data/loaded_epithets.txt``; the fewest), a quote of at least a few content words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import camel, vocab
from .fragments import opener_length

_QUOTE_MARKS = re.compile(r"[\"“”„‟«»‹›″]")
_EDGE = re.compile(r"^[\s.…:،,؛;!\-–—)]+|[\s.…:،,؛;!\-–—(]+$")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")
_ARTICLE = ("وال", "بال", "فال", "كال", "لل", "ال")
_CLITICS = (
    "وفبل"  # a single-letter proclitic: "لدمشق" is "دمشق", but "ليبيا" must stay whole, so both forms count
)
_MIN_CONTENT = 3
_REPORTING = {"asserts", "attributes"}


@dataclass(frozen=True)
class Wording:
    """One quote of a claim: its proposition, whether it sits in its article's headline, and its stance."""

    text: str
    headline: bool = False
    stance: str = "asserts"


def neutral_text(text: str) -> str:
    """``text`` without quotation marks, a leading conjunction or particle, and stray edge punctuation."""
    text = _SPACES.sub(" ", _QUOTE_MARKS.sub("", text)).strip()
    text = text[opener_length(text) :]
    first = _WORD.match(text)
    # A bare complementizer ("إن القاهرة فتحت") opens the reported clause; with a pronoun ("إنه") it is its subject.
    if first and camel.normalize(first.group()) in vocab.words("complementizers") and len(first.group()) <= 3:
        if not first.group().endswith("ه") and len(text.split()) > 2:
            text = text[first.end() :]
    return _SPACES.sub(" ", _EDGE.sub("", text)).replace(" ،", "،").strip()


@cache
def _loaded() -> tuple[str, ...]:
    return tuple(camel.normalize(e) for e in vocab.entries("loaded_epithets"))


def loaded_count(text: str) -> int:
    """How many loaded epithets the text carries (each as a word, or inside one with its clitics)."""
    tokens = _WORD.findall(camel.normalize(text))
    folded = " " + " ".join(tokens) + " "
    phrases = sum(folded.count(f" {e} ") for e in _loaded() if " " in e)
    return phrases + sum(1 for t in tokens if any(e in t for e in _loaded() if " " not in e))


def _stem(word: str) -> str:
    for prefix in _ARTICLE:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def content_words(text: str) -> frozenset[str]:
    """The normalised words that carry content, the article ("ال" and its clitics) dropped."""
    stop = vocab.words("function_words")
    return frozenset(_stem(w) for w in _WORD.findall(camel.normalize(text)) if w not in stop and len(w) > 1)


def _forms(words: frozenset[str]) -> frozenset[str]:
    return words | {w[1:] for w in words if w[0] in _CLITICS and len(w) >= 5}


def _overlap(a: frozenset[str], b: frozenset[str]) -> int:
    """Words of ``a`` that ``b`` also has, either one perhaps with a single-letter proclitic."""
    b_forms = _forms(b)
    return sum(1 for w in a if w in b_forms or (w[0] in _CLITICS and len(w) >= 5 and w[1:] in b_forms))


def shown_wording(quotes: Sequence[Wording]) -> int:
    """Index of the quote to show for the claim (see the module docstring); -1 when there is none."""
    if not quotes:
        return -1
    words = [content_words(q.text) for q in quotes]
    candidates = list(range(len(quotes)))
    for keep in (
        lambda i: quotes[i].stance in _REPORTING,
        lambda i: not quotes[i].headline,
        lambda i: len(words[i]) >= _MIN_CONTENT,
    ):
        kept = [i for i in candidates if keep(i)]
        candidates = kept or candidates
    loaded = {i: loaded_count(quotes[i].text) for i in candidates}
    candidates = [i for i in candidates if loaded[i] == min(loaded.values())]

    def centrality(i: int) -> float:
        others = [w for j, w in enumerate(words) if j != i]
        if not others or not words[i]:
            return 0.0
        return sum(2 * _overlap(words[i], w) / (len(words[i]) + len(w) or 1) for w in others) / len(others)

    return max(candidates, key=lambda i: (centrality(i), -len(quotes[i].text), -i))
