"""Outlets are named from the URL, the page, a credit or the known-outlets table; otherwise "unnamed outlet",
never a file hash."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from stories import services
from stories.models import Article, KnownOutlet, Source

pytestmark = pytest.mark.django_db

FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}")
TEXT = "أعلنت الحكومة أن الوزير زار المدينة يوم 3 مارس 2020 والتقى المسؤولين فيها.\n"


def _visible_outlet_text(html: str) -> str:
    """The page without its file-name hints, the one place an outlet's file name may show."""
    html = re.sub(r'<small class="file-hint".*?</small>', "", html, flags=re.S)
    # An article without a title is listed by its file name: that is the article, not its outlet.
    html = re.sub(r"<title>.*?</title>|<h1[^>]*>.*?</h1>", "", html, flags=re.S)
    return re.sub(r'<a href="/stories/[^"]+/articles/\d+/"[^>]*>[^<]*</a>', "", html)


def _pages(story, source) -> list[str]:
    return [
        reverse("stories:story", kwargs={"slug": story.slug}),
        reverse("stories:matrix", kwargs={"slug": story.slug}) + "?rows=all",
        reverse("stories:source", kwargs={"slug": story.slug, "pk": source.id}),
        *[c.get_absolute_url() for c in story.claims.all()],
        *[reverse("stories:article", kwargs={"slug": story.slug, "pk": a.id}) for a in story.articles.all()],
        reverse("stories:search") + "?q=الوزير",
    ]


def test_an_upload_nothing_names_is_an_unnamed_outlet_with_its_file_as_a_hint(
    client, django_capture_on_commit_callbacks
):
    story = services.story_get_or_create(slug="hash", title="قصة", is_public=True)
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(2):
            services.article_ingest(
                story=story, data=TEXT.encode() + bytes([65 + i]), origin=f"00{i}_cbaf4748d8bd31e{i}.txt"
            )
    source = Source.objects.get(name="000_cbaf4748d8bd31e0")
    assert source.file_hint == "000_cbaf4748d8bd31e0.txt" and source.is_unnamed
    for url in _pages(story, source):
        html = client.get(url).content.decode()
        assert "منفذ غير مسمّى" in html, url
        assert 'class="file-hint"' in html, url
        found = FILE_NAME.search(_visible_outlet_text(html))
        assert not found, (url, _visible_outlet_text(html)[found.start() - 300 : found.end() + 50])
    assert "rename-outlet" not in client.get(_pages(story, source)[2]).content.decode()


def test_staff_get_a_rename_link_and_a_name_typed_in_the_admin_names_the_outlet(client):
    story = services.story_get_or_create(slug="rename", title="قصة", is_public=True)
    article = services.article_ingest(story=story, data=TEXT.encode(), origin="007_0123456789abcdef.txt")
    source = article.source
    editor = get_user_model().objects.create_user("ed", password="pw-ed-1", is_staff=True, is_superuser=True)
    client.force_login(editor)
    page = client.get(
        reverse("stories:source", kwargs={"slug": story.slug, "pk": source.id})
    ).content.decode()
    change = reverse("admin:stories_source_change", args=[source.id])
    assert f'class="rename-outlet" href="{change}"' in page
    client.post(change, {"name": "شبكة الميدان", "domain": "", "file_hint": source.file_hint})
    source.refresh_from_db()
    assert source.name == "شبكة الميدان" and source.file_hint == "" and not source.is_unnamed
    html = client.get(reverse("stories:story", kwargs={"slug": story.slug})).content.decode()
    assert "شبكة الميدان" in html and "منفذ غير مسمّى" not in html


def test_known_outlets_name_a_domain_and_a_cited_domain(django_capture_on_commit_callbacks):
    KnownOutlet.objects.create(domain="www.Example-News.com", name="أخبار المثال", country="الأردن")
    assert KnownOutlet.objects.get().domain == "example-news.com"
    # A URL from the domain or a subdomain of it.
    assert services.source_resolve(url="https://ar.example-news.com/x/1").name == "أخبار المثال"
    assert services.source_resolve(url="https://other.example/1").name == "other.example"
    # No URL, no site name or credit: the text citing the domain names it, after the analysis.
    story = services.story_get_or_create(slug="known", title="قصة")
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_ingest(
            story=story,
            data=(TEXT + "\nالمصدر: www.example-news.com\n").encode(),
            origin="123_aaaaaaaaaaaaaaaa.txt",
        )
    article = Article.objects.select_related("source").get(id=article.id)
    assert article.status == Article.Status.DONE
    assert article.source.name == "أخبار المثال" and not article.source.is_unnamed
    assert not Source.objects.filter(name="123_aaaaaaaaaaaaaaaa").exists()  # the stand-in is gone


def test_a_known_outlet_added_later_names_the_outlets_known_by_its_domain(admin_client):
    source = services.source_resolve(url="https://www.later.example/a")
    assert source.name == "later.example"
    admin_client.post(
        reverse("admin:stories_knownoutlet_add"), {"domain": "later.example", "name": "لاحقة", "country": ""}
    )
    source.refresh_from_db()
    assert source.name == "لاحقة"


def test_the_page_site_name_wins_over_the_known_outlets_table(django_capture_on_commit_callbacks):
    KnownOutlet.objects.create(domain="cited.example", name="منفذ مذكور")
    story = services.story_get_or_create(slug="site", title="قصة")
    page = (
        '<html><head><meta property="og:site_name" content="جريدة الميدان"></head><body><article><p>'
        + TEXT
        + "</p><p>cited.example</p></article></body></html>"
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_ingest(story=story, data=page.encode(), origin="9_x.html")
    assert Article.objects.get(id=article.id).source.name == "جريدة الميدان"
