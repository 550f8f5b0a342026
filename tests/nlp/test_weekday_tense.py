"""A weekday named without "المقبل"/"الماضي" takes its direction from the verb it depends on (issue 9): a future
verb ("سـ" + imperfect, vowelled or not, or "سوف" + imperfect) points to the coming day, a past verb to the last
one. Sentences are our own; the publication date is a Monday."""

from __future__ import annotations

from datetime import date

import pytest

from stories.nlp.dates import find_dates

MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال المدير إن الدراسة ستُستأنف صباح الأربعاء في كل المدارس.", "2026-03-04"),
        ("وقال المدير إن الدراسة ستستأنف صباح الأربعاء في كل المدارس.", "2026-03-04"),
        ("وقال المدير إن المدارس سوف تفتح أبوابها الأربعاء.", "2026-03-04"),
        ("وأوضح أن اللجنة سَتَعقِدُ اجتماعها الأحد.", "2026-03-08"),
        ("وقال المدير إن الدراسة استؤنفت صباح الأربعاء في كل المدارس.", "2026-02-25"),
        ("وأضاف أن اللجنة عقدت اجتماعها الأحد.", "2026-03-01"),
    ],
)
def test_weekday_takes_the_direction_of_its_verb(text: str, expected: str) -> None:
    assert [d.date for d in find_dates(text, MONDAY)] == [expected]
