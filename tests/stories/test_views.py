"""Pages: each renders for a built story with a pinned, bounded number of queries, and answers HTMX with fragments."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from stories.models import (
    Article,
    Claim,
    Correction,
    Entity,
    Event,
    Evidence,
    Mention,
    ReviewLog,
    Source,
    Story,
)
from stories.nlp.wording import neutral_text
from stories.services.claims import claims_wording_refresh

pytestmark = pytest.mark.django_db

TEXTS = [
    "أعلنت مصادر مطلعة أن الوفد وصل إلى العاصمة يوم 29 فبراير.\nوقال المتحدث إن الزيارة بحثت التعاون الأمني.",
    "نفى المتحدث الرسمي أن يكون الوفد قد وصل إلى العاصمة.\nوأضاف أن الأنباء عارية عن الصحة.",
    "أعلنت مصادر مطلعة أن الوفد وصل إلى العاصمة يوم 29 فبراير.\nوقال المتحدث إن الزيارة بحثت التعاون الأمني.",
    "شكّك محللون في رواية وصول الوفد إلى العاصمة، وقالوا إن السفارة فتحت أبوابها في 3 مارس.",
]


def _quote(article: Article, phrase: str) -> tuple[int, int]:
    start = article.text.index(phrase)
    return start, start + len(phrase)


def build_story(*, slug: str = "visit", public: bool = True, articles: int = 4) -> dict:
    """A small analysed story: three outlets, one article a copy of another, two claims, events, mentions."""
    story = Story.objects.create(slug=slug, title=f"زيارة الوفد {slug}", is_public=public)
    outlets = [
        Source.objects.get_or_create(name=n, defaults={"domain": f"{i}.example"})[0]
        for i, n in enumerate(["وكالة الأنباء", "صحيفة المساء", "موقع الخبر"])
    ]
    made = []
    for i in range(articles):
        text = TEXTS[i % len(TEXTS)]
        made.append(
            Article.objects.create(
                story=story,
                source=outlets[[0, 1, 2, 2][i % 4]],
                original=f"{slug}-{i}".encode(),
                sha256=hashlib.sha256(f"{slug}-{i}".encode()).hexdigest(),
                origin=f"a{i}.txt",
                url=f"https://{i}.example/a",
                title=f"عنوان {i}",
                text=text,
                published_at=datetime(2020, 3, 1 + i % 4, 8 + i % 5, tzinfo=UTC),
                published_has_time=True,
                status=Article.Status.DONE,
            )
        )
    made[2].duplicate_of = made[0]
    made[2].save()
    arrived = Claim.objects.create(story=story, text="وصل الوفد إلى العاصمة", first_reported_in=made[0])
    talks = Claim.objects.create(story=story, text="الزيارة بحثت التعاون الأمني", first_reported_in=made[0])
    stances = ["asserts", "denies", "asserts", "doubts"]
    for i, article in enumerate(made):
        phrase = {
            0: "الوفد وصل إلى العاصمة",
            1: "أن يكون الوفد قد وصل إلى العاصمة",
            2: "الوفد وصل إلى العاصمة",
            3: "رواية وصول الوفد إلى العاصمة",
        }[i % 4]
        start, end = _quote(article, phrase)
        Evidence.objects.create(
            claim=arrived,
            article=article,
            start=start,
            end=end,
            stance=stances[i % 4],
            attributed_to="المتحدث" if i % 4 == 1 else "",
        )
        if "التعاون الأمني" in article.text:
            start, end = _quote(article, "الزيارة بحثت التعاون الأمني")
            Evidence.objects.create(
                claim=talks,
                article=article,
                start=start,
                end=end,
                stance="attributes",
                attributed_to="المتحدث",
            )
        for phrase, day in (("29 فبراير", "2020-02-29"), ("3 مارس", "2020-03-03")):
            if phrase in article.text:
                start, end = _quote(article, phrase)
                Event.objects.create(article=article, date=day, precision="day", start=start, end=end)
    person = Entity.objects.create(story=story, key="متحدث", name="المتحدث", kind="person")
    place = Entity.objects.create(story=story, key="عاصمه", name="العاصمة", kind="location")
    for article in made:
        for entity, phrase, epithet in ((person, "المتحدث", "الرسمي"), (place, "العاصمة", "")):
            if phrase in article.text:
                start, end = _quote(article, phrase)
                Mention.objects.create(
                    entity=entity,
                    article=article,
                    start=start,
                    end=end,
                    epithet=epithet if article.source_id == outlets[1].id else "",
                )
    return {
        "story": story,
        "sources": outlets,
        "articles": made,
        "claims": [arrived, talks],
        "entities": [person, place],
    }


@pytest.fixture
def built():
    return build_story()


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("editor", password="pw-editor-1", is_staff=True)
    client.force_login(user)
    return user


def page_urls(data: dict) -> dict[str, str]:
    story, claim, source, entity = data["story"], data["claims"][0], data["sources"][1], data["entities"][0]
    return {
        "list": reverse("stories:story_list"),
        "story": reverse("stories:story", kwargs={"slug": story.slug}),
        "story_filtered": reverse("stories:story", kwargs={"slug": story.slug})
        + f"?source={source.id}&claim={claim.id}",
        "matrix": reverse("stories:matrix", kwargs={"slug": story.slug}) + "?sort=contested",
        "cell": reverse(
            "stories:matrix_cell", kwargs={"slug": story.slug, "claim_id": claim.id, "source_id": source.id}
        ),
        "claim": claim.get_absolute_url(),
        "entity": reverse("stories:entity", kwargs={"slug": story.slug, "pk": entity.id}),
        "source": reverse("stories:source", kwargs={"slug": story.slug, "pk": source.id}),
        "article": reverse("stories:article", kwargs={"slug": story.slug, "pk": data["articles"][0].id}),
        "status": reverse("stories:status", kwargs={"slug": story.slug}),
        "search": reverse("stories:search") + "?q=" + "الوفد",
        "json": reverse("stories:story_json", kwargs={"slug": story.slug}),
        "matrix_csv": reverse("stories:matrix_csv", kwargs={"slug": story.slug}),
        "claim_csv": reverse("stories:claim_csv", kwargs={"pk": claim.id, "slug": claim.slug}),
        "claim_json": reverse("stories:claim_json", kwargs={"pk": claim.id, "slug": claim.slug}),
    }


# Pinned per page for an anonymous reader; the bigger story below must not need more.
QUERY_LIMITS = {
    "list": 1,
    "story": 18,  # the digest and the claim ranking: one grouped evidence read plus a few small ones
    "story_filtered": 19,
    "matrix": 7,
    "cell": 4,
    "claim": 4,
    "entity": 6,  # and the count of the co-occurring entities, which are paged
    "source": 8,
    "article": 3,
    # 3 + the latest imports, and 4 when the in-process sweeper is due (embedded default, once a minute)
    "status": 8,
    "search": 3,
    "json": 11,
    "matrix_csv": 7,
    "claim_csv": 2,
    "claim_json": 2,
}


@pytest.mark.parametrize("name", list(QUERY_LIMITS))
def test_page_renders_with_bounded_queries(client, django_assert_max_num_queries, name):
    small = page_urls(build_story(slug="small", articles=4))
    big = page_urls(build_story(slug="big", articles=40))
    for urls in (small, big):
        with django_assert_max_num_queries(QUERY_LIMITS[name]):
            response = client.get(urls[name])
        assert response.status_code == 200, (name, response.status_code)


def coverage_svg(html: str) -> str:
    return html.split('id="coverage"')[1].split("</figure>")[0]


def test_story_page_draws_timelines_and_first_claims(client, built):
    response = client.get(built["story"].get_absolute_url())
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    coverage = coverage_svg(html)
    assert coverage.count('<circle class="mark') == 4  # one mark per article, none folded at this spacing
    assert '<circle class="mark copy' in coverage  # the copy is drawn hollow
    assert 'class="copy-link"' in html  # and linked to its original
    assert "first-claim" in html
    assert 'id="event-2020-02-29"' in html and 'id="event-2020-03-03"' in html
    assert "وصل الوفد إلى العاصمة" in html
    assert 'hx-push-url="true"' in html and 'hx-target="#timelines"' in html


def test_timeline_labels_keep_their_own_direction_in_both_languages(client, built):
    """An outlet name or date mixing scripts is isolated; the label's side follows the page's language."""
    for lang, direction in (("ar", "rtl"), ("en", "ltr")):
        client.cookies["django_language"] = lang
        coverage = coverage_svg(client.get(built["story"].get_absolute_url()).content.decode())
        labels = coverage.split('class="lane-label"')[1:]
        assert labels and all(f'direction="{direction}"><tspan class="bidi">' in label for label in labels)
    css = (settings.BASE_DIR / "static" / "css" / "newsdesk.css").read_text()
    assert ".timeline-svg .bidi { unicode-bidi: plaintext; }" in css


def test_story_filter_answers_htmx_with_the_timelines_fragment(client, built):
    story, source = built["story"], built["sources"][1]
    url = story.get_absolute_url() + f"?source={source.id}"
    fragment = client.get(url, headers={"HX-Request": "true"})
    body = fragment.content.decode()
    assert fragment.status_code == 200
    assert body.lstrip().startswith('<div id="timelines"')
    assert "<html" not in body
    assert coverage_svg(body).count('<circle class="mark') == 1  # صحيفة المساء published one article
    assert "HX-Request" in fragment.headers["Vary"]
    assert client.get(url).content.decode().count("<html") == 1


def test_matrix_cells_show_overall_stance_and_fold_copies(client, built):
    story = built["story"]
    html = client.get(reverse("stories:matrix", kwargs={"slug": story.slug})).content.decode()
    assert html.count('class="cell stance-asserts"') == 1  # وكالة الأنباء, its own report
    assert 'class="cell stance-denies"' in html
    assert 'class="cell stance-doubts"' in html  # موقع الخبر: its own article doubts; its copy does not count
    assert "+1" in html  # the original is marked as copied by one outlet
    assert 'class="contested"' in html
    # pair agreement: agency asserts, paper denies -> 0% on the shared claim
    assert "0%" in html


def test_matrix_cell_fragment_and_fallback_page(client, built):
    story, claim, source = built["story"], built["claims"][0], built["sources"][1]
    url = reverse(
        "stories:matrix_cell", kwargs={"slug": story.slug, "claim_id": claim.id, "source_id": source.id}
    )
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment
    assert "<mark>أن يكون الوفد قد وصل إلى العاصمة</mark>" in fragment
    page = client.get(url).content.decode()
    assert "<html" in page and "<mark>أن يكون الوفد قد وصل إلى العاصمة</mark>" in page


def test_matrix_sort_by_first_reported_and_contested(client, built):
    story = built["story"]
    url = reverse("stories:matrix", kwargs={"slug": story.slug})
    # The talks claim is one outlet's report and its copy: a single-outlet detail, listed with every claim.
    contested = client.get(url + "?sort=contested&rows=all", headers={"HX-Request": "true"}).content.decode()
    first = contested.index("وصل الوفد إلى العاصمة")
    assert first < contested.index("الزيارة بحثت التعاون الأمني")
    assert contested.lstrip().startswith('<div id="matrix"')


def test_claim_permalink_highlights_quote_in_paragraph_with_structured_data(client, built):
    claim = built["claims"][0]
    response = client.get(claim.get_absolute_url())
    html = response.content.decode()
    # the quote is marked inside its own paragraph, and the paragraph ends at the line break
    assert "أعلنت مصادر مطلعة أن <mark>الوفد وصل إلى العاصمة</mark> يوم 29 فبراير." in html
    assert "التعاون الأمني</mark>" not in html
    jsonld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert jsonld["@type"] == "Claim" and jsonld["text"] == claim.text
    assert jsonld["firstAppearance"]["publisher"]["name"] == "وكالة الأنباء"
    assert len(jsonld["appearance"]) == 4
    assert f'<meta property="og:title" content="{claim.text}">' in html
    assert 'name="twitter:card"' in html and 'property="og:description"' in html
    for ev in claim.evidence.all():
        assert f'id="evidence-{ev.id}"' in html


def test_claim_permalink_redirects_wrong_slug_and_after_merge(client, built, staff):
    arrived, talks = built["claims"]
    assert client.get(f"/claims/{arrived.id}-wrong/").url == arrived.get_absolute_url()
    response = client.post(reverse("stories:claim_merge", kwargs={"pk": talks.id}), {"into": arrived.id})
    assert response.status_code == 302
    old = client.get(talks.get_absolute_url())
    arrived.refresh_from_db()  # its shown wording is chosen again among all its quotes, the merged ones too
    assert old.status_code == 301 and old.url == arrived.get_absolute_url()
    assert Evidence.objects.filter(claim=talks).count() == 0
    assert ReviewLog.objects.filter(action="claim_merge", user=staff).exists()


def test_claim_downloads(client, built):
    claim = built["claims"][0]
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("stories:claim_csv", kwargs={"pk": claim.id, "slug": claim.slug})
                ).content.decode("utf-8-sig")
            )
        )
    )
    assert rows[0][:2] == ["id", "article_id"]
    assert len(rows) == 5
    quotes = {r[rows[0].index("quote")] for r in rows[1:]}
    assert "أن يكون الوفد قد وصل إلى العاصمة" in quotes
    data = json.loads(
        client.get(reverse("stories:claim_json", kwargs={"pk": claim.id, "slug": claim.slug})).content
    )
    assert data["claim"]["id"] == claim.id and len(data["evidence"]) == 4


def test_matrix_csv_has_one_column_per_outlet(client, built):
    body = client.get(reverse("stories:matrix_csv", kwargs={"slug": built["story"].slug})).content.decode(
        "utf-8-sig"
    )
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][2:] == [s.name for s in built["sources"]]
    arrived = next(r for r in rows if r[0] == str(built["claims"][0].id))
    assert arrived[2:] == ["asserts", "denies", "doubts"]


def test_export_json_matches_the_contract(client, built):
    data = client.get(reverse("stories:story_json", kwargs={"slug": built["story"].slug})).json()
    assert set(data) == {"story", "sources", "articles", "entities", "claims", "events", "agreement"}
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for claim in data["claims"]:
        for ev in claim["evidence"]:
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["quote"]


def test_private_story_needs_login(client, staff):
    data = build_story(slug="secret", public=False)
    client.logout()
    for url in (
        data["story"].get_absolute_url(),
        data["claims"][0].get_absolute_url(),
        reverse("stories:story_json", kwargs={"slug": "secret"}),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    assert "secret" not in client.get(reverse("stories:story_list")).content.decode()
    htmx = client.get(data["story"].get_absolute_url(), headers={"HX-Request": "true"})
    assert htmx.headers["HX-Redirect"].startswith(reverse("admin:login"))
    client.force_login(staff)
    assert client.get(data["story"].get_absolute_url()).status_code == 200


def test_entity_page_sets_epithets_side_by_side(client, built):
    person = built["entities"][0]
    html = client.get(
        reverse("stories:entity", kwargs={"slug": built["story"].slug, "pk": person.id})
    ).content.decode()
    assert 'class="only-here"><bdi>الرسمي</bdi>' in html
    assert "العاصمة" in html  # co-occurring entity


def test_source_page_lists_who_copies_it(client, built):
    agency = built["sources"][0]
    html = client.get(
        reverse("stories:source", kwargs={"slug": built["story"].slug, "pk": agency.id})
    ).content.decode()
    copied = html.split('id="copied-heading"')[1].split("</section>")[0]
    assert "موقع الخبر" in copied


def test_search_folds_arabic_spelling_variants(client, built):
    # hamza-less alef, alef maksura for yaa, haa for teh marbuta, and diacritics all still match
    for query in ("اعلنت", "الى العاصمه", "الوَفْد"):
        html = client.get(
            reverse("stories:search"), {"q": query}, headers={"HX-Request": "true"}
        ).content.decode()
        assert "عنوان 0" in html, query
    claims = client.get(reverse("stories:search"), {"q": "الزياره"}).content.decode()
    assert "الزيارة بحثت التعاون الأمني" in claims
    entities = client.get(reverse("stories:search"), {"q": "المتحدث"}).content.decode()
    assert (
        reverse("stories:entity", kwargs={"slug": built["story"].slug, "pk": built["entities"][0].id})
        in entities
    )
    assert "لا نتائج" in client.get(reverse("stories:search"), {"q": "كلمةغيرموجودة"}).content.decode()


def test_search_says_how_many_of_each_kind_and_pages_through_them(client):
    story = Story.objects.create(slug="many", title="قصة كثيرة", is_public=True)
    for i in range(23):
        Claim.objects.create(story=story, text=f"الوفد وصل إلى المحطة رقم {i}")
    html = client.get(reverse("stories:search"), {"q": "المحطة"}).content.decode()
    claims = html.split('class="search-claims"')[1].split("</section>")[0]
    assert "(23)" in claims and claims.count("<li>") == 10
    assert "صفحة 1 من 3" in claims and "claims_page=2" in claims
    last = client.get(reverse("stories:search"), {"q": "المحطة", "claims_page": "3"}).content.decode()
    last_claims = last.split('class="search-claims"')[1].split("</section>")[0]
    assert last_claims.count("<li>") == 3 and "صفحة 3 من 3" in last_claims
    shown = {c for page in (html, last) for c in range(23) if f"المحطة رقم {c}<" in page}
    assert len(shown) == 13  # pages 1 and 3 hold different claims


def test_search_hides_private_stories_from_anonymous_readers(client):
    build_story(slug="hidden", public=False)
    html = client.get(reverse("stories:search"), {"q": "الوفد"}).content.decode()
    assert "عنوان 0" not in html


def test_status_fragment_polls_fast_while_pending_and_slowly_when_idle(client, built):
    story = built["story"]
    url = reverse("stories:status", kwargs={"slug": story.slug})
    idle = client.get(url, headers={"HX-Request": "true"}).content.decode()
    # Idle, it still looks now and then, so an upload made later appears.
    assert 'hx-trigger="every 2s"' not in idle and 'hx-trigger="every 15s"' in idle
    Article.objects.filter(id=built["articles"][0].id).update(status=Article.Status.PROCESSING)
    Article.objects.filter(id=built["articles"][1].id).update(
        status=Article.Status.FAILED, error="تعذر فك الترميز"
    )
    html = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in html
    assert "تعذر فك الترميز" in html


def test_stance_override_is_recorded_and_kept(client, built, staff):
    claim, article = built["claims"][0], built["articles"][1]
    quote = Evidence.objects.get(claim=claim, article=article)
    response = client.post(
        reverse("stories:stance_override", kwargs={"pk": claim.id}),
        {"evidence": quote.id, "stance": "doubts", "next": claim.get_absolute_url()},
    )
    assert response.status_code == 302
    correction = Correction.objects.get(kind="stance")
    assert correction.payload["stance"] == "doubts" and correction.quotes[0]["sha256"] == article.sha256
    assert Evidence.objects.get(claim=claim, article=article).stance_by_editor
    assert ReviewLog.objects.filter(action="stance_override").count() == 1
    # The override may reword the claim (its shown wording reads stances): the old slug redirects to the new one.
    assert "عُدّل موقف هذا الاقتباس وحده" in client.get(response.url, follow=True).content.decode()


def test_split_reword_and_article_marks(client, built, staff):
    claim = built["claims"][0]
    denial = Evidence.objects.get(claim=claim, article=built["articles"][1])
    client.post(
        reverse("stories:claim_split", kwargs={"pk": claim.id}),
        {"evidence": [denial.id], "text": "نفي الوصول"},
    )
    new = Claim.objects.get(text="نفي الوصول")
    assert list(new.evidence.values_list("id", flat=True)) == [denial.id]
    client.post(reverse("stories:claim_reword", kwargs={"pk": new.id}), {"text": "نفي وصول الوفد"})
    new.refresh_from_db()
    assert new.text == "نفي وصول الوفد" and new.text_by_editor
    copy, original = built["articles"][3], built["articles"][1]
    client.post(reverse("stories:article_copy", kwargs={"pk": copy.id}), {"original": original.id})
    client.post(reverse("stories:article_off_topic", kwargs={"pk": copy.id}), {"off_topic": "1"})
    copy.refresh_from_db()
    assert copy.duplicate_of_id == original.id and copy.duplicate_by_editor and copy.off_topic
    assert set(ReviewLog.objects.values_list("action", flat=True)) == {
        "claim_split",
        "claim_reword",
        "article_mark_copy",
        "article_mark_off_topic",
    }


def test_review_needs_staff_and_post(client, built):
    claim = built["claims"][0]
    url = reverse("stories:claim_reword", kwargs={"pk": claim.id})
    assert client.get(url).status_code == 405
    assert client.post(url, {"text": "x"}).status_code == 302  # to the login page
    claim.refresh_from_db()
    assert claim.text == "وصل الوفد إلى العاصمة"
    user = get_user_model().objects.create_user("reader", password="pw-reader-1")
    client.force_login(user)
    client.post(url, {"text": "x"})
    claim.refresh_from_db()
    assert claim.text == "وصل الوفد إلى العاصمة"


def test_english_interface_flips_direction(client, built):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(built["story"].get_absolute_url()).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Coverage" in html


def matrix_head(html: str) -> str:
    return html.split('<table class="matrix">')[1].split("</thead>")[0]


def test_matrix_pages_claims_and_outlets_with_the_same_query_count(client, django_assert_max_num_queries):
    from tests.factories import make_story_with_matrix

    story = make_story_with_matrix(sources=14, claims=30)
    url = reverse("stories:matrix", kwargs={"slug": story.slug})
    for query in ("", "?page=2", "?page=2&cols=2&sort=contested", "?sort=first&page=9"):
        with django_assert_max_num_queries(QUERY_LIMITS["matrix"]):
            html = client.get(url + query).content.decode()
        assert "صفحة" in html
    first = client.get(url).content.decode()
    assert first.count('<tr id="row-') == 25
    assert matrix_head(first).count('<th scope="col">') == 13  # the claim column and 12 outlets
    second = client.get(url + "?page=2&cols=2").content.decode()
    assert second.count('<tr id="row-') == 5 and matrix_head(second).count('<th scope="col">') == 3
    # move the one denial from the first claim to the last: "most contested" must now lead with the last claim
    claims = list(Claim.objects.filter(story=story).order_by("id"))
    Evidence.objects.filter(claim=claims[0]).update(stance="asserts")
    Evidence.objects.filter(claim=claims[-1], article__source=Source.objects.order_by("-id").first()).update(
        stance="denies"
    )
    contested = client.get(url + "?sort=contested").content.decode()
    assert contested.index('<tr id="row-') == contested.index(f'<tr id="row-{claims[-1].id}"')
    assert f'id="row-{claims[-1].id}" class="contested"' in contested
    assert f'id="row-{claims[0].id}" class="contested"' not in client.get(url).content.decode()


def test_search_forgives_a_misspelled_letter_on_postgresql(client, built):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm similarity runs on PostgreSQL; SQLite matches folded substrings only")
    html = client.get(reverse("stories:search"), {"q": "المتحدت"}).content.decode()  # ث typed as ت
    assert (
        reverse("stories:entity", kwargs={"slug": built["story"].slug, "pk": built["entities"][0].id}) in html
    )


def test_split_names_the_moved_quote_and_merge_carries_it(client, built, staff):
    arrived, talks = built["claims"]
    denial = Evidence.objects.get(claim=arrived, article=built["articles"][1])
    client.post(reverse("stories:claim_split", kwargs={"pk": arrived.id}), {"evidence": [denial.id]})
    new = Claim.objects.exclude(id__in=[arrived.id, talks.id]).get()
    split = Correction.objects.get(kind="split")
    assert (split.claim_id, split.other_claim_id, split.created_by) == (new.id, arrived.id, staff)
    assert [q["text"] for q in split.quotes] == [denial.quote]
    assert new.text == neutral_text(denial.quote)  # worded by its one quote when the editor gave no wording
    client.post(reverse("stories:claim_merge", kwargs={"pk": new.id}), {"into": talks.id})
    assert Evidence.objects.get(id=denial.id).claim_id == talks.id
    refused = client.post(
        reverse("stories:claim_split", kwargs={"pk": talks.id}),
        {"evidence": list(talks.evidence.values_list("id", flat=True))},
    )
    assert refused.status_code == 302 and Correction.objects.filter(kind="split").count() == 1


def test_retry_queues_the_article_again_and_logs_it(client, built, staff, django_capture_on_commit_callbacks):
    article = built["articles"][1]
    Article.objects.filter(id=article.id).update(status=Article.Status.FAILED, error="boom")
    url = reverse("stories:article_retry", kwargs={"pk": article.id})
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        fragment = client.post(url, headers={"HX-Request": "true"}).content.decode()
    assert len(callbacks) == 1  # the analysis is enqueued once the transaction commits
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED and article.error == ""
    assert fragment.lstrip().startswith('<div id="status"') and 'hx-trigger="every 2s"' in fragment
    assert ReviewLog.objects.filter(action="reanalyse", user=staff).exists()


def test_tracked_claim_is_added_from_the_story_page(client, built, staff, django_capture_on_commit_callbacks):
    from stories.models import TrackedClaim

    story = built["story"]
    page = client.get(story.get_absolute_url()).content.decode()
    assert reverse("stories:claim_track", kwargs={"slug": story.slug}) in page
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(
            reverse("stories:claim_track", kwargs={"slug": story.slug}), {"text": "وصل الوفد إلى العاصمة"}
        )
    tracked = TrackedClaim.objects.get(story=story)
    # The request only queues the work: no stance yet, one task after commit.
    assert len(callbacks) == 1 and tracked.results.count() == 0 and tracked.finished_at is None
    callbacks[0]()  # tasks run in-process on the embedded settings
    tracked.refresh_from_db()
    assert tracked.done == tracked.total == len(built["articles"]) and tracked.finished_at is not None
    assert tracked.created_by == staff and tracked.results.count() == len(built["articles"])
    assert (
        "وصل الوفد إلى العاصمة"
        in client.get(story.get_absolute_url()).content.decode().split('id="tracked-heading"')[1]
    )


def test_arabic_is_the_default_whatever_the_browser_asks(client, built):
    html = client.get(
        built["story"].get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    ).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    client.cookies["django_language"] = "en"
    html = client.get(built["story"].get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="en" dir="ltr">' in html


def test_seed_main_claim_reads_neutrally_and_its_row_shows_the_four_outlets(client, seed_story):
    """The visit claim is not the loaded headline «"حفتر" يزور دمشق سراً للتنسيق مع "الأسد" ضد "أردوغان"»."""
    headline = Article.objects.get(story=seed_story, origin__startswith="000_")
    claim = Claim.objects.get(evidence__article=headline, evidence__start=0)
    assert not claim.text_by_editor
    for mark in ('"', "“", "”", "«", "»"):
        assert mark not in claim.text
    assert "أردوغان" not in claim.text and "ضد" not in claim.text
    assert "حفتر" in claim.text and "دمشق" in claim.text
    html = client.get(reverse("stories:matrix", kwargs={"slug": seed_story.slug})).content.decode()
    row = html.split(f'<tr id="row-{claim.id}"')[1].split("</tr>")[0]
    assert claim.text[:40] in row
    reporting = row.count('<td class="cell stance-') - row.count('<td class="cell stance-silent')
    assert reporting == 4, row
    for outlet in ("000", "001", "002", "004"):
        assert f'<bdi class="outlet-name">{outlet}</bdi>' in row
    # An editor's wording wins over the chosen one, and survives a new article.
    Claim.objects.filter(id=claim.id).update(text="زار حفتر دمشق", text_by_editor=True)
    claims_wording_refresh(claim_ids={claim.id})
    assert Claim.objects.get(id=claim.id).text == "زار حفتر دمشق"
