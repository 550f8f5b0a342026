"""Who a quote is attributed to: a raw speaker phrase named as one of the outlets or people the story knows."""

from __future__ import annotations

from collections.abc import Sequence

from stories.nlp.camel import normalize
from stories.nlp.entities import same_entity


def speaker_name(speaker: str, known: Sequence[str]) -> str:
    """Normalise a raw speaker phrase («صحيفة الشرق الأوسط اللندنية») to a known Source or Entity name.

    ``known`` is tried in order, so pass it longest first: the most specific name that fits wins.
    """
    if not speaker:
        return ""
    folded = f" {' '.join(normalize(speaker).split())} "
    for name in known:
        words = " ".join(normalize(name).split())
        if words and (f" {words} " in folded or same_entity(speaker, name)):
            return name
    return speaker
