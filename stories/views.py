"""Pages: thin function views; reads come from selectors, editors' corrections from services.

A view that answers both a full page and an HTMX swap renders ``page.html#partial`` when ``request.htmx``.
"""

from __future__ import annotations

import csv
import json
from functools import wraps

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.encoding import uri_to_iri
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_bidi, gettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, HttpResponseClientRefresh

from stories import selectors, services
from stories.models import Article, Claim, Entity, Source, Story
from stories.stances import STANCE_VALUES
from stories.templatetags.newsdesk import stance_word


def story_view(view):
    """Load the story named by ``slug``; private stories send anonymous readers to the login page."""

    @wraps(view)
    def wrapper(request, slug: str, *args, **kwargs):
        story = get_object_or_404(Story, slug=slug)
        if not selectors.story_can_read(story=story, user=request.user):
            if request.htmx:
                return HttpResponseClientRedirect(reverse("admin:login") + f"?next={request.path}")
            return redirect_to_login(request.get_full_path())
        return view(request, story, *args, **kwargs)

    return wrapper


def _page(request, name: str = "page") -> int:
    return selectors.int_param(request.GET.get(name)) or 1


@require_GET
def story_list(request):
    """The stories this reader may see."""
    return render(
        request, "stories/story_list.html", {"stories": selectors.stories_visible(user=request.user)}
    )


@require_GET
@vary_on_headers("HX-Request")
@story_view
def story_detail(request, story: Story):
    """The story with its coverage and events timelines; the filters swap the timelines in place."""
    filters = selectors.story_filters_parse(request.GET)
    rtl = get_language_bidi()
    context = {
        "story": story,
        "filters": filters,
        "coverage": selectors.story_coverage(
            story=story, filters=filters, rtl=rtl, lane_page=_page(request, "lanes")
        ),
        "events": selectors.story_events(
            story=story, filters=filters, rtl=rtl, page=_page(request, "events")
        ),
        "first_claims": selectors.story_first_claims_listed(story=story, filters=filters),
    }
    if request.htmx:
        return render(request, "stories/story.html#timelines", context)
    context["choices"] = selectors.story_filter_choices(story=story, coverage=context["coverage"])
    context["tracked"] = selectors.story_tracked(story=story)
    return render(request, "stories/story.html", context)


@require_GET
@vary_on_headers("HX-Request")
@story_view
def story_matrix(request, story: Story):
    """Claims × outlets; sorting and paging swap the table in place."""
    matrix = selectors.story_matrix_page(
        story=story,
        sort=request.GET.get("sort", "sources"),
        page=_page(request),
        col_page=_page(request, "cols"),
    )
    context = {"story": story, "matrix": matrix}
    template = "stories/matrix.html#matrix" if request.htmx else "stories/matrix.html"
    return render(request, template, context)


@require_GET
@vary_on_headers("HX-Request")
@story_view
def matrix_cell(request, story: Story, claim_id: int, source_id: int):
    """One outlet's quotes for one claim: a fragment for the matrix, or a page of its own without JavaScript."""
    claim = get_object_or_404(Claim, pk=claim_id, story=story)
    source = get_object_or_404(Source, pk=source_id)
    quotes = selectors.matrix_cell_quotes(story=story, claim_id=claim.pk, source_id=source.pk)
    context = {
        "story": story,
        "claim": claim,
        "source": source,
        "quotes": quotes,
        "stances": STANCE_VALUES,
    }
    template = "stories/matrix_cell.html#cell" if request.htmx else "stories/matrix_cell.html"
    return render(request, template, context)


@require_GET
@story_view
def matrix_csv(request, story: Story):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="matrix-{story.pk}.csv"'
    _write_csv(response, selectors.matrix_csv_rows(story=story))
    return response


def _write_csv(response: HttpResponse, rows: list[list]) -> None:
    # A BOM lets spreadsheet programs read the Arabic as UTF-8; the prefix defuses formula injection.
    response.write("\ufeff")
    writer = csv.writer(response)
    for row in rows:
        writer.writerow(["'" + v if isinstance(v, str) and v[:1] in "=+-@\t\r" else v for v in row])


