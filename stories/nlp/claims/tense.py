"""A planned act is not the act done: "الحكومة ستعيد فتح المطار" and "أعادت الحكومة فتح المطار" are two claims.

A clause is planned when its predicate (one of its first words) is "س"/"سوف" + an imperfect verb, or when it
opens with a scheduling phrase ("من المقرر أن"); the future verb test is the date stage's (dates.future_verb),
taken on the undiacritised word ("سيُعاد") and widened to imperfects of two letters after the prefix ("ستصل").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import camel, morph, vocab
from ..dates import future_verb
from .tokens import stem

_PREDICATE_WINDOW = 4  # the predicate sits within the clause's first words (subject, then verb)
_FUTURE_WINDOW = 6  # a future verb may follow a longer subject ("أولى شحنات القمح الروماني ستصل")
_SHORT_FUTURE = re.compile(r"[وف]?س([يتن]\w{2,})")  # "ستصل", "سيعد": weak roots leave two letters
_SOWFA = camel.normalize("سوف")
_IMPERFECT = re.compile(r"[يتن]\w{2,}")
_AN = camel.normalize("أن")


@lru_cache(maxsize=1)
def _schedule_openers() -> tuple[str, ...]:
    return tuple(camel.normalize(p) for p in vocab.entries("planned_openers"))


@lru_cache(maxsize=1)
def _lookalikes() -> tuple[str, ...]:
    return tuple(camel.normalize(w) for w in vocab.entries("future_verb_lookalikes"))


def _future_stem(word: str, before: str) -> str | None:
    """The imperfect verb of a future form ("سيعودون" -> "يعودون", "سوف يصل" -> "يصل"), else None."""
    norm = camel.normalize(word)
    if before == _SOWFA and _IMPERFECT.fullmatch(norm):
        return norm
    found = _SHORT_FUTURE.fullmatch(norm)
    if found is None or norm.lstrip("وف").startswith(_lookalikes()):
        return None
    return found.group(1) if future_verb(norm) or len(found.group(1)) == 3 else None


def _future_stems(proposition: str) -> list[str]:
    words = proposition.split()[:_FUTURE_WINDOW]
    befores = ["", *(camel.normalize(w) for w in words)]
    return [s for w, b in zip(words, befores, strict=False) if (s := _future_stem(w, b)) is not None]


@lru_cache(maxsize=65536)
def is_planned(proposition: str) -> bool:
    if _future_stems(proposition):
        return True
    head = camel.normalize(" ".join(proposition.split()[:3])).lstrip("و")
    return head.startswith(_schedule_openers())


def _scheduled_verb(proposition: str) -> list[str]:
    """The imperfect verb right after a scheduling phrase and its "أن" ("من المقرر أن يحيل" -> "يحيل")."""
    words = [camel.normalize(w) for w in proposition.split()]
    if words:
        words[0] = words[0].lstrip("و")
    for opener in _schedule_openers():
        size = len(opener.split())
        if " ".join(words[:size]) != opener:
            continue
        rest = words[size + 1 :] if words[size : size + 1] == [_AN] else words[size:]
        return rest[:1] if rest and _IMPERFECT.fullmatch(rest[0]) else []
    return []


@lru_cache(maxsize=8192)
def planned_roots(proposition: str) -> frozenset[str]:
    """Root skeletons of a planned clause's future verbs: "سيعودون" gives the root of "عاد", so the plan is
    told apart from the act done even when the verb has no event class."""
    out = set()
    for verb in [*_future_stems(proposition), *_scheduled_verb(proposition)]:
        out.add(morph.skeleton(stem(verb)))
        if len(verb) == 3:
            out.add("و" + verb[1:])  # "يصل": an assimilated verb drops its first radical و in the imperfect
    return frozenset(out)
