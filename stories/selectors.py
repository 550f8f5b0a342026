"""Reads: what a reader may see, and the shapes pages and exports are built from, in a bounded number of queries."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, Count, F, Func, Max, Min, Prefetch, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Cast, Greatest, Substr
from django.urls import reverse
from django.utils.translation import gettext

from stories import timelines
from stories.models import (
    Article,
    Claim,
    Entity,
    Event,
    Evidence,
    Mention,
    Source,
    Story,
    TrackedClaim,
    TrackedStance,
)

POSITIVE = {"asserts", "attributes"}


def stories_visible(*, user) -> QuerySet[Story]:
    stories = Story.objects.annotate(article_count=Count("articles"))
    if user.is_authenticated:
        return stories
    return stories.filter(is_public=True)


def story_can_read(*, story: Story, user) -> bool:
    return story.is_public or user.is_authenticated


def stance_overall(stances: set[str] | list[str]) -> str:
    """One outlet's stance on one claim from all its evidence: ``mixed`` when its own evidence disagrees."""
    found = set(stances)
    polarities = {("positive" if s in POSITIVE else s) for s in found}
    if len(polarities) > 1:
        return "mixed"
    if polarities == {"positive"}:
        return "asserts" if "asserts" in found else "attributes"
    return next(iter(found))


def claims_live(*, story: Story) -> QuerySet[Claim]:
    """Claims with at least one piece of evidence, not merged into another."""
    return Claim.objects.filter(story=story, merged_into__isnull=True, evidence__isnull=False).distinct()


def story_agreement(*, story: Story) -> list[dict]:
    cells: dict[tuple[int, int], set[str]] = defaultdict(set)
    rows = Evidence.objects.filter(
        article__story=story, claim__merged_into__isnull=True, article__source__isnull=False
    ).values_list("claim_id", "article__source_id", "stance")
    for claim_id, source_id, stance in rows:
        cells[(claim_id, source_id)].add(stance)
    return [
        {"claim_id": claim_id, "source_id": source_id, "stance": stance_overall(stances)}
        for (claim_id, source_id), stances in sorted(cells.items())
    ]


def story_export(*, story: Story) -> dict:
    """The export contract: every quote equals text[start:end] of its article."""
    articles = list(Article.objects.filter(story=story).select_related("source").order_by("id"))
    texts = {a.id: a.text for a in articles}
    sources = sorted({a.source for a in articles if a.source}, key=lambda s: s.id)
    entities = Entity.objects.filter(story=story).prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.order_by("article_id", "start"))
    )
    claims = (
        claims_live(story=story)
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("article_id", "start")))
        .order_by("id")
    )
    events = Event.objects.filter(article__story=story).order_by("date", "article_id", "start")
    return {
        "story": {"slug": story.slug, "title": story.title},
        "sources": [{"id": s.id, "name": s.name, "domain": s.domain} for s in sources],
        "articles": [
            {
                "id": a.id,
                "source_id": a.source_id,
                "origin": a.origin,
                "url": a.url,
                "title": a.title,
                "published_at": a.published_iso(),
                "status": a.status,
                "error": a.error,
                "text": a.text,
                "duplicate_of": a.duplicate_of_id,
            }
            for a in articles
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "mentions": [
                    {"article_id": m.article_id, "start": m.start, "end": m.end, "epithet": m.epithet or None}
                    for m in e.mentions.all()
                ],
            }
            for e in entities
        ],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "permalink": c.get_absolute_url(),
                "first_reported_in": c.first_reported_in_id,
                "evidence": [
                    {
                        "article_id": ev.article_id,
                        "start": ev.start,
                        "end": ev.end,
                        "quote": texts[ev.article_id][ev.start : ev.end],
                        "stance": ev.stance,
                        "attributed_to": ev.attributed_to or None,
                    }
                    for ev in c.evidence.all()
                ],
            }
            for c in claims
        ],
        "events": [
            {
                "date": v.date,
                "article_id": v.article_id,
                "start": v.start,
                "end": v.end,
                "quote": texts[v.article_id][v.start : v.end],
            }
            for v in events
        ],
        "agreement": story_agreement(story=story),
    }


@dataclass
class MatrixRow:
    claim: Claim
    cells: list[dict] = field(default_factory=list)
    contested: bool = False
    source_count: int = 0


