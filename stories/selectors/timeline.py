"""The story page: filters, the coverage timeline (articles per outlet) and the events timeline (dates mentioned)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.db.models import Count, F, Max, Min, Q, QuerySet

from stories.models import Article, Claim, Entity, Event, Evidence, Mention, Source, Story
from stories.presentation import outlet_label

from .export import stance_overall
from .snippets import QUOTE_RADIUS, SENTENCE_END, _quote_window, snippet_from_window

LANES_PER_PAGE = 15
FILTER_CHOICES = 60


@dataclass(frozen=True)
class StoryFilters:
    source_id: int | None = None
    entity_id: int | None = None
    claim_id: int | None = None

    @property
    def active(self) -> bool:
        return any((self.source_id, self.entity_id, self.claim_id))


def articles_filtered(*, story: Story, filters: StoryFilters) -> QuerySet[Article]:
    articles = Article.objects.filter(story=story)
    if filters.source_id:
        articles = articles.filter(source_id=filters.source_id)
    if filters.entity_id:
        articles = articles.filter(
            id__in=Mention.objects.filter(entity_id=filters.entity_id, entity__story=story).values(
                "article_id"
            )
        )
    if filters.claim_id:
        articles = articles.filter(
            id__in=Evidence.objects.filter(claim_id=filters.claim_id).values("article_id")
        )
    return articles


class Outlet(NamedTuple):
    """An outlet as the story page lists it: a few hundred of these are cheaper than model instances.

    A coverage lane's outlet has no id (and no name) when it gathers the articles without one.
    """

    id: int | None
    name: str | None
    hint: str = ""  # an unnamed outlet's file name (Source.file_hint)

    @property
    def label(self) -> str:
        return outlet_label(self.name, self.hint)


@dataclass
class FilterChoices:
    sources: list[Outlet]
    entities: list[Entity]
    claims: list[Claim]


def story_filter_choices(*, story: Story, coverage: Coverage | None = None) -> FilterChoices:
    """The outlets, the most mentioned entities and the most covered claims, for the filter menus.

    An unfiltered coverage already counted every outlet of the story; its list is reused instead of asked again.
    """
    if coverage is not None and coverage.outlets is not None:
        sources = sorted(coverage.outlets, key=lambda s: s.name)
    else:
        named = Source.objects.filter(articles__story=story).distinct().order_by("name")
        sources = [Outlet(*row) for row in named.values_list("id", "name", "file_hint")]
    entities = list(
        Entity.objects.filter(story=story)
        .annotate(n=Count("mentions"))
        .filter(n__gt=0)
        .order_by("-n", "name")
        .only("id", "name")[:FILTER_CHOICES]
    )
    claims = list(
        Claim.objects.filter(story=story, merged_into__isnull=True)
        .annotate(n=Count("evidence"))
        .filter(n__gt=0)
        .order_by("-n", "id")
        .only("id", "text", "slug")[:FILTER_CHOICES]
    )
    return FilterChoices(sources=sources, entities=entities, claims=claims)


class CoverageArticle(NamedTuple):
    id: int
    source_id: int | None
    published_at: datetime
    title: str
    duplicate_of_id: int | None
    off_topic: bool
    status: str
    first_claims: int  # claims this article reported first
    stance: str | None  # its overall stance toward the claim the page is filtered by


@dataclass
class Coverage:
    lanes: list[Outlet]  # this page's outlets, one lane each
    articles: list[CoverageArticle]  # the lanes' dated articles, oldest first
    first: datetime | None  # the story's first and last publication, whichever outlets are shown
    last: datetime | None
    lane_page: int
    lane_pages: int
    undated: list[dict]
    article_count: int
    outlets: list[Outlet] | None = None  # every outlet of the story, when no filter narrowed the count
    lane_counts: list[dict] = field(
        default_factory=list
    )  # per lane: articles, first and last date (phone list)


def _outlet(row: dict) -> Outlet:
    return Outlet(row["source_id"], row["source__name"], row["source__file_hint"] or "")


def story_coverage(*, story: Story, filters: StoryFilters, lane_page: int = 1) -> Coverage:
    """Articles by publication date, one lane per outlet, copies linked to their original, claims where first reported."""
    articles = articles_filtered(story=story, filters=filters)
    per_source = list(
        articles.values("source_id", "source__name", "source__file_hint")
        .annotate(n=Count("id"), first=Min("published_at"), last=Max("published_at"))
        .order_by("-n", "source__name")
    )
    lane_pages = max(1, -(-len(per_source) // LANES_PER_PAGE))
    lane_page = min(max(lane_page, 1), lane_pages)
    lanes = per_source[(lane_page - 1) * LANES_PER_PAGE : lane_page * LANES_PER_PAGE]
    lane_index = {row["source_id"]: i for i, row in enumerate(lanes)}
    in_lanes = Q(source_id__in=[k for k in lane_index if k])
    if None in lane_index:
        in_lanes |= Q(source__isnull=True)
    rows = list(
        articles.filter(in_lanes)
        .values_list("id", "source_id", "published_at", "title", "duplicate_of_id", "off_topic", "status")
        .annotate(claims_first=_first_claims_count(story=story, filters=filters))
        .order_by("published_at", "id")
    )
    dated = [r for r in rows if r[2] is not None]
    stances = _claim_stance_by_article(filters) if dated else {}
    outlets = [_outlet(r) for r in per_source if r["source_id"]]
    return Coverage(
        lanes=[_outlet(row) for row in lanes],
        articles=[CoverageArticle(*r, stance=stances.get(r[0])) for r in dated],
        first=min((r["first"] for r in per_source if r["first"]), default=None),
        last=max((r["last"] for r in per_source if r["last"]), default=None),
        lane_page=lane_page,
        lane_pages=lane_pages,
        undated=[{"id": r[0], "title": r[3], "source_id": r[1]} for r in rows if r[2] is None][:50],
        article_count=sum(r["n"] for r in per_source),
        outlets=None if filters.active else outlets,
        lane_counts=[
            {
                "id": r["source_id"],
                "name": r["source__name"],
                "hint": r["source__file_hint"] or "",
                "n": r["n"],
                "first": r["first"],
                "last": r["last"],
            }
            for r in lanes
        ],
    )


def _first_claims_count(*, story: Story, filters: StoryFilters) -> Count:
    """How many claims each article reported first: a column of the lane's articles, not a query of its own."""
    here = Q(first_claims__story=story, first_claims__merged_into__isnull=True)
    if filters.claim_id:
        here &= Q(first_claims__id=filters.claim_id)
    return Count("first_claims", filter=here)


