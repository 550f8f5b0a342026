"""A claim's permalink page and its evidence downloads."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.encoding import uri_to_iri
from django.utils.translation import get_language_bidi
from django.views.decorators.http import require_GET

from stories import charts, presentation, selectors
from stories.cache import page_or_cached
from stories.forms import PageForm
from stories.models import Claim
from stories.stances import STANCE_VALUES

from .common import refuse_private, write_csv


def _claim_found(pk: int) -> Claim:
    claim = selectors.claim_for_permalink(pk=pk)
    if claim is None:
        raise Http404
    return claim


@require_GET
def claim_detail(request, pk: int, slug: str = ""):
    """The permalink: stable across reanalysis; a merged or reworded claim redirects to its current address."""
    claim = _claim_found(pk)
    if not selectors.story_can_read(story=claim.story, user=request.user):
        return refuse_private(request)
    if claim.pk != pk or slug != (claim.slug or "claim"):
        return redirect(claim.get_absolute_url(), permanent=claim.pk != pk)
    return page_or_cached(
        request, name="claim", story=claim.story, render=lambda: _claim_page(request, claim)
    )


def _claim_page(request, claim: Claim):
    quotes, page, pages = selectors.claim_quotes_page(claim=claim, page=PageForm(request.GET).page())
    appearances = selectors.claim_appearances(claim=claim)
    summary = selectors.claim_summary(appearances=appearances)
    permalink = request.build_absolute_uri(claim.get_absolute_url())
    context = {
        "story": claim.story,
        "claim": claim,
        "quotes": quotes,
        "page": page,
        "pages": pages,
        "uptake": charts.uptake_chart(appearances, rtl=get_language_bidi()),
        "summary": summary,
        "description": presentation.claim_description(claim, summary),
        "permalink": permalink,
        "permalink_readable": uri_to_iri(permalink),
        "stances": STANCE_VALUES,
        "jsonld": selectors.claim_jsonld(
            claim=claim, appearances=appearances, absolute=request.build_absolute_uri
        ),
    }
    if request.user.is_staff:  # the merge list; readers pay no query for it
        context["merge_choices"] = selectors.claims_to_pick(story=claim.story, exclude=claim.pk)
    return render(request, "stories/claim.html", context)


@require_GET
def claim_download(request, pk: int, slug: str, fmt: str):
    """The claim's evidence as CSV or JSON."""
    claim = _claim_found(pk)
    if not selectors.story_can_read(story=claim.story, user=request.user):
        return refuse_private(request)
    rows = selectors.claim_evidence_rows(claim=claim)
    if fmt == "json":
        payload = {
            "claim": {"id": claim.pk, "text": claim.text, "permalink": claim.get_absolute_url()},
            "evidence": rows,
        }
        response = HttpResponse(
            json.dumps(payload, ensure_ascii=False, default=str, indent=1), content_type="application/json"
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        write_csv(response, [list(rows[0]) if rows else ["id"], *[list(r.values()) for r in rows]])
    response["Content-Disposition"] = f'attachment; filename="claim-{claim.pk}-evidence.{fmt}"'
    return response
