"""The storage under the claim index: claim keys, their token postings and document frequencies, held in this
process or read from a backing store (``KeyStore``) that keeps a story's keys beside its data.

Keys added in this process sit on top of the store's (positions from ``OVERLAY`` on), so one upload can match
against the stored story, add its own keys as it goes, and forget them again with ``rollback``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Protocol

from .keymarks import ROOT_MARK
from .similarity import Entry, key_entry

_CLITICS = frozenset("بلوفك")
# Positions of keys added in this process come after every stored one (stored positions are row ids).
OVERLAY = 1 << 62


class KeyStore(Protocol):
    """A story's stored claim keys: positions are increasing in the order the keys were added."""

    def size(self) -> int:
        """How many keys the store holds."""

    def frequencies(self, tokens: Collection[str]) -> Mapping[str, int]:
        """How many stored keys hold each token (a token no key holds may be left out)."""

    def postings(self, tokens: Collection[str], newest: int) -> Mapping[str, Sequence[int]]:
        """The positions of the ``newest`` latest stored keys holding each token, in increasing order."""

    def entries(self, positions: Collection[int]) -> Mapping[int, Entry]:
        """The stored keys at ``positions``; one that is no longer live may be left out."""

    def claim_tokens(self, claim_ids: Collection[int]) -> Mapping[int, set[str]]:
        """Every token of each claim's live stored keys, taken together."""

    def denials_only(self, claim_ids: Collection[int]) -> Collection[int]:
        """Those of the claims whose live stored quotes are all denials (a claim without any is not one)."""


