"""What the story views share: the story loader with its read check, and a spreadsheet-safe CSV writer."""

from __future__ import annotations

import csv
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from stories import selectors
from stories.models import Story


def refuse_private(request):
    """The answer to a reader who may not read a private story: anonymous readers are asked to log in; a
    logged-in reader without staff status gets a 404, the same as for a story that does not exist."""
    if request.user.is_authenticated:
        raise Http404
    if request.htmx:
        return HttpResponseClientRedirect(reverse("admin:login") + f"?next={request.path}")
    return redirect_to_login(request.get_full_path())


def story_view(view):
    """Load the story named by ``slug``; private stories are for staff only (see ``refuse_private``)."""

    @wraps(view)
    def wrapper(request, slug: str, *args, **kwargs):
        story = get_object_or_404(Story, slug=slug)
        if not selectors.story_can_read(story=story, user=request.user):
            return refuse_private(request)
        return view(request, story, *args, **kwargs)

    return wrapper


def write_csv(response: HttpResponse, rows: list[list]) -> None:
    # A BOM lets spreadsheet programs read the Arabic as UTF-8; the prefix defuses formula injection.
    response.write("\ufeff")
    writer = csv.writer(response)
    for row in rows:
        writer.writerow(["'" + v if isinstance(v, str) and v[:1] in "=+-@\t\r" else v for v in row])
