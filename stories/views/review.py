"""The story's review page (staff only): every correction with who, when, what it touched and its state, with undo;
and the searchable claim list the merge form picks from."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from stories import selectors
from stories.forms import ReviewTargetsForm
from stories.models import Story


@require_GET
@staff_member_required
def story_review(request, slug: str):
    """Every correction of the story, newest first."""
    story = get_object_or_404(Story, slug=slug)
    context = {"story": story, "rows": selectors.story_corrections(story=story)}
    return render(request, "stories/review.html", context)


@require_GET
@staff_member_required
def claim_pick(request, slug: str):
    """The claims whose text contains ``q``, as the options of the merge list (swapped in by HTMX)."""
    story = get_object_or_404(Story, slug=slug)
    exclude = ReviewTargetsForm(request.GET).value("into")
    claims = selectors.claims_to_pick(story=story, query=request.GET.get("q", "")[:200], exclude=exclude)
    return render(request, "stories/review.html#claim-options", {"claims": claims})
