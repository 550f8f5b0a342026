"""The readers' page cache: a story's rendered pages, kept per story version, for readers who are not logged in.

Under load the cost is in the pages of one story (its timelines, matrix, permalinks and search), rendered again
for every reader although they change only when an analysis or a correction lands. Each of those bumps
``Story.version`` (services.story_version_bump), and the version is in every key, so a change shows at once and
nothing is ever deleted. Only anonymous readers are served from the cache: they may read public stories only
(the access check runs before this), and their pages carry nothing of their own but the CSRF token, which is
put back fresh on every hit. Logged-in editors always get a page rendered for them.
"""

from __future__ import annotations

import hashlib
import re
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

TOKEN_SLOT = "\x00csrf\x00"
# Where base.html renders the CSRF token: htmx's request header and the language form's hidden field.
TOKEN_IN_PAGE = re.compile(r'(?:"X-CSRFToken": "|csrfmiddlewaretoken" value=")(\w{32,64})"')


def _cacheable(request) -> bool:
    return (
        settings.NEWSDESK_PAGE_CACHE
        and request.method == "GET"
        and not request.user.is_authenticated
        # A reader with a session or a waiting message may see something of their own: rendered for them.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def page_key(request, *, name: str, story) -> str:
    """What the page depends on: the story and its version, the language, htmx or not, and the query string.

    ``created_at`` tells apart stories that reuse a deleted one's id; ``public`` names the viewer class.
    """
    what = "|".join(
        [
            name,
            str(story.pk),
            str(story.created_at.timestamp()),
            str(story.version),
            get_language() or "",
            "htmx" if request.headers.get("HX-Request") else "page",
            "public",
            request.get_host(),
            request.get_full_path(),
        ]
    )
    return "newsdesk:page:" + hashlib.sha256(what.encode()).hexdigest()


def page_cached(name: str):
    """Serve a story's page from the cache for anonymous readers; wraps a view taking ``(request, story, ...)``
    and goes inside the story's access check."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, story, *args, **kwargs):
            return page_or_cached(
                request, name=name, story=story, render=lambda: view(request, story, *args, **kwargs)
            )

        return wrapper

    return decorator


def page_or_cached(request, *, name: str, story, render) -> HttpResponse:
    """``render()``'s page, or the cached one when this reader may be served from the cache."""
    if not _cacheable(request):
        return render()
    return page_from_cache(request, page_key(request, name=name, story=story), render)


def page_from_cache(request, key: str, render) -> HttpResponse:
    """The cached page under ``key`` with this reader's CSRF token, or ``render()``'s, stored when it is a 200."""
    hit = cache.get(key)
    if hit is not None:
        content_type, body = hit
        return HttpResponse(body.replace(TOKEN_SLOT, get_token(request)), content_type=content_type)
    response = render()
    if response.status_code == 200 and not response.streaming and not response.cookies.get("messages"):
        body = response.content.decode(response.charset)
        for token in set(TOKEN_IN_PAGE.findall(body)):
            body = body.replace(token, TOKEN_SLOT)
        cache.set(key, (response["Content-Type"], body), settings.NEWSDESK_PAGE_CACHE_SECONDS)
    return response
