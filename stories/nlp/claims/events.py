"""Event and participant classes: one token for the many ways news Arabic words one kind of act."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import camel, vocab
from ..scanner import iter_words
from .tokens import stem


@lru_cache(maxsize=1)
def class_index() -> dict[str, str]:
    """Stem of each listed event or participant form -> its class (data/event_classes.txt, participant_classes.txt).

    Forms are listed as written (past, present, verbal noun); they are stemmed like claim tokens here.
    """
    nouns = {stem(camel.normalize(f)): name for f, name in vocab.pairs("participant_classes")}
    return {**nouns, **event_index()}


@lru_cache(maxsize=1)
def event_index() -> dict[str, str]:
    """Stem of each listed form -> its event class: "التقى", "اجتمع" and "استقبل" all give "meet"."""
    return {stem(camel.normalize(form)): name for form, name in vocab.pairs("event_classes")}


# Prepositions that carry an act of their own: "المؤامرات ضد تركيا" opposes as "مواجهة الدور التركي" does.
_CLASS_PREPOSITIONS = {camel.normalize("ضد"): "oppose"}


def classes_of(proposition: str, tokens: Sequence[str]) -> list[str]:
    """Event and participant classes of a clause's tokens; a ب/ل clitic the text could not resolve
    ("بمقاتلين", "بفتح") is tried off, and a few prepositions stand for an act."""
    classes = class_index()
    found = [
        classes.get(t) or (classes.get(t[1:]) if t[:1] in "بل" and len(t) >= 4 else None) for t in tokens
    ]
    found += [_CLASS_PREPOSITIONS[w.norm] for w in iter_words(proposition) if w.norm in _CLASS_PREPOSITIONS]
    return [c for c in found if c]
