"""A tracked claim's page, its stored passages, and the incremental re-track of one newly analysed article."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories import services
from stories.models import Article, TrackedClaim, TrackedStance
from tests.factories import make_article, make_source, make_story

CLAIM = "أغلقت السلطات معبر الحدود الشمالي أمام الشاحنات"
AGREE = (
    "حركة التجارة تتعطل في الشمال\n\n"
    "أغلقت السلطات معبر الحدود الشمالي أمام الشاحنات صباح الأحد. وتكدست مئات المركبات على الطريق.\n\n"
    "وقال سائقون إنهم ينتظرون منذ ساعات."
)
DISAGREE = (
    "الداخلية تنفي إغلاق المعبر\n\n"
    "تداولت مواقع أن السلطات أغلقت معبر الحدود الشمالي أمام الشاحنات. "
    "ونفت وزارة الداخلية هذه الأنباء وقالت إنها عارية عن الصحة.\n\n"
    "وأكدت أن الحركة طبيعية."
)
DISCUSS = (
    "أنباء عن إغلاق معبر\n\n"
    "ذكرت مصادر محلية أن السلطات ربما أغلقت معبر الحدود الشمالي أمام الشاحنات، ولم يصدر أي تأكيد رسمي. "
    "<script>alert(1)</script>\n\n"
    "ويعد المعبر شريانا تجاريا مهما."
)
UNRELATED = (
    "افتتاح معرض الكتاب\n\nافتتح وزير الثقافة معرض الكتاب السنوي في العاصمة.\n\nويستمر المعرض عشرة أيام."
)


@pytest.fixture
def tracked_story(db):
    story = make_story(is_public=True)
    articles = {}
    for stance, text in [
        ("agree", AGREE),
        ("disagree", DISAGREE),
        ("discuss", DISCUSS),
        ("unrelated", UNRELATED),
    ]:
        source = make_source(name=f"منفذ {stance}")
        articles[stance] = make_article(story=story, source=source, text=text)
    tracked = services.claim_track(story=story, text=CLAIM, run_now=True)
    return {"story": story, "tracked": tracked, "articles": articles}


def page_url(story, tracked) -> str:
    return reverse("stories:tracked_claim", kwargs={"slug": story.slug, "pk": tracked.pk})


def test_kept_passages_are_stored_as_offsets_into_the_text(tracked_story):
    rows = {r.article_id: r for r in TrackedStance.objects.filter(tracked=tracked_story["tracked"])}
    for stance, article in tracked_story["articles"].items():
        row = rows[article.id]
        assert row.stance == stance
        if stance == "unrelated":
            assert row.passages == []
            continue
        assert [row.start, row.end] in row.passages
        assert all(0 <= s < e <= len(article.text) for s, e in row.passages)
    disagree = rows[tracked_story["articles"]["disagree"].id]
    texts = [tracked_story["articles"]["disagree"].text[s:e] for s, e in disagree.passages]
    assert any("أغلقت معبر الحدود الشمالي" in t for t in texts)  # the report, kept beside its refutation
    assert any("عارية عن الصحة" in t for t in texts)


def test_page_shows_each_outlet_stance_quote_and_link(client, tracked_story, django_assert_max_num_queries):
    story, tracked, articles = tracked_story["story"], tracked_story["tracked"], tracked_story["articles"]
    with django_assert_max_num_queries(8):
        response = client.get(page_url(story, tracked))
    assert response.status_code == 200
    page = response.content.decode()
    assert CLAIM in page
    for stance, word, glyph in [
        ("agree", "يوافق", "●"),
        ("disagree", "يخالف", "✕"),
        ("discuss", "يناقش", "◐"),
    ]:
        item = page.split(f'id="tracked-{articles[stance].id}"')[1].split('id="tracked-')[0]
        assert f'data-stance="{stance}"' in item and word in item and glyph in item
        assert (
            reverse("stories:article", kwargs={"slug": story.slug, "pk": articles[stance].id}) + "#:~:text="
            in item
        )
    assert f'id="tracked-{articles["unrelated"].id}"' not in page  # related ones by default
    assert "منفذ agree" in page and "منفذ unrelated" not in page
    # The quote is marked inside its paragraph; the uploaded markup around it stays text.
    assert "<mark>أغلقت السلطات معبر الحدود الشمالي أمام الشاحنات صباح الأحد.</mark>" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # Both kept passages of the debunk are listed.
    assert "المقاطع المحفوظة (2)" in page
    for stance, n in [("agree", 1), ("disagree", 1), ("discuss", 1), ("unrelated", 1)]:
        assert f'data-stance="{stance}" data-count="{n}"' in page
    assert 'data-running="false"' in page and "hx-trigger" not in page


def test_stance_filter_lists_unrelated_articles(client, tracked_story):
    story, tracked, articles = tracked_story["story"], tracked_story["tracked"], tracked_story["articles"]
    page = client.get(page_url(story, tracked), {"stance": "unrelated"}).content.decode()
    assert f'id="tracked-{articles["unrelated"].id}"' in page
    assert f'id="tracked-{articles["agree"].id}"' not in page


def test_progress_polls_while_running_and_stops_when_finished(client, tracked_story):
    story, tracked = tracked_story["story"], tracked_story["tracked"]
    TrackedClaim.objects.filter(id=tracked.id).update(done=2, total=4, finished_at=None)
    response = client.get(page_url(story, tracked), HTTP_HX_REQUEST="true")
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="tracking-results"')  # the region only, for the swap
    assert 'hx-trigger="every 2s"' in fragment and 'data-running="true"' in fragment
    assert 'value="2"' in fragment and 'max="4"' in fragment
    TrackedClaim.objects.filter(id=tracked.id).update(done=4, finished_at="2024-01-01T00:00:00Z")
    fragment = client.get(page_url(story, tracked), HTTP_HX_REQUEST="true").content.decode()
    assert "hx-get" not in fragment and 'data-running="false"' in fragment


def test_private_story_tracking_is_staff_only_and_claims_stay_in_their_story(client, tracked_story, editor):
    story, tracked = tracked_story["story"], tracked_story["tracked"]
    story.is_public = False
    story.save()
    response = client.get(page_url(story, tracked))
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(editor)
    assert client.get(page_url(story, tracked)).status_code == 200
    other = make_story()
    assert client.get(page_url(other, tracked)).status_code == 404


def test_a_new_article_is_judged_alone_against_every_tracked_claim(tracked_story):
    story, tracked = tracked_story["story"], tracked_story["tracked"]
    second = services.claim_track(story=story, text="افتتح وزير الثقافة معرض الكتاب", run_now=True)
    before = {r.id: (r.stance, r.score) for r in TrackedStance.objects.all()}
    late = make_article(story=story, source=make_source(), text=AGREE.replace("الأحد", "الاثنين"))
    assert services.article_track(article_id=late.id) == 2
    assert services.article_track(article_id=late.id) == 2  # idempotent: the same rows again
    rows = TrackedStance.objects.filter(article=late)
    assert {(r.tracked_id, r.stance) for r in rows} == {(tracked.id, "agree"), (second.id, "unrelated")}
    assert {r.id: (r.stance, r.score) for r in TrackedStance.objects.exclude(article=late)} == before
    for claim in (tracked, second):
        claim.refresh_from_db()
        assert claim.done == claim.total == 5 and claim.finished_at is not None


def test_an_unanalysed_article_is_not_tracked(tracked_story):
    pending = make_article(story=tracked_story["story"], text=AGREE, status=Article.Status.QUEUED)
    assert services.article_track(article_id=pending.id) == 0
    assert not TrackedStance.objects.filter(article=pending).exists()


def test_enqueue_only_when_the_story_tracks_claims(tracked_story, django_capture_on_commit_callbacks):
    late = make_article(story=tracked_story["story"], text=AGREE)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.article_track_enqueue(article_id=late.id)
    assert len(callbacks) == 1
    assert TrackedStance.objects.get(article=late).stance == "agree"  # the task ran (eager) and judged it
    lone = make_article(story=make_story(), text=AGREE)
    with django_capture_on_commit_callbacks() as callbacks:
        services.article_track_enqueue(article_id=lone.id)
    assert callbacks == []


def test_a_whole_story_run_drops_rows_of_articles_no_longer_analysed(tracked_story):
    tracked, articles = tracked_story["tracked"], tracked_story["articles"]
    Article.objects.filter(id=articles["agree"].id).update(status=Article.Status.FAILED)
    services.tracked_claim_refresh(tracked_id=tracked.id)
    assert not TrackedStance.objects.filter(article=articles["agree"]).exists()
    tracked.refresh_from_db()
    assert tracked.done == tracked.total == 3


def test_the_command_prints_the_kept_passages(tracked_story):
    import io
    import json

    from django.core.management import call_command

    out = io.StringIO()
    call_command("track_claim", tracked_story["story"].slug, CLAIM, stdout=out, stderr=io.StringIO())
    results = {r["article_id"]: r for r in json.loads(out.getvalue())["claims"][0]["results"]}
    agree = tracked_story["articles"]["agree"]
    row = results[agree.id]
    assert row["stance"] == "agree" and [row["start"], row["end"]] in row["passages"]
    assert results[tracked_story["articles"]["unrelated"].id]["passages"] == []