class KeyIndex:
    """Claim keys with their postings; one claim may hold several keys (one per quote)."""

    def __init__(self, store: KeyStore | None = None) -> None:
        self._store = store
        self._base = OVERLAY if store is not None else 0
        self._entries: list[Entry] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._stored_df: dict[str, int] = {}
        self._stored_postings: dict[tuple[str, int], Sequence[int]] = {}
        self._stored_entries: dict[int, Entry | None] = {}
        self._stored_unions: dict[int, set[str]] = {}
        self._stored_denials: dict[int, bool] = {}
        self._union: dict[int, set[str]] = defaultdict(set)  # every token of the keys added here, per claim
        self._stored_size = store.size() if store is not None else 0

    def stored_only(self) -> KeyIndex:
        """A new index of the same class over the same store, without the keys added here (what was read from
        the store is kept: the store has not changed while this one was in use)."""
        index = type(self)(None)
        index._store, index._base, index._stored_size = self._store, self._base, self._stored_size
        index._stored_df, index._stored_postings = self._stored_df, self._stored_postings
        index._stored_entries, index._stored_unions = self._stored_entries, self._stored_unions
        index._stored_denials = self._stored_denials
        return index

    def prefetch_keys(self, keys: Iterable[Sequence[str]]) -> None:
        """Read what ``canonical`` needs for ``keys`` in one go."""
        self.prefetch_counts(t for k in keys for t in (*k, *(stripped(t) for t in k)))

    def __len__(self) -> int:
        return len({entry.claim_id for entry in self._entries}) if self._store is None else self.size()

    def size(self) -> int:
        """Keys held, stored and added."""
        return self._stored_size + len(self._entries)

    def mark(self) -> int:
        """A point that ``rollback`` returns to: lets a shared index take a trial article and forget it again."""
        return len(self._entries)

    def rollback(self, mark: int) -> None:
        """Forget every key added since ``mark``; postings are appended in entry order, so the newest are last."""
        for pos in range(len(self._entries) - 1, mark - 1, -1):
            for token in self._entries[pos].tokens:
                postings = self._postings[token]
                postings.pop()
                if not postings:
                    del self._postings[token]
        del self._entries[mark:]
        self._union = defaultdict(set)
        for entry in self._entries:
            self._union[entry.claim_id].update(entry.tokens)

    def add(self, claim_id: int, key: Sequence[str], proposition: str = "") -> list[str]:
        """Store one key of ``claim_id`` and return it as stored (clitics resolved against the known tokens);
        its proposition text, when given, lets near misses be verified."""
        canonical = self.canonical(key)
        entry = key_entry(claim_id, canonical, proposition)
        if entry.tokens:
            pos = self._base + len(self._entries)
            self._entries.append(entry)
            self._union[claim_id].update(entry.tokens)
            for token in entry.tokens:
                self._postings[token].append(pos)
        return canonical

    def claim_tokens(self, claim_id: int) -> set[str]:
        """Every token of the claim's keys taken together, stored and added here."""
        self.prefetch_claim_tokens([claim_id])
        return self._stored_unions.get(claim_id, set()) | self._union.get(claim_id, set())

    def stored_denials_only(self, claim_id: int) -> bool:
        """Whether the store holds quotes of the claim, and denials only."""
        self.prefetch_denials([claim_id])
        return self._stored_denials.get(claim_id, False)

    def prefetch_denials(self, claim_ids: Iterable[int]) -> None:
        """Read which of the claims the store holds as denials only, in one go."""
        if self._store is None:
            return
        wanted = [c for c in set(claim_ids) if c not in self._stored_denials]
        found = set(self._store.denials_only(wanted)) if wanted else set()
        for claim_id in wanted:
            self._stored_denials[claim_id] = claim_id in found

    def opened(self, claim_id: int) -> None:
        """``claim_id`` was just opened by the keys added here: the store holds none of its keys to read."""
        self._stored_unions.setdefault(claim_id, set())

    def prefetch_claims_at(self, positions: Collection[int]) -> None:
        """Read the stored keys at ``positions`` and every stored token of their claims, in a few queries (what
        matching one article reads: ``best`` would read its candidates' claims one query per claim)."""
        self.prefetch_entries(positions)
        found = (self._stored_entries.get(p) for p in positions)
        self.prefetch_claim_tokens(entry.claim_id for entry in found if entry is not None)

    def prefetch_claim_tokens(self, claim_ids: Iterable[int]) -> None:
        """Read the stored tokens of the claims in one go (``claim_tokens`` would read them one at a time)."""
        if self._store is None:
            return
        wanted = [c for c in set(claim_ids) if c not in self._stored_unions]
        found = self._store.claim_tokens(wanted) if wanted else {}
        for claim_id in wanted:
            self._stored_unions[claim_id] = set(found.get(claim_id, ()))

    def canonical(self, key: Sequence[str]) -> list[str]:
        """Map "بزيار" to a known "زيار": a clitic the article's own vocabulary could not resolve."""
        self.prefetch_counts([*key, *(stripped(t) for t in key)])
        return [self._known(t) for t in key]

    def _known(self, token: str) -> str:
        mark = ROOT_MARK if token.startswith(ROOT_MARK) else ""
        body = token[len(mark) :]
        if self.count(token) or body[:1] not in _CLITICS or len(body) <= 3:
            return token
        return mark + body[1:] if self.count(mark + body[1:]) else token

    def count(self, token: str) -> int:
        """How many keys hold ``token``."""
        stored = self._stored_df.get(token, 0) if self._store is not None else 0
        if self._store is not None and token not in self._stored_df:
            stored = self._fetch_counts([token]).get(token, 0)
        return stored + len(self._postings.get(token, ()))

    def prefetch_counts(self, tokens: Iterable[str]) -> None:
        """Read the stored frequencies of ``tokens`` in one go (``count`` would read them one at a time)."""
        if self._store is not None:
            self._fetch_counts([t for t in set(tokens) if t not in self._stored_df])

    def _fetch_counts(self, tokens: list[str]) -> Mapping[str, int]:
        if not tokens or self._store is None:
            return {}
        found = self._store.frequencies(tokens)
        for token in tokens:
            self._stored_df[token] = found.get(token, 0)
        return found

    def scan(self, token: str, newest: int) -> list[int]:
        """Positions of the ``newest`` latest keys holding ``token``, in the order they were added."""
        mine = self._postings.get(token, [])
        if self._store is None or len(mine) >= newest:
            return mine[-newest:]
        self.prefetch_postings([token], newest)
        return [*self._stored_postings[token, newest], *mine][-newest:]

    def prefetch_postings(self, tokens: Iterable[str], newest: int) -> None:
        if self._store is None:
            return
        wanted = [t for t in set(tokens) if (t, newest) not in self._stored_postings]
        wanted = [t for t in wanted if self.count(t) - len(self._postings.get(t, ()))]
        found = self._store.postings(wanted, newest) if wanted else {}
        for token in set(tokens):
            self._stored_postings.setdefault((token, newest), list(found.get(token, ())))

    def entry(self, pos: int) -> Entry | None:
        """The key at ``pos``, or None when the store no longer holds it live."""
        if pos >= self._base:
            return self._entries[pos - self._base]
        if pos not in self._stored_entries:
            self.prefetch_entries([pos])
        return self._stored_entries[pos]

    def prefetch_entries(self, positions: Iterable[int]) -> None:
        """Read the stored keys at ``positions`` and the frequencies of their tokens, in two queries."""
        if self._store is None:
            return
        wanted = [p for p in set(positions) if p < self._base and p not in self._stored_entries]
        if not wanted:
            return
        found = self._store.entries(wanted)
        for pos in wanted:
            self._stored_entries[pos] = found.get(pos)
        self.prefetch_counts(t for entry in found.values() for t in entry.tokens)


def stripped(token: str) -> str:
    mark = ROOT_MARK if token.startswith(ROOT_MARK) else ""
    return mark + token[len(mark) + 1 :]


class Weights(dict):
    """Each token's weight, computed once while ``best`` runs (nothing is added meanwhile); read through
    ``__getitem__``, which skips a Python call per lookup."""

    def __init__(self, weight: Callable[[str], float]) -> None:
        super().__init__()
        self._weight = weight

    def __missing__(self, token: str) -> float:
        self[token] = value = self._weight(token)
        return value
