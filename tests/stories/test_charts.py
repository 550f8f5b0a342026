"""The presentation layer on its own: timeline geometry and links from selectors' rows, and stance words."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from django.urls import reverse
from django.utils import translation

from stories import charts, presentation
from stories.selectors import Coverage, CoverageArticle, EventDate, Outlet


def article(pk: int, source_id: int | None, hour: int, *, copy_of: int | None = None, stance=None):
    published = datetime(2020, 3, 1, hour, tzinfo=UTC)
    return CoverageArticle(pk, source_id, published, f"عنوان {pk}", copy_of, False, "done", 0, stance)


def coverage(articles: list[CoverageArticle], lanes: list[Outlet]) -> Coverage:
    return Coverage(
        lanes=lanes,
        articles=articles,
        first=min(a.published_at for a in articles),
        last=max(a.published_at for a in articles),
        lane_page=1,
        lane_pages=1,
        undated=[],
        article_count=len(articles),
    )


def test_coverage_chart_links_marks_lanes_and_copies():
    rows = [article(1, 7, 8), article(2, None, 12, copy_of=1, stance="denies")]
    chart = charts.coverage_chart(
        coverage(rows, [Outlet(7, "وكالة"), Outlet(None, None)]), slug="قصة", rtl=True
    )
    assert [(lane.label, lane.href) for lane in chart.lanes] == [("وكالة", "?source=7"), ("—", "")]
    assert [m.href for m in chart.marks] == [
        reverse("stories:article", kwargs={"slug": "قصة", "pk": pk}) for pk in (1, 2)
    ]
    assert chart.marks[1].css == "copy stance-denies"
    assert len(chart.links) == 1, "the copy is joined to its original"


def test_coverage_marks_folded_together_open_the_first_article():
    rows = [article(1, 7, 8), article(2, 7, 8), article(3, 7, 8)]
    chart = charts.coverage_chart(coverage(rows, [Outlet(7, "وكالة")]), slug="story", rtl=False)
    (mark,) = chart.marks
    assert (mark.count, mark.css, mark.ids) == (3, "cluster", [1, 2, 3])
    assert mark.href == reverse("stories:article", kwargs={"slug": "story", "pk": 1})


def test_time_runs_right_to_left_in_arabic():
    rows = [article(1, 7, 1), article(2, 7, 23)]
    rtl = charts.coverage_chart(coverage(rows, [Outlet(7, "وكالة")]), slug="s", rtl=True)
    ltr = charts.coverage_chart(coverage(rows, [Outlet(7, "وكالة")]), slug="s", rtl=False)
    x = {"rtl": {m.ids[0]: m.x for m in rtl.marks}, "ltr": {m.ids[0]: m.x for m in ltr.marks}}
    assert x["rtl"][1] > x["rtl"][2] and x["ltr"][1] < x["ltr"][2], (
        "the earlier article sits where reading starts"
    )


def test_events_chart_counts_the_stray_dates_it_leaves_out():
    days = [EventDate(f"2020-03-{d:02d}", "day", 3, 2, 1) for d in (1, 2, 3)]
    days.append(EventDate("1990-01-01", "day", 1, 1, 2))
    days.append(EventDate("2020", "year", 1, 1, 2))
    chart = charts.events_chart(days, rtl=True)
    assert chart.outside == 1 and len(chart.marks) == 3
    assert chart.marks[0].href == "#event-2020-03-01"
    assert charts.events_chart([EventDate("2020", "year", 1, 1, 1)], rtl=True) is None


def test_uptake_chart_marks_link_to_their_quotes():
    appearance = {
        "id": 5,
        "stance": "asserts",
        "article__published_at": datetime(2020, 3, 1, tzinfo=UTC),
        "article__source_id": 7,
        "article__source__name": "وكالة",
        "article__duplicate_of_id": 3,
    }
    chart = charts.uptake_chart([appearance], rtl=True)
    assert chart.marks[0].href == "#evidence-5" and chart.marks[0].css == "stance-asserts copy"
    assert charts.uptake_chart([{**appearance, "article__published_at": None}], rtl=True) is None


def test_stance_words_and_the_link_preview_line():
    with translation.override("ar"):
        assert presentation.stance_word("denies") == "ينفي"
        assert presentation.stance_word(None) == presentation.stance_word("nonsense") == "صامت"
        claim = SimpleNamespace(first_reported_in=None)
        line = presentation.claim_description(claim, {"outlets": 2, "counts": {"asserts": 1, "denies": 1}})
        assert line == "منافذ: 2 (يؤكد 1، ينفي 1)"
