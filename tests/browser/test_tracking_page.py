"""Real Chromium on a tracked claim's page: live progress that stops, each outlet's quote, the link to it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories import services
from stories.models import TrackedClaim
from tests.factories import make_article, make_source, make_story
from tests.stories.test_tracking import AGREE, CLAIM, DISAGREE, UNRELATED

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect


def test_progress_updates_in_place_then_the_quote_links_into_the_article(live_server, page, shot):
    story = make_story()
    agree = make_article(story=story, source=make_source(name="وكالة الشمال"), text=AGREE)
    make_article(story=story, source=make_source(name="الداخلية اليوم"), text=DISAGREE)
    make_article(story=story, source=make_source(), text=UNRELATED)
    tracked = TrackedClaim.objects.create(story=story, text=CLAIM, total=3)  # queued: the worker has not run
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(
        live_server.url + reverse("stories:tracked_claim", kwargs={"slug": story.slug, "pk": tracked.pk})
    )
    expect(page.locator("#tracking-results")).to_have_attribute("data-running", "true")
    expect(page.locator("progress#tracking-progress")).to_have_attribute("max", "3")
    shot(page, "tracking-running")

    services.tracked_claim_refresh(tracked_id=tracked.id)  # what the worker does
    expect(page.locator("#tracking-results")).to_have_attribute("data-running", "false")  # swapped by polling
    expect(page.locator("progress")).to_have_count(0)
    expect(page.locator('[data-stance="agree"][data-count="1"]')).to_be_visible()
    item = page.locator(f"#tracked-{agree.id}")
    expect(item.locator("mark")).to_have_text("أغلقت السلطات معبر الحدود الشمالي أمام الشاحنات صباح الأحد.")
    expect(page.locator("h2", has_text="وكالة الشمال")).to_be_visible()
    shot(page, "tracking-finished")

    item.locator(".quote-links a").click()
    page.wait_for_url(f"**/articles/{agree.id}/**")
    expect(page.locator(".article-text")).to_contain_text("أغلقت السلطات معبر الحدود الشمالي")
    # CSP: the page runs no inline script or style (the missing favicon's 404 is not this page's).
    assert [e for e in errors if "Content Security Policy" in e or "Refused" in e] == []
