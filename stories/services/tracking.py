"""Claims an editor tracks by typing them: every analysed article of the story gets a stance toward each."""

from __future__ import annotations

from django.db import transaction

from stories.models import Article, Story, TrackedClaim, TrackedStance
from stories.nlp import track


def claim_track(*, story: Story, text: str, user=None) -> TrackedClaim:
    """Store a claim an editor typed and give every analysed article of the story a stance toward it."""
    tracked = TrackedClaim.objects.create(story=story, text=text.strip(), created_by=user)
    tracked_claim_refresh(tracked=tracked)
    return tracked


def tracked_claim_refresh(*, tracked: TrackedClaim) -> None:
    articles = Article.objects.filter(story_id=tracked.story_id, status=Article.Status.DONE).only(
        "id", "text"
    )
    rows = []
    for article in articles:
        result = track.track(tracked.text, article.text)
        rows.append(
            TrackedStance(
                tracked=tracked,
                article=article,
                stance=result.stance,
                start=result.start,
                end=result.end,
                score=round(float(result.score), 4),
            )
        )
    with transaction.atomic():
        tracked.results.all().delete()
        TrackedStance.objects.bulk_create(rows)
