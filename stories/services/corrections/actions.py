"""The editors' actions. Each one changes the data now and stores one Correction that every later analysis
applies again (see apply.py): quotes are named by identity, so the action stays on exactly those quotes."""

from __future__ import annotations

from django.db import transaction

from stories.models import Article, Claim, Correction, Evidence
from stories.nlp.types import STANCES

from .. import claims as claim_store  # a module import: claims imports apply.py in turn
from ..claim_index import evidence_moves_index_follow
from ..claim_stats import claim_stats_corrected
from ..claim_wording import claims_wording_refresh
from ..refusals import correction_refused
from .common import editor_or_none, evidence_identity, review_log, stance_corrections
from .identity import quote_normalised


def _correction(*, story_id: int, kind: str, user, **fields) -> Correction:
    return Correction.objects.create(story_id=story_id, kind=kind, created_by=editor_or_none(user), **fields)


@transaction.atomic
def stance_override(*, evidence: Evidence, stance: str, user) -> Correction:
    """Set the stance of this one quote; no other quote of the article or the claim changes."""
    if stance not in STANCES:
        raise correction_refused("stance_unknown")
    evidence = Evidence.objects.select_related("article", "claim").get(pk=evidence.pk)
    identity = evidence_identity(evidence)
    machine = evidence.stance
    if evidence.stance_by_editor:  # the machine's stance is the one the first live override replaced
        earlier = stance_corrections(story_id=evidence.claim.story_id, identity=identity)
        machine = earlier[0].payload.get("machine", machine) if earlier else machine
    Evidence.objects.filter(pk=evidence.pk).update(stance=stance, stance_by_editor=True)
    claims_wording_refresh(claim_ids=[evidence.claim_id])  # the shown wording reads stances
    correction = _correction(
        story_id=evidence.claim.story_id,
        kind=Correction.Kind.STANCE,
        user=user,
        quotes=[identity],
        claim_id=evidence.claim_id,
        payload={"stance": stance, "machine": machine},
    )
    claim_stats_corrected(correction=correction)
    review_log(
        story=evidence.claim.story,
        user=user,
        action="stance_override",
        detail={"correction": correction.pk, "evidence": evidence.pk, "stance": stance},
    )
    return correction


@transaction.atomic
def claim_reword(*, claim: Claim, text: str, user) -> Correction:
    """The editor's wording replaces the machine's; the quotes stay, the old permalink still resolves by id."""
    text = " ".join(text.split())
    if not text:
        raise correction_refused("reword_empty")
    before = claim.text
    claim.text = text
    claim.text_by_editor = True
    claim.save()
    correction = _correction(
        story_id=claim.story_id,
        kind=Correction.Kind.REWORD,
        user=user,
        claim=claim,
        payload={"text": text, "before": before},
    )
    claim_stats_corrected(correction=correction)
    review_log(
        story=claim.story,
        user=user,
        action="claim_reword",
        detail={"correction": correction.pk, "claim": claim.pk, "before": before, "after": text},
    )
    return correction


@transaction.atomic
def claim_merge(*, claim: Claim, into: Claim, user) -> Correction:
    """Fold ``claim`` into ``into``: its quotes move and stay there, its permalink redirects to ``into``."""
    if claim.story_id != into.story_id:
        raise correction_refused("merge_other_story")
    target = claim_store.claim_merge_target(claim_id=into.pk)
    if into.pk == claim.pk or target == claim.pk or claim.merged_into_id is not None:
        raise correction_refused("merge_into_itself")
    into = Claim.objects.get(pk=target)
    rows = list(Evidence.objects.filter(claim=claim).select_related("article"))
    _matched_keep(rows)
    Evidence.objects.filter(id__in=[r.id for r in rows]).update(claim=into)
    claim.merged_into = into
    claim.save(update_fields=["merged_into"])
    claim_store.claims_first_reported(claim_ids=[into.pk, claim.pk])
    correction = _correction(
        story_id=claim.story_id,
        kind=Correction.Kind.MERGE,
        user=user,
        quotes=[evidence_identity(r) for r in rows],
        claim=claim,
        other_claim=into,
    )
    claim_stats_corrected(correction=correction)
    review_log(
        story=claim.story,
        user=user,
        action="claim_merge",
        detail={"correction": correction.pk, "claim": claim.pk, "into": into.pk},
    )
    return correction


