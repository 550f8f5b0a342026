"""The claims × outlets matrix, one cell's quotes, and the story's CSV and JSON downloads."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from stories import selectors
from stories.cache import page_cached
from stories.forms import MatrixForm
from stories.models import Claim, Source, Story
from stories.stances import STANCE_VALUES

from .common import story_view, write_csv


@require_GET
@vary_on_headers("HX-Request")
@story_view
@page_cached("matrix")
def story_matrix(request, story: Story):
    """Claims × outlets, opening on the key claims; sorting, paging and the row set swap the table in place."""
    form = MatrixForm(request.GET)
    matrix = selectors.story_matrix_page(
        story=story,
        sort=form.value("sort"),
        page=form.page(),
        col_page=form.page("cols"),
        rows=request.GET.get("rows", "key"),  # checked by the selector, which falls back to the key claims
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
    """The whole matrix, one row per claim and one column per outlet."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="matrix-{story.pk}.csv"'
    write_csv(response, selectors.matrix_csv_rows(story=story))
    return response


@require_GET
@story_view
def story_export(request, story: Story):
    """The export contract, as JSON."""
    return JsonResponse(selectors.story_export(story=story), json_dumps_params={"ensure_ascii": False})
