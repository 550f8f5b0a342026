"""The seed story on a phone (390 × 844) and a wide screen (1366 × 900), in Arabic and English.

No page scrolls sideways; the key claims are on the first screen of the wide story page and matrix; on a phone the
matrix is one card per claim with its outlets listed; an opened cell is highlighted and closes again.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories import selectors

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect

SIZES = {"phone": (390, 844), "wide": (1366, 900)}


@pytest.fixture
def tab(browser, live_server):
    contexts = []

    def open_tab(size: str, lang: str):
        width, height = SIZES[size]
        context = browser.new_context(locale=lang, viewport={"width": width, "height": height})
        context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_tab
    for context in contexts:
        context.close()


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{page.url}: the document is {width}px wide in a {viewport}px window"


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_story_matrix_and_permalink_fit_the_screen(live_server, tab, shot, seed_story, size, lang):
    page = tab(size, lang)
    expect_dir = "rtl" if lang == "ar" else "ltr"
    key = selectors.story_ranking(story=seed_story).ordered("key")
    assert key, "the seed story has claims carried by two independent outlets"

    page.goto(f"{live_server.url}{seed_story.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("dir", expect_dir)
    _no_sideways_scroll(page)
    first_key = page.locator(".key-claims li a").first
    expect(first_key).to_be_visible()
    if size == "wide":
        assert first_key.bounding_box()["y"] + first_key.bounding_box()["height"] <= SIZES[size][1]
    else:
        expect(page.locator("#coverage")).to_be_hidden()  # the timeline gives way to a list on a phone
        expect(page.locator(".chart-list")).to_be_visible()
    shot(page, f"layout-story-{size}-{lang}", full_page=False)

    page.goto(f"{live_server.url}{reverse('stories:matrix', kwargs={'slug': seed_story.slug})}")
    _no_sideways_scroll(page)
    rows = page.locator("table.matrix tbody tr[id^='row-']")
    expect(rows).to_have_count(min(len(key), 25))
    first_row = page.locator(f"#row-{key[0]}")
    expect(first_row).to_be_visible()
    if size == "wide":
        assert first_row.bounding_box()["y"] < SIZES[size][1], "the first key claim is on the first screen"
        # The claim column stays in place while the outlets scroll under it.
        assert (
            page.locator("table.matrix tbody th").first.evaluate("e => getComputedStyle(e).position")
            == "sticky"
        )
    else:
        # One card per claim: the outlets that carry it are listed by name, silent ones left out.
        expect(first_row.locator("td.cell .cell-source").first).to_be_visible()
        for silent in first_row.locator("td.stance-silent").all():
            expect(silent).to_be_hidden()
    cell = first_row.locator("td.cell a").first
    cell.click()
    panel = page.locator(f"#quotes-{key[0]} .cell-panel")
    expect(panel).to_be_visible()
    expect(first_row.locator("td.cell.open")).to_have_count(1)
    _no_sideways_scroll(page)
    shot(page, f"layout-matrix-{size}-{lang}", full_page=False)
    panel.locator("button.close-cell").click()
    expect(panel).to_have_count(0)
    expect(first_row.locator("td.cell.open")).to_have_count(0)

    first_row.locator("th a").first.click()
    page.wait_for_url(f"**/claims/{key[0]}-**")
    expect(page.locator("ol.quotes mark").first).to_be_visible()
    _no_sideways_scroll(page)
    shot(page, f"layout-permalink-{size}-{lang}", full_page=False)
