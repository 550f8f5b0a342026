"""Who a claim is attributed to and how the outlet stands toward it: asserts, attributes, denies, doubts.

Rules follow general Arabic news syntax: a reporting verb or preposition opens an attribution, a
complementizer (أن/إن) or a colon opens the reported proposition, and negation only counts in the main clause.
"""

from __future__ import annotations

from .attribution import Attribution, find_attribution
from .negation import denies, denies_outright, doubts, non_confirmation
from .speakers import resolve_outlet
from .words import (
    COMPLEMENTIZERS,
    CONFIRM_VERBS,
    DENIAL_PHRASES,
    DENIAL_VERBS,
    DOUBT_PHRASES,
    DOUBT_WORDS,
    FIRST_PERSON,
    IMPERSONAL,
    IN_SOURCE_VERBS,
    INFO_NOUNS,
    NEGATIONS,
    NEWS_OBJECTS,
    NEWS_VERBS,
    OBJECT_PREPOSITIONS,
    OUTLET_NOUNS,
    REPORTING_VERBS,
    SOURCE_PREPOSITIONS,
    SPEAKER_STOPS,
    SUBORDINATORS,
    TO_OBJECT_VERBS,
    VAGUE_SOURCES,
)

__all__ = [
    "Attribution",
    "COMPLEMENTIZERS",
    "CONFIRM_VERBS",
    "DENIAL_PHRASES",
    "DENIAL_VERBS",
    "DOUBT_PHRASES",
    "DOUBT_WORDS",
    "FIRST_PERSON",
    "IMPERSONAL",
    "INFO_NOUNS",
    "IN_SOURCE_VERBS",
    "NEGATIONS",
    "NEWS_OBJECTS",
    "NEWS_VERBS",
    "OBJECT_PREPOSITIONS",
    "OUTLET_NOUNS",
    "REPORTING_VERBS",
    "SOURCE_PREPOSITIONS",
    "SPEAKER_STOPS",
    "SUBORDINATORS",
    "TO_OBJECT_VERBS",
    "VAGUE_SOURCES",
    "find_attribution",
    "resolve_outlet",
    "stance_of",
]


_TERMINATORS = ".!?؟؛\n"


def stance_of(
    text: str, start: int, end: int, context: str = "", *, negation_denies: bool = True
) -> tuple[str, str | None]:
    """Stance of the outlet toward the claim in ``text[start:end]``.

    The sentence around the span (back to the previous terminator) is read for the reporting frame;
    ``context`` is extra governing text, e.g. a previous sentence ending in "وقال:" that introduces a quote.
    Without ``negation_denies``, a negated main verb alone ("الوزير لم يزر أنقرة") is no denial: whether it
    rebuts a report is for the article around it to say (see claims.rebuttal).
    """
    sent_start = _sentence_start(text, start)
    frame = find_attribution(text, sent_start, end)
    outer = find_attribution(context, 0, len(context)) if context.strip() else None
    speaker = (frame.speaker if frame else None) or (outer.speaker if outer else None)
    if speaker:
        speaker = resolve_outlet(text, sent_start, speaker)
    body = text[frame.prop_start if frame and frame.prop_start >= start else start : end]
    kinds = {a.kind for a in (frame, outer) if a and a.kind != "editorial"}
    if "deny" in kinds or (denies(body) if negation_denies else denies_outright(body)):
        return "denies", speaker
    if non_confirmation(body):
        return "doubts", speaker
    if "doubt" in kinds or doubts(body):
        return "doubts", speaker
    if kinds:
        return "attributes", speaker
    return "asserts", None


def _sentence_start(text: str, pos: int) -> int:
    """Just after the last terminator before ``pos`` (0 if none)."""
    return max(text.rfind(t, 0, pos) for t in _TERMINATORS) + 1 if pos > 0 else pos
