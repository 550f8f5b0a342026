"""Uploaded text never reaches a page unescaped: script, htmx-attribute and event-handler payloads stay inert."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from stories.models import Article, Claim, Entity, Event, Evidence, Mention, Source, Story

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    '<a hx-get="/admin/" hx-trigger="load" hx-target="body">x</a>',
    '"><svg onload=alert(1)>',
    "</script><script>alert(2)</script>",
]
HOSTILE = " ".join(PAYLOADS)


@pytest.fixture
def hostile():
    """Every text field a page shows carries every payload: article text, titles, claim wording, names."""
    story = Story.objects.create(slug="xss", title="قصة " + HOSTILE, is_public=True)
    source = Source.objects.create(name="منفذ " + PAYLOADS[1], domain="evil.example")
    text = f"قال المتحدث {HOSTILE} إن الوفد وصل يوم 3 مارس.\nفقرة ثانية {PAYLOADS[2]}."
    article = Article.objects.create(
        story=story,
        source=source,
        original=b"x",
        sha256="f" * 64,
        origin=PAYLOADS[0] + ".txt",
        url="https://evil.example/a",
        title="عنوان " + HOSTILE,
        text=text,
        status=Article.Status.FAILED,
        error="خطأ " + HOSTILE,
        published_at=datetime(2020, 3, 3, tzinfo=UTC),
    )
    claim = Claim.objects.create(story=story, text="ادعاء " + HOSTILE, first_reported_in=article)
    start = text.index(PAYLOADS[0])
    Evidence.objects.create(
        claim=claim,
        article=article,
        start=start,
        end=start + len(HOSTILE),
        stance="asserts",
        attributed_to="المتحدث " + PAYLOADS[3],
    )
    day = text.index("3 مارس")
    Event.objects.create(article=article, date="2020-03-03", precision="day", start=day, end=day + 6)
    entity = Entity.objects.create(story=story, key="x", name="كيان " + PAYLOADS[1], aliases=[PAYLOADS[0]])
    Mention.objects.create(entity=entity, article=article, start=0, end=3, epithet="لقب " + PAYLOADS[2])
    return {"story": story, "source": source, "article": article, "claim": claim, "entity": entity}


def pages(data: dict) -> list[str]:
    slug, claim = data["story"].slug, data["claim"]
    return [
        reverse("stories:story_list"),
        reverse("stories:story", kwargs={"slug": slug}),
        reverse("stories:story", kwargs={"slug": slug}) + f"?claim={claim.id}",
        reverse("stories:matrix", kwargs={"slug": slug}),
        reverse(
            "stories:matrix_cell", kwargs={"slug": slug, "claim_id": claim.id, "source_id": data["source"].id}
        ),
        claim.get_absolute_url(),
        reverse("stories:article", kwargs={"slug": slug, "pk": data["article"].id}),
        reverse("stories:entity", kwargs={"slug": slug, "pk": data["entity"].id}),
        reverse("stories:source", kwargs={"slug": slug, "pk": data["source"].id}),
        reverse("stories:status", kwargs={"slug": slug}),
        reverse("stories:search") + "?q=" + "المتحدث",
        reverse("stories:search") + "?q=" + "<script>",
    ]


@pytest.mark.parametrize("htmx", [False, True])
def test_no_payload_reaches_a_page_unescaped(client, hostile, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    for url in pages(hostile):
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
        html = response.content.decode()
        for payload in PAYLOADS:
            assert payload not in html, (url, payload)
        assert "<script>alert" not in html and "<img" not in html and "<svg onload" not in html, url
        assert 'hx-get="/admin/"' not in html, url


def test_payload_is_shown_as_text(client, hostile):
    html = client.get(hostile["claim"].get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<mark>&lt;script&gt;" in html  # the quote itself is highlighted, escaped


def test_jsonld_cannot_close_its_script_and_keeps_the_text(client, hostile):
    html = client.get(hostile["claim"].get_absolute_url()).content.decode()
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(block)
    assert data["text"] == hostile["claim"].text
    assert "<" not in block and ">" not in block


def test_exports_keep_text_verbatim_but_csv_cannot_start_a_formula(client, hostile):
    Claim.objects.filter(id=hostile["claim"].id).update(text='=HYPERLINK("https://evil.example")')
    data = client.get(reverse("stories:story_json", kwargs={"slug": "xss"})).json()
    assert data["articles"][0]["title"] == hostile["article"].title
    csv_body = client.get(reverse("stories:matrix_csv", kwargs={"slug": "xss"})).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_body)))
    assert rows[1][1] == '\'=HYPERLINK("https://evil.example")'


def test_review_posts_need_csrf(hostile, django_user_model):
    from django.test import Client

    user = django_user_model.objects.create_user("ed", password="pw-ed-12345", is_staff=True)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    url = reverse("stories:claim_reword", kwargs={"pk": hostile["claim"].id})
    assert strict.post(url, {"text": "x"}).status_code == 403
    page = strict.get(hostile["claim"].get_absolute_url()).content.decode()
    assert 'hx-headers=\'{"X-CSRFToken": "' in page
    token = page.split('"X-CSRFToken": "')[1].split('"')[0]
    assert strict.post(url, {"text": "صياغة"}, headers={"X-CSRFToken": token}).status_code == 302


def test_open_redirect_is_refused(client, hostile, django_user_model):
    user = django_user_model.objects.create_user("ed2", password="pw-ed-12345", is_staff=True)
    client.force_login(user)
    url = reverse("stories:stance_override", kwargs={"pk": hostile["claim"].id})
    response = client.post(
        url, {"article": hostile["article"].id, "stance": "denies", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and not response.url.startswith("https://evil.example")


# Links: only http(s) URLs are ever rendered as links, including URLs stored before uploads were checked.


@pytest.mark.parametrize(
    "bad", ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "data:text/html,x"]
)
def test_a_stored_non_web_url_never_becomes_a_link(client, hostile, bad):
    Article.objects.filter(id=hostile["article"].id).update(url=bad)
    slug, claim = hostile["story"].slug, hostile["claim"]
    for url in [
        reverse("stories:article", kwargs={"slug": slug, "pk": hostile["article"].id}),
        claim.get_absolute_url(),
        reverse(
            "stories:matrix_cell",
            kwargs={"slug": slug, "claim_id": claim.id, "source_id": hostile["source"].id},
        ),
    ]:
        page = client.get(url).content.decode()
        assert bad.strip() not in page and "javascript:" not in page.lower(), url


def test_a_web_url_is_still_a_link(client, hostile):
    page = client.get(reverse("stories:article", kwargs={"slug": "xss", "pk": hostile["article"].id})).content
    assert b'href="https://evil.example/a" rel="noopener noreferrer nofollow"' in page


def test_the_upload_form_refuses_a_non_web_url(editor_client, hostile):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("a.txt", "قال الوزير إن الوفد وصل.".encode())
    response = editor_client.post(
        reverse("admin:stories_article_upload"),
        {"story": hostile["story"].id, "files": [upload], "url": "javascript:alert(1)"},
    )
    assert response.status_code == 200 and not Article.objects.filter(url__startswith="javascript").exists()


def test_an_over_long_file_name_is_stored_whole_or_refused_never_a_500(editor_client, hostile):
    from django.core.files.uploadedfile import SimpleUploadedFile

    name = "تقرير-" * 40 + ".txt"  # 244 characters: the outlet stand-in is cut, the origin keeps it all
    upload = SimpleUploadedFile(name, "قال الوزير إن الوفد وصل إلى العاصمة.".encode())
    response = editor_client.post(
        reverse("admin:stories_article_upload"), {"story": hostile["story"].id, "files": [upload]}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    article = Article.objects.get(origin=name)
    assert len(article.source.name) == 200 and article.source.name.endswith("…")


# Private stories: staff only, through every page, download and search.


def private_urls(data: dict) -> list[str]:
    slug, claim = data["story"].slug, data["claim"]
    return [
        *[u for u in pages(data) if "search" not in u and u != reverse("stories:story_list")],
        reverse("stories:matrix_csv", kwargs={"slug": slug}),
        reverse("stories:story_json", kwargs={"slug": slug}),
        reverse("stories:claim_csv", kwargs={"pk": claim.id, "slug": claim.slug or "claim"}),
        reverse("stories:claim_json", kwargs={"pk": claim.id, "slug": claim.slug or "claim"}),
        reverse("stories:claim_short", kwargs={"pk": claim.id}),
    ]


@pytest.fixture
def private(hostile):
    Story.objects.filter(id=hostile["story"].id).update(is_public=False, title="قصة سرية")
    return hostile


def test_a_logged_in_reader_without_staff_status_reads_no_private_story(client, private, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="pw-reader-12345"))
    for url in private_urls(private):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "سرية".encode() not in response.content and b"evil.example" not in response.content, url
    assert "سرية" not in client.get(reverse("stories:story_list")).content.decode()
    for query in ["?q=المتحدث", "?q=المتحدث&story=xss"]:
        found = client.get(reverse("stories:search") + query).content.decode()
        assert "سرية" not in found and "المتحدث</mark>" not in found and "evil" not in found


def test_an_anonymous_reader_is_asked_to_log_in(client, private):
    for url in private_urls(private):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response.url, url


def test_staff_read_every_private_page(client, private, django_user_model):
    client.force_login(
        django_user_model.objects.create_user("staff", password="pw-staff-12345", is_staff=True)
    )
    for url in private_urls(private):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
    assert "سرية" in client.get(reverse("stories:story_list")).content.decode()


# The Content-Security-Policy: this site's scripts and styles only, on every response.


def test_every_page_carries_a_strict_content_security_policy(client, hostile):
    for url in [*pages(hostile), reverse("admin:login")]:
        response = client.get(url)
        policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'", url
        assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
        assert "unsafe" not in response["Content-Security-Policy"]


def test_pages_need_no_inline_script_or_style(client, hostile):
    import re

    for url in pages(hostile):
        page = client.get(url).content.decode()
        assert " style=" not in page and "<style" not in page, url
        for tag in re.findall(r"<script\b[^>]*>", page):
            assert "src=" in tag or 'type="application/ld+json"' in tag, (url, tag)
