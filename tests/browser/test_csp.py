"""The Content-Security-Policy breaks nothing: Chromium reports no violation on any page, htmx still swaps."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect


def test_no_page_violates_the_policy_and_htmx_still_works(live_server, page, seed_story, django_user_model):
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    django_user_model.objects.create_user("csp", password="pw-csp-12345", is_staff=True, is_superuser=True)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/stories/article/")
    page.fill("#id_username", "csp")
    page.fill("#id_password", "pw-csp-12345")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/stories/article/$"))
    claim = seed_story.claims.order_by("id").first()
    slug = seed_story.slug
    for url in [
        reverse("stories:story_list"),
        seed_story.get_absolute_url(),
        reverse("stories:matrix", kwargs={"slug": slug}),
        claim.get_absolute_url(),
        reverse("stories:status", kwargs={"slug": slug}),
        reverse("stories:search") + "?q=حفتر",
        "/admin/stories/article/upload/",
        "/admin/stories/story/",
    ]:
        response = page.goto(f"{live_server.url}{url}")
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        page.wait_for_load_state("networkidle")
    assert violations == []

    # htmx loads from this site and swaps a matrix cell's quotes in place.
    page.goto(f"{live_server.url}{reverse('stories:matrix', kwargs={'slug': slug})}")
    cell = page.locator('a[hx-target^="#quotes-"]').first
    target = cell.get_attribute("hx-target")
    cell.click()
    expect(page.locator(f"{target} blockquote").first).to_be_visible()
    assert page.evaluate("typeof htmx") == "object"
    assert violations == []
