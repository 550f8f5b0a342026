"""Which claims are rows: independent outlets (copies and relays once), contest, editors' marks; the digest; plurals."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from stories import selectors
from stories.models import Correction, TrackedClaim, TrackedStance
from tests.factories import make_article, make_claim, make_evidence, make_source, make_story

pytestmark = pytest.mark.django_db

VISIT = "زار الوزير المدينة أمس في زيارة رسمية."
TALKS = "وبحث الوزير التعاون مع نظيره في لقاء مطول."
HOTEL = "ونزل الوفد في فندق قرب الميناء بعد وصوله."


@pytest.fixture
def desk():
    """Five outlets on one story.

    The visit: the agency reports it, a paper copies the agency's article, a site only relays the agency by name,
    and a radio reports it itself: three independent outlets. The talks: the agency and its copy only (one).
    The hotel: the radio alone (a single-outlet detail). The denial: a channel denies the talks (contested).
    """
    story = make_story(slug="desk")
    agency = make_source(name="وكالة الأنباء الوطنية")
    paper, site, radio, channel = (
        make_source(name=n) for n in ("صحيفة الصباح", "موقع الخبر", "إذاعة البلد", "قناة النهار")
    )
    text = f"{VISIT}\n{TALKS}"
    original = make_article(story=story, source=agency, text=text)
    copy = make_article(story=story, source=paper, text=text, duplicate_of=original)
    relay = make_article(story=story, source=site, text=f"{VISIT}\nوقال إن الزيارة ناجحة.")
    own = make_article(story=story, source=radio, text=f"{VISIT}\n{HOTEL}")
    denial = make_article(story=story, source=channel, text=f"نفت الوزارة ذلك.\n{TALKS}")
    visit = make_claim(story=story, text="زار الوزير المدينة", first=original)
    talks = make_claim(story=story, text="بحث الوزير التعاون", first=original)
    hotel = make_claim(story=story, text="نزل الوفد في فندق", first=own)
    for article in (original, copy, own):
        make_evidence(claim=visit, article=article, quote=VISIT)
    make_evidence(
        claim=visit, article=relay, quote=VISIT, stance="attributes", attributed_to="الأنباء الوطنية"
    )
    make_evidence(claim=talks, article=original, quote=TALKS)
    make_evidence(claim=talks, article=copy, quote=TALKS)
    make_evidence(claim=hotel, article=own, quote=HOTEL)
    return {
        "story": story,
        "visit": visit,
        "talks": talks,
        "hotel": hotel,
        "denial": denial,
        "agency": agency,
    }


def test_copies_and_relays_count_once(desk):
    ranking = selectors.story_ranking(story=desk["story"])
    visit, talks, hotel = (ranking.ranks[desk[k].id] for k in ("visit", "talks", "hotel"))
    assert (visit.outlets, visit.independent) == (4, 2)  # agency (+ its copy, + its relay) and the radio
    assert (talks.outlets, talks.independent) == (2, 1)
    assert visit.key and not talks.key and not hotel.key
    assert visit.lead  # the visit opens the articles
    assert ranking.relays == {
        (desk["visit"].evidence.get(stance="attributes").article.source_id, desk["agency"].id): 1
    }


def test_denial_contests_a_single_outlet_claim_and_editor_marks_make_it_key(desk):
    make_evidence(claim=desk["talks"], article=desk["denial"], quote=TALKS, stance="denies")
    Correction.objects.create(story=desk["story"], kind=Correction.Kind.SPLIT, claim=desk["hotel"])
    ranking = selectors.story_ranking(story=desk["story"])
    talks, hotel = ranking.ranks[desk["talks"].id], ranking.ranks[desk["hotel"].id]
    assert talks.contested and talks.key and talks.stances == {"asserts": 1, "denies": 1}
    assert hotel.pinned and hotel.key and not hotel.contested


def test_tracked_claim_answer_makes_its_claim_key(desk):
    hotel = desk["hotel"]
    article = hotel.first_reported_in
    tracked = TrackedClaim.objects.create(story=desk["story"], text="نزل الوفد في فندق")
    start = article.text.index(HOTEL)
    TrackedStance.objects.create(
        tracked=tracked, article=article, stance="agree", start=start, end=start + len(HOTEL), score=0.9
    )
    assert selectors.story_ranking(story=desk["story"]).ranks[hotel.id].tracked
    html = _get(desk["story"].get_absolute_url())
    tracked_html = html.split('id="tracked-heading"')[1]
    assert "إذاعة البلد" in tracked_html and "<mark>" + HOTEL + "</mark>" in tracked_html
    assert reverse("stories:article", kwargs={"slug": "desk", "pk": article.id}) in tracked_html


def _get(url: str, **headers) -> str:
    from django.test import Client

    return Client().get(url, headers=headers).content.decode()


def test_matrix_opens_on_key_claims_and_details_are_one_click_away(desk):
    url = reverse("stories:matrix", kwargs={"slug": "desk"})
    html = _get(url)
    assert f'id="row-{desk["visit"].id}"' in html
    assert f'id="row-{desk["hotel"].id}"' not in html and f'id="row-{desk["talks"].id}"' not in html
    assert "تفاصيل انفرد بها منفذ واحد (2)" in html and "?rows=single" in html.replace("&amp;", "&")
    details = _get(url + "?rows=single")
    assert f'id="row-{desk["hotel"].id}"' in details and f'id="row-{desk["talks"].id}"' in details
    assert f'id="row-{desk["visit"].id}"' not in details
    assert "منفذان مستقلان" in html  # the visit's row: two independent outlets, in Arabic's dual


def test_story_page_digest_and_claim_list(desk):
    html = _get(desk["story"].get_absolute_url())
    digest = html.split('class="digest"')[1].split("</section>")[0]
    assert "5 مقالات" in digest and "5 منافذ" in digest
    assert "زار الوزير المدينة" in digest and 'class="stance-bar"' in digest
    assert "بحث الوزير التعاون" not in digest  # one outlet and its copy: a detail, not a key claim
    assert (
        '<bdi><bdi class="outlet-name">صحيفة الصباح</bdi></bdi> نسخ تقرير <bdi><bdi class="outlet-name">وكالة الأنباء الوطنية</bdi></bdi>'
        in digest
    )
    assert (
        '<bdi><bdi class="outlet-name">موقع الخبر</bdi></bdi> ينقل عن <bdi><bdi class="outlet-name">وكالة الأنباء الوطنية</bdi></bdi>'
        in digest
    )
    claims = html.split('id="first-heading"')[1].split("</section>")[0]
    assert "زار الوزير المدينة" in claims and "نزل الوفد في فندق" not in claims
    details = _get(desk["story"].get_absolute_url() + "?claims=single")
    assert "نزل الوفد في فندق" in details.split('id="first-heading"')[1].split("</section>")[0]


def test_plurals_in_arabic_and_english(desk):
    from django.test import Client

    client = Client()
    url = reverse("stories:matrix", kwargs={"slug": "desk"})
    assert "(ادعاء واحد)" in client.get(url).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(url).content.decode()
    assert "2 independent outlets" in english and "(1 claim)" in english
    assert "Single-outlet details (2)" in english
    story_en = client.get(desk["story"].get_absolute_url()).content.decode()
    assert "5 articles" in story_en and "5 outlets" in story_en
    counts = story_en.split('class="digest-counts"')[1].split("</p>")[0]
    assert "First to publish:" in counts and "</bdi>, <time" in counts and "،" not in counts


def test_event_dates_are_written_out(desk):
    from stories.models import Event

    article = desk["hotel"].first_reported_in
    Event.objects.create(article=article, date="2020-03-13", precision="day", start=0, end=3)
    Event.objects.create(article=desk["denial"], date="2020-03-13", precision="day", start=0, end=3)
    html = _get(desk["story"].get_absolute_url())
    events = html.split('id="events-heading"')[1]
    assert "13 مارس 2020" in events and "في مقالتين" in events
    assert ">2020-03-13<" not in events


def test_export_adds_independent_sources_and_contested(desk, capsys):
    make_evidence(claim=desk["talks"], article=desk["denial"], quote=TALKS, stance="denies")
    call_command("export_story", "desk")
    claims = {c["id"]: c for c in json.loads(capsys.readouterr().out)["claims"]}
    assert claims[desk["visit"].id]["independent_sources"] == 2
    assert claims[desk["visit"].id]["contested"] is False
    assert claims[desk["talks"].id]["contested"] is True
    assert claims[desk["hotel"].id]["independent_sources"] == 1  # details stay in the export


def test_admin_article_list_puts_newest_uploads_first_and_filters_by_story(desk, editor_client):
    from stories.models import Article

    newest = make_article(
        story=desk["story"], source=desk["agency"], text="خبر وصل للتو.", title="آخر ما رُفع"
    )
    Article.objects.filter(id=newest.id).update(published_at=None)  # undated: it used to sort into the middle
    make_story(slug="other")  # the story filter shows once there is a choice
    html = editor_client.get(reverse("admin:stories_article_changelist")).content.decode()
    rows = html.split("<tbody>")[1]
    assert rows.index("آخر ما رُفع") < rows.index("مقال")  # the newest upload is the first row
    assert f"story__id__exact={desk['story'].id}" in html  # the story filter
    filtered = editor_client.get(
        reverse("admin:stories_article_changelist") + f"?story__id__exact={desk['story'].id}"
    )
    assert filtered.status_code == 200 and "آخر ما رُفع" in filtered.content.decode()
