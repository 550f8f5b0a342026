"""The stance vocabulary as editors read it: the translated word and glyph for each value.

The values themselves and their polarity are defined once, in ``stories.nlp.types`` (the analysis emits them);
this module only adds what a reader sees, plus the two cell states of the matrix (``mixed`` and ``silent``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stories.nlp.types import STANCES, Stance, TrackStance

MIXED = "mixed"  # one outlet's own evidence on a claim has both polarities
SILENT = "silent"  # the outlet does not carry the claim

STANCE_LABELS = {
    Stance.ASSERTS: _("يؤكد"),
    Stance.ATTRIBUTES: _("ينسب"),
    Stance.DENIES: _("ينفي"),
    Stance.DOUBTS: _("يشكك"),
}
TRACK_LABELS = {
    TrackStance.AGREE: _("يوافق"),
    TrackStance.DISAGREE: _("يخالف"),
    TrackStance.DISCUSS: _("يناقش"),
    TrackStance.UNRELATED: _("لا صلة"),
}
# Values are a contract of the exports; only the labels are translated.
STANCE_VALUES = tuple(s.value for s in Stance)
STANCE_CHOICES = [(s.value, STANCE_LABELS[s]) for s in Stance]
TRACK_STANCE_CHOICES = [(s.value, TRACK_LABELS[s]) for s in TrackStance]

# Glyph, word and colour class all say the stance, so no reader depends on colour alone.
STANCE_GLYPHS = {
    Stance.ASSERTS: ("●", STANCE_LABELS[Stance.ASSERTS]),
    Stance.ATTRIBUTES: ("◐", STANCE_LABELS[Stance.ATTRIBUTES]),
    Stance.DENIES: ("✕", STANCE_LABELS[Stance.DENIES]),
    Stance.DOUBTS: ("?", STANCE_LABELS[Stance.DOUBTS]),
    MIXED: ("±", _("متباين")),
    SILENT: ("·", _("صامت")),
}


def stance_polarity(stance: str | None) -> str | None:
    """``positive`` or ``negative`` for one of the four stances; anything else (mixed, silent, None) as it is."""
    return Stance(stance).polarity if stance in STANCES else stance
