"""The timelines' SVG geometry: selectors' rows in, positioned and linked marks out; templates only draw them.

Time runs in the reading direction (right to left in Arabic), so x is mirrored when the page is RTL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.translation import gettext

from stories.presentation import event_date, outlet_label_of

if TYPE_CHECKING:
    from stories.selectors import Coverage, EventDate

WIDTH = 960
LABEL = 170  # room for the outlet's name beside its lane
LANE = 30
AXIS = 34
PAD = 16
CLUSTER_PX = 7  # marks closer than this in one lane fold into one counted mark, so a busy lane stays drawable
TICK_STEPS = (1, 2, 7, 14, 30, 61, 91, 182, 365)


@dataclass
class Mark:
    x: float
    y: float
    ids: list[int]
    title: str
    href: str = ""
    css: str = ""
    count: int = 1
    claims: int = 0
    page: int = 1


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Lane:
    y: float
    label: str
    href: str = ""


@dataclass
class Chart:
    width: int
    height: int
    lanes: list[Lane] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    links: list[tuple[float, float, float, float]] = field(default_factory=list)
    axis_y: float = 0
    plot_left: float = 0
    plot_right: float = 0
    label_x: float = 0
    outside: int = 0  # dates left out because they fall far from the drawn range


class Scale:
    """Maps a date between ``start`` and ``end`` to x inside the plot area, mirrored for RTL."""

    def __init__(self, start: date, end: date, *, rtl: bool, width: int = WIDTH, label: int = LABEL):
        self.start = start
        self.days = max((end - start).days, 1)
        self.rtl = rtl
        self.left = PAD if rtl else label
        self.right = width - label if rtl else width - PAD
        self._midnights: dict = {}  # start's midnight per time zone: a coverage chart places a thousand marks

    def x(self, when: date | datetime) -> float:
        if isinstance(when, datetime):
            midnight = self._midnights.get(when.tzinfo)
            if midnight is None:
                midnight = datetime.combine(self.start, datetime.min.time(), tzinfo=when.tzinfo)
                self._midnights[when.tzinfo] = midnight
            fraction = (when - midnight).total_seconds() / 86400 / self.days
        else:
            fraction = (when - self.start).days / self.days
        fraction = min(max(fraction, 0.0), 1.0)
        span = self.right - self.left
        return round(self.right - fraction * span if self.rtl else self.left + fraction * span, 1)

    def ticks(self) -> list[Tick]:
        step = next((s for s in TICK_STEPS if self.days / s <= 8), 365)
        out = []
        day = self.start
        while (day - self.start).days <= self.days:
            out.append(Tick(x=self.x(day), label=formats.date_format(day, "j M" if step < 365 else "Y")))
            day += timedelta(days=step)
        return out


def chart_frame(lane_count: int, *, rtl: bool, width: int = WIDTH) -> Chart:
    height = AXIS + lane_count * LANE + PAD
    return Chart(
        width=width,
        height=height,
        axis_y=AXIS - 12,
        plot_left=PAD if rtl else LABEL,
        plot_right=width - LABEL if rtl else width - PAD,
        label_x=width - 6 if rtl else 6,
    )


def lane_y(index: int) -> float:
    return AXIS + index * LANE + LANE / 2


def cluster(marks: list[Mark]) -> list[Mark]:
    """Fold marks of one lane that would overlap into one mark carrying their count."""
    out: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.y, m.x)):
        last = out[-1] if out else None
        if last and last.y == mark.y and abs(last.x - mark.x) < CLUSTER_PX:
            last.ids.extend(mark.ids)
            last.count += mark.count
            last.claims += mark.claims
            last.css = "cluster"
            last.href = mark.href if not last.href else last.href
            continue
        out.append(mark)
    return out


def coverage_chart(coverage: Coverage, *, slug: str, rtl: bool) -> Chart:
    """One lane per outlet, a mark per article linked to it, copies joined to their original by a line."""
    chart = chart_frame(len(coverage.lanes), rtl=rtl)
    chart.lanes = [
        Lane(y=lane_y(i), label=outlet.label, href=f"?source={outlet.id}" if outlet.id else "")
        for i, outlet in enumerate(coverage.lanes)
    ]
    if coverage.first is None:
        return chart
    scale = Scale(coverage.first.date(), coverage.last.date() + timedelta(days=1), rtl=rtl)
    chart.ticks = scale.ticks()
    lane_index = {outlet.id: i for i, outlet in enumerate(coverage.lanes)}
    positions: dict[int, tuple[float, float]] = {}
    marks = []
    for article in coverage.articles:
        x, y = scale.x(article.published_at), lane_y(lane_index[article.source_id])
        positions[article.id] = (x, y)
        marks.append(
            Mark(
                x=x,
                y=y,
                ids=[article.id],
                title=f"{article.title} — {dateformat.format(timezone.localtime(article.published_at), 'j F Y H:i')}",
                css=_article_css(article),
                claims=article.first_claims,
            )
        )
        if article.duplicate_of_id in positions:
            chart.links.append((x, y, *positions[article.duplicate_of_id]))
    chart.marks = cluster(marks)
    # Linked after folding: a folded mark opens its first article; one reverse() gives every article's path.
    head, tail = reverse("stories:article", kwargs={"slug": slug, "pk": 0}).rsplit("/0", 1)
    for mark in chart.marks:
        mark.href = f"{head}/{mark.ids[0]}{tail}"
    return chart


def _article_css(article) -> str:
    css = []
    if article.duplicate_of_id:
        css.append("copy")
    if article.off_topic:
        css.append("off-topic")
    if article.status == "failed":
        css.append("failed")
    if article.stance:
        css.append(f"stance-{article.stance}")
    return " ".join(css)


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


def events_chart(dates: list[EventDate], *, rtl: bool) -> Chart | None:
    """Dates named to the day or the month, on two lanes; each mark jumps to its date in the list below."""
    placed = [(d, _event_day(d.date)) for d in dates if d.precision in ("day", "month")]
    if not placed:
        return None
    low, high = _dense_range(sorted(((day, d.count) for d, day in placed), key=lambda p: p[0]))
    scale = Scale(low, high, rtl=rtl)
    rows = {"day": 0, "month": 1}
    chart = chart_frame(2, rtl=rtl)
    chart.ticks = scale.ticks()
    labels = {"day": gettext("أيام"), "month": gettext("أشهر")}
    chart.lanes = [Lane(y=lane_y(i), label=labels[name]) for name, i in rows.items()]
    for d, day in placed:
        if not low <= day <= high:
            chart.outside += 1
            continue
        chart.marks.append(
            Mark(
                x=scale.x(day),
                y=lane_y(rows[d.precision]),
                ids=[],
                title=event_date(d.date, d.precision),
                href=f"#event-{d.date}",
                count=d.articles,
                css=f"event-{d.precision}",
                page=d.page,
            )
        )
    return chart


def uptake_chart(appearances: list[dict], *, rtl: bool, lanes: int = 12) -> Chart | None:
    """A claim's appearances by outlet over time, coloured by stance; each mark jumps to its quote."""
    dated = [a for a in appearances if a["article__published_at"]]
    if not dated:
        return None
    order: list[int | None] = []
    for a in dated:
        if a["article__source_id"] not in order:
            order.append(a["article__source_id"])
    order = order[:lanes]
    names = {a["article__source_id"]: outlet_label_of(a, "article__source__") for a in dated}
    scale = Scale(
        dated[0]["article__published_at"].date(),
        dated[-1]["article__published_at"].date() + timedelta(days=1),
        rtl=rtl,
    )
    chart = chart_frame(len(order), rtl=rtl)
    chart.ticks = scale.ticks()
    chart.lanes = [Lane(y=lane_y(i), label=names[s]) for i, s in enumerate(order)]
    marks = [
        Mark(
            x=scale.x(a["article__published_at"]),
            y=lane_y(order.index(a["article__source_id"])),
            ids=[a["id"]],
            title=f"{names[a['article__source_id']]} — {a['stance']}",
            href=f"#evidence-{a['id']}",
            css=f"stance-{a['stance']}" + (" copy" if a["article__duplicate_of_id"] else ""),
        )
        for a in dated
        if a["article__source_id"] in order
    ]
    chart.marks = cluster(marks)
    return chart


@dataclass
class BarSegment:
    stance: str
    count: int
    x: float
    width: float


BAR_ORDER = ("asserts", "attributes", "mixed", "doubts", "denies", "silent")


def stance_bar(stances: dict[str, int], *, silent: int = 0, rtl: bool) -> list[BarSegment]:
    """A 100-wide stacked bar of outlets per stance, carrying first and silent last, from the reading start."""
    counts = {**stances, "silent": silent}
    total = sum(counts.get(s, 0) for s in BAR_ORDER) or 1
    out, at = [], 0.0
    for stance in BAR_ORDER:
        n = counts.get(stance, 0)
        if not n:
            continue
        width = round(100 * n / total, 2)
        out.append(
            BarSegment(stance=stance, count=n, x=round(100 - at - width if rtl else at, 2), width=width)
        )
        at += width
    return out
