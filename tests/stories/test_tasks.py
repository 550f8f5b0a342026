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


def test_the_cached_claim_index_matches_exactly_like_a_fresh_one(seed_paths):
    results = []
    for name, fresh in (("cached", False), ("fresh", True)):
        story = Story.objects.create(slug=name, title=name)
        for path in seed_paths + seed_paths[:2]:  # the repeats are refused, the rest extend the index
            if fresh:
                claim_index._INDEXES.clear()
            try:
                services.article_ingest(story=story, data=path.read_bytes(), origin=path.name)
            except services.IngestError:
                pass
        results.append(claim_groups(story))
    assert results[0] == results[1]
    assert any(len({origin for origin, _ in g}) >= 3 for g in results[0])


def test_an_editor_split_reaches_the_cached_claim_index(seed_story, editor):
    from django.db.models import Count

    claim = (
        Claim.objects.filter(story=seed_story)
        .annotate(n=Count("evidence"))
        .filter(n__gte=2)
        .order_by("id")
        .first()
    )
    moved = claim.evidence.order_by("id").last()
    claim_index.story_claim_index(story_id=seed_story.id, with_orphans=False)  # warm the process cache
    new = services.claim_split(claim=claim, evidence_ids=[moved.id], user=editor, text="ادعاء مفصول").claim
    assert Evidence.objects.get(id=moved.id).claim_id == new.id
    index = claim_index.story_claim_index(story_id=seed_story.id, with_orphans=False)
    # The index keeps the matcher's own choice for the moved quote, so the split captures no other sentence.
    assert index.best(moved.key, moved.proposition)[0] == claim.id
