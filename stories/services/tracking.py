"""Claims an editor tracks by typing them: every analysed article of the story gets a stance toward each.

From a page the work goes to the worker (``claim_track``); the command may run it in-process with progress
(``tracked_claim_refresh`` with ``progress``). Progress is stored on the TrackedClaim as it goes. A newly
analysed article is judged on its own against every tracked claim (``article_track``), not the whole story.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from stories.models import Article, Story, TrackedClaim, TrackedStance
from stories.nlp import track
from stories.nlp.types import TrackResult

from .claim_stats import claim_stats_tracked

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
        rows.append(_stance_row(tracked.id, article.id, track.track(tracked.text, article.text)))
        if n % PROGRESS_EVERY == 0 or n == total:
            TrackedClaim.objects.filter(id=tracked_id).update(done=n)
            if progress:
                progress(n, total)
    with transaction.atomic():
        # Rows an incremental run (``article_track``) wrote meanwhile for articles analysed after this run
        # started are kept; rows of articles no longer analysed go.
        judged = {row.article_id for row in rows}
        tracked.results.exclude(article_id__in=judged).exclude(article__status=Article.Status.DONE).delete()
        _upsert(rows)
        claim_stats_tracked(story_id=tracked.story_id)
        TrackedClaim.objects.filter(id=tracked_id).update(
            done=tracked.results.count(), total=tracked.results.count(), finished_at=timezone.now()
        )
    return tracked


def article_track_enqueue(*, article_id: int) -> None:
    """After one article's analysis: judge it against the story's tracked claims in the worker, if it has any."""
    from stories.tasks import track_article  # stories.tasks imports the services: import it when called

    if TrackedClaim.objects.filter(story__articles__id=article_id).exists():
        transaction.on_commit(lambda: track_article.delay(article_id))


def article_track(*, article_id: int) -> int:
    """Judge ONE analysed article against every tracked claim of its story (upsert); how many claims were judged.

    A new upload does not re-run the whole story: only its own rows are written. Idempotent.
    """
    article = Article.objects.filter(id=article_id).only("id", "story_id", "text", "status").first()
    if article is None or article.status != Article.Status.DONE:
        return 0
    claims = list(TrackedClaim.objects.filter(story_id=article.story_id).only("id", "text", "finished_at"))
    if not claims:
        return 0
    results = track.track_many([c.text for c in claims], article.text)
    with transaction.atomic():
        _upsert([_stance_row(c.id, article.id, r) for c, r in zip(claims, results, strict=True)])
        claim_stats_tracked(story_id=article.story_id, article_ids=[article.id])
        for claim in claims:
            if claim.finished_at is not None:  # a running whole-story pass sets its own progress
                n = TrackedStance.objects.filter(tracked_id=claim.id).count()
                TrackedClaim.objects.filter(id=claim.id).update(done=n, total=n)
    return len(claims)


def _stance_row(tracked_id: int, article_id: int, result: TrackResult) -> TrackedStance:
    return TrackedStance(
        tracked_id=tracked_id,
        article_id=article_id,
        stance=result.stance,
        start=result.start,
        end=result.end,
        score=round(float(result.score), 4),
        passages=_passages(result),
    )


def _passages(result: TrackResult) -> list[list[int]]:
    """The kept passages as [start, end] pairs; a one-sentence text's passage is the sentence itself.

    An unrelated article kept nothing: its best sentence only says how close it came."""
    if result.stance == "unrelated":
        return []
    kept = [[int(p[0]), int(p[1])] for p in result.extra.get("passages", ())]
    if not kept and result.stance != "unrelated" and result.end > result.start:
        kept = [[result.start, result.end]]
    return kept


def _upsert(rows: list[TrackedStance]) -> None:
    TrackedStance.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["tracked", "article"],
        update_fields=["stance", "start", "end", "score", "passages"],
    )
