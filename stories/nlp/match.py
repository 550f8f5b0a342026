"""Cross-article claim matching: an inverted index over claim keys with IDF weights learned from its contents.

A key is ``(*subject_head, HEAD_SEP, *content_tokens)`` (see claims.claim_key). Content tokens include
root skeletons (``ROOT_MARK``), event classes (``EVENT_MARK``: "met", "sent" … whatever the verb) and agent
kinds (``AGENT_MARK``: a titled person, a group such as a delegation). Similarity is the IDF-weighted overlap of
the content, measured both ways (cosine, and how much of the shorter claim the longer one covers, since outlets
wrap one proposition in different amounts of context); two claims whose agents CONFLICT ("X visited Y" vs
"X's delegation visited Y") are held apart, while a claim that simply does not name its agent is not.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from .apart import told_apart
from .contrary import contrary
from .keymarks import AGENT_MARK, DELEGATION, ENTITY_MARK, EVENT_MARK, GROUP, HEAD_SEP, ROOT_MARK
from .paraphrase import opposed, paraphrase_probability
from .similarity import (
    THRESHOLD,
    Entry,
    claim_similarity,
    conflict,
    denial_cover,
    key_entry,
    kind_weight,
    similarity,
    split_key,
)

# Key markers and the key similarity are defined in keymarks and similarity; callers may keep reading them here.
__all__ = [
    "AGENT_MARK",
    "DELEGATION",
    "ENTITY_MARK",
    "EVENT_MARK",
    "GROUP",
    "HEAD_SEP",
    "ROOT_MARK",
    "THRESHOLD",
    "ClaimIndex",
    "assign",
    "claim_similarity",
    "join_headline",
    "split_key",
]

_CLITICS = frozenset("بلوفك")
# Postings longer than this share of the index are too common to find candidates with (they still score).
COMMON_SHARE = 0.01
MAX_CANDIDATES = 60
# Second stage: a near miss on the keys (at least BAND) is accepted when the ANS-trained verifier reads the two
# propositions as paraphrases (P(agree) >= PARAPHRASE_CUT, both directions); only the VERIFY_TOP best are checked.
BAND = 0.2
PARAPHRASE_CUT = 0.75
VERIFY_TOP = 5
# Share of a denial's content (IDF-weighted) the denied claim must hold: a denial restates the report briefly.
DENIAL_COVER = 0.6


class ClaimIndex:
    """Keys of known claims; one claim may hold several keys (one per evidence)."""

    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._claims: set[int] = set()
        self._union: dict[int, set[str]] = defaultdict(set)  # every token of a claim's keys

    def __len__(self) -> int:
        return len(self._claims)

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
        self._claims = {entry.claim_id for entry in self._entries}
        self._union = defaultdict(set)
        for entry in self._entries:
            self._union[entry.claim_id].update(entry.tokens)

    def _canonical(self, key: Sequence[str]) -> list[str]:
        """Map "بزيار" to a known "زيار": a clitic the article's own vocabulary could not resolve."""
        return [self._known(t) for t in key]

    def _known(self, token: str) -> str:
        mark = ROOT_MARK if token.startswith(ROOT_MARK) else ""
        body = token[len(mark) :]
        if token in self._postings or body[:1] not in _CLITICS or len(body) <= 3:
            return token
        return mark + body[1:] if mark + body[1:] in self._postings else token

    def add(self, claim_id: int, key: Sequence[str], proposition: str = "") -> None:
        """Store one key of ``claim_id``; its proposition text, when given, lets near misses be verified."""
        entry = key_entry(claim_id, self._canonical(key), proposition)
        if not entry.tokens:
            return
        pos = len(self._entries)
        self._entries.append(entry)
        self._claims.add(claim_id)
        self._union[claim_id].update(entry.tokens)
        for token in entry.tokens:
            self._postings[token].append(pos)

    def weight(self, token: str) -> float:
        """IDF over the index's entries: a token found in every claim of the story says little."""
        n = len(self._entries)
        df = len(self._postings.get(token, ()))
        return kind_weight(token, math.log(1.0 + (n + 1) / (df + 1)))

    def best(
        self, key: Sequence[str], proposition: str = "", *, denial: bool = False
    ) -> tuple[int, float] | None:
        """The most similar known claim if its similarity reaches THRESHOLD; else, for a ``denial``, the claim
        that covers most of what is denied (see ``_denied``); else, when ``proposition`` is given, the best near
        miss the paraphrase verifier accepts (see ``_verified``)."""
        query = key_entry(-1, self._canonical(key), proposition)
        best: tuple[int, float] | None = None
        near: list[tuple[float, int]] = []
        memo: dict[str, float] = {}

        def weight(token: str) -> float:
            if token not in memo:
                memo[token] = self.weight(token)
            return memo[token]

        for pos in self._candidates(query.tokens, weight):
            entry = self._entries[pos]
            score = similarity(query, entry, weight)
            if score >= THRESHOLD and _contrary(query, entry):
                continue  # "the bank raised the rate" and "… cut the rate" share words, not a proposition
            if score >= BAND and self._apart(query, entry.claim_id):
                continue  # an entry without an act of its own does not let another act into the claim
            if score >= THRESHOLD and (
                best is None or score > best[1] or (score == best[1] and entry.claim_id < best[0])
            ):
                best = (entry.claim_id, score)
            elif (
                best is None
                and score >= BAND
                and entry.proposition
                and not conflict(query, entry)
                and not _contrary(query, entry)
                and not told_apart(query.tokens, entry.tokens)
            ):
                near.append((score, pos))
        if best is None and denial:
            best = self._denied(query, weight)
        if best is None and query.proposition and near:
            return self._verified(query, near)
        return best

    def _apart(self, query: Entry, claim_id: int) -> bool:
        """The query and the claim, all its keys taken together, name different acts or ordinals."""
        return told_apart(query.tokens, self._union[claim_id])

    def _denied(self, query: Entry, weight: Callable[[str], float]) -> tuple[int, float] | None:
        """A denial words less than the report it denies ("نفى الأنباء عن استقالة الوزير" against "قدم وزير
        المالية فلان استقالته إلى رئيس الحكومة"): it joins the claim that covers most of its own content, when
        that share reaches DENIAL_COVER, the two share a word or an act beyond places and roots, and their agents
        do not conflict."""
        found: tuple[int, float] | None = None
        for pos in self._candidates(query.tokens, weight):
            entry = self._entries[pos]
            score = denial_cover(query, entry, weight)
            if (
                score >= DENIAL_COVER
                and (found is None or score > found[1])
                and not conflict(query, entry)
                and not self._apart(query, entry.claim_id)
            ):
                found = (entry.claim_id, score)
        return found

    def _verified(self, query: Entry, near: list[tuple[float, int]]) -> tuple[int, float] | None:
        """Among the VERIFY_TOP nearest claims, the one whose proposition the verifier most surely reads as a
        paraphrase of the query's; keys miss paraphrases that share few words ("لقي حتفه" / "قتلى")."""
        found: tuple[int, float] | None = None
        top = 0.0
        seen: set[int] = set()
        for score, pos in sorted(near, key=lambda n: (-n[0], n[1])):
            entry = self._entries[pos]
            if entry.claim_id in seen:
                continue
            seen.add(entry.claim_id)
            p = paraphrase_probability(query.proposition, entry.proposition)
            if p >= PARAPHRASE_CUT and p > top:
                found, top = (entry.claim_id, score), p
            if len(seen) == VERIFY_TOP:
                break
        return found

    def _candidates(self, tokens: Iterable[str], weight: Callable[[str], float]) -> list[int]:
        """Entries sharing the query's rarer tokens, ranked by the weight they share."""
        limit = max(20, COMMON_SHARE * len(self._entries))
        present = [t for t in tokens if t in self._postings]
        rare = [t for t in present if len(self._postings[t]) <= limit]
        if not rare:
            rare = sorted(present, key=lambda t: len(self._postings[t]))[:2]
        partial: dict[int, float] = defaultdict(float)
        for token in rare:
            w = weight(token) ** 2
            for pos in self._postings[token]:
                partial[pos] += w
        return heapq.nlargest(MAX_CANDIDATES, partial, key=partial.__getitem__)


