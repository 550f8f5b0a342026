"""Reads about one tracked claim: each article's stance toward it."""

from __future__ import annotations

from django.db.models import QuerySet

from stories.models import TrackedClaim, TrackedStance


def tracked_claim_results(*, tracked: TrackedClaim) -> QuerySet[TrackedStance]:
    """Best-scoring articles first, with the article loaded for its origin and text."""
    return tracked.results.select_related("article").order_by("-score", "article_id")
