"""How alike two claim keys are: the IDF-weighted overlap of their content, measured both ways, with the
agent-conflict rule that holds apart "X visited Y" and "X's delegation visited Y" (see match.py for the index).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from . import camel, vocab
from .apart import ENCOUNTERS, act_names, told_apart
from .claims.tokens import stem
from .keymarks import (
    AGENT_MARK,
    DELEGATION,
    ENTITY_MARK,
    EVENT_MARK,
    GROUP,
    HEAD_SEP,
    PLACE_MARK,
    ROOT_MARK,
    STATE,
)
from .kindred import kindred
from .lexicon import place_index
from .spellings import without_spellings

# Encounters have no direction: "A visited B", "B received A" and "A met B" are one act with one participant set.
ROOT_WEIGHT = 0.5
EVENT_WEIGHT = 1.5
ENTITY_WEIGHT = 0.5  # names are also content words; the entity token only bridges spellings
THRESHOLD = 0.43
CONFLICT_PENALTY = 0.4  # factor applied when the two claims name different agents
COVER_FACTOR = 0.75  # containment counts less than a symmetric match
MIN_SHARED_WORDS = 3
KIN_WEIGHT = 0.5  # a verb and its verbal noun: one word, but less sure than the same word


@dataclass(frozen=True)
class Entry:
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


def conflict(a: Entry, b: Entry) -> bool:
    """Different agents: two kinds ("person" vs "group"), or two subject heads neither claim mentions."""
    if a.agents and b.agents and a.agents.isdisjoint(b.agents):
        return True
    if STATE in a.agents and STATE in b.agents and not _different_places(_head_entry(a), _head_entry(b)):
        return False  # "وقّعت وزارة التربية", "أبرمت تونس", "الحكومة": one state acting, unless two are named
    if a.head and b.head:
        if _lone_group(a, b) or _lone_group(b, a):
            return True  # "فلان's delegation visited" against "فلان visited"
        return a.head.isdisjoint(b.tokens) and b.head.isdisjoint(a.tokens)
    # One side names a group-like head ("وفد") the other, a titled person, never mentions.
    return _unmentioned_head(a, b) or _unmentioned_head(b, a)


def _head_entry(a: Entry) -> Entry:
    return Entry(a.claim_id, a.head, a.head, a.agents)


def _lone_group(a: Entry, b: Entry) -> bool:
    """``a``'s subject is a collective that ``b``, with a subject of its own, never mentions."""
    return GROUP in a.agents and GROUP not in b.agents and a.head.isdisjoint(b.tokens)


def _unmentioned_head(a: Entry, b: Entry) -> bool:
    """``a``'s head is absent from ``b``, whose agent is only a kind; a titled, named person ("وزير النقل
    فلان") against an unnamed one of the same kind ("الوزير لم يلتق ...") may well be the same person."""
    if not (a.head and b.agents and a.head.isdisjoint(b.tokens)):
        return False
    named = any(t.startswith(ENTITY_MARK) for t in a.head)
    return not (named and a.agents and a.agents <= b.agents)


# similarity_bound.similarity_below must allow for every rule here that can raise a score.
def similarity(a: Entry, b: Entry, weight: Callable[[str], float]) -> float:
    score = _overlap(a, b, weight)
    apart = bool(score) and told_apart(a.tokens, b.tokens)
    if (
        score
        and not apart
        and _delegation_encounter(a)
        and _delegation_encounter(b)
        and not _different_places(a, b)
    ):
        # A delegation met its host in both accounts: as subject or object, so the kinds of the two grammatical
        # subjects (the delegation, the host who received it) say nothing about a conflict. Two delegations
        # received in different named places are two visits.
        return max(score, THRESHOLD)
    if 0 < score < THRESHOLD and _counted_act(a.tokens & b.tokens):
        score = THRESHOLD
    if apart:
        score *= CONFLICT_PENALTY
    if score and conflict(a, b):
        score *= CONFLICT_PENALTY
    return score


def _counted_act(shared: frozenset[str]) -> bool:
    """One act with one count and the same things counted ("أفرجت عن 14 محتجزاً من أبناء البلدة" / "أطلقت سراح
    14 شاباً من أبناء البلدة"): outlets that word the act differently still agree on the number."""
    acts = {t for t in shared if t.startswith(EVENT_MARK) and t[len(EVENT_MARK) :] in act_names()}
    dated = not time_words().isdisjoint(shared)  # "13 تشرين": with a month or weekday, a day number is a date
    counts = [
        t
        for t in shared
        if t.isdigit() and not _YEARS[0] <= int(t) <= _YEARS[1] and not (dated and int(t) <= 31)
    ]
    words = [t for t in shared if not t.startswith(KEY_MARKS) and not t.isdigit()]
    return bool(acts) and bool(counts) and len(words) >= MIN_SHARED_WORDS - 1


