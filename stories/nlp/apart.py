"""What holds two claims apart however many words they share: each names an act and none in common ("أقال
الوزير مدير المستشفى" / "اندلع حريق في المستشفى"), or each names an ordinal and they differ ("الاجتماع الأول" /
"الاجتماع الثاني"), or one names a sequel of the event the other names
("هزة ارتدادية" / "زلزال")."""

from __future__ import annotations

from collections.abc import Set
from functools import lru_cache

from . import camel, vocab
from .claims.events import LATER, event_index
from .claims.tokens import stem
from .keymarks import EVENT_MARK

# Encounters have no direction: "A visited B", "B received A" and "A met B" are one act with one participant set.
ENCOUNTERS = frozenset({EVENT_MARK + "meet", EVENT_MARK + "visit"})


def told_apart(a: Set[str], b: Set[str]) -> bool:
    """Two keys' tokens name different acts, or different ordinals, or one names a sequel of the event ("هزة
    ارتدادية") or a later occurrence of its act ("الزيادة الثانية") and the other does not."""
    if (LATER in a) != (LATER in b):
        return True
    return _disjoint(_acts(a), _acts(b)) or _disjoint(_ordinals(a), _ordinals(b)) or _sequel(a) != _sequel(b)


def _sequel(tokens: Set[str]) -> bool:
    return not _sequel_words().isdisjoint(tokens)


@lru_cache(maxsize=1)
def _sequel_words() -> frozenset[str]:
    return frozenset(stem(camel.normalize(w)) for w in vocab.entries("sequel_words"))


def _disjoint(x: frozenset[str], y: frozenset[str]) -> bool:
    return bool(x) and bool(y) and x.isdisjoint(y)


def _acts(tokens: Set[str]) -> frozenset[str]:
    found = {t for t in tokens if t.startswith(EVENT_MARK) and t[len(EVENT_MARK) :] in act_names()}
    return frozenset(found | ENCOUNTERS if found & ENCOUNTERS else found)


def _ordinals(tokens: Set[str]) -> frozenset[str]:
    index = _ordinal_index()
    return frozenset(index[t] for t in tokens if t in index)


@lru_cache(maxsize=1)
def act_names() -> frozenset[str]:
    """Event classes that are acts (data/event_classes.txt), not participants (troops, the displaced)."""
    return frozenset(event_index().values())


@lru_cache(maxsize=1)
def _ordinal_index() -> dict[str, str]:
    return {stem(camel.normalize(form)): n for form, n in vocab.pairs("ordinals")}
