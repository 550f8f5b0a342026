"""SVG geometry for the story timelines: rows in, positioned marks out; templates only draw what is computed here.

Time runs in the reading direction (right to left in Arabic), so x is mirrored when the page is RTL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils.formats import date_format

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
    label_anchor: str = "end"


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
            out.append(Tick(x=self.x(day), label=date_format(day, "j M" if step < 365 else "Y")))
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
        label_anchor="start",
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
