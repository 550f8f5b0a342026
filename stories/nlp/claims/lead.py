"""An act told before a trailing reporting frame: in "وأعلنت الوزارة زيادة الحصص، مشيرة إلى أن المخزون يكفي"
the frame reports the second proposition, and the clause before its comma is a claim of its own."""

from __future__ import annotations

from ..scanner import REPORTING_VERBS, iter_words
from ..stance import find_attribution
from .clauses import MIN_CONTENT
from .events import class_index
from .tokens import content_tokens, drop_article, stem

_COMMAS = "،,"
_FRAME_WORDS = 5  # "مشيرة إلى أن", "لأسباب قالت إنها", "مؤكداً في بيان أن": a frame is a few words


def lead_end(text: str, start: int, prop_start: int) -> int | None:
    """End of the clause before the frame (its comma), when a few words of frame stand between that comma and
    the reported clause at ``prop_start`` and the clause before it has content and no frame of its own."""
    cut = max(text.rfind(c, start, prop_start) for c in _COMMAS)
    # A lone "أن" or "فإن" after the comma closes a frame that opened the sentence ("وقال فلان، إن ..."); a
    # frame of its own after the act has a verb or participle before its complementizer.
    if cut <= start or not 2 <= len(text[cut + 1 : prop_start].split()) <= _FRAME_WORDS:
        return None
    if len(content_tokens(text[start:cut])) < MIN_CONTENT or find_attribution(text, start, cut) is not None:
        return None
    return None if _speaker_only(text, start, cut) else cut


def _speaker_only(text: str, start: int, end: int) -> bool:
    """ "قال المتحدث باسم الوزارة، فلان، في تصريح إن": a reporting verb and its speaker, no act of their own
    (an announced act has its verbal noun: "أعلنت الوزارة زيادة الحصص")."""
    words = list(iter_words(text, start, end))
    if not words or words[0].bare not in REPORTING_VERBS and words[0].norm not in REPORTING_VERBS:
        return False
    classes = class_index()
    return not any(stem(drop_article(w.norm)) in classes for w in words[1:])
