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
from dataclasses import dataclass

from .lexicon import place_index
from .track import opposed, paraphrase_probability

HEAD_SEP = "|"
# Prefix of root-skeleton tokens (see morph.skeleton): they let "زار" meet "زيارة" but weigh less than words.
ROOT_MARK = "√"
# Prefix of event-class tokens (see claims.EVENT_CLASSES): "التقى", "اجتمع", "استقبل" all give one token.
EVENT_MARK = "~"
# Prefix of agent-kind tokens: they only decide conflicts, they carry no content.
AGENT_MARK = "@"
# Prefix of entity tokens: the entity_key of a mention, so "حفتر" and "المشير خليفة حفتر" give one token.
ENTITY_MARK = "="
GROUP = AGENT_MARK + "group"
# The one token every collective subject gets (see claims.subjects), also found as an object ("التقى وفداً").
DELEGATION = "وفد"
# Encounters have no direction: "A visited B", "B received A" and "A met B" are one act with one participant set.
ENCOUNTERS = frozenset({EVENT_MARK + "meet", EVENT_MARK + "visit"})
ROOT_WEIGHT = 0.5
EVENT_WEIGHT = 1.5
ENTITY_WEIGHT = 0.5  # names are also content words; the entity token only bridges spellings
_CLITICS = frozenset("بلوفك")
THRESHOLD = 0.43
CONFLICT_PENALTY = 0.4  # factor applied when the two claims name different agents
COVER_FACTOR = 0.75  # containment counts less than a symmetric match
MIN_SHARED_WORDS = 3
# Postings longer than this share of the index are too common to find candidates with (they still score).
COMMON_SHARE = 0.01
MAX_CANDIDATES = 60
# Second stage: a near miss on the keys (at least BAND) is accepted when the ANS-trained verifier reads the two
# propositions as paraphrases (P(agree) >= PARAPHRASE_CUT, both directions); only the VERIFY_TOP best are checked.
BAND = 0.2
PARAPHRASE_CUT = 0.75
VERIFY_TOP = 5


@dataclass(frozen=True)
class _Entry:
    claim_id: int
    tokens: frozenset[str]
    head: frozenset[str]
    agents: frozenset[str]
    proposition: str = ""