@require_GET
@story_view
def story_export(request, story: Story):
    """The export contract, as JSON."""
    return JsonResponse(selectors.story_export(story=story), json_dumps_params={"ensure_ascii": False})


@require_GET
@vary_on_headers("HX-Request")
@story_view
def story_status(request, story: Story):
    """Article statuses; the fragment polls itself while anything is queued or processing."""
    context = {"story": story, "status": selectors.story_status(story=story)}
    template = "stories/status.html#status" if request.htmx else "stories/status.html"
    return render(request, template, context)


@require_GET
@story_view
def article_detail(request, story: Story, pk: int):
    """One article's cleaned text with the claims' quotes marked."""
    article = get_object_or_404(
        Article.objects.select_related("source", "duplicate_of__source"), pk=pk, story=story
    )
    context = {"story": story, "article": article, "segments": selectors.article_segments(article=article)}
    return render(request, "stories/article.html", context)


@require_GET
@story_view
def entity_detail(request, story: Story, pk: int):
    """An entity across outlets: epithets side by side, and who appears with it."""
    entity = get_object_or_404(Entity, pk=pk, story=story)
    return render(
        request, "stories/entity.html", {"story": story, "profile": selectors.entity_profile(entity=entity)}
    )


@require_GET
@story_view
def source_detail(request, story: Story, pk: int):
    """An outlet within the story: its articles, its stances, whom it cites and who copies it."""
    source = get_object_or_404(Source, pk=pk)
    profile = selectors.source_profile(story=story, source=source, page=_page(request))
    return render(request, "stories/source.html", {"story": story, "profile": profile})


def _claim_readable(request, pk: int) -> Claim:
    claim = selectors.claim_for_permalink(pk=pk)
    if claim is None:
        raise Http404
    return claim


@require_GET
def claim_detail(request, pk: int, slug: str = ""):
    """The permalink: stable across reanalysis; a merged or reworded claim redirects to its current address."""
    claim = _claim_readable(request, pk)
    if not selectors.story_can_read(story=claim.story, user=request.user):
        return redirect_to_login(request.get_full_path())
    if claim.pk != pk or slug != (claim.slug or "claim"):
        return redirect(claim.get_absolute_url(), permanent=claim.pk != pk)
    quotes, page, pages = selectors.claim_quotes_page(claim=claim, page=_page(request))
    appearances = selectors.claim_appearances(claim=claim)
    context = {
        "story": claim.story,
        "claim": claim,
        "quotes": quotes,
        "page": page,
        "pages": pages,
        "appearances": appearances,
        "uptake": selectors.claim_uptake_chart(appearances=appearances, rtl=get_language_bidi()),
        "summary": selectors.claim_summary(appearances=appearances),
        "permalink": request.build_absolute_uri(claim.get_absolute_url()),
        "permalink_readable": uri_to_iri(request.build_absolute_uri(claim.get_absolute_url())),
        "stances": STANCE_VALUES,
    }
    context["description"] = _claim_description(claim, context["summary"])
    context["jsonld"] = selectors.claim_jsonld(
        claim=claim, appearances=appearances, absolute=request.build_absolute_uri
    )
    return render(request, "stories/claim.html", context)


def _claim_description(claim: Claim, summary: dict) -> str:
    """One line for link previews: who reported the claim first, and how the outlets lean."""
    parts = []
    first = claim.first_reported_in
    if first is not None:
        when = date_format(first.published_at, "j F Y") if first.published_at else ""
        parts.append(
            gettext("أول من نشره: %(source)s %(when)s")
            % {"source": first.source.name if first.source else "—", "when": when}
        )
    leaning = "، ".join(f"{stance_word(stance)} {n}" for stance, n in summary["counts"].items())
    parts.append(gettext("منافذ: %(n)s") % {"n": summary["outlets"]} + (f" ({leaning})" if leaning else ""))
    return " · ".join(parts)


@require_GET
def claim_download(request, pk: int, slug: str, fmt: str):
    """The claim's evidence as CSV or JSON."""
    claim = _claim_readable(request, pk)
    if not selectors.story_can_read(story=claim.story, user=request.user):
        return redirect_to_login(request.get_full_path())
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
        _write_csv(response, [list(rows[0]) if rows else ["id"], *[list(r.values()) for r in rows]])
    response["Content-Disposition"] = f'attachment; filename="claim-{claim.pk}-evidence.{fmt}"'
    return response


