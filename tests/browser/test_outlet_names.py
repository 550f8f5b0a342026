"""The seed story imported as `import_articles` does (no outlet given): no outlet label on the story page, the matrix
or a permalink reads as a file name; unnamed outlets say so, with the file as a small hint. Screenshots of the
story page and matrix at 390 and 1366 px, in Arabic and English, go to tests/artifacts/ (and NEWSDESK_SHOTS)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.urls import reverse

from stories import services
from stories.models import Claim

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect

FILE_NAME = re.compile(r"^\s*\d{3}_[0-9a-f]{16}(\.\w+)?\s*$")
OUTLET_LABELS = ".outlet-name, .cell-source, thead th a, .lane-label, .source, .digest-counts bdi"
SIZES = {"phone": (390, 844), "wide": (1366, 900)}


@pytest.fixture
def imported_story(transactional_db, seed_paths):
    story = services.story_get_or_create(
        slug="seed-imported", title="زيارة حفتر السرية إلى دمشق", is_public=True
    )
    for path in seed_paths:
        services.article_ingest(story=story, data=path.read_bytes(), origin=path.name)
    return story


def _labels(page) -> list[str]:
    return page.locator(OUTLET_LABELS).evaluate_all("els => els.map(e => e.textContent)")


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_no_outlet_is_named_by_its_file(browser, live_server, shot, imported_story, size, lang):
    width, height = SIZES[size]
    context = browser.new_context(locale=lang, viewport={"width": width, "height": height})
    context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    main = Claim.objects.filter(story=imported_story, evidence__start=0).first()
    pages = {
        "story": imported_story.get_absolute_url(),
        "matrix": reverse("stories:matrix", kwargs={"slug": imported_story.slug}),
        "permalink": main.get_absolute_url(),
    }
    unnamed = "منفذ غير مسمّى" if lang == "ar" else "unnamed outlet"
    for name, url in pages.items():
        page.goto(f"{live_server.url}{url}")
        labels = _labels(page)
        assert labels, f"{name}: no outlet labels found"
        assert not [t for t in labels if FILE_NAME.match(t)], (name, labels)
        assert any(unnamed in t for t in labels), (name, labels)
        if name != "permalink":
            path = shot(page, f"outlets-{name}-{size}-{lang}", full_page=False)
            if target := os.environ.get("NEWSDESK_SHOTS"):
                Path(target).mkdir(parents=True, exist_ok=True)
                (Path(target) / path.name).write_bytes(path.read_bytes())
    context.close()
