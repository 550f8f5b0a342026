"""Which earlier article an upload copies: candidates from the story's copy index, then dedup's exact check.

The index (``CopyProfile``, ``CopyMark``) holds each analysed article's marks (``nlp.copymarks``, whose docstring
proves that every pair ``dedup.is_copy`` accepts shares enough marks to pass ``copymarks.may_copy``). A lookup reads
only the index rows of the new article's marks and runs the exact check on the articles that pass, in
``dedup.copy_order``; the first accepted is the one the full scan would have returned.

Articles without marks, or whose marks predate their latest analysis (stories analysed before the index existed,
an editor's copy reanalysed while marked), are not trusted to the index: they join the candidates as in the scan,
and up to BACKFILL of them are indexed per lookup, so an old story is caught up without a command.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.db.models import Count, Exists, F, OuterRef, Q, Sum, Value
from django.db.models.aggregates import Max
from django.db.models.functions import Coalesce

from stories.models import Article, CopyMark, CopyProfile
from stories.nlp import copymarks, dedup

BACKFILL = 200
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def article_copy_marks_save(
    *, article: Article, profile: copymarks.Profile | None = None
) -> copymarks.Profile:
    """Replace the article's marks with those of its current text and signature."""
    profile = profile or copymarks.profile(article.text, tuple(article.signature or ()))
    CopyMark.objects.filter(profile_id=article.id).delete()
    CopyProfile.objects.update_or_create(
        article_id=article.id,
        defaults={
            "story_id": article.story_id,
            "shingles": profile.shingles,
            "total": profile.total,
            "analysed_at": article.analysed_at or _EPOCH,
        },
    )
    CopyMark.objects.bulk_create(
        (
            CopyMark(profile_id=article.id, story_id=article.story_id, mark=mark, weight=weight)
            for mark, weight in profile.weights.items()
        ),
        batch_size=5000,
    )
    return profile


def article_original_find(*, article: Article) -> int | None:
    """The earlier article this one copies, whole or as an excerpt (earlier publication first, then the longer
    text, then the upload's hash); indexes this article's marks on the way."""
    profile = article_copy_marks_save(article=article)
    fresh = CopyProfile.objects.filter(article_id=OuterRef("pk"), analysed_at=OuterRef("stamp"))
    earlier = (
        Article.objects.filter(
            story_id=article.story_id, status=Article.Status.DONE, duplicate_of__isnull=True
        )
        .exclude(id=article.id)
        .annotate(stamp=Coalesce("analysed_at", Value(_EPOCH)), indexed=Exists(fresh))
    )
    found = _index_candidates(article, profile)
    rows = list(
        earlier.filter(Q(id__in=found) | Q(indexed=False)).values_list(
            "id", "published_at", "sha256", "signature", "text", "analysed_at", "indexed"
        )
    )
    _backfill(article.story_id, [row for row in rows if not row[-1]][:BACKFILL])
    mine = dedup.copy_order(article.published_at, article.text, article.sha256)
    rows.sort(key=lambda row: dedup.copy_order(row[1], row[4], row[2]))
    ordered = [
        (i, text, tuple(sig))
        for i, published, sha, sig, text, _at, _indexed in rows
        if sig and dedup.copy_order(published, text, sha) < mine
    ]
    return dedup.original_index(article.text, tuple(article.signature), ordered)


def _index_candidates(article: Article, profile: copymarks.Profile) -> set[int]:
    """Articles sharing enough marks with this one for ``copymarks.may_copy``, as sums over the index rows."""
    share = copymarks.MIN_SHARE * (1 - copymarks.SLACK)
    passes = Q(agree__gte=copymarks.SIG_AGREE) | Q(
        shingles__lt=profile.shingles, shingles__gte=dedup.MIN_SHINGLES, weight__gte=share * F("total")
    )
    needed = profile.min_shared()
    if needed is not None:
        passes |= Q(shingles__gte=profile.shingles, shared__gte=needed)
    rows = (
        CopyMark.objects.filter(story_id=article.story_id, mark__in=list(profile.weights))
        .exclude(profile_id=article.id)
        .values("profile_id")
        .annotate(
            agree=Count("mark", filter=Q(mark__gte=0)),
            shared=Count("mark", filter=Q(mark__lt=0)),
            weight=Sum("weight"),
            shingles=Max("profile__shingles"),
            total=Max("profile__total"),
        )
        .filter(passes)
        .values_list("profile_id", flat=True)
    )
    return set(rows)


def _backfill(story_id: int, rows: list[tuple]) -> None:
    for i, _published, _sha, sig, text, analysed_at, _indexed in rows:
        stored = Article(id=i, story_id=story_id, text=text, signature=sig, analysed_at=analysed_at)
        article_copy_marks_save(article=stored)
