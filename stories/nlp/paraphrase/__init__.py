"""Whether two statements say the same thing or contrary things: hand-written features (overlap, antonyms,
negation, numbers, named-token mismatch, attribution) feed a small logistic regression learned from the ANS
stance corpus. The claim tracker judges articles with it; the matcher verifies near misses with it.
"""

from __future__ import annotations

from functools import lru_cache

from .bag import Bag, Token, bag
from .features import FEATURES, LABELS, features, probabilities

__all__ = [
    "FEATURES",
    "LABELS",
    "Bag",
    "Token",
    "bag",
    "cached_bag",
    "features",
    "opposed",
    "pair_features",
    "paraphrase_probability",
    "probabilities",
]


def pair_features(claim: str, text: str) -> list[float]:
    """Feature vector for one claim/text pair, in FEATURES order (used by the training script)."""
    return features(bag(claim), bag(text))


@lru_cache(maxsize=65536)
def cached_bag(text: str) -> Bag:
    # Matching compares one stored proposition with many new ones; its bag need only be built once.
    return bag(text)


def opposed(a: str, b: str) -> bool:
    """True when one statement uses a word whose opposite the other uses (raise/cut, open/close, win/lose),
    without the first word itself: the two say contrary things about the same matter."""
    first, second = cached_bag(a), cached_bag(b)
    return any(
        (g, 1 - s) in second.antonyms and (g, s) not in second.antonyms for g, s in first.antonyms
    ) or any((g, 1 - s) in first.antonyms and (g, s) not in first.antonyms for g, s in second.antonyms)


def paraphrase_probability(a: str, b: str) -> float:
    """P(agree) that two statements say the same thing, the lower of both directions since the features are
    claim-vs-text; 0.0 when they share no content word (the classifier never saw such pairs)."""
    first, second = cached_bag(a), cached_bag(b)
    if not first.stems or not second.stems:
        return 0.0
    scores = []
    for x in (features(first, second), features(second, first)):
        if x[FEATURES.index("cover_claim")] == 0:
            return 0.0
        scores.append(probabilities(x)["agree"])
    return min(scores)
