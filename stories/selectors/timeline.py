"""The story page: filters, the coverage timeline (articles per outlet) and the events timeline (dates mentioned)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext

from stories import timelines
from stories.models import Article, Claim, Entity, Event, Evidence, Mention, Source, Story

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

    def query(self) -> dict[str, int]:
        pairs = {"source": self.source_id, "entity": self.entity_id, "claim": self.claim_id}
        return {key: value for key, value in pairs.items() if value}


def int_param(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def story_filters_parse(params) -> StoryFilters:
    return StoryFilters(
        source_id=int_param(params.get("source")),
        entity_id=int_param(params.get("entity")),
        claim_id=int_param(params.get("claim")),
    )


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
    """An outlet as the story page lists it: a few hundred of these are cheaper than model instances."""

    id: int
    name: str
    href: str


def _outlet_url(story: Story) -> str:
    # One reverse() for the whole list: a story may have hundreds of outlets.
    return reverse("stories:source", kwargs={"slug": story.slug, "pk": 999999999}).replace("999999999", "{}")


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
        url = _outlet_url(story)
        named = Source.objects.filter(articles__story=story).distinct().order_by("name")
        sources = [Outlet(pk, name, url.format(pk)) for pk, name in named.values_list("id", "name")]
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


@dataclass
class Coverage:
    chart: timelines.Chart
    lane_page: int
    lane_pages: int
    undated: list[dict]
    article_count: int
    outlets: list[Outlet] | None = None  # every outlet of the story, when no filter narrowed the count


def story_coverage(*, story: Story, filters: StoryFilters, rtl: bool, lane_page: int = 1) -> Coverage:
    """Articles by publication date, one lane per outlet, copies linked to their original, claims where first reported."""
    articles = articles_filtered(story=story, filters=filters)
    per_source = list(
        articles.values("source_id", "source__name")
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
    firsts = [r["first"] for r in per_source if r["first"]]
    span = {
        "first": min(firsts, default=None),
        "last": max((r["last"] for r in per_source if r["last"]), default=None),
    }
    chart = timelines.chart_frame(len(lanes), rtl=rtl)
    chart.lanes = [
        timelines.Lane(
            y=timelines.lane_y(i),
            label=row["source__name"] or "—",
            href=f"?source={row['source_id']}" if row["source_id"] else "",
        )
        for i, row in enumerate(lanes)
    ]
    undated = [{"id": r[0], "title": r[3], "source_id": r[1]} for r in rows if r[2] is None]
    if span["first"]:
        scale = timelines.Scale(span["first"].date(), span["last"].date() + timedelta(days=1), rtl=rtl)
        chart.ticks = scale.ticks()
        _coverage_marks(
            chart,
            [r for r in rows if r[2] is not None],
            lane_index,
            scale,
            story=story,
            stances=_claim_stance_by_article(filters),
        )
    return Coverage(
        chart=chart,
        lane_page=lane_page,
        lane_pages=lane_pages,
        undated=undated[:50],
        article_count=sum(r["n"] for r in per_source),
        outlets=None if filters.active else _outlets(story, per_source),
    )


def _outlets(story: Story, per_source: list[dict]) -> list[Outlet]:
    url = _outlet_url(story)
    return [
        Outlet(r["source_id"], r["source__name"], url.format(r["source_id"]))
        for r in per_source
        if r["source_id"]
    ]


def _coverage_marks(chart, rows, lane_index, scale, *, story: Story, stances: dict) -> None:
    # One reverse() for the whole chart: a busy story draws a thousand marks.
    article_url = reverse("stories:article", kwargs={"slug": story.slug, "pk": 999999999}).replace(
        "999999999", "{}"
    )
    positions: dict[int, tuple[float, float]] = {}
    marks = []
    for aid, source_id, published, title, dup, off_topic, status, first_claims in rows:
        x, y = scale.x(published), timelines.lane_y(lane_index[source_id])
        positions[aid] = (x, y)
        css = []
        if dup:
            css.append("copy")
        if off_topic:
            css.append("off-topic")
        if status == "failed":
            css.append("failed")
        if aid in stances:
            css.append(f"stance-{stances[aid]}")
        marks.append(
            timelines.Mark(
                x=x,
                y=y,
                ids=[aid],
                title=f"{title} — {published:%Y-%m-%d %H:%M}",
                href=article_url.format(aid),
                css=" ".join(css),
                claims=first_claims,
            )
        )
        if dup and dup in positions:
            chart.links.append((x, y, *positions[dup]))
    chart.marks = timelines.cluster(marks)


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


def story_first_claims_listed(*, story: Story, filters: StoryFilters, limit: int = 30) -> list[Claim]:
    """Claims in the order they were first reported, with who reported them first."""
    claims = Claim.objects.filter(story=story, merged_into__isnull=True, first_reported_in__isnull=False)
    if filters.claim_id:
        claims = claims.filter(id=filters.claim_id)
    if filters.source_id or filters.entity_id:
        claims = claims.filter(first_reported_in__in=articles_filtered(story=story, filters=filters))
    return list(
        claims.select_related("first_reported_in__source")
        .only(
            "id",
            "text",
            "slug",
            "first_reported_in__published_at",
            "first_reported_in__published_has_time",
            "first_reported_in__title",
            "first_reported_in__source__name",
        )
        .order_by(F("first_reported_in__published_at").asc(nulls_last=True), "id")[:limit]
    )


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
    chart: timelines.Chart | None
    dates: list[EventDate]
    page: int
    pages: int
    outside: int


def _event_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(
        parts[0],
        parts[1] if len(parts) > 1 else 7,
        parts[2] if len(parts) > 2 else 15 if len(parts) > 1 else 1,
    )


def _dense_range(days: list[tuple[date, int]], span: int = 62) -> tuple[date, date]:
    """The ``span``-day window holding the most mentions, so stray historical dates cannot squash the story's days."""
    best, best_total, j, total = (days[0][0], days[0][0]), -1, 0, 0
    for i, (day, n) in enumerate(days):
        total += n
        while (day - days[j][0]).days > span:
            total -= days[j][1]
            j += 1
        if total > best_total:
            best, best_total = (days[j][0], days[i][0]), total
    return best[0] - timedelta(days=2), best[1] + timedelta(days=2)