def assign(index: ClaimIndex, claims: Sequence, new_id: Callable[[], int]) -> list[int]:
    """Claim id for each found claim: the best match in ``index`` or a fresh id; keys are added as we go,
    so two clauses of one article can land in the same claim."""
    ids: list[int] = []
    for claim in claims:
        proposition = getattr(claim, "proposition", "")
        found = index.best(claim.key, proposition, denial=getattr(claim, "stance", "") == "denies")
        claim_id = found[0] if found else new_id()
        index.add(claim_id, claim.key, proposition)
        ids.append(claim_id)
    return ids


def _contrary(query: Entry, entry: Entry) -> bool:
    """Opposite acts or predicates, or one act (a shared event class) and its planned version ("ستعيد فتح"
    against "أعادت فتح"); a plan and an agreement on it ("سيعمل" / "اتفقا على تشغيل") name no shared act."""
    return contrary(query.tokens, query.proposition, entry.tokens, entry.proposition)


HEADLINE_JOIN = 0.2  # a headline shares few words with the body sentence it summarises


def join_headline(
    claims: Sequence, ids: list[int], headline_end: int, is_new: Callable[[int], bool]
) -> list[int]:
    """A headline restates the article's main claim in fewer words. When it would open a claim of its own,
    it joins the body claim of the same article it most resembles, unless the two say contrary things."""
    out = list(ids)
    body = [j for j, c in enumerate(claims) if c.start >= headline_end]
    for i, claim in enumerate(claims):
        if claim.end > headline_end or not is_new(ids[i]) or ids.count(ids[i]) > 1:
            continue
        scored = [
            (claim_similarity(claim.key, claims[j].key), -j)
            for j in body
            if not opposed(claim.proposition, claims[j].proposition)
        ]
        if scored and max(scored)[0] >= HEADLINE_JOIN:
            out[i] = ids[-max(scored)[1]]
    return out
