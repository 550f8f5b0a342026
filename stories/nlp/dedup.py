"""Near-duplicate detection: MinHash signatures over word shingles, to spot syndicated or lightly edited copies."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from datasketch import MinHash

from stories.nlp import camel

NUM_PERM = 128
SHINGLE = 3  # words per shingle: one edited word changes only three shingles
SEED = 20200313  # fixed: signatures are stored and compared across processes and releases
SCHEME = "affine32"  # pinned so a datasketch default change cannot silently alter stored signatures
# Measured on the seeds: a copy with a header and 5-15 edited words scores 0.72-0.94, a 70% truncation
# 0.63-0.76, while other outlets' rewrites of the same report score at most 0.09 (exact Jaccard 0.15).
DUPLICATE_THRESHOLD = 0.5
# Passage containment (see ``containment``), measured on the gold copy pairs of tests/gold (set "unseen"):
# excerpt and longer copies score 0.78-0.88; different outlets' reports of one event score at most 0.37
# (two seed reports sharing long quotes) and mostly under 0.12. 0.6 sits between with room on both sides.
CONTAINMENT_THRESHOLD = 0.6
PASSAGE_SHARE = 0.5
MIN_SHINGLES = 15

_WORD = re.compile(r"\w+")
_PASSAGE = re.compile(r"\n+")


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # Building the permutations is the costly part; every signature reuses the same ones.
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def shingles(text: str) -> set[bytes]:
    """The normalised text's distinct word shingles (SHINGLE words each; a shorter text is one shingle)."""
    words = _WORD.findall(camel.normalize(text).lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> tuple[int, ...]:
    """MinHash of the normalised text's word shingles; plain ints, so JSON-serialisable and stable (sha1-based)."""
    found = shingles(text)
    if not found:
        return ()  # an empty text resembles nothing, not every other empty text
    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=template.permutations, scheme=SCHEME)
    minhash.update_batch(sorted(found))
    return tuple(int(value) for value in minhash.hashvalues)


def resemblance(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard resemblance of two signatures: the share of positions where they agree."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def find_original(sig: tuple[int, ...], earlier: Sequence[tuple[int, tuple[int, ...]]]) -> int | None:
    """Id of the earliest article (``earlier`` is in publication order) that this signature copies, if any."""
    for article_id, other in earlier:
        if resemblance(sig, other) >= DUPLICATE_THRESHOLD:
            return article_id
    return None


def passages(text: str) -> list[str]:
    """The text's non-blank paragraphs, the unit ``containment`` judges."""
    return [p for p in _PASSAGE.split(text) if p.strip()]


def containment(text: str, other: str) -> float:
    """Share of the shorter text that is copied into the longer, passage by passage.

    A passage (paragraph) of the shorter text counts as copied when at least PASSAGE_SHARE of its word shingles
    occur in the longer text; the result is the copied passages' share of the shorter text's shingles. Excerpt
    copies ("the first paragraphs under our own headline") and longer versions keep their passages whole, while
    two outlets' rewrites of one report share only names and quotes. Below MIN_SHINGLES the shorter text is too
    short to tell a copy from a shared quote, and the answer is 0.
    """
    short, long_ = sorted((text, other), key=lambda t: len(shingles(t)))
    if len(shingles(short)) < MIN_SHINGLES:
        return 0.0
    pool = shingles(long_)
    total = copied = 0
    for passage in passages(short):
        own = shingles(passage)
        total += len(own)
        if own and len(own & pool) >= PASSAGE_SHARE * len(own):
            copied += len(own)
    return copied / total if total else 0.0


def is_copy(text: str, sig: tuple[int, ...], other_text: str, other_sig: tuple[int, ...]) -> bool:
    """Whole-text near-duplicate (MinHash) or passage-level containment of the shorter in the longer."""
    if resemblance(sig, other_sig) >= DUPLICATE_THRESHOLD:
        return True
    return containment(text, other_text) >= CONTAINMENT_THRESHOLD


def original_index(
    text: str, sig: tuple[int, ...], earlier: Sequence[tuple[int, str, tuple[int, ...]]]
) -> int | None:
    """Id of the first of ``earlier`` (id, text, signature) that this article copies.

    ``earlier`` holds the story's non-copies in the order that decides which is the original: earlier
    publication first, then (same date, or both undated) the longer text, then the first uploaded; so
    ``copy_order`` sorts both this article and the candidates.
    """
    for article_id, other_text, other_sig in earlier:
        if is_copy(text, sig, other_text, other_sig):
            return article_id
    return None


def copy_order(published: object, text: str, tiebreak: object) -> tuple:
    """Sort key that puts an original before its copies: dated before undated, earlier date, longer, tiebreak."""
    return (published is None, published or "", -len(text), tiebreak)
