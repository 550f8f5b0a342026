"""Search across readable stories. Arabic-aware matching folds diacritics, tatweel, alef forms, alef maksura and
teh marbuta: a character table rather than camel-tools' normaliser, because the database must apply exactly the same
fold (PostgreSQL with translate()/regexp_replace(), SQLite through a Python function registered on the connection).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, F, Func, Q, QuerySet, TextField, Window
from django.db.models.functions import Cast

from stories.models import Article, Claim, Entity, Story

from .access import stories_visible
from .snippets import Snippet, snippet_from_window

_DIACRITICS = "".join(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x06D6, 0x06EE)])
_FOLD = str.maketrans(
    {**dict.fromkeys(_DIACRITICS), "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
)
SEARCH_LIMIT = 10


def arabic_fold(text: str | None) -> str:
    return (text or "").translate(_FOLD).lower()


class ArabicFold(Func):
    """The same fold as ``arabic_fold``, in SQL."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra):
        return self.as_sqlite(compiler, connection, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        _sqlite_register(connection)
        return super().as_sql(compiler, connection, function="ar_fold", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = f"lower(translate(regexp_replace(%(expressions)s, '[{_DIACRITICS}]', '', 'g'), 'أإآٱىة', 'اااايه'))"
        return super().as_sql(compiler, connection, template=template, **extra)


def _sqlite_register(connection) -> None:
    connection.ensure_connection()
    connection.connection.create_function("ar_fold", 1, arabic_fold, deterministic=True)


@dataclass
class Hits:
    """One kind of result: a page of it, and how many there are in all."""

    items: list
    total: int = 0
    page: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // SEARCH_LIMIT))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)


@dataclass
class SearchResults:
    query: str
    articles: Hits
    claims: Hits
    entities: Hits

    @property
    def empty(self) -> bool:
        return not (self.articles.total or self.claims.total or self.entities.total)


def _page_of(queryset, page: int, values: tuple[str, ...] = ()) -> Hits:
    """A page of ``queryset`` with the count of all its rows, in one query (a window count over the match)."""
    page = max(1, page)
    counted = queryset.annotate(hits_total=Window(Count("id")))
    if values:
        counted = counted.values(*values, "hits_total")
    rows = list(counted[(page - 1) * SEARCH_LIMIT : page * SEARCH_LIMIT])
    if not rows and page > 1:
        return _page_of(queryset, 1, values)
    total = (rows[0]["hits_total"] if values else rows[0].hits_total) if rows else 0
    return Hits(items=rows, total=total, page=page)


def search(
    *, query: str, user, story: Story | None = None, pages: dict[str, int] | None = None
) -> SearchResults:
    """Articles, claims and entities matching ``query`` in the stories this user may read, a page of each kind
    (``pages``: kind → page number) with how many there are."""
    pages = pages or {}
    folded = arabic_fold(" ".join(query.split()))[:200]
    if len(folded) < 2:
        return SearchResults(query=query, articles=Hits([]), claims=Hits([]), entities=Hits([]))
    stories = stories_visible(user=user) if story is None else Story.objects.filter(id=story.id)
    articles = _search_articles(folded, stories, pages.get("articles", 1))
    claims = _page_of(
        Claim.objects.filter(story__in=stories, merged_into__isnull=True)
        .alias(folded=ArabicFold("text"))
        .filter(_fuzzy("folded", folded))
        .select_related("story")
        .only("id", "text", "slug", "story__slug", "story__title")
        .order_by("id"),
        pages.get("claims", 1),
    )
    entities = _page_of(
        Entity.objects.filter(story__in=stories)
        .alias(folded=ArabicFold("name"), folded_aliases=ArabicFold(Cast("aliases", TextField())))
        .filter(_fuzzy("folded", folded) | Q(folded_aliases__contains=folded))
        .select_related("story")
        .only("id", "name", "kind", "story__slug", "story__title")
        .order_by("name", "id"),
        pages.get("entities", 1),
    )
    return SearchResults(query=query, articles=articles, claims=claims, entities=entities)


def _fuzzy(field_name: str, folded: str) -> Q:
    """Containment everywhere; on PostgreSQL also pg_trgm word similarity, which forgives a letter or two."""
    match = Q(**{f"{field_name}__contains": folded})
    if connection.vendor == "postgresql":
        match |= Q(**{f"{field_name}__trigram_word_similar": folded})
    return match


def _search_articles(folded: str, stories: QuerySet[Story], page: int) -> Hits:
    articles = Article.objects.filter(story__in=stories, status=Article.Status.DONE)
    match = Q(folded_title__contains=folded) | Q(folded_text__contains=folded)
    articles = articles.alias(folded_title=ArabicFold("title"), folded_text=ArabicFold("text"))
    if connection.vendor == "postgresql":
        # Full-text with the built-in Arabic stemmer finds other forms of the words; containment keeps exact hits.
        vector = SearchVector(ArabicFold("title"), ArabicFold("text"), config="arabic")
        text_query = SearchQuery(folded, config="arabic", search_type="plain")
        articles = (
            articles.alias(vector=vector)
            .filter(match | Q(vector=text_query))
            .annotate(rank=SearchRank(vector, text_query))
            .order_by("-rank", "-published_at", "id")
        )
    else:
        articles = articles.filter(match).order_by(F("published_at").desc(nulls_last=True), "id")
    fields = ("id", "title", "text", "story__slug", "story__title", "source__name", "source__file_hint")
    hits = _page_of(articles, page, (*fields, "published_at"))
    for row in hits.items:
        row["snippet"] = search_snippet(row.pop("text"), folded)
    return hits


def search_snippet(text: str, folded_query: str, radius: int = 90) -> Snippet | None:
    """Where the folded query occurs in ``text``, mapped back to the original characters."""
    kept = [(i, ch.translate(_FOLD).lower()) for i, ch in enumerate(text)]
    positions, pieces = [], []
    for i, piece in kept:
        for _ in piece:
            positions.append(i)
        pieces.append(piece)
    at = "".join(pieces).find(folded_query)
    if at < 0:
        return None
    start, end = positions[at], positions[at + len(folded_query) - 1] + 1
    offset = max(0, start - radius)
    return snippet_from_window(text[offset : end + radius], start=start, end=end, radius=radius, stops="\n")