@transaction.atomic
def claim_split(*, claim: Claim, evidence_ids: list[int], user, text: str = "") -> Correction:
    """Move exactly the chosen quotes of ``claim`` to a new claim, worded by the editor or by its first quote."""
    moved = list(Evidence.objects.filter(claim=claim, id__in=evidence_ids).select_related("article"))
    if not moved or len(moved) != len(set(evidence_ids)) or len(moved) == claim.evidence.count():
        raise correction_refused("split_all_or_none")
    wording = " ".join(text.split())
    new = Claim.objects.create(
        story_id=claim.story_id,
        text=wording or quote_normalised(moved[0].quote),
        key=list(moved[0].key),
        text_by_editor=bool(wording),
    )
    evidence_moves_index_follow(evidence_ids=[e.id for e in moved])
    _matched_keep(moved)
    Evidence.objects.filter(id__in=[e.id for e in moved]).update(claim=new)
    claim_store.claims_first_reported(claim_ids=[claim.pk, new.pk])
    correction = _correction(
        story_id=claim.story_id,
        kind=Correction.Kind.SPLIT,
        user=user,
        quotes=[evidence_identity(e) for e in moved],
        claim=new,
        other_claim=claim,
        payload={"text": wording},
    )
    claim_stats_corrected(correction=correction)
    review_log(
        story=claim.story,
        user=user,
        action="claim_split",
        detail={
            "correction": correction.pk,
            "claim": claim.pk,
            "new": new.pk,
            "evidence": sorted(evidence_ids),
        },
    )
    return correction


def _matched_keep(rows: list[Evidence]) -> None:
    """Rows stored before the matcher's choice was kept: remember it now, before an editor moves them."""
    for row in rows:
        if row.matched_claim_id is None:
            row.matched_claim_id = row.claim_id
            Evidence.objects.filter(id=row.id).update(matched_claim_id=row.claim_id)


@transaction.atomic
def article_mark_copy(*, article: Article, original: Article | None, user) -> Correction:
    """Mark (or, with ``original=None``, clear) an article as a copy; reanalysis keeps the editor's mark."""
    if original is not None and (original.story_id != article.story_id or original.pk == article.pk):
        raise correction_refused("copy_outside_story")
    before = {"before": article.duplicate_of_id, "before_by_editor": article.duplicate_by_editor}
    article.duplicate_of = original
    article.duplicate_by_editor = True
    article.save(update_fields=["duplicate_of", "duplicate_by_editor"])
    correction = _correction(
        story_id=article.story_id,
        kind=Correction.Kind.COPY,
        user=user,
        article=article,
        original=original,
        payload=before,
    )
    claim_stats_corrected(correction=correction)
    review_log(
        story=article.story,
        user=user,
        action="article_mark_copy",
        detail={
            "correction": correction.pk,
            "article": article.pk,
            "original": original.pk if original else None,
        },
    )
    return correction


@transaction.atomic
def article_mark_off_topic(*, article: Article, off_topic: bool, user) -> Correction:
    before = article.off_topic
    article.off_topic = off_topic
    article.save(update_fields=["off_topic"])
    correction = _correction(
        story_id=article.story_id,
        kind=Correction.Kind.OFF_TOPIC,
        user=user,
        article=article,
        payload={"off_topic": off_topic, "before": before},
    )
    claim_stats_corrected(correction=correction)
    review_log(
        story=article.story,
        user=user,
        action="article_mark_off_topic",
        detail={"correction": correction.pk, "article": article.pk, "off_topic": off_topic},
    )
    return correction
