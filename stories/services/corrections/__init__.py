"""Editors' corrections: the actions (actions.py), undoing them (undo.py), and applying them again on every
analysis (apply.py). Each is one Correction row naming its quotes by a stable identity (identity.py)."""

from __future__ import annotations

from .actions import (
    article_mark_copy,
    article_mark_off_topic,
    claim_merge,
    claim_reword,
    claim_split,
    stance_override,
)
from .apply import QuoteFixes, article_fixes, corrections_refresh
from .common import review_log
from .identity import quote_identity, quote_normalised
from .undo import correction_undo

__all__ = [
    "QuoteFixes",
    "article_fixes",
    "article_mark_copy",
    "article_mark_off_topic",
    "claim_merge",
    "claim_reword",
    "claim_split",
    "correction_undo",
    "corrections_refresh",
    "quote_identity",
    "quote_normalised",
    "review_log",
    "stance_override",
]
