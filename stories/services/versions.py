"""The story's version: one number that every analysis and correction moves on, so cached pages never go stale."""

from __future__ import annotations

from django.db.models import F

from stories.models import Story


def story_version_bump(*, story_id: int) -> None:
    """Move the story's version on; inside the caller's transaction, so readers see it with the change itself."""
    Story.objects.filter(id=story_id).update(version=F("version") + 1)
