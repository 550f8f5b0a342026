"""The corrections JSON API for newsroom scripts: staff only (the session, with Django's CSRF check), POST only.

Each endpoint answers with the objects it changed; a refused correction is a 400 with the editor's message and
changes nothing; anonymous and non-staff callers get 403. Evidence ids are "as of now": a reanalysis replaces
evidence rows, while the stored correction names its quote by identity.
"""

from __future__ import annotations

import json
from functools import wraps

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from stories import services
from stories.models import Article, Claim, Correction, Evidence


def _api(view):
    """Staff only; parses the JSON object body; a ReviewError becomes a 400 with its message."""

    @wraps(view)
    def wrapper(request, pk: int):
        if not (request.user.is_authenticated and request.user.is_staff):
            return JsonResponse({"error": gettext("للمحررين فقط.")}, status=403)
        try:
            body = json.loads(request.body or b"{}")
            if not isinstance(body, dict):
                raise ValueError
        except ValueError:
            return _refused(services.correction_refused("request_not_json"))
        try:
            return JsonResponse(view(request, pk, body))
        except services.ReviewError as exc:
            return _refused(exc)

    return require_POST(wrapper)


def _refused(exc: Exception) -> JsonResponse:
    return JsonResponse({"error": str(exc)}, status=400)


def _id(body: dict, name: str, refusal: str) -> int:
    value = body.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise services.correction_refused(refusal)
    return value


def _evidence_json(e: Evidence) -> dict:
    return {
        "id": e.pk,
        "claim": e.claim_id,
        "article_id": e.article_id,
        "start": e.start,
        "end": e.end,
        "quote": e.article.text[e.start : e.end],
        "stance": e.stance,
        "stance_by_editor": e.stance_by_editor,
    }


def _claim_json(claim: Claim) -> dict:
    claim.refresh_from_db()
    rows = Evidence.objects.filter(claim=claim).select_related("article").order_by("article_id", "start")
    return {
        "id": claim.pk,
        "text": claim.text,
        "permalink": claim.get_absolute_url(),
        "merged_into": claim.merged_into_id,
        "evidence": [_evidence_json(e) for e in rows],
    }


def _article_json(article: Article) -> dict:
    article.refresh_from_db()
    return {"id": article.pk, "duplicate_of": article.duplicate_of_id, "off_topic": article.off_topic}


def _correction_json(c: Correction) -> dict:
    c.refresh_from_db()
    return {
        "id": c.pk,
        "kind": c.kind,
        "state": c.state,
        "quotes": c.quotes,
        "created_by": c.created_by.get_username() if c.created_by else None,
        "created_at": c.created_at.isoformat(),
        "undone_by": c.undone_by.get_username() if c.undone_by else None,
        "undone_at": c.undone_at.isoformat() if c.undone_at else None,
    }


@_api
def evidence_stance(request, pk: int, body: dict) -> dict:
    """{"stance": "asserts|attributes|denies|doubts"}: this one quote's stance."""
    evidence = get_object_or_404(Evidence.objects.select_related("article"), pk=pk)
    correction = services.stance_override(
        evidence=evidence, stance=str(body.get("stance", "")), user=request.user
    )
    evidence = Evidence.objects.select_related("article").get(pk=pk)
    return {"correction": _correction_json(correction), "evidence": _evidence_json(evidence)}


@_api
def claim_reword(request, pk: int, body: dict) -> dict:
    """{"text": "…"}: the claim's shown text."""
    claim = get_object_or_404(Claim, pk=pk)
    text = body.get("text")
    correction = services.claim_reword(
        claim=claim, text=text if isinstance(text, str) else "", user=request.user
    )
    return {"correction": _correction_json(correction), "claim": _claim_json(claim)}


@_api
def claim_merge(request, pk: int, body: dict) -> dict:
    """{"into": claim id}: this claim's quotes go to that claim; its permalink redirects there."""
    claim = get_object_or_404(Claim, pk=pk)
    into = Claim.objects.filter(pk=_id(body, "into", "merge_target_missing"), story_id=claim.story_id).first()
    if into is None:
        raise services.correction_refused("merge_target_missing")
    correction = services.claim_merge(claim=claim, into=into, user=request.user)
    return {
        "correction": _correction_json(correction),
        "claim": _claim_json(correction.other_claim),
        "merged": _claim_json(claim),
    }


@_api
def claim_split(request, pk: int, body: dict) -> dict:
    """{"evidence": [evidence ids], "text": optional wording}: those quotes move to a new claim."""
    claim = get_object_or_404(Claim, pk=pk)
    ids = body.get("evidence")
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise services.correction_refused("split_all_or_none")
    text = body.get("text") if isinstance(body.get("text"), str) else ""
    correction = services.claim_split(claim=claim, evidence_ids=ids, user=request.user, text=text)
    return {
        "correction": _correction_json(correction),
        "claim": correction.claim_id,
        "new": _claim_json(correction.claim),
        "from": _claim_json(claim),
    }


@_api
def article_copy_of(request, pk: int, body: dict) -> dict:
    """{"original": article id, or null to clear the mark}."""
    article = get_object_or_404(Article, pk=pk)
    original = None
    if body.get("original") is not None:
        original_id = _id(body, "original", "article_missing")
        original = Article.objects.filter(pk=original_id, story_id=article.story_id).first()
        if original is None:
            raise services.correction_refused("copy_outside_story")
    correction = services.article_mark_copy(article=article, original=original, user=request.user)
    return {"correction": _correction_json(correction), "article": _article_json(article)}


@_api
def article_off_topic(request, pk: int, body: dict) -> dict:
    """{"off_topic": true|false}."""
    article = get_object_or_404(Article, pk=pk)
    value = body.get("off_topic", True)
    if not isinstance(value, bool):
        raise services.correction_refused("request_not_json")
    correction = services.article_mark_off_topic(article=article, off_topic=value, user=request.user)
    return {"correction": _correction_json(correction), "article": _article_json(article)}


@_api
def correction_undo(request, pk: int, body: dict) -> dict:
    correction = get_object_or_404(Correction, pk=pk)
    correction = services.correction_undo(correction=correction, user=request.user)
    changed: dict = {"correction": _correction_json(correction)}
    for name in ("claim", "other_claim"):
        if getattr(correction, name) is not None:
            changed[name] = _claim_json(getattr(correction, name))
    if correction.article is not None:
        changed["article"] = _article_json(correction.article)
    return changed
