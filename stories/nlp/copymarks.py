"""Copy marks: what a story's copy index stores per article so that a lookup reaches every pair ``dedup`` accepts.

``dedup.is_copy`` accepts a pair on one of two grounds, and each leaves material any accepted pair must share:

1. MinHash: ``resemblance >= DUPLICATE_THRESHOLD``, i.e. at least ``SIG_AGREE`` (64) of the 128 signature
   positions hold the same value. A signature mark is ``position << 32 | value`` (values are 32-bit), so two
   articles share exactly as many signature marks as they have agreeing positions: sharing >= SIG_AGREE marks
   is the same condition, not an estimate of it.
2. Containment: the shorter text A (fewer distinct shingles; on a tie the new article) has >= MIN_SHINGLES
   shingles, and passages holding >= CONTAINMENT_THRESHOLD of ``total`` (the sum over A's passages of each
   passage's shingle count) are copied, each with >= PASSAGE_SHARE of its own shingles in the longer text B.
   Summing over passages: overlap(A, B) = sum over A's passages P of |P & shingles(B)| >= MIN_SHARE * total,
   with MIN_SHARE = PASSAGE_SHARE * CONTAINMENT_THRESHOLD (0.3). No run of consecutive shingles is implied
   (a passage may share every other shingle), so sampled fingerprints such as winnowing cannot promise to
   meet it: every shingle is marked. A shingle mark is a 63-bit hash made negative, apart from signature marks.
   Each mark carries a weight, the number of (passage, shingle) pairs of its article hashing to it, so the
   sum of an article's weights over the marks it shares with another is >= overlap: a hash collision can only
   add weight, never hide a pair.

A lookup therefore fetches, for the new article N, every article X sharing a mark with it, with three sums
over the shared marks: signature marks (``agree``), shingle marks (``shared``) and X's weight (``weight``).
X stays a candidate (``may_copy``) when agree >= SIG_AGREE, or, with A the shorter of N and X, A has >=
MIN_SHINGLES shingles and an upper bound of overlap(A, B) reaches MIN_SHARE * total(A): for A = X it is
``weight``; for A = N it is the sum of N's ``shared`` largest weights (``Profile.min_shared`` inverts it).
Every pair the exact check accepts passes, so candidates are a superset of the scan's accepted pairs.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from stories.nlp import dedup

SIG_AGREE = math.floor(dedup.DUPLICATE_THRESHOLD * dedup.NUM_PERM)
MIN_SHARE = dedup.PASSAGE_SHARE * dedup.CONTAINMENT_THRESHOLD
SLACK = 1e-9  # float rounding in dedup's ratios must not turn an accepted pair away here


@dataclass(frozen=True)
class Profile:
    """One article's copy marks: mark -> weight, and the sizes the acceptance rule reads."""

    weights: dict[int, int]
    shingles: int  # distinct shingles of the whole text (decides which of a pair is the shorter)
    total: int  # sum over passages of each passage's distinct shingles (containment's denominator)

    def min_shared(self) -> int | None:
        """Fewest shingle marks another article must share with this one for this one, as the shorter text,
        to be copied into it; None when no count suffices (too short, or passages without shingles)."""
        if self.shingles < dedup.MIN_SHINGLES:
            return None
        needed = MIN_SHARE * self.total * (1 - SLACK)
        top = sorted((w for m, w in self.weights.items() if m < 0), reverse=True)
        for count, reach in enumerate(accumulate(top), start=1):
            if reach >= needed:
                return count
        return None


@dataclass(frozen=True)
class Shared:
    """What one stored article shares with the new one, as the index's sums give it."""

    agree: int  # signature marks in common
    shared: int  # shingle marks in common
    weight: int  # the stored article's weight over the shingle marks in common
    shingles: int  # the stored article's Profile.shingles
    total: int  # the stored article's Profile.total


def shingle_mark(shingle: bytes) -> int:
    """A shingle's mark: 63 bits of blake2b, negative so that it never equals a signature mark."""
    value = int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "big") >> 1
    return -value - 1


def signature_marks(sig: tuple[int, ...]) -> list[int]:
    return [position << 32 | value for position, value in enumerate(sig)]


def profile(text: str, sig: tuple[int, ...]) -> Profile:
    """Marks of every shingle of the text and of each passage, weighted by passage occurrences, plus the
    signature's marks (weight 0)."""
    whole = dedup.shingles(text)
    weights: Counter[int] = Counter({shingle_mark(s): 0 for s in whole})
    total = 0
    for passage in dedup.passages(text):
        own = dedup.shingles(passage)
        total += len(own)
        weights.update(shingle_mark(s) for s in own)
    for mark in signature_marks(sig):
        weights[mark] = 0
    return Profile(weights=dict(weights), shingles=len(whole), total=total)


def may_copy(new: Profile, other: Shared) -> bool:
    """False only when the exact check (``dedup.is_copy``) cannot accept the pair; see the module docstring."""
    if other.agree >= SIG_AGREE:
        return True
    if new.shingles <= other.shingles:
        needed = new.min_shared()
        return needed is not None and other.shared >= needed
    if other.shingles < dedup.MIN_SHINGLES:
        return False
    return other.weight >= MIN_SHARE * other.total * (1 - SLACK)


def shared(new: Profile, other: Profile) -> Shared:
    """The sums the index computes for a stored article, computed from both profiles (for tests and benches)."""
    common = new.weights.keys() & other.weights.keys()
    return Shared(
        agree=sum(1 for m in common if m >= 0),
        shared=sum(1 for m in common if m < 0),
        weight=sum(other.weights[m] for m in common),
        shingles=other.shingles,
        total=other.total,
    )