def split_key(key: Sequence[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(head tokens, all content tokens) of a key; a key without HEAD_SEP has no head."""
    key = [t for t in key if not t.startswith(AGENT_MARK)]
    if HEAD_SEP in key:
        cut = key.index(HEAD_SEP)
        head = frozenset(key[:cut])
        return head, head | frozenset(key[cut + 1 :])
    return frozenset(), frozenset(key)


def _conflict(a: _Entry, b: _Entry) -> bool:
    """Different agents: two kinds ("person" vs "group"), or two subject heads neither claim mentions."""
    if a.agents and b.agents and a.agents.isdisjoint(b.agents):
        return True
    if a.head and b.head:
        if _lone_group(a, b) or _lone_group(b, a):
            return True  # "فلان's delegation visited" against "فلان visited"
        return a.head.isdisjoint(b.tokens) and b.head.isdisjoint(a.tokens)
    # One side names a group-like head ("وفد") the other, a titled person, never mentions.
    return _unmentioned_head(a, b) or _unmentioned_head(b, a)


def _lone_group(a: _Entry, b: _Entry) -> bool:
    """``a``'s subject is a collective that ``b``, with a subject of its own, never mentions."""
    return GROUP in a.agents and GROUP not in b.agents and a.head.isdisjoint(b.tokens)


def _unmentioned_head(a: _Entry, b: _Entry) -> bool:
    """``a``'s head is absent from ``b``, whose agent is only a kind; a titled, named person ("وزير النقل
    فلان") against an unnamed one of the same kind ("الوزير لم يلتق ...") may well be the same person."""
    if not (a.head and b.agents and a.head.isdisjoint(b.tokens)):
        return False
    named = any(t.startswith(ENTITY_MARK) for t in a.head)
    return not (named and a.agents and a.agents <= b.agents)


def _similarity(a: _Entry, b: _Entry, weight: Callable[[str], float]) -> float:
    score = _overlap(a, b, weight)
    if score and _delegation_encounter(a) and _delegation_encounter(b) and not _different_places(a, b):
        # A delegation met its host in both accounts: as subject or object, so the kinds of the two grammatical
        # subjects (the delegation, the host who received it) say nothing about a conflict. Two delegations
        # received in different named places are two visits.
        return max(score, THRESHOLD)
    if score and _conflict(a, b):
        score *= CONFLICT_PENALTY
    return score


def _delegation_encounter(a: _Entry) -> bool:
    """A meeting or visit with a delegation among its participants, whichever side of the verb it is on."""
    return DELEGATION in a.tokens and not ENCOUNTERS.isdisjoint(a.tokens)


def _different_places(a: _Entry, b: _Entry) -> bool:
    places_a, places_b = _places(a.tokens), _places(b.tokens)
    return bool(places_a) and bool(places_b) and places_a.isdisjoint(places_b)


def _places(tokens: frozenset[str]) -> frozenset[str]:
    """Canonical names of the countries and cities a key names (plain or entity tokens)."""
    index = place_index()
    found = set()
    for token in tokens:
        word = token.removeprefix(ENTITY_MARK)
        place = index.get((word,)) or index.get(tuple(word.split()))
        if place:
            found.add(place)
    return frozenset(found)


def _overlap(a: _Entry, b: _Entry, weight: Callable[[str], float]) -> float:
    """Similarity of the content alone, before any agent conflict is taken into account."""
    shared = a.tokens & b.tokens
    if not shared:
        return 0.0
    dot = sum(weight(t) for t in shared)
    mass_a = sum(weight(t) for t in a.tokens)
    mass_b = sum(weight(t) for t in b.tokens)
    cosine = dot / math.sqrt(mass_a * mass_b)
    return max(cosine, _event_cover(a, b, shared, weight))


def _event_cover(a: _Entry, b: _Entry, shared: frozenset[str], weight: Callable[[str], float]) -> float:
    """Same act with the same participants, whatever context each outlet wraps around it: the share of the
    shorter claim's words that the longer one has, counted only when both name the same kind of event."""
    if not any(t.startswith(EVENT_MARK) for t in shared):
        return 0.0
    words = [t for t in shared if not t.startswith((ROOT_MARK, EVENT_MARK))]
    if len(words) < MIN_SHARED_WORDS:
        return 0.0
    mass_a = sum(weight(t) for t in a.tokens if not t.startswith((ROOT_MARK, EVENT_MARK)))
    mass_b = sum(weight(t) for t in b.tokens if not t.startswith((ROOT_MARK, EVENT_MARK)))
    return COVER_FACTOR * sum(weight(t) for t in words) / min(mass_a, mass_b)


def _uniform(token: str) -> float:
    return _kind_weight(token, 1.0)


def _kind_weight(token: str, idf: float) -> float:
    if token.startswith(ROOT_MARK):
        return idf * ROOT_WEIGHT
    if token.startswith(EVENT_MARK):
        return idf * EVENT_WEIGHT
    if token.startswith(ENTITY_MARK):
        return idf * ENTITY_WEIGHT
    return idf


def claim_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Similarity in [0, 1] of two claim keys with uniform token weights (the index uses IDF weights)."""
    return _similarity(_entry(0, a), _entry(0, b), _uniform)


def _entry(claim_id: int, key: Sequence[str], proposition: str = "") -> _Entry:
    head, tokens = split_key(key)
    agents = frozenset(t for t in key if t.startswith(AGENT_MARK))
    return _Entry(claim_id, tokens, head, agents, proposition.strip())


class ClaimIndex:
    """Keys of known claims; one claim may hold several keys (one per evidence)."""

    def __init__(self) -> None:
        self._entries: list[_Entry] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._claims: set[int] = set()

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
        entry = _entry(claim_id, self._canonical(key), proposition)
        if not entry.tokens:
            return
        pos = len(self._entries)
        self._entries.append(entry)
        self._claims.add(claim_id)
        for token in entry.tokens:
            self._postings[token].append(pos)

    def weight(self, token: str) -> float:
        """IDF over the index's entries: a token found in every claim of the story says little."""
        n = len(self._entries)
        df = len(self._postings.get(token, ()))
        return _kind_weight(token, math.log(1.0 + (n + 1) / (df + 1)))

    def best(self, key: Sequence[str], proposition: str = "") -> tuple[int, float] | None:
        """The most similar known claim if its similarity reaches THRESHOLD; else, when ``proposition`` is
        given, the best near miss the paraphrase verifier accepts (see ``_verified``)."""
        query = _entry(-1, self._canonical(key), proposition)
        best: tuple[int, float] | None = None
        near: list[tuple[float, int]] = []
        memo: dict[str, float] = {}

        def weight(token: str) -> float:
            if token not in memo:
                memo[token] = self.weight(token)
            return memo[token]

        for pos in self._candidates(query.tokens, weight):
            entry = self._entries[pos]
            score = _similarity(query, entry, weight)
            if score >= THRESHOLD and _contrary(query, entry):
                continue  # "the bank raised the rate" and "… cut the rate" share words, not a proposition
            if score >= THRESHOLD and (
                best is None or score > best[1] or (score == best[1] and entry.claim_id < best[0])
            ):
                best = (entry.claim_id, score)
            elif best is None and score >= BAND and entry.proposition and not _conflict(query, entry):
                near.append((score, pos))
        if best is None and query.proposition and near:
            return self._verified(query, near)
        return best

    def _verified(self, query: _Entry, near: list[tuple[float, int]]) -> tuple[int, float] | None:
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
        found = index.best(claim.key, proposition)
        claim_id = found[0] if found else new_id()
        index.add(claim_id, claim.key, proposition)
        ids.append(claim_id)
    return ids


def _contrary(query: _Entry, entry: _Entry) -> bool:
    return bool(query.proposition and entry.proposition) and opposed(query.proposition, entry.proposition)


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