def story_matrix(*, story: Story) -> tuple[list[Source], list[MatrixRow]]:
    """Claims × sources, each cell the outlet's overall stance (or None when silent)."""
    evidence = list(
        Evidence.objects.filter(article__story=story, claim__merged_into__isnull=True)
        .select_related("claim", "claim__first_reported_in", "article__source")
        .only(
            "stance",
            "claim__id",
            "claim__text",
            "claim__slug",
            "claim__first_reported_in__published_at",
            "claim__first_reported_in__id",
            "article__id",
            "article__source__id",
            "article__source__name",
        )
    )
    sources: dict[int, Source] = {}
    claims: dict[int, Claim] = {}
    cells: dict[tuple[int, int], set[str]] = defaultdict(set)
    for ev in evidence:
        source = ev.article.source
        claims[ev.claim.id] = ev.claim
        if source is None:
            continue
        sources[source.id] = source
        cells[(ev.claim.id, source.id)].add(ev.stance)
    ordered_sources = sorted(sources.values(), key=lambda s: s.name)
    rows = []
    for claim in claims.values():
        row = MatrixRow(claim=claim)
        for source in ordered_sources:
            stances = cells.get((claim.id, source.id))
            row.cells.append({"source": source, "stance": stance_overall(stances) if stances else None})
        overall = {c["stance"] for c in row.cells if c["stance"]}
        row.source_count = sum(1 for c in row.cells if c["stance"])
        row.contested = bool(overall & {"denies", "mixed"}) and bool(
            overall & POSITIVE | (overall & {"mixed"})
        )
        rows.append(row)
    rows.sort(key=lambda r: (-r.source_count, r.claim.id))
    return ordered_sources, rows


def claim_evidence(*, claim: Claim, source_id: int | None = None) -> list[Evidence]:
    evidence = Evidence.objects.filter(claim=claim).select_related("article", "article__source")
    if source_id is not None:
        evidence = evidence.filter(article__source_id=source_id)
    return list(evidence.order_by("article__published_at", "article_id", "start"))


def story_articles(*, story: Story) -> list[Article]:
    return list(Article.objects.filter(story=story).for_story_page().order_by("published_at", "id"))


def story_first_claims(*, story: Story) -> dict[int, list[Claim]]:
    """Claims keyed by the article that first reported them."""
    by_article: dict[int, list[Claim]] = defaultdict(list)
    for claim in (
        claims_live(story=story)
        .filter(~Q(first_reported_in=None))
        .only("id", "text", "slug", "first_reported_in_id")
    ):
        by_article[claim.first_reported_in_id].append(claim)
    return by_article


def claim_permalink_url(claim: Claim) -> str:
    return reverse("stories:claim", kwargs={"pk": claim.pk, "slug": claim.slug or "claim"})


# --- Pages: filters, timelines, matrix, claim, entity, source, search, status --------------------------------
# Every function below runs a fixed number of queries whatever the story's size; long lists are paginated.

NEGATIVE = {"denies", "doubts"}
QUOTE_RADIUS = 160  # characters fetched either side of an event date, enough for its sentence
PARAGRAPH_RADIUS = 700  # characters fetched either side of a claim's quote, enough for its paragraph
LANES_PER_PAGE = 15
MATRIX_ROWS = 25
MATRIX_COLUMNS = 12
EVIDENCE_PER_PAGE = 40
FILTER_CHOICES = 60
SENTENCE_END = ".!?؟\n"


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


@dataclass
class FilterChoices:
    sources: list[Source]
    entities: list[Entity]
    claims: list[Claim]


def story_filter_choices(*, story: Story, coverage: Coverage | None = None) -> FilterChoices:
    """The outlets, the most mentioned entities and the most covered claims, for the filter menus.

    An unfiltered coverage already counted every outlet of the story; its list is reused instead of asked again.
    """
    if coverage is not None and coverage.outlets is not None:
        sources = sorted(coverage.outlets, key=lambda s: s.name)
    else:
        sources = list(Source.objects.filter(articles__story=story).distinct().order_by("name"))
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


def _quote_window(field_text: str, start_field: str, end_field: str, radius: int) -> Substr:
    """A slice of the article text around [start, end), cut in SQL so that long articles never leave the database."""
    return Substr(
        field_text,
        Greatest(F(start_field) - Value(radius) + Value(1), Value(1)),
        F(end_field) - F(start_field) + Value(2 * radius),
    )


@dataclass
class Snippet:
    """A quote inside its sentence or paragraph; the three parts are escaped separately when drawn."""

    before: str
    quote: str
    after: str
    cut_before: bool = False
    cut_after: bool = False


def snippet_from_window(window: str, *, start: int, end: int, radius: int, stops: str) -> Snippet:
    """Cut ``window`` (fetched from ``max(0, start - radius)``) back to whole sentences or paragraphs."""
    offset = max(0, start - radius)
    q0, q1 = start - offset, end - offset
    head = window[:q0]
    cut = max(head.rfind(ch) for ch in stops)
    before = head[cut + 1 :] if cut >= 0 else head
    tail = window[q1:]
    ends = [i for i in (tail.find(ch) for ch in stops) if i >= 0]
    after = tail[: min(ends) + 1] if ends else tail
    cut_before = cut < 0 and offset > 0
    cut_after = not ends and len(window) >= q1 + radius
    if cut_before and " " in before:
        before = before[before.index(" ") + 1 :]  # start at a whole word when the window cut one in half
    if cut_after and " " in after:
        after = after[: after.rindex(" ")]
    return Snippet(
        before=before.lstrip(),
        quote=window[q0:q1],
        after=after.rstrip(),
        cut_before=cut_before,
        cut_after=cut_after,
    )


