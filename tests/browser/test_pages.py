"""Real Chromium on the real pages: the seed story's timeline, matrix and permalink; an admin upload; search."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from stories import services
from stories.models import Article, Evidence, Story

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect

ARTICLE = """وزير الخارجية يزور العاصمة في زيارة مفاجئة

أعلنت وزارة الخارجية يوم الأحد 1 مارس 2020 أن الوزير وصل إلى العاصمة في زيارة رسمية تستمر يومين.
وقال المتحدث باسم الوزارة إن الزيارة تهدف إلى بحث التعاون الاقتصادي بين البلدين.
ونفى مصدر دبلوماسي أن تكون الزيارة مرتبطة بالأزمة الأخيرة.
"""


def test_story_filter_matrix_cell_and_permalink(live_server, page, shot, seed_story):
    """Open the story, filter the timeline, open a matrix cell in place, follow a permalink to its highlighted quote."""
    page.goto(f"{live_server.url}{seed_story.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#coverage svg")).to_be_visible()
    shot(page, "story")

    dated = Article.objects.filter(story=seed_story, published_at__isnull=False, source__isnull=False)
    source = dated.values_list("source_id", flat=True).first()
    assert source is not None, "the seed story needs at least one dated article"
    page.select_option("#filter-source", str(source))
    page.wait_for_url(re.compile(rf"[?&]source={source}\b"))  # the filtered view has its own shareable URL
    expect(page.locator(".filter-note")).to_be_visible()
    expect(page.locator("#coverage circle.mark")).to_have_count(dated.filter(source_id=source).count())
    expect(page.locator("#coverage .lane-label")).to_have_count(1)
    shot(page, "story-filtered")

    page.goto(f"{live_server.url}{reverse('stories:matrix', kwargs={'slug': seed_story.slug})}")
    cell = page.locator("td.cell a").first
    href = cell.get_attribute("href")
    claim_id, source_id = map(int, re.search(r"/matrix/(\d+)/(\d+)/$", href).groups())
    cell.click()
    panel = page.locator(f"#quotes-{claim_id} .cell-panel")
    expect(panel).to_be_visible()
    assert page.url.endswith("/matrix/"), "the quotes open in place, the page does not navigate"
    quotes = {
        e.quote
        for e in Evidence.objects.filter(claim_id=claim_id, article__source_id=source_id).select_related(
            "article"
        )
    }
    assert panel.locator("mark").first.text_content() in quotes
    shot(page, "matrix-cell", full_page=False)

    page.locator(f"#row-{claim_id} th a").first.click()
    page.wait_for_url(re.compile(rf"/claims/{claim_id}-"))
    first_mark = page.locator("ol.quotes mark").first
    expect(first_mark).to_be_visible()
    every_quote = {e.quote for e in Evidence.objects.filter(claim_id=claim_id).select_related("article")}
    assert first_mark.text_content() in every_quote
    jsonld = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert jsonld["@type"] == "Claim" and jsonld["appearance"]
    shot(page, "permalink")


def test_admin_upload_reaches_done_and_status_polls(live_server, page, shot, django_user_model, tmp_path):
    """Log in, upload an article through the admin, and watch its status reach done on the live status list."""
    django_user_model.objects.create_user("desk", password="pw-desk-12345", is_staff=True, is_superuser=True)
    story = Story.objects.create(slug="upload", title="زيارة وزير الخارجية", is_public=False)
    upload = tmp_path / "visit.txt"
    upload.write_text(ARTICLE, encoding="utf-8")

    page.goto(f"{live_server.url}/admin/login/?next=/admin/stories/article/upload/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "pw-desk-12345")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/stories/article/upload/"))
    page.select_option("#id_story", str(story.id))
    page.set_input_files("#id_files", str(upload))
    page.fill("#id_new_source", "وكالة الاختبار")
    page.click("input[name=_upload]")
    page.wait_for_url(re.compile(r"/admin/stories/article/"))

    page.goto(f"{live_server.url}{reverse('stories:status', kwargs={'slug': story.slug})}")
    status = page.locator("#status [data-status]").first
    expect(status).to_have_attribute("data-status", "done")
    article = Article.objects.get(story=story)
    assert article.status == Article.Status.DONE and article.text

    # The list follows a running analysis without a reload, then slows down once everything is finished.
    Article.objects.filter(id=article.id).update(status=Article.Status.PROCESSING)
    page.reload()
    expect(page.locator("#status")).to_have_attribute("data-pending", "true")
    page.evaluate("window.__sameDocument = true")
    Article.objects.filter(id=article.id).update(status=Article.Status.DONE)
    expect(page.locator("#status [data-status]").first).to_have_attribute(
        "data-status", "done", timeout=10_000
    )
    expect(page.locator("#status")).to_have_attribute("data-pending", "false")
    assert page.evaluate("window.__sameDocument") is True
    expect(page.locator("#status")).to_have_attribute("hx-trigger", "every 15s")
    # An upload made after the page went idle still appears, in the same document.
    later = services.article_ingest(
        story=story, data="قال الوزير إن المطار سيفتح الأسبوع المقبل.\n".encode(), origin="later.txt"
    )
    expect(page.locator(f"#article-{later.id}")).to_be_visible(timeout=30_000)
    assert page.evaluate("window.__sameDocument") is True
    shot(page, "status")


def test_search_as_you_type_is_arabic_aware(live_server, page, shot, seed_story):
    """Typing a spelling variant (teh marbuta written as haa, no hamza) finds the text as the editor types."""
    page.goto(f"{live_server.url}{reverse('stories:search')}")
    page.locator("#q").press_sequentially("السوريه", delay=40)
    results = page.locator("#results mark").first
    expect(results).to_be_visible()
    assert "سوري" in results.text_content()
    page.wait_for_url(re.compile(r"[?&]q="))
    shot(page, "search")


def test_english_interface_reads_left_to_right(live_server, page, shot, seed_story):
    page.goto(f"{live_server.url}{reverse('stories:matrix', kwargs={'slug': seed_story.slug})}")
    page.select_option("#language-select", "en")
    page.click("form.language button")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_contain_text("Stance matrix")
    shot(page, "matrix-en", full_page=False)