def story_events(*, story: Story, filters: StoryFilters, rtl: bool, page: int = 1) -> Events:
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
    _event_quotes(events, shown, story=story)
    chart, outside = _events_chart(dates, rtl=rtl)
    return Events(chart=chart, dates=shown, page=page, pages=pages, outside=outside)


def _event_quotes(events: QuerySet[Event], shown: list[EventDate], *, story: Story) -> None:
    by_date = {d.date: d for d in shown}
    # One reverse() for up to EVENT_QUOTES links.
    article_url = reverse("stories:article", kwargs={"slug": story.slug, "pk": 999999999}).replace(
        "999999999", "{}"
    )
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
            "article__published_at",
        )
        .order_by("date", F("article__published_at").asc(nulls_last=True), "start")[:EVENT_QUOTES]
    )
    for q in quotes:
        q["article_url"] = article_url.format(q["article_id"])
        q["snippet"] = snippet_from_window(
            q["window"], start=q["start"], end=q["end"], radius=QUOTE_RADIUS, stops=SENTENCE_END
        )
        by_date[q["date"]].quotes.append(q)


def _events_chart(dates: list[EventDate], *, rtl: bool) -> tuple[timelines.Chart | None, int]:
    placed = [(d, _event_day(d.date)) for d in dates if d.precision in ("day", "month")]
    if not placed:
        return None, 0
    low, high = _dense_range(sorted(((day, d.count) for d, day in placed), key=lambda p: p[0]))
    scale = timelines.Scale(low, high, rtl=rtl)
    rows = {"day": 0, "month": 1}
    chart = timelines.chart_frame(2, rtl=rtl)
    chart.ticks = scale.ticks()
    labels = {"day": gettext("أيام"), "month": gettext("أشهر")}
    chart.lanes = [timelines.Lane(y=timelines.lane_y(i), label=labels[name]) for name, i in rows.items()]
    outside = 0
    for d, day in placed:
        if not low <= day <= high:
            outside += 1
            continue
        chart.marks.append(
            timelines.Mark(
                x=scale.x(day),
                y=timelines.lane_y(rows[d.precision]),
                ids=[],
                title=d.date,
                href=f"#event-{d.date}",
                count=d.articles,
                css=f"event-{d.precision}",
                page=d.page,
            )
        )
    return chart, outside
