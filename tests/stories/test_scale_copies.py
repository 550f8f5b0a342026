"""Copies found through the copy index (sampled shingle marks in an indexed table) instead of a scan of the story."""

from __future__ import annotations

import hashlib
import itertools
from datetime import UTC

import pytest

from stories import services
from stories.models import Article, CopyMark, Source, Story
from stories.nlp import dedup
from stories.nlp.pipeline import analyse
from tests.eval.gold import load_stories


def gold_texts() -> list[tuple[str, str]]:
    out = []
    for story in load_stories():
        for name in story.articles:
            out.append((f"{story.name}/{name}", analyse(story.path(name).read_bytes(), filename=name).text))
    return out


def variants(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """An excerpt (the first paragraphs under another headline) and a lightly edited copy of each article."""
    out = []
    for label, text in texts:
        paragraphs = [p for p in text.split("\n") if p.strip()]
        head = paragraphs[: max(2, len(paragraphs) // 3)]
        out.append((f"{label} excerpt", "خبر منقول عن موقع آخر\n\n" + "\n\n".join(head)))
        words = text.split(" ")
        out.append((f"{label} edited", " ".join(w for i, w in enumerate(words) if i % 17 != 5)))
    return out


def test_every_copy_pair_of_the_gold_sets_shares_enough_marks_to_be_a_candidate():
    """The index only narrows the search: a pair that ``is_copy`` confirms must always reach the confirmation."""
    gold = gold_texts()
    texts = [
        (label, text, dedup.signature(text), set(dedup.marks(text))) for label, text in gold + variants(gold)
    ]
    copies = rejected = 0
    for (a, ta, sa, ma), (b, tb, sb, mb) in itertools.combinations(texts, 2):
        candidate = len(ma & mb) >= dedup.marks_needed(len(ma), len(mb))
        if dedup.is_copy(ta, sa, tb, sb):
            copies += 1
            assert candidate, f"{a} and {b} are copies but share only {len(ma & mb)} marks"
        rejected += not candidate
    assert copies >= len(gold)  # the gold sets' copies, and each article's excerpt and edited copy
    assert rejected > 0.8 * len(texts) * (len(texts) - 1) / 2  # and the index spares most comparisons


def upload(story: Story, text: str, *, name: str, day: int) -> Article:
    from datetime import datetime

    data = text.encode()
    return Article.objects.create(
        story=story,
        source=Source.objects.get_or_create(name=name)[0],
        original=data,
        sha256=hashlib.sha256(data).hexdigest(),
        origin=f"{name}.txt",
        published_at=datetime(2024, 5, day, tzinfo=UTC),
        published_by_editor=True,
    )


@pytest.mark.django_db
def test_an_excerpt_uploaded_first_is_still_the_copy_of_the_earlier_full_report(seed_paths):
    story = Story.objects.create(slug="copies", title="copies")
    full = analyse(seed_paths[0].read_bytes(), filename="a.txt").text
    paragraphs = [p for p in full.split("\n") if len(p.split()) > 12]
    excerpt = "عنوان آخر من موقع ينقل الخبر\n\n" + "\n\n".join(paragraphs[:4])
    others = [analyse(p.read_bytes(), filename="b.txt").text for p in seed_paths[1:]]
    for i, text in enumerate(others):
        services.article_analyse(article_id=upload(story, text, name=f"other{i}", day=3).id)
    copy = upload(story, excerpt, name="copier", day=5)
    services.article_analyse(article_id=copy.id)
    copy.refresh_from_db()
    assert copy.duplicate_of_id is None  # its original is not in the story yet
    original = upload(story, full, name="first", day=2)
    services.article_analyse(article_id=original.id)
    services.article_analyse(article_id=copy.id)  # reanalysed: now it finds the earlier full report
    copy.refresh_from_db()
    assert copy.duplicate_of_id == original.id
    assert Article.objects.filter(story=story, duplicate_of__isnull=False).count() == 1
    marks = CopyMark.objects.filter(article=copy)
    assert marks.count() == len(dedup.marks(copy.text)) == marks.first().total
    services.article_analyse(article_id=copy.id)  # marks are replaced, never added twice
    assert CopyMark.objects.filter(article=copy).count() == len(dedup.marks(copy.text))


@pytest.mark.django_db
def test_the_earlier_of_two_originals_is_chosen_whatever_the_upload_order(seed_paths):
    story = Story.objects.create(slug="order", title="order")
    full = analyse(seed_paths[1].read_bytes(), filename="a.txt").text
    later = upload(
        story, full + "\n\nفقرة أضافها الموقع الثاني في آخر الخبر عن ردود الفعل.", name="late", day=9
    )
    services.article_analyse(article_id=later.id)
    earlier = upload(story, full, name="early", day=1)
    services.article_analyse(article_id=earlier.id)
    copy = upload(story, full.replace("\n", "\n\n", 3), name="copy", day=12)
    services.article_analyse(article_id=copy.id)
    copy.refresh_from_db()
    later.refresh_from_db()
    assert later.duplicate_of_id == earlier.id or later.duplicate_of_id is None
    assert copy.duplicate_of_id == earlier.id
