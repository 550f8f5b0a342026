"""The analysis task: idempotent, failures kept with their error and retryable, story reanalysis order-free."""

from __future__ import annotations

import pytest

from stories import services
from stories.models import Article, Claim, Event, Evidence, Mention, Story
from stories.services import claim_index
from stories.tasks import analyse_article

# Real commits: the analysis is enqueued with transaction.on_commit, exactly as in production.
pytestmark = pytest.mark.django_db(transaction=True)

TEXT = (
    "الحكومة تعلن خطة جديدة للمياه\n\n"
    "أعلن وزير الزراعة كريم الناصر يوم الأحد 5 أبريل 2020 خطة لإصلاح شبكات الري في الجنوب.\n\n"
    "وقال الوزير إن الخطة ستكلف مئتي مليون دولار وستنتهي في منتصف العام المقبل.\n\n"
    "ونفى المتحدث باسم الوزارة أن تكون الخطة قد تأجلت بسبب نقص التمويل.\n"
)


def claim_groups(story: Story) -> list[list[tuple[str, int]]]:
    """The story's claims as sets of (article, quote start), independent of claim ids."""
    groups: dict[int, set] = {}
    for claim_id, origin, start in Evidence.objects.filter(article__story=story).values_list(
        "claim_id", "article__origin", "start"
    ):
        groups.setdefault(claim_id, set()).add((origin, start))
    return sorted(sorted(g) for g in groups.values())


def derived_rows(article: Article):
    return (
        sorted(Evidence.objects.filter(article=article).values_list("claim_id", "start", "end", "stance")),
        sorted(Mention.objects.filter(article=article).values_list("entity_id", "start", "end", "epithet")),
        sorted(Event.objects.filter(article=article).values_list("date", "start", "end")),
    )


@pytest.fixture
def article():
    story = Story.objects.create(slug="water", title="المياه")
    return services.article_ingest(story=story, data=TEXT.encode(), origin="water.txt")


def test_analysis_fills_text_and_derived_rows(article):
    article.refresh_from_db()
    assert article.status == "done", article.error
    assert article.pipeline_version
    evidence = list(Evidence.objects.filter(article=article))
    assert evidence, "the article states checkable propositions"
    for ev in evidence:
        assert article.text[ev.start : ev.end] == ev.quote and ev.quote.strip()


def test_running_the_task_twice_leaves_the_same_rows(article):
    before = derived_rows(article)
    claims_before = Claim.objects.count()
    analyse_article(article.id)
    analyse_article(article.id)
    assert derived_rows(article) == before
    assert Claim.objects.count() == claims_before


