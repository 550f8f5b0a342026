"""Pages: thin function views; reads come from selectors."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from stories import selectors


@require_GET
def story_list(request):
    return render(request, "stories/story_list.html", {"stories": selectors.stories_visible(user=request.user)})
