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

from django.db import connection
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
    _marks_insert(article.id, article.story_id, profile.weights)
    return profile


def _marks_insert(article_id: int, story_id: int, weights: dict[int, int]) -> None:
    if connection.vendor != "postgresql":
        marks = (
            CopyMark(profile_id=article_id, story_id=story_id, mark=m, weight=w) for m, w in weights.items()
        )
        CopyMark.objects.bulk_create(marks, batch_size=2000)
        return
    # One statement for the article's ~1,500 rows: the ORM's per-row work costs more than the insert itself.
    table = connection.ops.quote_name(CopyMark._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (profile_id, story_id, mark, weight) "  # noqa: S608 - the name is the model's
            "SELECT %s, %s, m, w FROM unnest(%s::bigint[], %s::integer[]) AS t(m, w)",
            [article_id, story_id, list(weights), list(weights.values())],
        )


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
    needed = profile.min_shared()
    if connection.vendor == "postgresql":
        return _index_candidates_pg(article, profile, needed)
    share = copymarks.MIN_SHARE * (1 - copymarks.SLACK)
    passes = Q(agree__gte=copymarks.SIG_AGREE) | Q(
        shingles__lt=profile.shingles, shingles__gte=dedup.MIN_SHINGLES, weight__gte=share * F("total")
    )
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


# The same sums as the ORM query above. Written out so that each mark is one probe of the (story, mark) index:
# given the whole list at once, the planner prefers a scan of the table, whose cost grows with the story.
_CANDIDATES_PG = """
SELECT s.profile_id FROM (
    SELECT m.profile_id, count(*) FILTER (WHERE m.mark >= 0) AS agree,
           count(*) FILTER (WHERE m.mark < 0) AS shared, sum(m.weight) AS weight
    FROM unnest(%(marks)s::bigint[]) AS q(mark)
    CROSS JOIN LATERAL (
        SELECT c.profile_id, c.mark, c.weight FROM {marks} c WHERE c.story_id = %(story)s AND c.mark = q.mark
    ) m
    WHERE m.profile_id <> %(me)s
    GROUP BY m.profile_id
) s JOIN {profiles} p ON p.article_id = s.profile_id
WHERE s.agree >= %(agree)s
   OR (p.shingles < %(shingles)s AND p.shingles >= %(min_shingles)s AND s.weight >= %(share)s * p.total)
   OR (p.shingles >= %(shingles)s AND s.shared >= %(needed)s)
"""


def _index_candidates_pg(article: Article, profile: copymarks.Profile, needed: int | None) -> set[int]:
    quote = connection.ops.quote_name
    sql = _CANDIDATES_PG.format(
        marks=quote(CopyMark._meta.db_table), profiles=quote(CopyProfile._meta.db_table)
    )
    params = {
        "marks": list(profile.weights),
        "story": article.story_id,
        "me": article.id,
        "agree": copymarks.SIG_AGREE,
        "shingles": profile.shingles,
        "min_shingles": dedup.MIN_SHINGLES,
        "share": copymarks.MIN_SHARE * (1 - copymarks.SLACK),
        "needed": needed if needed is not None else 2**62,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


def _backfill(story_id: int, rows: list[tuple]) -> None:
    for i, _published, _sha, sig, text, analysed_at, _indexed in rows:
        stored = Article(id=i, story_id=story_id, text=text, signature=sig, analysed_at=analysed_at)
        article_copy_marks_save(article=stored)
