"""A cheap test that two claim keys' similarity is below a cut, so the matcher can skip most candidates without
scoring them: an upper bound on similarity.similarity, kept in step with its rules."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from .claims.events import class_index
from .keymarks import DELEGATION, EVENT_MARK, ROOT_MARK
from .kindred import derived
from .similarity import COVER_FACTOR, KIN_WEIGHT, Entry
from .spellings import without_spellings


def similarity_below(
    a: Entry, b: Entry, weight: Callable[[str], float], cut: float, mass_a: float | None = None
) -> bool:
    """Whether ``similarity(a, b, weight)`` is surely below ``cut``, told cheaply (``mass_a``: a's summed weight,
    when known): the matcher skips such a candidate without pairing verb forms or reading acts and agents.
    Keep in step with ``similarity``: every rule that can raise a score must be allowed for here
    (tests/nlp/test_match_bound.py checks it on real and generated keys)."""
    return Ceiling(a, b, weight, mass_a).below(cut)


class Ceiling:
    """Upper bounds of ``similarity(a, b, weight)``: a rough one at once, a tighter one (verb forms that may pair)
    when a cut needs it; one pair asked against several cuts computes each once."""

    __slots__ = ("_bound", "_kin", "_rough", "_tight")

    def __init__(
        self,
        a: Entry,
        b: Entry,
        weight: Callable[[str], float],
        mass_a: float | None = None,
        plain_a: float | None = None,
    ) -> None:
        """``mass_a``, ``plain_a``: a's summed weight, and that of its words (see ``plain_mass``), when known."""
        self._tight: float | None = None
        shared = a.tokens & b.tokens
        if not shared:
            self._rough = self._tight = 0.0
            return
        # As the score does: one side's spelling of a place or institution both hold is no missing content.
        a_tokens, b_tokens = without_spellings(a.tokens, shared), without_spellings(b.tokens, shared)
        if a_tokens is not a.tokens:
            a, mass_a, plain_a = replace(a, tokens=a_tokens), None, None
        if b_tokens is not b.tokens:
            b = replace(b, tokens=b_tokens)
        events = any(t.startswith(EVENT_MARK) for t in shared)
        if (DELEGATION in a.tokens and DELEGATION in b.tokens) or (
            events and any(t.isdigit() for t in shared)
        ):
            self._rough = self._tight = math.inf  # a delegation's encounter or a counted act may be raised
            return
        mass_a = sum(weight(t) for t in a.tokens) if mass_a is None else mass_a
        mass_b = sum(weight(t) for t in b.tokens)
        held = sum(weight(t) for t in shared)
        root = math.sqrt(mass_a * mass_b)
        plain = words = 0.0
        if events:  # _event_cover counts the words that are neither roots nor event classes
            plain = min(plain_mass(a, weight) if plain_a is None else plain_a, plain_mass(b, weight))
            words = sum(weight(t) for t in shared if not t.startswith((ROOT_MARK, EVENT_MARK)))
            if plain <= 0:
                self._rough = self._tight = math.inf
                return

        def bound(kin: float) -> float:
            cover = COVER_FACTOR * (words + kin) / plain if events else 0.0
            return max((held + kin) / root, cover) * (1 + _ROUNDING)

        # Verb forms kindred pairs are unshared tokens, one of each side: at most the lighter side's unshared
        # weight, or more tightly the weight of the tokens that have a possible partner.
        self._rough = bound(KIN_WEIGHT * max(0.0, min(mass_a - held, mass_b - held)))
        self._bound = bound
        self._kin = (a.tokens - b.tokens, b.tokens - a.tokens, weight)

    def below(self, cut: float) -> bool:
        if self._rough < cut:
            return True
        if self._tight is None:
            self._tight = self._bound(KIN_WEIGHT * kin_bound(*self._kin))
        return self._tight < cut


def plain_mass(a: Entry, weight: Callable[[str], float]) -> float:
    """The summed weight of a key's words, neither roots nor event classes (what _event_cover divides by)."""
    return sum(weight(t) for t in a.tokens if not t.startswith((ROOT_MARK, EVENT_MARK)))


_ROUNDING = 1e-9  # the bound adds the score's weights in another order: a margin for the last bits


def kin_bound(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float]) -> float:
    """At least the summed ``min(weight(x), weight(y))`` of ``kindred(a, b)``'s pairs (``a``, ``b`` disjoint): each
    pair is one token of each side with a possible partner on the other, by event class, as a form II pair, or as a noun in "ية" and its base."""
    return min(_pairable_weight(a, b, weight), _pairable_weight(b, a, weight))


def _pairable_weight(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float]) -> float:
    classes = class_index()
    kinds = {classes[y] for y in b if y in classes}
    verbs = {y[1:3] + y[4] for y in b if len(y) == 5 and y[0] == "ت" and y[3] == "ي"}
    return sum(
        weight(x)
        for x in a
        if (x in classes and classes[x] in kinds)
        or (len(x) == 5 and x[0] == "ت" and x[3] == "ي" and x[1:3] + x[4] in b)
        or x in verbs
        or (x[:-1] in b and derived(x, x[:-1]))
        or (x + "ي" in b and derived(x + "ي", x))
    )