def test_failed_analysis_keeps_the_upload_and_can_be_retried(article):
    Article.objects.filter(id=article.id).update(original=b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    analyse_article(article.id)
    article.refresh_from_db()
    assert article.status == "failed"
    assert article.error  # the editor sees why
    assert bytes(article.original).startswith(b"\x89PNG")  # the upload is kept as it came
    Article.objects.filter(id=article.id).update(original=TEXT.encode())
    services.article_reanalyse(article=article)
    article.refresh_from_db()
    assert article.status == "done" and article.error == ""


def test_task_for_a_deleted_article_does_nothing(article):
    Article.objects.filter(id=article.id).delete()
    analyse_article(article.id)  # must not raise: the upload was deleted after enqueueing
    assert not Article.objects.exists()


def test_story_reanalysis_gives_the_same_claims_whatever_the_upload_order(seed_paths):
    results = []
    for name, order in (("forward", seed_paths), ("backward", list(reversed(seed_paths)))):
        story = Story.objects.create(slug=name, title=name)
        for path in order:
            services.article_ingest(story=story, data=path.read_bytes(), origin=path.name)
        services.story_reanalyse(story_id=story.id)
        results.append(claim_groups(story))
    assert results[0] == results[1]
    assert len(results[0]) >= 8


def test_reanalysis_keeps_every_permalink_alive(seed_story):
    before = set(Claim.objects.filter(story=seed_story, evidence__isnull=False).values_list("id", flat=True))
    services.story_reanalyse(story_id=seed_story.id)
    live = set(Claim.objects.filter(story=seed_story, evidence__isnull=False).values_list("id", flat=True))
    assert before and len(before & live) >= len(before) // 2  # most claims keep their very id
    for claim in Claim.objects.filter(id__in=before - live):
        assert claim.merged_into_id in live  # the others redirect to the claim that now holds their quotes


def test_the_stored_claim_index_matches_exactly_like_a_rebuilt_one(seed_paths):
    results = []
    for name, fresh in (("stored", False), ("rebuilt", True)):
        story = Story.objects.create(slug=name, title=name)
        for path in seed_paths + seed_paths[:2]:  # the repeats are refused, the rest extend the index
            if fresh:
                claim_index.story_claim_index_reset(story_id=story.id)
            try:
                services.article_ingest(story=story, data=path.read_bytes(), origin=path.name)
            except services.IngestError:
                pass
        results.append(claim_groups(story))
    assert results[0] == results[1]
    assert any(len({origin for origin, _ in g}) >= 3 for g in results[0])


def test_an_editor_split_reaches_the_stored_claim_index(seed_story, editor):
    from django.db.models import Count

    claim = (
        Claim.objects.filter(story=seed_story)
        .annotate(n=Count("evidence"))
        .filter(n__gte=2)
        .order_by("id")
        .first()
    )
    moved = claim.evidence.order_by("id").last()
    claim_index.story_claim_index(story_id=seed_story.id, with_orphans=False)  # the index is built and stored
    new = services.claim_split(claim=claim, evidence_ids=[moved.id], user=editor, text="ادعاء مفصول").claim
    assert Evidence.objects.get(id=moved.id).claim_id == new.id
    index = claim_index.story_claim_index(story_id=seed_story.id, with_orphans=False)
    # The index keeps the matcher's own choice for the moved quote, so the split captures no other sentence.
    assert index.best(moved.key, moved.proposition)[0] == claim.id


def evidence_per_article(story: Story) -> dict[int, int]:
    return {a.id: Evidence.objects.filter(article=a).count() for a in Article.objects.filter(story=story)}


def test_a_reanalysis_stopped_half_way_keeps_every_quote_and_permalink_then_resumes(seed_story):
    from stories.services.reanalysis import story_reanalysis_start

    quotes_before = evidence_per_article(seed_story)
    claims_before = set(
        Claim.objects.filter(story=seed_story, evidence__isnull=False).values_list("id", flat=True)
    )
    story_reanalysis_start(story_id=seed_story.id)
    for _ in range(2):  # two articles replaced, then the worker "dies": nothing else runs
        assert services.story_reanalysis_step(story_id=seed_story.id, budget_seconds=0)
    assert Article.objects.filter(story=seed_story, reanalysis_pending=True).count() == 3
    assert all(evidence_per_article(seed_story).values()), "no article shows without its quotes"
    for claim in Claim.objects.filter(id__in=claims_before):
        target = services.claim_merge_target(claim_id=claim.id)
        assert Evidence.objects.filter(claim_id=target).exists(), f"claim {claim.id}'s permalink went empty"
    while services.story_reanalysis_step(story_id=seed_story.id, budget_seconds=0):
        pass  # resumed by another step task (the sweeper sends it), to the end
    assert not Article.objects.filter(story=seed_story, reanalysis_pending=True).exists()
    assert evidence_per_article(seed_story).keys() == quotes_before.keys()
    assert all(evidence_per_article(seed_story).values())


def test_the_resumed_run_ends_as_an_uninterrupted_one(seed_paths):
    from stories.services.reanalysis import story_reanalysis_start

    results = []
    for name, stop_after in (("whole", None), ("interrupted", 2)):
        story = Story.objects.create(slug=name, title=name)
        for path in seed_paths:
            services.article_ingest(story=story, data=path.read_bytes(), origin=path.name)
        story_reanalysis_start(story_id=story.id)
        steps = 0
        while services.story_reanalysis_step(story_id=story.id, budget_seconds=0):
            steps += 1
            if steps == stop_after:
                story_reanalysis_start(story_id=story.id)  # asked again mid-run: it starts over, nothing lost
                stop_after = None
        results.append(claim_groups(story))
    assert results[0] == results[1]


def test_sweeper_sends_again_what_lost_its_message_or_its_worker(article):
    from datetime import timedelta

    from django.utils import timezone

    expired = timezone.now() - timedelta(seconds=1)
    Article.objects.filter(id=article.id).update(
        status="processing", lease_owner="dead-worker/1", lease_expires_at=expired
    )
    assert services.analysis_sweep().sent == 1  # in-process mode analyses it inside the sweep
    article.refresh_from_db()
    assert article.status == "done" and article.lease_owner == "" and article.lease_expires_at is None
    Article.objects.filter(id=article.id).update(status="queued", enqueued_at=None)
    assert services.analysis_sweep().sent == 1
    article.refresh_from_db()
    assert article.status == "done"
    assert services.analysis_sweep().sent == 0  # nothing left to send


def test_a_live_lease_held_by_another_worker_drops_the_duplicate_message(article):
    from datetime import timedelta

    from django.utils import timezone

    until = timezone.now() + timedelta(minutes=5)
    Article.objects.filter(id=article.id).update(
        status="processing", lease_owner="other/9", lease_expires_at=until
    )
    assert services.article_analyse(article_id=article.id, owner="me/1") is None
    article.refresh_from_db()
    assert article.status == "processing" and article.lease_owner == "other/9"


def test_outdated_reanalysis_finds_done_articles_without_quotes_and_stuck_ones(seed_story):
    from stories import selectors

    emptied, stuck = Article.objects.filter(story=seed_story).order_by("id")[:2]
    Evidence.objects.filter(article=emptied).delete()
    Article.objects.filter(id=stuck.id).update(status="processing", lease_expires_at=None)
    found = set(selectors.articles_failed_or_stale(story=seed_story).values_list("id", flat=True))
    assert found == {emptied.id, stuck.id}
