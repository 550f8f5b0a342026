"""The per-story sequencer: results stored as JSON read back unchanged, and an article analysed before an earlier
one of its story waits, is saved when that one settles (done or failed), and is never lost (the sweeper)."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.core.management import call_command

from stories import selectors, services
from stories.models import Article, Evidence, Source, Story
from stories.nlp import pipeline
from stories.nlp.types import Analysis, ClaimFound, DateMention, EntityFound, Mention, Sentence
from stories.services import sequencer
from stories.services.analysis import article_analysis_run, article_lease_take
from stories.services.analysis_json import analysis_from_json, analysis_to_json
from tests.conftest import ROOT

ARTICLES = sorted((ROOT / "tests" / "articles").glob("*.*t*"))


def same(a, b) -> bool:
    """Equal and of the same types all the way down (a list is not a tuple; a naive datetime is not an aware one)."""
    if type(a) is not type(b):
        return False
    if dataclasses.is_dataclass(a):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, tuple | list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, datetime):
        return a == b and a.tzinfo == b.tzinfo and a.utcoffset() == b.utcoffset()
    return a == b


def test_every_test_articles_analysis_reads_back_unchanged(seed_paths):
    for path in [*seed_paths, *ARTICLES]:
        analysis = pipeline.analyse(path.read_bytes(), filename=path.name)
        back = analysis_from_json(json.loads(json.dumps(analysis_to_json(analysis))))
        assert same(back, analysis), path.name
        assert back.claims and isinstance(back.claims[0].key, tuple)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "published",
    [
        None,
        datetime(2024, 5, 3, 14, 30),
        datetime(2024, 5, 3, 14, 30, 5, 123456, tzinfo=UTC),
        datetime(2024, 5, 3, 14, 30, tzinfo=timezone(timedelta(hours=3))),
    ],
)
def test_a_stored_analysis_reads_back_from_the_database_unchanged(published):
    analysis = Analysis(
        text="قال الوزير إن المعبر سيفتح غدا.",
        title=None if published is None else "المعبر",
        published_at=published,
        published_has_time=published is not None,
        sentences=(Sentence(0, 30),),
        entities=(EntityFound(key="وزير", name="الوزير", kind="person", aliases=("وزير", "الوزير")),),
        mentions=(Mention(4, 10, "الوزير", "وزير", epithet=None), Mention(4, 10, "الوزير", "وزير", "السيد")),
        claims=(
            ClaimFound(0, 30, "المعبر سيفتح غدا", ("معبر", "فتح"), "attributes", attributed_to="الوزير"),
        ),
        dates=(DateMention(25, 29, "2024-05-04", "day"),),
        removed=("سطر",),
        version="9.9",
        site_name=None,
    )
    story = Story.objects.create(slug="json", title="json")
    article = Article.objects.create(story=story, original=b"x", sha256="0" * 64, origin="x.txt")
    Article.objects.filter(id=article.id).update(staged_analysis=analysis_to_json(analysis))
    article.refresh_from_db()
    assert same(analysis_from_json(article.staged_analysis), analysis)
    assert not same(dataclasses.replace(analysis, removed=["سطر"]), analysis)  # the check itself can fail


def ingest_queued(story: Story, paths, django_capture_on_commit_callbacks) -> list[Article]:
    """Store uploads as the admin does but hold their messages back: they stay `queued`, as behind a busy queue."""
    with django_capture_on_commit_callbacks(execute=False):
        return [services.article_ingest(story=story, data=p.read_bytes(), origin=p.name) for p in paths]


def export_without_ids(slug: str) -> dict:
    out = io.StringIO()
    call_command("export_story", slug, stdout=out)
    return canonical(json.loads(out.getvalue()))


def canonical(export: dict) -> dict:
    """The export with every id replaced by what stays the same on a fresh database: articles by their origin,
    outlets by their name, claims and entities by their rank in creation order (the matcher creates them in
    upload order); a claim's permalink keeps its slug."""
    origin = {a["id"]: a["origin"] for a in export["articles"]}
    source = {s["id"]: s["name"] for s in export["sources"]}
    claim = {c["id"]: n for n, c in enumerate(sorted(export["claims"], key=lambda c: c["id"]))}
    entity = {e["id"]: n for n, e in enumerate(sorted(export["entities"], key=lambda e: e["id"]))}
    return {
        "sources": sorted(source.values()),
        "articles": sorted(
            (
                {
                    **a,
                    "id": None,
                    "source_id": source.get(a["source_id"]),
                    "duplicate_of": origin.get(a["duplicate_of"]),
                }
                for a in export["articles"]
            ),
            key=lambda a: a["origin"],
        ),
        "entities": [
            {
                **e,
                "id": entity[e["id"]],
                "mentions": [{**m, "article_id": origin[m["article_id"]]} for m in e["mentions"]],
            }
            for e in export["entities"]
        ],
        "claims": [
            {
                **c,
                "id": claim[c["id"]],
                "permalink": c["permalink"].replace(f"/{c['id']}-", f"/#{claim[c['id']]}-"),
                "first_reported_in": origin.get(c["first_reported_in"]),
                "evidence": sorted(
                    ({**e, "id": None, "article_id": origin[e["article_id"]]} for e in c["evidence"]),
                    key=lambda e: (e["article_id"], e["start"], e["end"]),
                ),
            }
            for c in sorted(export["claims"], key=lambda c: c["id"])
        ],
        "events": [{**v, "article_id": origin[v["article_id"]]} for v in export["events"]],
        "agreement": sorted(
            (claim[row["claim_id"]], source[row["source_id"]], row["stance"]) for row in export["agreement"]
        ),
    }


