"""A tracked claim's page: every outlet's stance toward it with the quote, live while the worker is tracking."""

from __future__ import annotations

from urllib.parse import quote

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from stories import selectors
from stories.forms import PageForm
from stories.models import Story
from stories.stances import TRACK_LABELS

from .common import story_view

# Glyph and word both say the stance (as the matrix's badges do), so no reader depends on colour alone.
TRACK_GLYPHS = {"agree": "●", "disagree": "✕", "discuss": "◐", "unrelated": "·"}
FRAGMENT_WORDS = 4  # words either end of a quote in its text-fragment link: enough to be unique in an article


@require_GET
@vary_on_headers("HX-Request")
@story_view
def tracked_claim_detail(request, story: Story, pk: int):
    """Counts per stance and each outlet's quote; the results region re-fetches itself until tracking finishes."""
    tracked = selectors.tracked_claim_for_story(story=story, pk=pk)
    if tracked is None:
        raise Http404
    stance = request.GET.get("stance", "")
    stance = stance if stance in TRACK_LABELS else ""
    result = selectors.tracked_claim_page(tracked=tracked, stance=stance, page=PageForm(request.GET).page())
    context = {
        "story": story,
        "tracked": tracked,
        "result": result,
        "counts": [(s, TRACK_GLYPHS[s], TRACK_LABELS[s], n) for s, n in result.counts.items()],
        "rows": [(row, TRACK_GLYPHS[row.stance], quote_fragment(row.quote)) for row in result.rows],
    }
    template = "stories/tracking.html#results" if request.htmx else "stories/tracking.html"
    return render(request, template, context)


def quote_fragment(text: str) -> str:
    """A text-fragment address (``#:~:text=start,end``) that scrolls the article page to the quote and marks it."""
    words = text.split()
    if not words:
        return ""
    parts = (
        [" ".join(words)]
        if len(words) <= 2 * FRAGMENT_WORDS
        else [
            " ".join(words[:FRAGMENT_WORDS]),
            " ".join(words[-FRAGMENT_WORDS:]),
        ]
    )
    # '-', ',' and '&' are the directive's own syntax, so they are percent-encoded inside its terms.
    return "#:~:text=" + ",".join(quote(p, safe="").replace("-", "%2D") for p in parts)