# Coverage timeline ---------------------------------------------------------------------------------------------


@dataclass
class Coverage:
    chart: timelines.Chart
    lane_page: int
    lane_pages: int
    undated: list[dict]
    article_count: int
    outlets: list[Source] | None = None  # every outlet of the story, when no filter narrowed the count


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
        first_claims = _first_claims_count(story=story, filters=filters, source_ids=list(lane_index))
        _coverage_marks(
            chart,
            [r for r in rows if r[2] is not None],
            lane_index,
            scale,
            story=story,
            first_claims=first_claims,
            stances=_claim_stance_by_article(filters),
        )
    return Coverage(
        chart=chart,
        lane_page=lane_page,
        lane_pages=lane_pages,
        undated=undated[:50],
        article_count=sum(r["n"] for r in per_source),
        outlets=None
        if filters.active
        else [Source(id=r["source_id"], name=r["source__name"]) for r in per_source if r["source_id"]],
    )


def _coverage_marks(
    chart, rows, lane_index, scale, *, story: Story, first_claims: dict, stances: dict
) -> None:
    # One reverse() for the whole chart: a busy story draws a thousand marks.
    article_url = reverse("stories:article", kwargs={"slug": story.slug, "pk": 999999999}).replace(
        "999999999", "{}"
    )
    positions: dict[int, tuple[float, float]] = {}
    marks = []
    for aid, source_id, published, title, dup, off_topic, status in rows:
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
                claims=first_claims.get(aid, 0),
            )
        )
        if dup and dup in positions:
            chart.links.append((x, y, *positions[dup]))
    chart.marks = timelines.cluster(marks)


def _first_claims_count(
    *, story: Story, filters: StoryFilters, source_ids: list[int | None]
) -> dict[int, int]:
    claims = Claim.objects.filter(story=story, merged_into__isnull=True, first_reported_in__isnull=False)
    in_lanes = Q(first_reported_in__source_id__in=[s for s in source_ids if s])
    if None in source_ids:
        in_lanes |= Q(first_reported_in__source__isnull=True)
    claims = claims.filter(in_lanes)
    if filters.claim_id:
        claims = claims.filter(id=filters.claim_id)
    return dict(
        claims.values("first_reported_in_id").annotate(n=Count("id")).values_list("first_reported_in_id", "n")
    )


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


# Events timeline -----------------------------------------------------------------------------------------------

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
    _event_quotes(events, shown)
    chart, outside = _events_chart(dates, rtl=rtl)
    return Events(chart=chart, dates=shown, page=page, pages=pages, outside=outside)


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
            "article__published_at",
        )
        .order_by("date", F("article__published_at").asc(nulls_last=True), "start")[:EVENT_QUOTES]
    )
    for q in quotes:
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


# Agreement matrix ----------------------------------------------------------------------------------------------

MATRIX_SORTS = ("sources", "contested", "first")


def stance_polarity(stance: str | None) -> str | None:
    if stance in POSITIVE:
        return "positive"
    if stance in NEGATIVE:
        return "negative"
    return stance


@dataclass
class MatrixCell:
    source: Source
    stance: str | None
    copied: bool = False  # this outlet's only evidence comes from copies of another outlet's article
    copiers: int = 0  # outlets that carried this outlet's report as a copy
    url: str = ""  # the cell's quotes


@dataclass
class MatrixPageRow:
    claim: Claim
    cells: list[MatrixCell]
    positive: int
    negative: int
    mixed: int

    @property
    def contested(self) -> bool:
        return bool(self.positive and self.negative) or bool(self.mixed)


@dataclass
class PairAgreement:
    first: Source
    second: Source
    shared: int
    agree: int

    @property
    def percent(self) -> int:
        return round(100 * self.agree / self.shared) if self.shared else 0


@dataclass
class MatrixPage:
    sources: list[Source]
    rows: list[MatrixPageRow]
    pairs: list[PairAgreement]
    sort: str
    page: int
    pages: int
    col_page: int
    col_pages: int
    claim_count: int
    source_count: int


@dataclass
class _Cells:
    own: dict[tuple[int, int], set[str]] = field(default_factory=lambda: defaultdict(set))
    copied: dict[tuple[int, int], set[str]] = field(default_factory=lambda: defaultdict(set))
    copiers: dict[tuple[int, int], set[int]] = field(default_factory=lambda: defaultdict(set))

    def stance(self, claim_id: int, source_id: int) -> tuple[str | None, bool]:
        if own := self.own.get((claim_id, source_id)):
            return stance_overall(own), False
        if copied := self.copied.get((claim_id, source_id)):
            return stance_overall(copied), True
        return None, False


def _matrix_evidence(story: Story) -> QuerySet[Evidence]:
    """The evidence the matrix counts: live claims, articles with an outlet, nothing an editor marked off-topic."""
    # Filtering through the claim lets the database start from the claim index when a page names its claims.
    return Evidence.objects.filter(
        claim__story=story,
        claim__merged_into__isnull=True,
        article__source__isnull=False,
        article__off_topic=False,
    ).order_by()


