"""The claim index stored with each story stays equal to one rebuilt from its live quotes, whatever replaced,
deleted or set aside the quotes, and matching against it chooses what matching against a rebuilt one chooses."""

from __future__ import annotations

from collections import Counter

from stories import services
from stories.models import Article, ClaimPosting, ClaimTokenCount, Evidence
from stories.nlp import match
from stories.nlp.similarity import key_entry
from stories.services import claim_index


def stored(story_id: int) -> tuple[dict[str, int], set[tuple[str, int]], dict[int, list]]:
    counts = dict(
        ClaimTokenCount.objects.filter(story_id=story_id).exclude(quotes=0).values_list("token", "quotes")
    )
    postings = set(ClaimPosting.objects.filter(story_id=story_id).values_list("token", "evidence_id"))
    keys = dict(Evidence.objects.filter(article__story_id=story_id).values_list("id", "index_key"))
    return counts, postings, keys


def rebuilt(story_id: int):
    claim_index.story_claim_index_reset(story_id=story_id)
    assert not ClaimTokenCount.objects.filter(story_id=story_id).exists()
    claim_index.story_claim_index(story_id=story_id, with_orphans=False)
    return stored(story_id)


def test_an_ingested_story_holds_the_index_a_rebuild_gives(seed_story):
    kept = stored(seed_story.id)
    quotes = Evidence.objects.filter(article__story=seed_story).count()
    assert kept[0][claim_index.QUOTES] == quotes > 0
    assert len(kept[1]) > quotes
    assert rebuilt(seed_story.id) == kept


def from_keys(story_id: int) -> tuple[dict[str, int], set[tuple[str, int]]]:
    """Counts and postings as the live quotes' stored keys spell them."""
    counts: Counter[str] = Counter()
    postings = set()
    for evidence_id, stored_key, key in Evidence.objects.filter(article__story_id=story_id).values_list(
        "id", "index_key", "key"
    ):
        tokens = key_entry(0, stored_key or key).tokens
        counts.update({claim_index.QUOTES: 1} if tokens else {})
        counts.update(tokens)
        postings |= {(t, evidence_id) for t in tokens}
    return dict(counts), postings


def test_reanalysing_or_deleting_an_article_keeps_the_index_in_step(seed_story):
    # A quote keeps the key it was indexed with (a clitic resolved against the quotes stored before it), so
    # replacing an earlier article leaves later keys as they were: the index follows the stored keys.
    article = Article.objects.filter(story=seed_story).order_by("id")[1]
    services.article_analyse(article_id=article.id, force=True)
    assert stored(seed_story.id)[:2] == from_keys(seed_story.id)
    gone = Article.objects.filter(story=seed_story).order_by("id").first()
    services.articles_claim_index_forget(article_ids=[gone.id])
    gone.delete()
    assert stored(seed_story.id)[:2] == from_keys(seed_story.id)


def test_a_story_reanalysis_ends_with_the_index_a_rebuild_gives(seed_story):
    services.story_reanalyse(story_id=seed_story.id)
    kept = stored(seed_story.id)
    assert kept[0][claim_index.QUOTES] == Evidence.objects.filter(article__story=seed_story).count()
    assert rebuilt(seed_story.id) == kept


def test_matching_against_the_stored_index_chooses_what_an_index_in_memory_chooses(seed_story):
    live = Evidence.objects.filter(article__story=seed_story).order_by("id")
    in_memory = match.ClaimIndex()
    for claim_id, matched, key, proposition in live.values_list(
        "claim_id", "matched_claim_id", "key", "proposition"
    ):
        in_memory.add(matched or claim_id, key, proposition)
    index = claim_index.story_claim_index(story_id=seed_story.id, with_orphans=False)
    assert index.size() == in_memory.size()
    queries = [(key, proposition) for key, proposition in live.values_list("key", "proposition")]
    queries += [(key[: len(key) // 2], "") for key, _ in queries]  # near misses too
    chosen = [index.best(key, proposition) for key, proposition in queries]
    assert chosen == [in_memory.best(key, proposition) for key, proposition in queries]
    assert sum(found is not None for found in chosen) >= len(queries) // 2


def test_assign_over_the_stored_index_of_a_generated_story_equals_assign_in_memory(db):
    """A story of 30 generated articles (40 claims each, half restating earlier ones): the next articles' claims,
    denials among them, get the same ids from the stored index as from one held in memory."""
    from datetime import UTC, datetime

    from stories.models import Source, Story
    from stories.nlp.types import ClaimFound
    from tests.bench.bench_index import Generator, _fill, proposition

    gen, claim_ids = Generator(21), []
    story = Story.objects.create(slug="generated", title="generated")
    _fill(story, Source.objects.create(name="outlet"), gen, claim_ids, 30, datetime(2026, 1, 1, tzinfo=UTC))
    in_memory = match.ClaimIndex()
    live = Evidence.objects.filter(article__story=story).order_by("id")
    for claim_id, key, text in live.values_list("claim_id", "key", "proposition"):
        in_memory.add(claim_id, key, text)
    for _ in range(3):
        claims = [
            ClaimFound(0, 1, proposition(key), key, "denies" if i % 7 == 3 else "asserts")
            for i, (_, key) in enumerate(gen.article(remember=False))
        ]
        stored = claim_index.story_claim_index(story_id=story.id, with_orphans=False)
        fresh = iter(range(-1, -1000, -1))
        ids = match.assign(stored, claims, lambda fresh=fresh: next(fresh))
        fresh = iter(range(-1, -1000, -1))
        mark = in_memory.mark()
        assert ids == match.assign(in_memory, claims, lambda fresh=fresh: next(fresh))
        in_memory.rollback(mark)
        assert sum(i > 0 for i in ids) >= len(claims) // 3  # the restated half mostly finds its claims


def test_assign_reads_an_article_s_candidates_in_a_few_queries_not_one_per_claim(db):
    """Matching 40 claims over a stored index reads what their candidates need (keys, their claims' tokens) up
    front, in a number of queries that does not grow with the article's claims."""
    from datetime import UTC, datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from stories.models import Source, Story
    from stories.nlp.types import ClaimFound
    from tests.bench.bench_index import Generator, _fill, proposition

    gen, claim_ids = Generator(5), []
    story = Story.objects.create(slug="generated", title="generated")
    _fill(story, Source.objects.create(name="outlet"), gen, claim_ids, 10, datetime(2026, 1, 1, tzinfo=UTC))
    claims = [ClaimFound(0, 1, proposition(key), key, "asserts") for _, key in gen.article(remember=False)]
    index = claim_index.story_claim_index(story_id=story.id, with_orphans=False)
    fresh = iter(range(-1, -1000, -1))
    with CaptureQueriesContext(connection) as queries:
        ids = match.assign(index, claims, lambda: next(fresh))
    assert sum(i > 0 for i in ids) >= len(claims) // 3
    assert len(queries.captured_queries) <= 10 < len(claims)