@require_GET
@vary_on_headers("HX-Request")
def search(request):
    """Arabic-aware search over articles, claims and entities; results swap in as the editor types."""
    query = request.GET.get("q", "").strip()
    story = None
    if slug := request.GET.get("story"):
        story = Story.objects.filter(slug=slug).first()
        if story and not selectors.story_can_read(story=story, user=request.user):
            story = None
    results = selectors.search(query=query, user=request.user, story=story) if query else None
    context = {"query": query, "results": results, "story": story}
    template = "stories/search.html#results" if request.htmx else "stories/search.html"
    return render(request, template, context)


# Editors' corrections: staff only, POST only, each recorded by the review module. ---------------------------


def _back(request, fallback: str):
    """Reload the page under HTMX, or go back where the form was (never to another site)."""
    if request.htmx:
        return HttpResponseClientRefresh()
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return redirect(target)


def _review(view):
    """Staff only; a ReviewError becomes a message for the editor instead of a server error."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except services.ReviewError as exc:
            messages.error(request, str(exc))
            return _back(request, request.META.get("HTTP_REFERER") or reverse("stories:story_list"))

    return require_POST(staff_member_required(wrapper))


@_review
def claim_merge(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    into = Claim.objects.filter(
        pk=selectors.int_param(request.POST.get("into")), story_id=claim.story_id
    ).first()
    if into is None:
        raise services.correction_refused("merge_target_missing")
    into = services.claim_merge(claim=claim, into=into, user=request.user)
    messages.success(request, gettext("دُمج الادعاء."))
    if request.htmx:
        return HttpResponseClientRedirect(into.get_absolute_url())
    return redirect(into.get_absolute_url())


@_review
def claim_split(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    ids = [i for i in map(selectors.int_param, request.POST.getlist("evidence")) if i]
    new = services.claim_split(
        claim=claim, evidence_ids=ids, user=request.user, text=request.POST.get("text", "")
    )
    messages.success(request, gettext("فُصلت الاقتباسات في ادعاء جديد."))
    return redirect(new.get_absolute_url())


@_review
def claim_reword(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    claim = services.claim_reword(claim=claim, text=request.POST.get("text", ""), user=request.user)
    return redirect(claim.get_absolute_url())


@_review
def stance_override(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    article = get_object_or_404(
        Article, pk=selectors.int_param(request.POST.get("article")), story_id=claim.story_id
    )
    services.stance_override(
        claim=claim, article=article, stance=request.POST.get("stance", ""), user=request.user
    )
    return _back(request, claim.get_absolute_url())


@_review
def article_mark_copy(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("story"), pk=pk)
    original_id = selectors.int_param(request.POST.get("original"))
    original = get_object_or_404(Article, pk=original_id) if original_id else None
    services.article_mark_copy(article=article, original=original, user=request.user)
    return _back(request, reverse("stories:article", kwargs={"slug": article.story.slug, "pk": article.pk}))


@_review
def article_mark_off_topic(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("story"), pk=pk)
    services.article_mark_off_topic(
        article=article, off_topic=request.POST.get("off_topic") == "1", user=request.user
    )
    return _back(request, reverse("stories:article", kwargs={"slug": article.story.slug, "pk": article.pk}))


@_review
def article_retry(request, pk: int):
    """Queue a failed (or any) article for analysis again; the status list picks the change up."""
    article = get_object_or_404(Article.objects.select_related("story"), pk=pk)
    services.article_reanalyse(article=article, user=request.user)
    story = article.story
    if request.htmx:
        context = {"story": story, "status": selectors.story_status(story=story)}
        return render(request, "stories/status.html#status", context)
    return redirect("stories:status", slug=story.slug)


@_review
def claim_track(request, slug: str):
    """Add a tracked claim from the story page; every analysed article gets a stance toward it."""
    story = get_object_or_404(Story, slug=slug)
    text = " ".join(request.POST.get("text", "").split())
    if not text:
        raise services.correction_refused("track_empty")
    services.claim_track(story=story, text=text, user=request.user)
    return _back(request, story.get_absolute_url())
