"""Claims an editor tracks by typing them: every analysed article of the story gets a stance toward each.

From a page the work goes to the worker (``claim_track``); the command may run it in-process with progress
(``tracked_claim_refresh`` with ``progress``). Progress is stored on the TrackedClaim as it goes.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from stories.models import Article, Story, TrackedClaim, TrackedStance
from stories.nlp import track

PROGRESS_EVERY = 50  # articles between progress writes: one UPDATE per batch, not per article


def claim_track(
    *,
    story: Story,
    text: str,
    user=None,
    run_now: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> TrackedClaim:
    """Store a claim an editor typed; its stances are computed by the worker after commit (or now)."""
    tracked = TrackedClaim.objects.create(story=story, text=text.strip(), created_by=user)
    if run_now:
        tracked_claim_refresh(tracked_id=tracked.id, progress=progress)
        tracked.refresh_from_db()
    else:
        tracked_claim_enqueue(tracked_id=tracked.id)
    return tracked


def tracked_claim_enqueue(*, tracked_id: int) -> None:
    from stories.tasks import track_claim  # stories.tasks imports the services: import it when called

    TrackedClaim.objects.filter(id=tracked_id).update(done=0, finished_at=None)
    transaction.on_commit(lambda: track_claim.delay(tracked_id))


def story_tracked_claims_enqueue(*, story_id: int) -> None:
    """Re-track every claim of a story (new uploads were analysed): the hook the analysis calls."""
    for tracked_id in TrackedClaim.objects.filter(story_id=story_id).values_list("id", flat=True):
        tracked_claim_enqueue(tracked_id=tracked_id)


def tracked_claim_refresh(
    *,
    tracked_id: int | None = None,
    tracked: TrackedClaim | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> TrackedClaim | None:
    """Judge every analysed article of the story; idempotent (the claim's rows are replaced at the end)."""
    tracked_id = tracked.id if tracked is not None else tracked_id
    tracked = TrackedClaim.objects.filter(id=tracked_id).first()
    if tracked is None:
        return None  # deleted since it was queued
    articles = Article.objects.filter(story_id=tracked.story_id, status=Article.Status.DONE).only(
        "id", "text"
    )
    total = articles.count()
    TrackedClaim.objects.filter(id=tracked_id).update(done=0, total=total, finished_at=None)
    rows = []
    for n, article in enumerate(articles.iterator(chunk_size=200), start=1):
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
        if n % PROGRESS_EVERY == 0 or n == total:
            TrackedClaim.objects.filter(id=tracked_id).update(done=n)
            if progress:
                progress(n, total)
    with transaction.atomic():
        tracked.results.all().delete()
        TrackedStance.objects.bulk_create(rows)
        TrackedClaim.objects.filter(id=tracked_id).update(done=len(rows), finished_at=timezone.now())
    return tracked
