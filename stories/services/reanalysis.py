"""Story reanalysis as a resumable run: articles replaced one at a time, in canonical order, never emptied.

Each article's old evidence stays visible until its new analysis is committed in the same transaction; the
articles still to do (``Article.reanalysis_pending``) are left out of matching, so the result is the one a
delete-everything-first run gives. Progress lives in ``StoryReanalysis``: a killed task loses one article's work.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from stories.models import Article, Claim, Story, StoryReanalysis

from .claim_index import story_claim_index_reset, story_claims_maybe_orphaned
from .claims import PUBLISHED_FIRST, claims_merged_by_editor, claims_redirect_emptied, story_matched_claims
from .sequencer import article_analyse
from .tracking import story_tracked_claims_enqueue
from .versions import story_version_bump


def story_reanalysis_start(*, story_id: int) -> None:
    """Record a run over every article of the story; a run already under way starts over from its own start."""
    with transaction.atomic():
        Story.objects.select_for_update().filter(id=story_id).first()
        articles = Article.objects.filter(story_id=story_id)
        run = StoryReanalysis.objects.filter(story_id=story_id).first()
        if run is None:
            # The matcher's choices, not editors' moves: a correction never changes how other quotes regroup.
            previous = [[*key, claim] for key, claim in story_matched_claims(story_id=story_id).items()]
            run = StoryReanalysis.objects.create(story_id=story_id, previous=previous)
        run.total = articles.update(reanalysis_pending=True)
        story_claim_index_reset(story_id=story_id)  # every quote is now out of matching until replaced
        run.save(update_fields=["total", "touched_at"])


def story_reanalysis_step(*, story_id: int, budget_seconds: float | None = None) -> bool:
    """Replace pending articles in canonical order for about ``budget_seconds``; True while some remain."""
    budget = settings.NEWSDESK_REANALYSIS_STEP_SECONDS if budget_seconds is None else budget_seconds
    deadline = time.monotonic() + budget
    while True:
        run = StoryReanalysis.objects.filter(story_id=story_id).first()
        if run is None:
            return False
        pending = Article.objects.filter(story_id=story_id, reanalysis_pending=True)
        article_id = pending.order_by(PUBLISHED_FIRST, "sha256").values_list("id", flat=True).first()
        if article_id is None:
            _finish(run)
            return False
        _replace(run, article_id)
        if time.monotonic() >= deadline:
            return True


def _replace(run: StoryReanalysis, article_id: int) -> None:
    """One article's new analysis in place of its old one, with its claims' permalinks alive before and after."""
    previous = _previous(run)
    mine = {claim for (article, _, _), claim in previous.items() if article == article_id}
    with transaction.atomic():
        # Claims this article may take back were pointed elsewhere only while empty: free them to be reused.
        _unredirect(mine)
        done = article_analyse(
            article_id=article_id, previous=previous, owner=f"reanalysis:{run.story_id}", force=True
        )
        # An analysis that failed keeps the old quotes; it leaves the run all the same.
        Article.objects.filter(id=article_id).update(reanalysis_pending=False)
        if done is None:
            story_claim_index_reset(story_id=run.story_id)  # its old quotes are back in matching
        claims_redirect_emptied(previous=previous)
        StoryReanalysis.objects.filter(id=run.id).update(touched_at=timezone.now())
        story_version_bump(story_id=run.story_id)


def _finish(run: StoryReanalysis) -> None:
    """Point every claim left without quotes at the claim that took most of them, as the run's last step."""
    previous = _previous(run)
    with transaction.atomic():
        _unredirect(set(previous.values()))
        claims_redirect_emptied(previous=previous)
        StoryReanalysis.objects.filter(id=run.id).delete()
        story_version_bump(story_id=run.story_id)
        story_tracked_claims_enqueue(story_id=run.story_id)


def _unredirect(claim_ids: set[int]) -> None:
    """Claims pointed elsewhere only while empty become free to take quotes back; an editor's merge stays."""
    free = claim_ids - claims_merged_by_editor(claim_ids=claim_ids)
    freed = Claim.objects.filter(id__in=free, evidence__isnull=True).exclude(merged_into=None)
    story_claims_maybe_orphaned(story_ids=set(freed.values_list("story_id", flat=True)))
    freed.update(merged_into=None)


def _previous(run: StoryReanalysis) -> dict[tuple, int]:
    return {(a, s, e): c for a, s, e, c in run.previous}


def story_reanalyse(*, story_id: int) -> list[int]:
    """Analyse every article again in a canonical order, in this process, to the end (the command's way)."""
    story_reanalysis_start(story_id=story_id)
    while story_reanalysis_step(story_id=story_id):
        pass
    return list(
        Article.objects.filter(story_id=story_id)
        .order_by(PUBLISHED_FIRST, "sha256")
        .values_list("id", flat=True)
    )
