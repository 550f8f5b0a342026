"""Claim tracking on whole articles in two steps: find the passages about the claim (``passages``), then decide
the article's stance from them (``stance``)."""

from __future__ import annotations

from .passages import KEEP, RELATED_AT, Passage, rank_passages
from .stance import article_stance

__all__ = ["KEEP", "RELATED_AT", "Passage", "article_stance", "rank_passages"]
