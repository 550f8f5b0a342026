"""Step one of tracking: rank an article's sentences by how much of the claim each carries, keep the best few.

A sentence's coverage is the share of the claim's content words it holds (light stems, synonym groups),
blended with the character trigrams both share (catches derivations the stemmer misses: علّقت/تعليق) and a
bonus when the claim's own numbers are there. Numbers of the same event often differ between outlets, so a
different number never lowers the score: the stance step decides whether it excludes the claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..paraphrase import FEATURES, Bag, features

# A passage is about the claim when it carries at least half of the claim, the same bar the tracker has
# always used for a denial to count ("most of the claim"); below it the article only shares the topic.
RELATED_AT = 0.5
KEEP = 3  # passages kept per article: the claim, a restatement, and its refutation or source at most

_COVER = FEATURES.index("cover_claim")
_GRAMS = FEATURES.index("grams")
_SHARED_NUM = FEATURES.index("num_shared")


@dataclass(frozen=True)
class Passage:
    index: int  # sentence number in the article
    start: int
    end: int
    score: float  # coverage of the claim, 0..1
    bag: Bag


def coverage(claim: Bag, sentence: Bag) -> float:
    """How much of the claim one sentence carries, 0..1."""
    if not claim.stems or not sentence.stems:
        return 0.0
    x = features(claim, sentence)
    # Trigram overlap is a Jaccard over both texts: a long sentence dilutes it, so it is scaled by the claim's
    # share of the union before blending.
    grams = len(claim.grams & sentence.grams) / max(1, len(claim.grams))
    score = 0.75 * x[_COVER] + 0.25 * grams + 0.1 * x[_SHARED_NUM]
    return round(min(1.0, score), 4)


def rank_passages(claim: Bag, sentences: Sequence[tuple[int, int, Bag]]) -> list[Passage]:
    """All sentences as passages, best first (ties: earlier first)."""
    out = [Passage(i, s, e, coverage(claim, b), b) for i, (s, e, b) in enumerate(sentences)]
    return sorted(out, key=lambda p: (-p.score, p.index))
