"""A claim index over a backing store matches as the same keys held in memory do, with this process's keys on
top of the stored ones and forgotten again on rollback."""

from __future__ import annotations

import itertools
import random

from stories.nlp.match import ClaimIndex, assign
from stories.nlp.similarity import Entry
from tests.nlp.test_match import OUTLET_A, OUTLET_B, OUTLET_C, _claims


class IndexStore:
    """A KeyStore reading another index (as the database-backed store reads its tables)."""

    def __init__(self, index: ClaimIndex) -> None:
        self.index, self.reads = index, 0

    def size(self) -> int:
        return self.index.size()

    def frequencies(self, tokens) -> dict[str, int]:
        self.reads += 1
        return {t: self.index.count(t) for t in tokens if self.index.count(t)}

    def postings(self, tokens, newest: int) -> dict[str, list[int]]:
        self.reads += 1
        return {t: self.index.scan(t, newest) for t in tokens}

    def entries(self, positions) -> dict[int, Entry]:
        self.reads += 1
        return {p: self.index.entry(p) for p in positions}

    def claim_tokens(self, claim_ids) -> dict[int, set[str]]:
        self.reads += 1
        return {c: self.index.claim_tokens(c) for c in claim_ids}

    def denials_only(self, claim_ids) -> set[int]:
        self.reads += 1
        return {c for c in claim_ids if self.index.denials_only(c)}


def _story() -> tuple[ClaimIndex, list]:
    index, counter = ClaimIndex(), itertools.count(1)
    claims = [c for text in (OUTLET_A, OUTLET_B) for c in _claims(text)]
    assign(index, claims, lambda: next(counter))
    return index, claims


def test_a_stored_index_chooses_what_the_same_keys_in_memory_choose():
    memory, claims = _story()
    store = IndexStore(memory)
    stored = ClaimIndex(store)
    rng = random.Random(7)
    queries = [c.key for c in [*claims, *_claims(OUTLET_C)]]
    queries += [tuple(rng.sample(k, max(1, len(k) // 2))) for k in queries]
    assert stored.size() == memory.size() > 0
    for key in queries:
        assert stored.best(key) == memory.best(key)
    assert store.reads > 0


def test_keys_added_over_a_store_match_and_roll_back_as_in_memory():
    memory, _ = _story()
    stored = ClaimIndex(IndexStore(memory))
    alone, _ = _story()
    later = _claims(OUTLET_C)
    ids = itertools.count(100)
    mark = stored.mark()
    on_store = assign(stored, later, lambda: next(ids))
    ids = itertools.count(100)
    assert assign(alone, later, lambda: next(ids)) == on_store
    assert stored.size() == alone.size()
    stored.rollback(mark)
    assert stored.size() == memory.size()
    assert all(stored.best(c.key) == memory.best(c.key) for c in later)
