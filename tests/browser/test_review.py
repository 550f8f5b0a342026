"""Real Chromium: an editor corrects one quote's stance on a claim page, sees the confirmation, and the other
quotes of that article keep their stances; the correction is listed on the story's review page."""

from __future__ import annotations

import pytest
from django.db.models import Count

from stories.models import Article, Evidence

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect


def test_editor_corrects_one_quote_stance(live_server, page, shot, seed_story, editor):
    article = (
        Article.objects.filter(story=seed_story)
        .annotate(n=Count("evidence"))
        .filter(n__gte=3)
        .order_by("id")
        .first()
    )
    quotes = list(Evidence.objects.filter(article=article).order_by("start"))
    target = quotes[0]
    new_stance = "doubts" if target.stance != "doubts" else "denies"
    others_before = {q.start: q.stance for q in quotes[1:]}

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-123")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}{target.claim.get_absolute_url()}")
    page.select_option(f"#stance-{target.id}", new_stance)
    page.locator(f"#evidence-{target.id} form.review-inline button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("عُدّل موقف هذا الاقتباس وحده")
    expect(page.locator(f"#evidence-{target.id} .tag").first).to_be_visible()
    shot(page, "stance-corrected", full_page=False)

    target.refresh_from_db()
    assert target.stance == new_stance and target.stance_by_editor
    after = {q.start: q.stance for q in Evidence.objects.filter(article=article).exclude(id=target.id)}
    assert after == others_before
    assert not Evidence.objects.filter(article=article, stance_by_editor=True).exclude(id=target.id).exists()

    page.goto(f"{live_server.url}/stories/{seed_story.slug}/review/")
    row = page.locator("table.corrections tbody tr").first
    expect(row).to_contain_text("editor")
    expect(row.locator(".state")).to_contain_text("مطبّق")
    row.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("تُراجع عن التصحيح")
    expect(page.locator("table.corrections tbody tr").first.locator(".state")).to_contain_text("متراجع عنه")