def waiting(article: Article) -> bool:
    article.refresh_from_db()
    return (
        article.status == Article.Status.PROCESSING
        and article.staged_analysis is not None
        and not article.lease_owner
        and not Evidence.objects.filter(article=article).exists()
    )


@pytest.mark.django_db
def test_articles_analysed_out_of_order_are_saved_in_upload_order(
    seed_paths, django_capture_on_commit_callbacks
):
    paths = [*seed_paths[:3], *ARTICLES[:2]]
    in_order = Story.objects.create(slug="seq", title="seq")
    for article in ingest_queued(in_order, paths, django_capture_on_commit_callbacks):
        services.article_analyse(article_id=article.id)
    expected = export_without_ids("seq")
    assert len(expected["claims"]) > 10
    in_order.delete()
    Source.objects.all().delete()  # outlets are shared by stories: start as fresh as the first run did

    story = Story.objects.create(slug="seq", title="seq")
    first, *rest = ingest_queued(story, paths, django_capture_on_commit_callbacks)
    for article in reversed(rest):
        services.article_analyse(article_id=article.id, owner="w2")
        assert waiting(article), "an article analysed before an earlier one of its story waits for it"
    assert not Article.objects.filter(selectors.articles_stuck(), id__in=[a.id for a in rest]).exists()
    assert services.analysis_sweep().drained == 0  # the first is still queued: nothing may be saved yet
    services.article_analyse(article_id=first.id, owner="w1")
    assert set(Article.objects.filter(story=story).values_list("status", flat=True)) == {"done"}
    assert not Article.objects.filter(staged_analysis__isnull=False).exists()
    assert export_without_ids("seq") == expected


