"""Which of a claim's quotes to show as its text, and that quote cleaned of what is one outlet's, not the claim's.

The shown text is the most central formulation (the quote whose content words overlap most with the other
quotes'), taken from the stored proposition (attribution frame already stripped), without a leading conjunction
or quotation marks. Preferences, each applied only when some quote satisfies it: a quote that reports the claim
over one that denies or doubts it, a body sentence over a headline, wording without loaded epithets
(``data/loaded_epithets.txt``; the fewest), a quote of at least a few content words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

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


@lru_cache(maxsize=65_536)
def loaded_count(text: str) -> int:
    """How many loaded epithets the text carries (each as a word, or inside one with its clitics)."""
    tokens = _WORD.findall(camel.normalize(text))
    folded = " " + " ".join(tokens) + " "
    phrases = sum(folded.count(f" {e} ") for e in _loaded() if " " in e)
    return phrases + sum(1 for t in tokens if _loaded_inside().search(t))


@cache
def _loaded_inside() -> re.Pattern[str]:
    """Any one-word epithet inside a word: one scan of the word rather than one per epithet."""
    return re.compile("|".join(re.escape(e) for e in _loaded() if " " not in e) or "(?!)")


def _stem(word: str) -> str:
    for prefix in _ARTICLE:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


@lru_cache(maxsize=65_536)
def content_words(text: str) -> frozenset[str]:
    """The normalised words that carry content, the article ("ال" and its clitics) dropped."""
    stop = vocab.words("function_words")
    return frozenset(_stem(w) for w in _WORD.findall(camel.normalize(text)) if w not in stop and len(w) > 1)


def _forms(words: frozenset[str]) -> frozenset[str]:
    return words | {w[1:] for w in words if w[0] in _CLITICS and len(w) >= 5}


def _overlaps(words: Sequence[frozenset[str]]) -> Callable[[int], list[int]]:
    """For quote i, how many of its words each quote has, either one perhaps with a single-letter proclitic:
    each quote's forms indexed once, so a claim's quotes cost what their shared words do, not every pair."""
    holders: dict[str, list[int]] = {}
    for j, w in enumerate(words):
        for form in _forms(w):
            holders.setdefault(form, []).append(j)

    def counts(i: int) -> list[int]:
        row = [0] * len(words)
        for w in words[i]:
            hit = holders.get(w, ())
            if w[0] in _CLITICS and len(w) >= 5 and w[1:] in holders:
                hit = set(hit).union(holders[w[1:]])
            for j in hit:
                row[j] += 1
        return row

    return counts


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
    overlaps = _overlaps(words)
    sizes = [len(w) for w in words]

    def centrality(i: int) -> float:
        if len(words) < 2 or not words[i]:
            return 0.0
        row = overlaps(i)
        # The mean Dice overlap with the other quotes, summed in their order (the float is the same every time).
        return sum(2 * row[j] / (sizes[i] + sizes[j]) for j in range(len(words)) if j != i) / (len(words) - 1)

    return max(candidates, key=lambda i: (centrality(i), -len(quotes[i].text), -i))