_YEARS = (1900, 2100)  # a year is a date, not a count
TIME_WEIGHT = 0.25  # "مساء الخميس", "عام 2025": when a claim happened says less than what happened


@lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    """Stems of weekday, month, day-period and other dating words (not their skeletons: "الجمعة" and
    "اجتماع" share one)."""
    words = vocab.entries("calendar_words") + vocab.entries("time_words_extra")
    return frozenset(stem(camel.normalize(w)) for w in words)


KEY_MARKS = (ROOT_MARK, EVENT_MARK, ENTITY_MARK, PLACE_MARK, AGENT_MARK)


def _delegation_encounter(a: Entry) -> bool:
    """A meeting or visit with a delegation among its participants, whichever side of the verb it is on."""
    return DELEGATION in a.tokens and not ENCOUNTERS.isdisjoint(a.tokens)


def _different_places(a: Entry, b: Entry) -> bool:
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


def _overlap(a: Entry, b: Entry, weight: Callable[[str], float]) -> float:
    """Similarity of the content alone, before any agent conflict is taken into account."""
    shared = a.tokens & b.tokens
    if not shared:
        return 0.0
    a = replace(a, tokens=without_spellings(a.tokens, shared))
    b = replace(b, tokens=without_spellings(b.tokens, shared))
    kin = kindred(a.tokens, b.tokens)
    dot = sum(weight(t) for t in shared) + KIN_WEIGHT * sum(min(weight(x), weight(y)) for x, y in kin)
    mass_a = sum(weight(t) for t in a.tokens)
    mass_b = sum(weight(t) for t in b.tokens)
    cosine = dot / math.sqrt(mass_a * mass_b)
    return max(cosine, _event_cover(a, b, shared, weight, kin))


def _event_cover(
    a: Entry,
    b: Entry,
    shared: frozenset[str],
    weight: Callable[[str], float],
    kin: Sequence[tuple[str, str]] = (),
) -> float:
    """Same act with the same participants, whatever context each outlet wraps around it: the share of the
    shorter claim's words that the longer one has, counted only when both name the same kind of event."""
    if not any(t.startswith(EVENT_MARK) for t in shared):
        return 0.0
    words = [t for t in shared if not t.startswith((ROOT_MARK, EVENT_MARK))]
    if len(words) + len(kin) < MIN_SHARED_WORDS:
        return 0.0
    mass_a = sum(weight(t) for t in a.tokens if not t.startswith((ROOT_MARK, EVENT_MARK)))
    mass_b = sum(weight(t) for t in b.tokens if not t.startswith((ROOT_MARK, EVENT_MARK)))
    held = sum(weight(t) for t in words) + KIN_WEIGHT * sum(min(weight(x), weight(y)) for x, y in kin)
    return COVER_FACTOR * held / min(mass_a, mass_b)


def _uniform(token: str) -> float:
    return kind_weight(token, 1.0)


def kind_weight(token: str, idf: float) -> float:
    return idf * _kind_factor(token)


@lru_cache(maxsize=262_144)
def _kind_factor(token: str) -> float:
    """How much a token of its kind weighs against a plain word of the same rarity."""
    if token in time_words() or token.isdigit() and _YEARS[0] <= int(token) <= _YEARS[1]:
        return TIME_WEIGHT
    if token.startswith(ROOT_MARK):
        return ROOT_WEIGHT
    if token.startswith(EVENT_MARK):
        return EVENT_WEIGHT
    if token.startswith((ENTITY_MARK, PLACE_MARK)):
        return ENTITY_WEIGHT
    return 1.0


def claim_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Similarity in [0, 1] of two claim keys with uniform token weights (the index uses IDF weights)."""
    return similarity(key_entry(0, a), key_entry(0, b), _uniform)


def key_entry(claim_id: int, key: Sequence[str], proposition: str = "") -> Entry:
    head, tokens = split_key(key)
    agents = frozenset(t for t in key if t.startswith(AGENT_MARK))
    return Entry(claim_id, tokens, head, agents, proposition.strip())
