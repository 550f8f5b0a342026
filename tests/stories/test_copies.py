"""The copy index (services.copies) finds what the full scan finds, reads only candidates, and keeps itself fresh."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from stories import services
from stories.models import Article, CopyMark, CopyProfile
from stories.nlp import copymarks, dedup
from stories.services import copies
from tests.bench.bench_copies import scan_original_of
from tests.eval.gold import load_stories
from tests.factories import make_article, make_story
from tests.nlp.test_copymarks import texts, variant

pytestmark = pytest.mark.django_db


def _story_of_variants(count: int, seed: int):
    """Articles from the repository's test texts and their excerpts, edits and re-wrappings, some undated."""
    rng = random.Random(seed)
    story = make_story()
    bases = list(texts())
    made = []
    for n in range(count):
        text = rng.choice(bases) if rng.random() < 0.4 else variant(rng.choice(bases), rng)
        when = (
            None if rng.random() < 0.15 else timezone.make_aware(datetime(2024, 1, 1) + timedelta(days=n % 7))
        )
        article = make_article(story=story, text=text, published_at=when)
        article.signature = list(dedup.signature(text))
        article.published_at = when
        article.analysed_at = timezone.now()
        article.save()
        made.append(article)
    return story, made


def _in_copy_order(articles):
    return sorted(articles, key=lambda a: dedup.copy_order(a.published_at, a.text, a.sha256))


def test_the_index_finds_what_the_scan_finds_and_marks_copies_as_the_service_does():
    story, made = _story_of_variants(40, seed=1)
    Article.objects.filter(story=story).update(status=Article.Status.QUEUED)
    found = 0
    for article in _in_copy_order(made):
        wanted = scan_original_of(article)
        got = copies.article_original_find(article=article)
        assert got == wanted
        found += got is not None
        Article.objects.filter(id=article.id).update(status=Article.Status.DONE, duplicate_of_id=got)
    assert found >= 5


def test_the_index_sums_are_the_filter_of_the_proof():
    """What the SQL keeps equals ``copymarks.may_copy`` over the stored profiles, and it keeps few articles."""
    story, made = _story_of_variants(30, seed=2)
    profiles = {a.id: copies.article_copy_marks_save(article=a) for a in made}
    kept_total = 0
    for article in made:
        mine = profiles[article.id]
        kept = copies._index_candidates(article, mine)
        spec = {
            i
            for i, other in profiles.items()
            if i != article.id and copymarks.may_copy(mine, copymarks.shared(mine, other))
        }
        assert kept == spec
        accepted = {
            o.id
            for o in made
            if o.id != article.id
            and dedup.is_copy(article.text, tuple(article.signature), o.text, tuple(o.signature))
        }
        assert accepted <= kept
        kept_total += len(kept)
    assert kept_total < len(made) * (len(made) - 1) / 3


def test_articles_without_marks_are_checked_and_indexed_a_batch_at_a_time(monkeypatch):
    monkeypatch.setattr(copies, "BACKFILL", 3)
    story = make_story()
    original = make_article(
        story=story, text=texts()[0], published_at=timezone.make_aware(datetime(2019, 1, 1))
    )
    others = [make_article(story=story, text=t) for t in texts()[1:8]]
    for a in [original, *others]:
        Article.objects.filter(id=a.id).update(signature=list(dedup.signature(a.text)))
    excerpt = "\n".join([p for p in dedup.passages(texts()[0]) if len(p.split()) > 12][:3])
    copy = make_article(story=story, text=excerpt, status=Article.Status.PROCESSING)
    copy.signature = list(dedup.signature(excerpt))
    assert copies.article_original_find(article=copy) == original.id
    assert CopyProfile.objects.filter(story=story).count() == 1 + 3
    for _ in range(3):
        copies.article_original_find(article=copy)
    assert CopyProfile.objects.filter(story=story).count() == 1 + 8


def test_marks_older_than_the_analysis_are_replaced_and_deleted_with_the_article():
    story = make_story()
    article = make_article(story=story, text=texts()[0])
    article.signature = list(dedup.signature(article.text))
    article.analysed_at = timezone.now()
    article.save()
    copies.article_copy_marks_save(article=article)
    before = set(CopyMark.objects.filter(profile_id=article.id).values_list("mark", flat=True))
    Article.objects.filter(id=article.id).update(text=texts()[1], analysed_at=timezone.now())
    newcomer = make_article(story=story, text=texts()[2], status=Article.Status.PROCESSING)
    newcomer.signature = list(dedup.signature(newcomer.text))
    copies.article_original_find(article=newcomer)
    after = set(CopyMark.objects.filter(profile_id=article.id).values_list("mark", flat=True))
    assert after == set(copymarks.profile(texts()[1], tuple(article.signature)).weights)
    assert after != before
    article.delete()
    assert not CopyMark.objects.filter(profile_id=article.id).exists()
    assert CopyMark.objects.filter(story=story).exists()  # the newcomer's
    story.delete()
    assert not CopyMark.objects.filter(story_id=story.id).exists()


@pytest.mark.parametrize("gold", [s for s in load_stories() if s.copies], ids=lambda s: s.name)
def test_gold_copies_through_the_service_equal_the_scan(gold, django_capture_on_commit_callbacks):
    story = services.story_get_or_create(slug=gold.name, title=gold.name, is_public=True)
    for name in gold.articles:
        with django_capture_on_commit_callbacks(execute=True):
            services.article_ingest(story=story, data=gold.path(name).read_bytes(), origin=name)
    articles = list(Article.objects.filter(story=story))
    assert CopyProfile.objects.filter(story=story).count() == len(articles)
    pairs = {(a.origin, a.duplicate_of.origin) for a in articles if a.duplicate_of}
    assert {tuple(p) for p in gold.copies} <= pairs
    Article.objects.filter(story=story).update(duplicate_of=None, status=Article.Status.QUEUED)
    for article in _in_copy_order(articles):
        wanted = scan_original_of(article)
        assert copies.article_original_find(article=article) == wanted
        Article.objects.filter(id=article.id).update(status=Article.Status.DONE, duplicate_of_id=wanted)
