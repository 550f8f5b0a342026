"""A story's matching in upload order, whichever worker finishes first: the one-truth rule of many workers.

Matching is order-dependent (the first quote opens a claim, later ones join it, and what the index holds weighs
each word), so the pipeline runs in parallel but an article is matched and saved only once every earlier article
of its story (lower id: upload order) is settled, done or failed. An article's states:

    queued                                     a message is (or will be) out for it
    processing, leased, staged_analysis null   a worker runs the pipeline
    processing, no lease, staged_analysis set  analysed; waits for an earlier article of its story
    done / failed                              settled

The worker that settles the first unsettled article of a story saves, in id order, every analysed article waiting
behind it (``story_analyses_drain``). A waiting article holds no lease, so the sweeper never sends it again; it
drains the stories whose first unsettled article is one waiting (its worker died between storing and draining).
A story reanalysis keeps its own canonical order and saves at once.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction

from stories.models import Article, Story
from stories.nlp.types import Analysis

from .analysis import (
    _article_save_analysis,
    analysis_inputs,
    article_analysis_run,
    article_lease_take,
    article_mark_failed,
)
from .analysis_json import analysis_from_json, analysis_to_json
from .claim_stats import claim_stats_kept
from .tracking import article_track_enqueue
from .versions import story_version_bump

logger = logging.getLogger(__name__)

UNSETTLED = (Article.Status.QUEUED, Article.Status.PROCESSING)


def article_analyse(
    *, article_id: int, previous: dict[tuple, int] | None = None, owner: str = "", force: bool = False
) -> Article | None:
    """Run the pipeline on one article and store what it found, in its story's upload order.

    Idempotent: a second run leaves the same rows. Analysis errors mark the article failed, keeping the upload.
    Database errors propagate so that the task can retry. The run holds a lease on the article (``owner``
    names who holds it); a message for an article another worker holds is dropped, unless ``force``.
    ``previous`` (a story reanalysis, which has its own order) saves at once.
    """
    article = Article.objects.select_related("story").filter(id=article_id).first()
    if article is None:
        return None
    if not article_lease_take(article_id=article_id, owner=owner, force=force):
        logger.info(
            "article %s is being analysed by %s, or waits for its turn; message dropped", article_id, owner
        )
        if article.staged_analysis is not None:
            story_analyses_drain(story_id=article.story_id, owner=owner)
        return None
    analysed = _article_analyse_settle(article, previous=previous, owner=owner)
    story_analyses_drain(story_id=article.story_id, owner=owner)
    return article if analysed else None


def _article_analyse_settle(article: Article, *, previous: dict[tuple, int] | None, owner: str) -> bool:
    """The pipeline, then the save or the wait; False when the analysis failed (which settles it too)."""
    try:
        analysis, inputs = article_analysis_run(article=article)
        _article_settle(article, analysis, inputs, previous=previous, owner=owner)
    except DatabaseError:
        raise
    except Exception as exc:  # any analysis bug must leave a retryable, explained article, never a stuck one
        logger.exception("analysis of article %s failed", article.id)
        article_mark_failed(article_id=article.id, error=exc)
        return False
    return True


def _article_settle(
    article: Article, analysis: Analysis, inputs: str, *, previous: dict[tuple, int] | None, owner: str
) -> None:
    """Save now when no earlier article of the story is unsettled; else store the result to wait for its turn
    (dropped if this run lost its lease: the run that holds it stores its own). The first look is without the lock,
    so storing a waiting result never holds up the story's matching."""
    while True:
        if previous is None and _stage_if_waiting(article, analysis, inputs, owner):
            return
        with transaction.atomic():
            _story_lock(article.story_id)
            if previous is None and _stage_if_waiting(article, analysis, inputs, owner):
                return
            if previous is not None or inputs == analysis_inputs(story=article.story).digest:
                _save(article, analysis, previous)
                return
        # An earlier article named a new outlet (or an editor changed the gazetteer) while this one ran: run it
        # again, outside the lock, on what one worker taking the articles in order would have given it.
        logger.info("article %s ran on inputs that moved on: it is analysed again", article.id)
        analysis, inputs = article_analysis_run(article=article)


def story_analyses_drain(*, story_id: int, owner: str = "") -> int:
    """Save, in id order, the analysed articles of the story whose earlier articles are all settled; how many.

    Each save is its own short transaction under the story's lock."""
    saved = 0
    while (step := _drain_step(story_id, owner)) is not None:
        if isinstance(step, Article):
            # Its result was taken with inputs that have moved on: analyse it again, now that it is first in line.
            _article_analyse_settle(step, previous=None, owner=owner)
        saved += 1
    return saved


def _drain_step(story_id: int, owner: str) -> Article | bool | None:
    """Under the story's lock: save its first unsettled article if that one is analysed and waiting (True), or
    lease it to ``owner`` when its inputs moved on (the article, to analyse again); None when nothing is ready."""
    with transaction.atomic():
        _story_lock(story_id)
        head = (
            Article.objects.select_related("story")
            .filter(story_id=story_id, status__in=UNSETTLED)
            .order_by("id")
            .first()
        )
        if head is None or head.status != Article.Status.PROCESSING or head.staged_analysis is None:
            return None
        staged = head.staged_analysis
        if staged.get("inputs") != analysis_inputs(story=head.story).digest:
            logger.info("article %s waited on inputs that moved on: it is analysed again", head.id)
            article_lease_take(article_id=head.id, owner=owner, force=True)
            return head
        try:
            with transaction.atomic():
                _save(head, analysis_from_json(staged["analysis"]), None)
        except DatabaseError:
            raise
        except Exception as exc:  # as in article_analyse: explained and settled, never stuck
            logger.exception("saving the analysis of article %s failed", head.id)
            article_mark_failed(article_id=head.id, error=exc)
        return True


def stories_waiting_drain(*, owner: str = "sweeper") -> int:
    """The sweeper's part: drain every story with an analysed article waiting; how many articles were saved."""
    stories = (
        Article.objects.filter(status=Article.Status.PROCESSING, staged_analysis__isnull=False)
        .order_by("story_id")
        .values_list("story_id", flat=True)
        .distinct()
    )
    return sum(story_analyses_drain(story_id=story_id, owner=owner) for story_id in list(stories))


def _stage_if_waiting(article: Article, analysis: Analysis, inputs: str, owner: str) -> bool:
    """When an earlier article of the story has still to be analysed or saved, store the result and give up the
    lease (or drop the result if this run no longer holds the lease): True. False when none is left before it."""
    earlier = (
        Article.objects.filter(story_id=article.story_id, id__lt=article.id, status__in=UNSETTLED)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    )
    if earlier is None:
        return False
    staged = {"inputs": inputs, "analysis": analysis_to_json(analysis)}
    kept = Article.objects.filter(
        id=article.id, status=Article.Status.PROCESSING, lease_owner=owner[:200]
    ).update(staged_analysis=staged, lease_owner="", lease_expires_at=None)
    if kept:
        logger.info("article %s is analysed and waits for article %s of its story", article.id, earlier)
    return True


def _save(article: Article, analysis: Analysis, previous: dict[tuple, int] | None) -> None:
    with claim_stats_kept(article=article):
        _article_save_analysis(article, analysis, previous)
    story_version_bump(story_id=article.story_id)
    # A new upload: the story's tracked claims judge it (a reanalysis re-tracks at its end).
    if previous is None:
        article_track_enqueue(article_id=article.id)


def _story_lock(story_id: int) -> None:
    Story.objects.select_for_update().filter(id=story_id).first()  # one story's matching at a time
