"""Pair features of a claim and a text, and the logistic regression that turns them into stance probabilities
(weights learned from the ANS stance corpus by tests/nlp/train_track.py)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from .bag import Bag, Token

LABELS = ("agree", "disagree", "other")


@lru_cache(maxsize=262144)
def _similar(a: str, b: str) -> bool:
    """Two stems name the same thing: equal, or one extends the other, or they share most letter pairs."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3:
        return False
    if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return True
    ka, kb = _skeleton(a), _skeleton(b)
    # Hollow three-letter roots keep only two consonants (زار/زيارة, سرا/سرية).
    if ka == kb and len(ka) >= 2 and min(len(a), len(b)) >= 3:
        return True
    pa = {a[i : i + 2] for i in range(len(a) - 1)}
    pb = {b[i : i + 2] for i in range(len(b) - 1)}
    return 2 * len(pa & pb) / (len(pa) + len(pb)) >= 0.6


def _same(x: Token, y: Token) -> bool:
    return _similar(x.stem, y.stem) or bool(x.senses & y.senses)


def _skeleton(stem: str) -> str:
    """Rough root: drop a verb/noun-pattern prefix letter and long vowels, so تشكيل, تشكل and شكل meet."""
    if len(stem) > 3 and stem[0] in "اتينمس":
        stem = stem[1:]
    return stem[0] + "".join(ch for ch in stem[1:] if ch not in "اوي") if stem else stem


def _order(a: Sequence[Token], b: Sequence[Token]) -> float:
    """Share of a's tokens found in b in the same order (LCS): edited copies keep order, paraphrases move words."""
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if _same(x, y) else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / min(len(a), len(b))


def _unmatched(a: Sequence[Token], b: Sequence[Token]) -> list[Token]:
    return [x for x in a if not any(_same(x, y) for y in b)]


FEATURES = (
    "bias",
    "cover_claim",
    "cover_text",
    "grams",
    "antonym_flip",
    "antonym_same",
    "exclusive_flip",
    "country_flip",
    "country_drop",
    "negation_diff",
    "denial_diff",
    "num_mismatch",
    "num_shared",
    "unmatched_both",
    "unmatched_claim",
    "unmatched_text",
    "doubt_text",
    "question_text",
    "len_ratio",
    "order",
    "one_swap",
    "cover_product",
    "polarity_diff",
)


def features(c: Bag, t: Bag) -> list[float]:
    miss_c = _unmatched(c.stems, t.stems)
    miss_t = _unmatched(t.stems, c.stems)
    nc, nt = max(len(c.stems), 1), max(len(t.stems), 1)
    flips = sum(1 for g, s in c.antonyms if (g, 1 - s) in t.antonyms and (g, s) not in t.antonyms)
    flips += sum(1 for g, s in t.antonyms if (g, 1 - s) in c.antonyms and (g, s) not in c.antonyms)
    same = len(c.antonyms & t.antonyms)
    only_c = {g for g, _ in c.exclusive - t.exclusive}
    excl = len(only_c & {g for g, _ in t.exclusive - c.exclusive})
    union = len(c.grams | t.grams) or 1
    return [
        1.0,
        1 - len(miss_c) / nc,
        1 - len(miss_t) / nt,
        len(c.grams & t.grams) / union,
        min(flips, 2),
        min(same, 2),
        min(excl, 2),
        float(bool(t.countries - c.countries) and bool(c.countries - t.countries)),
        float(bool(c.countries - t.countries)),
        float((c.negations > 0) != (t.negations > 0)),
        float(c.denial != t.denial),
        float(bool(c.nums) and bool(t.nums) and not (c.nums & t.nums)),
        float(bool(c.nums & t.nums)),
        math.log1p(min(len(miss_c), len(miss_t))),
        math.log1p(len(miss_c)),
        math.log1p(len(miss_t)),
        float(t.doubt and not c.doubt),
        float(t.question and not c.question),
        math.log(nt / nc),
        _order(c.stems, t.stems),
        float(len(miss_c) == 1 and len(miss_t) >= 1),
        (1 - len(miss_c) / nc) * (1 - len(miss_t) / nt),
        float((c.polarity + c.negations > 0) != (t.polarity + t.negations > 0)),
    ]


def probabilities(x: Sequence[float]) -> dict[str, float]:
    from ..track_weights import MEAN, SCALE, WEIGHTS

    z = [(v - m) / s for v, m, s in zip(x, MEAN, SCALE, strict=True)]
    z[0] = 1.0  # the bias column is not standardised
    logits = [sum(w * v for w, v in zip(row, z, strict=True)) for row in WEIGHTS]
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return {label: e / total for label, e in zip(LABELS, exps, strict=True)}
