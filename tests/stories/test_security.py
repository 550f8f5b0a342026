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