@pytest.mark.django_db
def test_a_failed_earlier_article_lets_the_waiting_ones_through(
    seed_paths, django_capture_on_commit_callbacks
):
    story = Story.objects.create(slug="fail", title="fail")
    broken, *later = ingest_queued(story, seed_paths[:3], django_capture_on_commit_callbacks)
    for article in later:
        services.article_analyse(article_id=article.id)
        assert waiting(article)
    Article.objects.filter(id=broken.id).update(original=b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    services.article_analyse(article_id=broken.id)
    assert Article.objects.get(id=broken.id).status == "failed"
    assert [Article.objects.get(id=a.id).status for a in later] == ["done", "done"]


@pytest.mark.django_db
def test_the_sweeper_saves_a_waiting_article_whose_worker_died_before_saving_it(
    seed_paths, django_capture_on_commit_callbacks
):
    story = Story.objects.create(slug="sweep", title="sweep")
    first, second = ingest_queued(story, seed_paths[:2], django_capture_on_commit_callbacks)
    services.article_analyse(article_id=second.id, owner="w2")
    assert waiting(second)
    # The first is settled by another path (here: done, as a worker that died right after its save leaves it)
    # and nobody drained the story.
    Article.objects.filter(id=first.id).update(status=Article.Status.DONE)
    report = services.analysis_sweep()
    assert report.drained == 1 and report.sent == 0
    second.refresh_from_db()
    assert second.status == "done" and second.staged_analysis is None
    assert Evidence.objects.filter(article=second).exists()


@pytest.mark.django_db
def test_a_waiting_result_whose_inputs_moved_on_is_analysed_again(
    seed_paths, django_capture_on_commit_callbacks
):
    story = Story.objects.create(slug="stale", title="stale")
    first, second = ingest_queued(story, seed_paths[:2], django_capture_on_commit_callbacks)
    services.article_analyse(article_id=second.id, owner="w2")
    assert waiting(second)
    staged = second.staged_analysis
    staged["analysis"]["text"] = "نص لم يحلله أحد بعد ظهور منفذ جديد."
    Article.objects.filter(id=second.id).update(staged_analysis=staged)
    Source.objects.create(name="منفذ ظهر بعد تحليلها")  # what an earlier article's save may add
    services.article_analyse(article_id=first.id, owner="w1")
    second.refresh_from_db()
    assert second.status == "done"
    assert second.text != staged["analysis"]["text"], "the stale result was analysed again, not saved"


@pytest.mark.django_db
def test_enqueueing_again_drops_a_waiting_result(seed_paths, django_capture_on_commit_callbacks):
    story = Story.objects.create(slug="again", title="again")
    _first, second = ingest_queued(story, seed_paths[:2], django_capture_on_commit_callbacks)
    services.article_analyse(article_id=second.id)
    assert waiting(second)
    with django_capture_on_commit_callbacks(execute=False):
        services.article_enqueue(article_id=second.id)
    second.refresh_from_db()
    assert second.status == "queued" and second.staged_analysis is None


@pytest.mark.django_db
def test_a_result_whose_inputs_moved_on_before_its_save_is_analysed_again(
    seed_paths, django_capture_on_commit_callbacks
):
    story = Story.objects.create(slug="moved", title="moved")
    [queued] = ingest_queued(story, seed_paths[:1], django_capture_on_commit_callbacks)
    article = Article.objects.select_related("story").get(id=queued.id)
    assert article_lease_take(article_id=article.id, owner="w1")
    analysis, inputs = article_analysis_run(article=article)
    Source.objects.create(
        name="منفذ ظهر أثناء تحليلها"
    )  # an earlier article's save named a new outlet meanwhile
    stale = dataclasses.replace(analysis, text="نص لم يحلله أحد بعد ظهور منفذ جديد.")
    sequencer._article_settle(article, stale, inputs, previous=None, owner="w1")
    article.refresh_from_db()
    assert article.status == "done" and article.text == analysis.text


@pytest.mark.django_db
def test_a_second_message_for_a_waiting_article_runs_no_analysis_and_drains_its_story(
    seed_paths, django_capture_on_commit_callbacks
):
    story = Story.objects.create(slug="twice", title="twice")
    first, second = ingest_queued(story, seed_paths[:2], django_capture_on_commit_callbacks)
    services.article_analyse(article_id=second.id, owner="w2")
    assert waiting(second)
    assert services.article_analyse(article_id=second.id, owner="w3") is None
    assert waiting(second), "still waiting for the first"
    Article.objects.filter(id=first.id).update(status=Article.Status.FAILED)
    assert (
        services.article_analyse(article_id=second.id, owner="w3") is None
    )  # redelivered: saves, not analyses
    second.refresh_from_db()
    assert second.status == "done" and Evidence.objects.filter(article=second).exists()
