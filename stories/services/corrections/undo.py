"""Undoing a correction: it stays on record as undone (so reanalysis no longer applies it) and the data goes back
to what the other live corrections, or else the machine, say."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from stories.models import Article, Claim, Correction, Evidence

from .. import claims as claim_store  # a module import: claims imports apply.py in turn
from ..claim_index import claims_redirect_index_follow
from ..claim_stats import claim_stats_corrected
from ..claim_wording import claims_wording_refresh
from ..refusals import correction_refused
from .common import (
    claim_redirect_if_empty,
    editor_or_none,
    evidence_located,
    evidence_rehome,
    live_corrections,
    review_log,
    stance_corrections,
)


@transaction.atomic
def correction_undo(*, correction: Correction, user) -> Correction:
    correction = Correction.objects.select_for_update().get(pk=correction.pk)
    if correction.state == Correction.State.UNDONE:
        raise correction_refused("undo_twice")
    correction.state = Correction.State.UNDONE
    correction.undone_by = editor_or_none(user)
    correction.undone_at = timezone.now()
    correction.save(update_fields=["state", "undone_by", "undone_at"])
    _UNDO[correction.kind](correction)
    claim_stats_corrected(correction=correction, touched=_quote_claims(correction))
    review_log(
        story=correction.story,
        user=user,
        action="correction_undo",
        detail={"correction": correction.pk, "kind": correction.kind},
    )
    return correction


def _quote_claims(correction: Correction) -> set[int]:
    rows = evidence_located(story_id=correction.story_id, identities=correction.quotes or [])
    return {row.claim_id for row in rows}


def _stance(correction: Correction) -> None:
    for row in evidence_located(story_id=correction.story_id, identities=correction.quotes):
        others = stance_corrections(story_id=correction.story_id, identity=correction.quotes[0])
        stance = others[-1].payload["stance"] if others else correction.payload.get("machine", row.stance)
        Evidence.objects.filter(id=row.id).update(stance=stance, stance_by_editor=bool(others))
        claims_wording_refresh(claim_ids=[row.claim_id])


def _reword(correction: Correction) -> None:
    claim = correction.claim
    if claim is None:
        return
    others = [
        c for c in live_corrections(story_id=correction.story_id, kinds=["reword"]) if c.claim_id == claim.pk
    ]
    claim.text = others[-1].payload["text"] if others else correction.payload["before"]
    claim.text_by_editor = bool(others)
    claim.save()


def _merge(correction: Correction) -> None:
    claim = correction.claim
    if claim is None:
        return
    if Claim.objects.filter(id=claim.pk, merged_into_id=correction.other_claim_id).update(merged_into=None):
        claims_redirect_index_follow(claim_ids=[claim.pk])
    rows = evidence_located(story_id=correction.story_id, identities=correction.quotes)
    claim_store.claims_first_reported(claim_ids=evidence_rehome(story_id=correction.story_id, rows=rows))


def _split(correction: Correction) -> None:
    rows = evidence_located(story_id=correction.story_id, identities=correction.quotes)
    touched = evidence_rehome(story_id=correction.story_id, rows=rows)
    if correction.claim is not None:
        home = Evidence.objects.filter(id__in=[r.id for r in rows]).values_list("claim_id", flat=True).first()
        claim_redirect_if_empty(claim=correction.claim, to=home or correction.other_claim_id)
    claim_store.claims_first_reported(claim_ids=touched)


def _article_live(correction: Correction, kind: str) -> list[Correction]:
    return [
        c
        for c in live_corrections(story_id=correction.story_id, kinds=[kind])
        if c.article_id == correction.article_id
    ]


def _copy(correction: Correction) -> None:
    if correction.article_id is None:
        return
    others = _article_live(correction, Correction.Kind.COPY)
    if others:
        fields = {"duplicate_of_id": others[-1].original_id, "duplicate_by_editor": True}
    else:
        fields = {"duplicate_of_id": correction.payload.get("before"), "duplicate_by_editor": False}
    Article.objects.filter(id=correction.article_id).update(**fields)


def _off_topic(correction: Correction) -> None:
    if correction.article_id is None:
        return
    others = _article_live(correction, Correction.Kind.OFF_TOPIC)
    value = others[-1].payload["off_topic"] if others else correction.payload.get("before", False)
    Article.objects.filter(id=correction.article_id).update(off_topic=value)


_UNDO = {
    Correction.Kind.STANCE: _stance,
    Correction.Kind.REWORD: _reword,
    Correction.Kind.MERGE: _merge,
    Correction.Kind.SPLIT: _split,
    Correction.Kind.COPY: _copy,
    Correction.Kind.OFF_TOPIC: _off_topic,
}
