"""Editors' corrections: merge, split and reword claims, override a stance, mark an article copy or off-topic.

Each correction is recorded in ReviewLog (who, when, what) and is stored so that reanalysis honours it:
merges through Claim.merged_into, splits through ClaimPin, stances through StanceOverride, copy and
off-topic marks through duplicate_by_editor and off_topic, wording through text_by_editor.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext

from stories import services
from stories.models import Article, Claim, ClaimPin, Evidence, StanceOverride
from stories.nlp.types import STANCES


class ReviewError(ValueError):
    """A correction that cannot be applied; the message is shown to the editor."""


@transaction.atomic
def claim_merge(*, claim: Claim, into: Claim, user) -> Claim:
    """Fold ``claim`` into ``into``: its evidence and overrides move, its permalink redirects to ``into``."""
    if claim.story_id != into.story_id:
        raise ReviewError(gettext("لا يُدمج ادعاءان من قصتين مختلفتين."))
    if into.pk == claim.pk or services.claim_merge_target(claim_id=into.pk) == claim.pk:
        raise ReviewError(gettext("لا يُدمج الادعاء في نفسه."))
    into = Claim.objects.get(pk=services.claim_merge_target(claim_id=into.pk))
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
    services.claims_first_reported(claim_ids=[into.pk, claim.pk])
    services.review_log(
        story=claim.story, user=user, action="claim_merge", detail={"claim": claim.pk, "into": into.pk}
    )
    return into


def claim_split(*, claim: Claim, evidence_ids: list[int], user, text: str = "") -> Claim:
    """Move the chosen evidence of ``claim`` to a new claim, worded by the editor or by its first quote."""
    moved = list(Evidence.objects.filter(claim=claim, id__in=evidence_ids).select_related("article"))
    if not moved or len(moved) == claim.evidence.count():
        raise ReviewError(gettext("اختر بعض اقتباسات الادعاء لفصلها، لا كلها."))
    wording = text.strip() or moved[0].quote
    new = Claim.objects.create(
        story_id=claim.story_id, text=wording, key=list(moved[0].key), text_by_editor=bool(text.strip())
    )
    Evidence.objects.filter(id__in=[e.id for e in moved]).update(claim=new)
    # Pins tell the matcher, on every later run, that these sentences belong to the new claim.
    ClaimPin.objects.filter(article_id__in={e.article_id for e in moved}, claim=claim).delete()
    ClaimPin.objects.bulk_create(
        ClaimPin(claim=new, article_id=e.article_id, key=list(e.key), created_by=_user(user)) for e in moved
    )
    articles = {e.article_id for e in moved}
    for override in StanceOverride.objects.filter(claim=claim, article_id__in=articles):
        override.claim = new
        override.save(update_fields=["claim"])
    services.claims_first_reported(claim_ids=[claim.pk, new.pk])
    services.review_log(
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


def _user(user):
    return user if user is not None and user.is_authenticated else None


def claim_reword(*, claim: Claim, text: str, user) -> Claim:
    """The editor's wording replaces the machine's; the old permalink still resolves by id."""
    text = " ".join(text.split())
    if not text:
        raise ReviewError(gettext("الادعاء يحتاج إلى صياغة."))
    before = claim.text
    claim.text = text
    claim.text_by_editor = True
    claim.save()
    services.review_log(
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
        raise ReviewError(gettext("موقف غير معروف."))
    override, _ = StanceOverride.objects.update_or_create(
        claim=claim, article=article, defaults={"stance": stance, "created_by": _user(user)}
    )
    Evidence.objects.filter(claim=claim, article=article).update(stance=stance, stance_by_editor=True)
    services.review_log(
        story=claim.story,
        user=user,
        action="stance_override",
        detail={"claim": claim.pk, "article": article.pk, "stance": stance},
    )
    return override


def article_mark_copy(*, article: Article, original: Article | None, user) -> Article:
    """Mark (or, with ``original=None``, clear) an article as a copy; reanalysis keeps the editor's mark."""
    if original is not None and (original.story_id != article.story_id or original.pk == article.pk):
        raise ReviewError(gettext("المقالة لا تكون نسخة إلا من مقالة أخرى في القصة نفسها."))
    article.duplicate_of = original
    article.duplicate_by_editor = True
    article.save(update_fields=["duplicate_of", "duplicate_by_editor"])
    services.review_log(
        story=article.story,
        user=user,
        action="article_mark_copy",
        detail={"article": article.pk, "original": original.pk if original else None},
    )
    return article


def article_mark_off_topic(*, article: Article, off_topic: bool, user) -> Article:
    article.off_topic = off_topic
    article.save(update_fields=["off_topic"])
    services.review_log(
        story=article.story,
        user=user,
        action="article_mark_off_topic",
        detail={"article": article.pk, "off_topic": off_topic},
    )
    return article