def _matrix_cells(
    story: Story, *, claim_ids: list[int] | None = None, source_ids: list[int] | None = None
) -> _Cells:
    """(claim, outlet) stances in one query; evidence from copies is kept apart from the outlet's own."""
    evidence = _matrix_evidence(story)
    if claim_ids is not None:
        evidence = evidence.filter(claim_id__in=claim_ids)
    if source_ids is not None:
        # Start from the outlets' articles rather than from every claim of the story.
        evidence = evidence.filter(article__source_id__in=source_ids, article__story=story)
    rows = evidence.values_list(
        "claim_id", "article__source_id", "stance", "article__duplicate_of__source_id"
    ).distinct()
    cells = _Cells()
    for claim_id, source_id, stance, original_source in rows:
        if original_source is None:
            cells.own[(claim_id, source_id)].add(stance)
        else:
            cells.copied[(claim_id, source_id)].add(stance)
            if original_source != source_id:
                cells.copiers[(claim_id, original_source)].add(source_id)
    return cells


def _claim_tallies(cells: _Cells) -> dict[int, list[int]]:
    """Per claim: outlets asserting or attributing, denying or doubting, mixed, and covering with their own report."""
    tallies: dict[int, list[int]] = {}
    for (claim_id, _), stances in cells.own.items():
        tally = tallies.setdefault(claim_id, [0, 0, 0, 0])
        tally[{"positive": 0, "negative": 1}.get(stance_polarity(stance_overall(stances)), 2)] += 1
        tally[3] += 1
    for claim_id, _ in cells.copied:
        tallies.setdefault(claim_id, [0, 0, 0, 0])  # a claim carried only by copies still gets a row
    return tallies


def _claim_order(story: Story, sort: str) -> list[int]:
    """Claim ids in the chosen order. Coverage and first report sort in SQL; contest needs every cell."""
    evidence = _matrix_evidence(story)
    if sort == "contested":
        tallies = _claim_tallies(_matrix_cells(story))
        # Denied by one outlet and asserted by another weighs most; an outlet contradicting itself counts half.
        return sorted(tallies, key=lambda c: (-(2 * min(tallies[c][:2]) + tallies[c][2]), -tallies[c][3], c))
    if sort == "first":
        claims = Claim.objects.filter(id__in=evidence.values("claim_id"))
        ordered = claims.order_by(F("first_reported_in__published_at").asc(nulls_last=True), "id")
        return list(ordered.values_list("id", flat=True))
    covered = evidence.values("claim_id").annotate(n=Count("article__source_id", distinct=True))
    return list(covered.order_by("-n", "claim_id").values_list("claim_id", flat=True))


