"""Readers' page cache: a second read is cheaper, a correction or a new analysis shows at once, private stays private."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stories import services
from stories.models import Claim, Story
from tests.conftest import ROOT

REWORDED = "نص أعاد المحرر صياغته للاختبار"


@pytest.fixture(autouse=True)
def empty_cache(settings):
    settings.NEWSDESK_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def story_pages(story: Story) -> list[str]:
    claim = Claim.objects.filter(story=story, evidence__isnull=False).order_by("id").first()
    return [
        reverse("stories:story", kwargs={"slug": story.slug}),
        reverse("stories:matrix", kwargs={"slug": story.slug}),
        claim.get_absolute_url(),
        reverse("stories:search") + "?story=" + story.slug + "&q=" + claim.text.split()[0],
    ]


def test_a_second_read_is_served_from_the_cache_with_fewer_queries(
    seed_story, client, django_assert_max_num_queries
):
    for url in story_pages(seed_story):
        first = client.get(url)
        assert first.status_code == 200
        with django_assert_max_num_queries(2):  # the story (or claim) and its read check, nothing else
            second = client.get(url)
        assert second.status_code == 200
        assert _without_token(second) == _without_token(first), url


def _without_token(response) -> str:
    return re.sub(r"\w{64}", "TOKEN", response.content.decode())


def test_a_correction_shows_at_once_on_every_page(seed_story, client, editor):
    claim = Claim.objects.filter(story=seed_story, evidence__isnull=False).order_by("id").first()
    pages = story_pages(seed_story)[:2]
    for url in pages:
        assert REWORDED not in client.get(url).content.decode()
    services.claim_reword(claim=claim, text=REWORDED, user=editor)
    for url in pages:
        assert REWORDED in client.get(url).content.decode(), url
    assert REWORDED in client.get(claim.get_absolute_url(), follow=True).content.decode()


def test_a_new_analysis_shows_at_once(seed_story, client):
    url = reverse("stories:matrix", kwargs={"slug": seed_story.slug})
    before = client.get(url).content.decode()
    article = services.article_ingest(
        story=seed_story,
        data=(ROOT / "tests" / "articles" / "flood_2_residents.txt").read_bytes(),
        origin="flood_2_residents.txt",
        source=services.source_resolve(name="منفذ السيول الجديد"),
    )
    article.refresh_from_db()
    assert article.status == "done"
    after = client.get(url).content.decode()
    assert "منفذ السيول الجديد" not in before and "منفذ السيول الجديد" in after


def test_the_token_on_a_cached_page_is_the_readers_own(seed_story):
    url = reverse("stories:story", kwargs={"slug": seed_story.slug})
    Client().get(url)  # fills the cache
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(url)
    token = page.content.decode().split('csrfmiddlewaretoken" value="')[1].split('"')[0]
    switched = reader.post(
        reverse("set_language"), {"language": "en", "next": url, "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302  # a stranger's token would be refused with 403


def test_private_pages_are_never_served_from_the_cache_to_readers_without_access(
    seed_story, client, editor, django_user_model
):
    pages = story_pages(seed_story)
    for url in pages:
        assert client.get(url).status_code == 200  # cached for readers while the story is public
    Story.objects.filter(id=seed_story.id).update(is_public=False)
    for url in pages[:3]:
        assert client.get(url).status_code == 302, url  # anonymous: asked to log in, not the cached page
    outsider = django_user_model.objects.create_user("outsider", password="pw-outsider-123")
    logged_in = Client()
    logged_in.force_login(outsider)
    for url in pages[:3]:
        assert logged_in.get(url).status_code == 404, url
    staff = Client()
    staff.force_login(editor)
    for url in pages[:3]:
        assert editor.username in staff.get(url).content.decode(), url  # rendered for the editor, not cached
    search = logged_in.get(pages[3]).content.decode()
    assert seed_story.title not in search


def test_the_cache_can_be_turned_off(seed_story, client, settings):
    settings.NEWSDESK_PAGE_CACHE = False
    url = reverse("stories:matrix", kwargs={"slug": seed_story.slug})
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) > 2
