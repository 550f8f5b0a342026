"""A planned act is not the act done: "الحكومة ستعيد فتح المطار" and "أعادت الحكومة فتح المطار" are two claims.

A clause is planned when its predicate (one of its first words) is "س"/"سوف" + an imperfect verb, or when it
opens with a scheduling phrase ("من المقرر أن"); the future verb test is the date stage's (dates.future_verb).
"""

from __future__ import annotations

from functools import lru_cache

from .. import camel, vocab
from ..dates import future_verb

_PREDICATE_WINDOW = 4  # the predicate sits within the clause's first words (subject, then verb)


@lru_cache(maxsize=1)
def _schedule_openers() -> tuple[str, ...]:
    return tuple(camel.normalize(p) for p in vocab.entries("planned_openers"))


@lru_cache(maxsize=8192)
def is_planned(proposition: str) -> bool:
    words = proposition.split()[:_PREDICATE_WINDOW]
    if any(future_verb(w) for w in words):
        return True
    head = camel.normalize(" ".join(proposition.split()[:3])).lstrip("و")
    return head.startswith(_schedule_openers())
