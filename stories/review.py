"""TEMPORARY: the editors' corrections moved to stories.services; views still say ``review.X`` until the merge."""

from __future__ import annotations

from stories.services.corrections import (  # noqa: F401
    article_mark_copy,
    article_mark_off_topic,
    claim_merge,
    claim_reword,
    claim_split,
    stance_override,
)
from stories.services.refusals import ReviewError  # noqa: F401
