"""Editors' corrections, each logged in ReviewLog and stored where reanalysis honours it: merges in merged_into,
splits in ClaimPin, stances in StanceOverride, copy and off-topic marks on the article, wording in text_by_editor."""

from __future__ import annotations

from django.db import transaction

from stories.models import Article, Claim, ClaimPin, Evidence, ReviewLog, StanceOverride, Story
from stories.nlp.types import STANCES

from .claims import claim_merge_target, claims_first_reported
from .refusals import correction_refused


def review_log(*, story: Story, user, action: str, detail: dict) -> ReviewLog:
    return ReviewLog.objects.create(story=story, user=_editor(user), action=action, detail=detail)


def _editor(user):
    """The user to record, or None for an anonymous or missing one (scripts, tests)."""
    return user if user is not None and user.is_authenticated else None


@transaction.atomic
def claim_merge(*, claim: Claim, into: Claim, user) -> Claim:
    """Fold ``claim`` into ``into``: its evidence and overrides move, its permalink redirects to ``into``."""
    if claim.story_id != into.story_id:
        raise correction_refused("merge_other_story")
    if into.pk == claim.pk or claim_merge_target(claim_id=into.pk) == claim.pk:
        raise correction_refused("merge_into_itself")
    into = Claim.objects.get(pk=claim_merge_target(claim_id=into.pk))
    Evidence.objects.filter(claim=claim).update(claim=into)
    for override in StanceOverride.objects.filter(claim=claim):
        StanceOverride.objects.update_or_create(
            claim=into,
            article_id=override.article_id,
            defaults={"stance": override.stance, "created_by": override.created_by},
        )
    StanceOverride.objects.filter(claim=claim).delete()
    ClaimPin.objects.filter(claim=claim).update(claim=into)
    Claim.objects.filter(merged_into=claim).update(merged_into=into)
    claim.merged_into = into
    claim.save(update_fields=["merged_into"])
    claims_first_reported(claim_ids=[into.pk, claim.pk])
    review_log(
        story=claim.story, user=user, action="claim_merge", detail={"claim": claim.pk, "into": into.pk}
    )
    return into


def claim_split(*, claim: Claim, evidence_ids: list[int], user, text: str = "") -> Claim:
    """Move the chosen evidence of ``claim`` to a new claim, worded by the editor or by its first quote."""
    moved = list(Evidence.objects.filter(claim=claim, id__in=evidence_ids).select_related("article"))
    if not moved or len(moved) == claim.evidence.count():
        raise correction_refused("split_all_or_none")
    wording = text.strip() or moved[0].quote
    new = Claim.objects.create(
        story_id=claim.story_id, text=wording, key=list(moved[0].key), text_by_editor=bool(text.strip())
    )
    Evidence.objects.filter(id__in=[e.id for e in moved]).update(claim=new)
    # Pins tell the matcher, on every later run, that these sentences belong to the new claim.
    ClaimPin.objects.filter(article_id__in={e.article_id for e in moved}, claim=claim).delete()
    ClaimPin.objects.bulk_create(
        ClaimPin(claim=new, article_id=e.article_id, key=list(e.key), created_by=_editor(user)) for e in moved
    )
    articles = {e.article_id for e in moved}
    for override in StanceOverride.objects.filter(claim=claim, article_id__in=articles):
        override.claim = new
        override.save(update_fields=["claim"])
    claims_first_reported(claim_ids=[claim.pk, new.pk])
    review_log(
        story=claim.story,
        user=user,
        action="claim_split",
        detail={
            "claim": claim.pk,
            "new": new.pk,
            "evidence": sorted(e.id for e in moved),
            "keys": [list(e.key) for e in moved],
            "articles": sorted(articles),
        },
    )
    return new


def claim_reword(*, claim: Claim, text: str, user) -> Claim:
    """The editor's wording replaces the machine's; the old permalink still resolves by id."""
    text = " ".join(text.split())
    if not text:
        raise correction_refused("reword_empty")
    before = claim.text
    claim.text = text
    claim.text_by_editor = True
    claim.save()
    review_log(
        story=claim.story,
        user=user,
        action="claim_reword",
        detail={"claim": claim.pk, "before": before, "after": text},
    )
    return claim


@transaction.atomic
def stance_override(*, claim: Claim, article: Article, stance: str, user) -> StanceOverride:
    """Set one article's stance on one claim; reanalysis applies it instead of the machine's."""
    if stance not in STANCES:
        raise correction_refused("stance_unknown")
    override, _ = StanceOverride.objects.update_or_create(
        claim=claim, article=article, defaults={"stance": stance, "created_by": _editor(user)}
    )
    Evidence.objects.filter(claim=claim, article=article).update(stance=stance, stance_by_editor=True)
    review_log(
        story=claim.story,
        user=user,
        action="stance_override",
        detail={"claim": claim.pk, "article": article.pk, "stance": stance},
    )
    return override


def article_mark_copy(*, article: Article, original: Article | None, user) -> Article:
    """Mark (or, with ``original=None``, clear) an article as a copy; reanalysis keeps the editor's mark."""
    if original is not None and (original.story_id != article.story_id or original.pk == article.pk):
        raise correction_refused("copy_outside_story")
    article.duplicate_of = original
    article.duplicate_by_editor = True
    article.save(update_fields=["duplicate_of", "duplicate_by_editor"])
    review_log(
        story=article.story,
        user=user,
        action="article_mark_copy",
        detail={"article": article.pk, "original": original.pk if original else None},
    )
    return article


def article_mark_off_topic(*, article: Article, off_topic: bool, user) -> Article:
    article.off_topic = off_topic
    article.save(update_fields=["off_topic"])
    review_log(
        story=article.story,
        user=user,
        action="article_mark_off_topic",
        detail={"article": article.pk, "off_topic": off_topic},
    )
    return article
