"""Dates written with ordinal day words (issue 9): "الثامن من كانون الأول 2025", "في الحادي والعشرين من مارس",
"الأول من أيار": masculine and feminine, compounds 11-31, every month system; a date only when "من" or "شهر" and a
month follow; the year as written, else inferred from the publication date like any day without a year."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from stories.nlp.clean import clean
from stories.nlp.dateline import find_absolute
from stories.nlp.dates import find_dates

PUB = date(2031, 11, 19)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        (
            "وقّع الطرفان الاتفاق في الثامن من كانون الأول 2030 في العاصمة.",
            "الثامن من كانون الأول 2030",
            "2030-12-08",
        ),
        ("تنطلق الامتحانات في الحادي والعشرين من مارس.", "الحادي والعشرين من مارس", "2032-03-21"),
        ("يبدأ العمل بالقرار في الأول من أيار المقبل.", "الأول من أيار المقبل", "2032-05-01"),
        (
            "أغلق المعبر في الخامسة عشرة من شهر تموز من عام 2029.",
            "الخامسة عشرة من شهر تموز من عام 2029",
            "2029-07-15",
        ),
        ("صدر المرسوم في الثاني عشر من جانفي 2030.", "الثاني عشر من جانفي 2030", "2030-01-12"),
        ("وانتهت المهلة في الثلاثين من نيسان/أبريل الماضي.", "الثلاثين من نيسان/أبريل الماضي", "2031-04-30"),
        ("عقدت الجلسة في الحادي والثلاثين من أكتوبر.", "الحادي والثلاثين من أكتوبر", "2031-10-31"),
        ("وصلت الشحنة في التاسع والعشرين من شباط 2032.", "التاسع والعشرين من شباط 2032", "2032-02-29"),
    ],
)
def test_ordinal_day_then_month(text: str, surface: str, value: str) -> None:
    mentions = [m for m in find_dates(text, PUB) if m.precision == "day"]
    assert [(text[m.start : m.end], m.date) for m in mentions] == [(surface, value)]


@pytest.mark.parametrize(
    "text",
    [
        "حل الفريق الثامن في الترتيب العام.",
        "واجه الفريق الثاني مارس ضغطاً كبيراً على المرمى.",  # مارس the verb, with no "من" before it
        "اجتمع المجلس في تشرين الأول أكتوبر 2030 لبحث الملف.",  # الأول ends the month's name
        "وصلت الشحنة في الثلاثين من شباط 2030.",  # no such day
        "وتبدأ الامتحانات في الأسبوع الثاني من آذار.",  # the ordinal agrees with the week before it
    ],
)
def test_no_day_without_a_month_after_the_ordinal(text: str) -> None:
    assert not [m for m in find_dates(text, PUB) if m.precision == "day"]


def test_without_a_publication_date_only_a_written_year_makes_it_absolute() -> None:
    assert [m.date for m in find_absolute("في الأول من أيار 2030 وفي الثاني من حزيران")] == ["2030-05-01"]


def test_ordinal_date_in_the_dateline_is_the_publication_date() -> None:
    page = clean(
        "افتتاح الجسر الجديد\n\nفي الرابع عشر من حزيران 2030، افتتح رئيس البلدية الجسر الجديد فوق النهر بعد عامين من"
        " العمل.\n\nوقال إن الجسر سيخفف الازدحام."
    )
    assert page.published_at == datetime(2030, 6, 14)