def story_matrix_page(*, story: Story, sort: str = "sources", page: int = 1, col_page: int = 1) -> MatrixPage:
    """One page of claims × one page of outlets, plus how often each pair of the shown outlets agrees.

    Only the page's claims and the page's outlets are read cell by cell, so the cost follows the page, not the story.
    """
    sort = sort if sort in MATRIX_SORTS else "sources"
    order = _claim_order(story, sort)
    coverage = dict(
        _matrix_evidence(story)
        .values("article__source_id")
        .annotate(n=Count("claim_id", distinct=True))
        .values_list("article__source_id", "n")
    )
    pages = max(1, -(-len(order) // MATRIX_ROWS))
    page = min(max(page, 1), pages)
    col_pages = max(1, -(-len(coverage) // MATRIX_COLUMNS))
    col_page = min(max(col_page, 1), col_pages)
    ranked = sorted(coverage, key=lambda s: (-coverage[s], s))
    column_ids = ranked[(col_page - 1) * MATRIX_COLUMNS : col_page * MATRIX_COLUMNS]
    by_id = {s.id: s for s in Source.objects.filter(id__in=column_ids)}
    columns = [by_id[s] for s in column_ids]
    page_ids = order[(page - 1) * MATRIX_ROWS : page * MATRIX_ROWS]
    claims = (
        Claim.objects.filter(id__in=page_ids)
        .select_related("first_reported_in__source")
        .only("id", "text", "slug", "first_reported_in__published_at", "first_reported_in__source__name")
    )
    claims_by_id = {c.id: c for c in claims}
    cells = _matrix_cells(story, claim_ids=page_ids)
    tallies = _claim_tallies(cells)
    # One reverse() per page: every cell links to its quotes.
    cell_url = (
        reverse(
            "stories:matrix_cell", kwargs={"slug": story.slug, "claim_id": 999999998, "source_id": 999999999}
        )
        .replace("999999998", "{claim}")
        .replace("999999999", "{source}")
    )
    rows = [
        _matrix_row(claims_by_id[c], cells, columns, tallies.get(c, [0, 0, 0, 0]), cell_url)
        for c in page_ids
        if c in claims_by_id
    ]
    return MatrixPage(
        sources=columns,
        rows=rows,
        pairs=_pair_agreement(_matrix_cells(story, source_ids=column_ids), columns),
        sort=sort,
        page=page,
        pages=pages,
        col_page=col_page,
        col_pages=col_pages,
        claim_count=len(order),
        source_count=len(coverage),
    )


def _matrix_row(
    claim: Claim, cells: _Cells, columns: list[Source], tally: list[int], cell_url: str
) -> MatrixPageRow:
    row_cells = []
    for source in columns:
        stance, copied = cells.stance(claim.id, source.id)
        row_cells.append(
            MatrixCell(
                source=source,
                stance=stance,
                copied=copied,
                copiers=len(cells.copiers.get((claim.id, source.id), ())),
                url=cell_url.format(claim=claim.id, source=source.id),
            )
        )
    return MatrixPageRow(claim=claim, cells=row_cells, positive=tally[0], negative=tally[1], mixed=tally[2])


def _pair_agreement(cells: _Cells, columns: list[Source]) -> list[PairAgreement]:
    """Share of claims two outlets both covered (with their own reports) on which their polarity agrees."""
    shown = {s.id for s in columns}
    by_claim: dict[int, dict[int, str]] = defaultdict(dict)
    for (claim_id, source_id), stances in cells.own.items():
        if source_id in shown:
            by_claim[claim_id][source_id] = stance_polarity(stance_overall(stances))
    tally: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for outlets in by_claim.values():
        ids = sorted(outlets)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                tally[(a, b)][0] += 1
                tally[(a, b)][1] += outlets[a] == outlets[b] != "mixed"
    by_id = {s.id: s for s in columns}
    pairs = [PairAgreement(by_id[a], by_id[b], shared, agree) for (a, b), (shared, agree) in tally.items()]
    return sorted(pairs, key=lambda p: (-p.shared, -p.agree, p.first.name, p.second.name))[:60]


def matrix_csv_rows(*, story: Story) -> list[list[str]]:
    """The whole matrix for download: one row per claim, one column per outlet."""
    cells = _matrix_cells(story)
    order = _claim_order(story, "sources")
    source_ids = sorted({s for _, s in set(cells.own) | set(cells.copied)})
    sources = {s.id: s.name for s in Source.objects.filter(id__in=source_ids)}
    texts = dict(Claim.objects.filter(id__in=order).values_list("id", "text"))
    header = ["claim_id", "claim", *[sources[s] for s in source_ids]]
    body = []
    for claim_id in order:
        stances = []
        for source_id in source_ids:
            stance, copied = cells.stance(claim_id, source_id)
            stances.append(f"{stance} (copy)" if copied else stance or "silent")
        body.append([str(claim_id), texts.get(claim_id, ""), *stances])
    return [header, *body]


@dataclass
class Quote:
    """One piece of evidence drawn inside its sentence or paragraph."""

    id: int
    claim_id: int
    article_id: int
    article_title: str
    article_url: str
    source_id: int | None
    source_name: str
    published_at: object
    is_copy: bool
    stance: str
    stance_by_editor: bool
    attributed_to: str
    snippet: Snippet


def _quotes(evidence: QuerySet[Evidence], *, radius: int, stops: str) -> list[Quote]:
    rows = evidence.annotate(window=_quote_window("article__text", "start", "end", radius)).values(
        "id",
        "claim_id",
        "article_id",
        "start",
        "end",
        "stance",
        "stance_by_editor",
        "attributed_to",
        "window",
        "article__title",
        "article__url",
        "article__source_id",
        "article__source__name",
        "article__published_at",
        "article__duplicate_of_id",
    )
    return [
        Quote(
            id=r["id"],
            claim_id=r["claim_id"],
            article_id=r["article_id"],
            article_title=r["article__title"],
            article_url=r["article__url"],
            source_id=r["article__source_id"],
            source_name=r["article__source__name"] or "",
            published_at=r["article__published_at"],
            is_copy=r["article__duplicate_of_id"] is not None,
            stance=r["stance"],
            stance_by_editor=r["stance_by_editor"],
            attributed_to=r["attributed_to"],
            snippet=snippet_from_window(
                r["window"], start=r["start"], end=r["end"], radius=radius, stops=stops
            ),
        )
        for r in rows
    ]


def matrix_cell_quotes(*, story: Story, claim_id: int, source_id: int) -> list[Quote]:
    evidence = Evidence.objects.filter(claim_id=claim_id, claim__story=story, article__source_id=source_id)
    return _quotes(
        evidence.order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start"),
        radius=QUOTE_RADIUS,
        stops=SENTENCE_END,
    )


# Claim permalink -----------------------------------------------------------------------------------------------


def claim_for_permalink(*, pk: int) -> Claim | None:
    """The claim, followed through editors' merges (bounded, in case of a cycle)."""
    claim = Claim.objects.select_related("story", "first_reported_in__source").filter(pk=pk).first()
    for _ in range(10):
        if claim is None or claim.merged_into_id is None:
            return claim
        claim = (
            Claim.objects.select_related("story", "first_reported_in__source")
            .filter(pk=claim.merged_into_id)
            .first()
        )
    return claim


def claim_quotes_page(*, claim: Claim, page: int = 1) -> tuple[list[Quote], int, int]:
    """Each outlet's quote inside its paragraph, first published first; paginated for much-repeated claims."""
    evidence = Evidence.objects.filter(claim=claim)
    total = evidence.count()
    pages = max(1, -(-total // EVIDENCE_PER_PAGE))
    page = min(max(page, 1), pages)
    ordered = evidence.order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start")
    quotes = _quotes(
        ordered[(page - 1) * EVIDENCE_PER_PAGE : page * EVIDENCE_PER_PAGE],
        radius=PARAGRAPH_RADIUS,
        stops="\n",
    )
    return quotes, page, pages


def claim_appearances(*, claim: Claim) -> list[dict]:
    """Every article carrying the claim, earliest first: for the uptake timeline, JSON-LD and downloads."""
    return list(
        Evidence.objects.filter(claim=claim)
        .order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start")
        .values(
            "id",
            "article_id",
            "stance",
            "attributed_to",
            "start",
            "end",
            "article__title",
            "article__url",
            "article__published_at",
            "article__published_has_time",
            "article__source_id",
            "article__source__name",
            "article__duplicate_of_id",
        )
    )


def claim_uptake_chart(*, appearances: list[dict], rtl: bool, lanes: int = 12) -> timelines.Chart | None:
    dated = [a for a in appearances if a["article__published_at"]]
    if not dated:
        return None
    order: list[int | None] = []
    for a in dated:
        if a["article__source_id"] not in order:
            order.append(a["article__source_id"])
    order = order[:lanes]
    names = {a["article__source_id"]: a["article__source__name"] or "—" for a in dated}
    scale = timelines.Scale(
        dated[0]["article__published_at"].date(),
        dated[-1]["article__published_at"].date() + timedelta(days=1),
        rtl=rtl,
    )
    chart = timelines.chart_frame(len(order), rtl=rtl)
    chart.ticks = scale.ticks()
    chart.lanes = [timelines.Lane(y=timelines.lane_y(i), label=names[s]) for i, s in enumerate(order)]
    marks = [
        timelines.Mark(
            x=scale.x(a["article__published_at"]),
            y=timelines.lane_y(order.index(a["article__source_id"])),
            ids=[a["id"]],
            title=f"{names[a['article__source_id']]} — {a['stance']}",
            href=f"#evidence-{a['id']}",
            css=f"stance-{a['stance']}" + (" copy" if a["article__duplicate_of_id"] else ""),
        )
        for a in dated
        if a["article__source_id"] in order
    ]
    chart.marks = timelines.cluster(marks)
    return chart


def claim_evidence_rows(*, claim: Claim) -> list[dict]:
    """The claim's evidence with its quotes, for the CSV and JSON downloads."""
    return list(
        Evidence.objects.filter(claim=claim)
        .order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start")
        .annotate(quote=Substr("article__text", F("start") + 1, F("end") - F("start")))
        .values(
            "id",
            "article_id",
            "article__source__name",
            "article__url",
            "article__published_at",
            "start",
            "end",
            "quote",
            "stance",
            "stance_by_editor",
            "attributed_to",
        )
    )


# Entity and source pages ---------------------------------------------------------------------------------------


@dataclass
class EntityProfile:
    entity: Entity
    outlets: list[dict]
    epithets: list[dict]
    cooccurring: list[dict]


def entity_profile(*, entity: Entity) -> EntityProfile:
    """Mentions per outlet, the epithets each outlet uses for the entity side by side, and who appears with it."""
    mentions = Mention.objects.filter(entity=entity)
    outlets = list(
        mentions.values("article__source_id", "article__source__name")
        .annotate(mentions=Count("id"), articles=Count("article_id", distinct=True))
        .order_by("-mentions", "article__source__name")
    )
    used = list(
        mentions.exclude(epithet="")
        .values("article__source_id", "epithet")
        .annotate(n=Count("id"))
        .order_by("-n", "epithet")
    )
    spread: dict[str, int] = defaultdict(int)
    for row in used:
        spread[row["epithet"]] += 1
    by_source: dict[int | None, list[dict]] = defaultdict(list)
    for row in used:
        by_source[row["article__source_id"]].append(
            {"epithet": row["epithet"], "n": row["n"], "only_here": spread[row["epithet"]] == 1}
        )
    epithets = [
        {
            "source_id": o["article__source_id"],
            "source": o["article__source__name"] or "—",
            "epithets": by_source.get(o["article__source_id"], [])[:10],
        }
        for o in outlets
    ]
    cooccurring = list(
        Mention.objects.filter(article_id__in=mentions.values("article_id"))
        .exclude(entity=entity)
        .values("entity_id", "entity__name", "entity__kind")
        .annotate(articles=Count("article_id", distinct=True))
        .order_by("-articles", "entity__name")[:20]
    )
    return EntityProfile(entity=entity, outlets=outlets, epithets=epithets, cooccurring=cooccurring)


@dataclass
class SourceProfile:
    source: Source
    articles: list[Article]
    page: int
    pages: int
    stances: list[dict]
    cites: list[dict]
    copied_by: list[dict]
    copies_from: list[dict]


def source_profile(*, story: Story, source: Source, page: int = 1) -> SourceProfile:
    """An outlet within one story: its articles, its stance per claim, whom it cites, who copies it."""
    articles = Article.objects.filter(story=story, source=source)
    total = articles.count()
    pages = max(1, -(-total // EVIDENCE_PER_PAGE))
    page = min(max(page, 1), pages)
    listed = list(
        articles.for_story_page().order_by(F("published_at").asc(nulls_last=True), "id")[
            (page - 1) * EVIDENCE_PER_PAGE : page * EVIDENCE_PER_PAGE
        ]
    )
    evidence = Evidence.objects.filter(
        article__story=story, article__source=source, claim__merged_into__isnull=True
    )
    found: dict[int, dict] = {}
    for claim_id, text, slug, stance in evidence.order_by("claim_id").values_list(
        "claim_id", "claim__text", "claim__slug", "stance"
    )[:2000]:
        entry = found.setdefault(
            claim_id, {"id": claim_id, "text": text, "slug": slug or "claim", "stances": set()}
        )
        entry["stances"].add(stance)
    stances = [{**e, "stance": stance_overall(e["stances"])} for e in found.values()][:200]
    cites = list(
        evidence.exclude(attributed_to="")
        .values("attributed_to")
        .annotate(n=Count("id"))
        .order_by("-n", "attributed_to")[:20]
    )
    copied_by = list(
        Article.objects.filter(story=story, duplicate_of__source=source)
        .exclude(source=source)
        .values("source_id", "source__name")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    copies_from = list(
        articles.filter(duplicate_of__isnull=False)
        .values("duplicate_of__source_id", "duplicate_of__source__name")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    return SourceProfile(
        source=source,
        articles=listed,
        page=page,
        pages=pages,
        stances=stances,
        cites=cites,
        copied_by=copied_by,
        copies_from=copies_from,
    )


# Live status ---------------------------------------------------------------------------------------------------

STATUS_LISTED = 50


@dataclass
class StoryStatus:
    counts: dict[str, int]
    articles: list[Article]

    @property
    def pending(self) -> bool:
        return bool(self.counts.get("queued") or self.counts.get("processing"))


def story_status(*, story: Story) -> StoryStatus:
    """Counts per status and the latest uploads, unfinished ones first."""
    counts = dict(
        Article.objects.filter(story=story).order_by().values_list("status").annotate(n=Count("id"))
    )
    unfinished = Q(status__in=[Article.Status.QUEUED, Article.Status.PROCESSING, Article.Status.FAILED])
    articles = list(
        Article.objects.filter(story=story)
        .for_story_page()
        .alias(finished=Case(When(unfinished, then=Value(0)), default=Value(1)))
        .order_by("finished", "-created_at", "-id")[:STATUS_LISTED]
    )
    return StoryStatus(counts=counts, articles=articles)


# Search --------------------------------------------------------------------------------------------------------
# Arabic-aware matching folds diacritics, tatweel, alef forms, alef maksura and teh marbuta. The fold is a
# character table rather than camel-tools' normaliser because the database must apply exactly the same fold:
# PostgreSQL with translate()/regexp_replace(), SQLite through a Python function registered on the connection.

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
class SearchResults:
    query: str
    articles: list[dict]
    claims: list[Claim]
    entities: list[Entity]

    @property
    def empty(self) -> bool:
        return not (self.articles or self.claims or self.entities)


def search(*, query: str, user, story: Story | None = None) -> SearchResults:
    """Articles, claims and entities matching ``query`` in the stories this user may read."""
    folded = arabic_fold(" ".join(query.split()))[:200]
    if len(folded) < 2:
        return SearchResults(query=query, articles=[], claims=[], entities=[])
    stories = stories_visible(user=user) if story is None else Story.objects.filter(id=story.id)
    articles = _search_articles(folded, stories)
    claims = list(
        Claim.objects.filter(story__in=stories, merged_into__isnull=True)
        .alias(folded=ArabicFold("text"))
        .filter(_fuzzy("folded", folded))
        .select_related("story")
        .only("id", "text", "slug", "story__slug", "story__title")[:SEARCH_LIMIT]
    )
    entities = list(
        Entity.objects.filter(story__in=stories)
        .alias(folded=ArabicFold("name"), folded_aliases=ArabicFold(Cast("aliases", TextField())))
        .filter(_fuzzy("folded", folded) | Q(folded_aliases__contains=folded))
        .select_related("story")
        .only("id", "name", "kind", "story__slug", "story__title")[:SEARCH_LIMIT]
    )
    return SearchResults(query=query, articles=articles, claims=claims, entities=entities)


def _fuzzy(field_name: str, folded: str) -> Q:
    """Containment everywhere; on PostgreSQL also pg_trgm word similarity, which forgives a letter or two."""
    match = Q(**{f"{field_name}__contains": folded})
    if connection.vendor == "postgresql":
        match |= Q(**{f"{field_name}__trigram_word_similar": folded})
    return match


def _search_articles(folded: str, stories: QuerySet[Story]) -> list[dict]:
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
    rows = list(
        articles.values("id", "title", "text", "story__slug", "story__title", "source__name", "published_at")[
            :SEARCH_LIMIT
        ]
    )
    for row in rows:
        row["snippet"] = search_snippet(row.pop("text"), folded)
    return rows


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


# Claim summary and structured data, article text with its quotes marked, tracked claims -----------------------


def claim_summary(*, appearances: list[dict]) -> dict:
    """How many outlets carry the claim and how they lean, counting each outlet once (copies apart)."""
    per_source: dict[int | None, set[str]] = defaultdict(set)
    copies = set()
    for a in appearances:
        if a["article__duplicate_of_id"]:
            copies.add(a["article_id"])
            continue
        per_source[a["article__source_id"]].add(a["stance"])
    counts: dict[str, int] = defaultdict(int)
    for stances in per_source.values():
        counts[stance_overall(stances)] += 1
    return {
        "outlets": len(per_source),
        "copies": len(copies),
        "counts": dict(sorted(counts.items())),
        **claim_provenance(appearances=appearances),
    }


def claim_provenance(*, appearances: list[dict]) -> dict:
    """Who the claim goes back to: outlets that only relay someone else's report, and whom they credit."""
    own: set[str] = set()
    credits: dict[str, set[str]] = defaultdict(set)
    for a in appearances:
        outlet = a["article__source__name"]
        if not outlet:
            continue
        if a["stance"] == "attributes" and a["attributed_to"]:
            credits[outlet].add(a["attributed_to"])
        elif a["stance"] in ("asserts", "denies", "doubts"):
            own.add(outlet)
    relays = sorted(outlet for outlet in credits if outlet not in own)
    credited = Counter(name for outlet in relays for name in credits[outlet])
    return {
        "relays": [{"outlet": outlet, "credits": sorted(credits[outlet])} for outlet in relays],
        "credited": [name for name, _ in credited.most_common(3)],
    }


def _creative_work(a: dict, absolute) -> dict:
    work = {
        "@type": "NewsArticle",
        "headline": a["article__title"] or None,
        "url": a["article__url"] or absolute(f"#evidence-{a['id']}"),
    }
    if a["article__published_at"]:
        work["datePublished"] = a["article__published_at"].isoformat()
    if a["article__source__name"]:
        work["publisher"] = {"@type": "Organization", "name": a["article__source__name"]}
    return {k: v for k, v in work.items() if v}


def claim_jsonld(*, claim: Claim, appearances: list[dict], absolute) -> dict:
    """schema.org Claim: where it appeared, and where it appeared first."""
    seen: set[int] = set()
    works = []
    for a in appearances:
        if a["article_id"] not in seen:
            seen.add(a["article_id"])
            works.append(_creative_work(a, absolute))
    data = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "text": claim.text,
        "url": absolute(claim.get_absolute_url()),
        "appearance": works[:50],
    }
    first = next((a for a in appearances if a["article_id"] == claim.first_reported_in_id), None)
    if first is not None:
        data["firstAppearance"] = _creative_work(first, absolute)
    if works:
        data["datePublished"] = data.get("firstAppearance", works[0]).get("datePublished")
    return {k: v for k, v in data.items() if v}


@dataclass
class Segment:
    text: str
    evidence_id: int | None = None
    stance: str = ""
    claim: Claim | None = None


def article_segments(*, article: Article) -> list[Segment]:
    """The article text cut at its quotes, so the template escapes each piece and marks the quotes."""
    evidence = list(
        Evidence.objects.filter(article=article)
        .select_related("claim")
        .only("id", "start", "end", "stance", "claim__id", "claim__text", "claim__slug", "claim__merged_into")
        .order_by("start", "-end")
    )
    text, at, out = article.text, 0, []
    for ev in evidence:
        if ev.start < at:
            continue  # overlapping quotes: the first one is marked, the other stays listed on its claim's page
        if ev.start > at:
            out.append(Segment(text=text[at : ev.start]))
        out.append(Segment(text=text[ev.start : ev.end], evidence_id=ev.id, stance=ev.stance, claim=ev.claim))
        at = ev.end
    if at < len(text):
        out.append(Segment(text=text[at:]))
    return out


def story_tracked(*, story: Story) -> list[dict]:
    """Tracked claims with how many articles agree, disagree or discuss."""
    tracked = {t.id: {"claim": t, "counts": {}} for t in TrackedClaim.objects.filter(story=story)}
    rows = (
        TrackedStance.objects.filter(tracked__story=story)
        .values("tracked_id", "stance")
        .annotate(n=Count("id"))
    )
    for row in rows:
        tracked[row["tracked_id"]]["counts"][row["stance"]] = row["n"]
    return list(tracked.values())
