"""A day "من الشهر نفسه/ذاته" is in the month of the last date written before it, in that date's year (issue 9);
with no date before it, it is left unresolved. Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from stories.nlp.dates import find_dates

PUBLISHED = date(2031, 1, 20)


@pytest.mark.parametrize(
    ("text", "snippet", "expected"),
    [
        (
            "يبدأ التسجيل في الخامس من آذار/مارس، وينتهي في الثاني والعشرين من الشهر نفسه.",
            "الثاني والعشرين من الشهر نفسه",
            "2031-03-22",
        ),
        ("افتتح المعرض في 4 أيار 2029 وأغلق في 19 من الشهر ذاته.", "19 من الشهر ذاته", "2029-05-19"),
    ],
)
def test_day_of_the_same_month_takes_the_last_named_month(text: str, snippet: str, expected: str) -> None:
    found = {text[d.start : d.end]: d.date for d in find_dates(text, PUBLISHED)}
    assert found.get(snippet) == expected, found


def test_same_month_with_no_date_before_it_is_left_out() -> None:
    assert find_dates("وأغلق المعرض في العشرين من الشهر نفسه.", PUBLISHED) == ()