def _claim_stance_by_article(filters: StoryFilters) -> dict[int, str]:
    if not filters.claim_id:
        return {}
    found: dict[int, set[str]] = defaultdict(set)
    for article_id, stance in Evidence.objects.filter(claim_id=filters.claim_id).values_list(
        "article_id", "stance"
    ):
        found[article_id].add(stance)
    return {article_id: stance_overall(stances) for article_id, stances in found.items()}


EVENT_DATES_PER_PAGE = 20
EVENT_QUOTES = 300


@dataclass
class EventDate:
    date: str
    precision: str
    count: int
    articles: int
    page: int
    quotes: list[dict] = field(default_factory=list)


@dataclass
class Events:
    days: list[EventDate]  # every date mentioned, for the chart
    dates: list[EventDate]  # this page's dates, with their quotes
    page: int
    pages: int


def story_events(*, story: Story, filters: StoryFilters, page: int = 1) -> Events:
    """The dates the articles talk about, each linked to the sentences that mention it."""
    events = Event.objects.filter(article__in=articles_filtered(story=story, filters=filters))
    rows = list(
        events.values("date", "precision")
        .annotate(n=Count("id"), articles=Count("article_id", distinct=True))
        .order_by("date", "precision")
    )
    pages = max(1, -(-len(rows) // EVENT_DATES_PER_PAGE))
    page = min(max(page, 1), pages)
    dates = [
        EventDate(
            date=r["date"],
            precision=r["precision"],
            count=r["n"],
            articles=r["articles"],
            page=i // EVENT_DATES_PER_PAGE + 1,
        )
        for i, r in enumerate(rows)
    ]
    shown = dates[(page - 1) * EVENT_DATES_PER_PAGE : page * EVENT_DATES_PER_PAGE]
    _event_quotes(events, shown)
    return Events(days=dates, dates=shown, page=page, pages=pages)


def _event_quotes(events: QuerySet[Event], shown: list[EventDate]) -> None:
    by_date = {d.date: d for d in shown}
    quotes = (
        events.filter(date__in=list(by_date))
        .annotate(window=_quote_window("article__text", "start", "end", QUOTE_RADIUS))
        .values(
            "id",
            "date",
            "start",
            "end",
            "window",
            "article_id",
            "article__title",
            "article__source__name",
            "article__source__file_hint",
            "article__published_at",
        )
        .order_by("date", F("article__published_at").asc(nulls_last=True), "start")[:EVENT_QUOTES]
    )
    for q in quotes:
        q["snippet"] = snippet_from_window(
            q["window"], start=q["start"], end=q["end"], radius=QUOTE_RADIUS, stops=SENTENCE_END
        )
        by_date[q["date"]].quotes.append(q)
