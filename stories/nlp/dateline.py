"""Calendar dates written out in a text: the article's own publication date, and the day-month, numeric, month
and year expressions, which need no publication date unless their year is left out. The cleaner reads date lines
with them; the date finder adds the relative references ("أمس", "الأسبوع الماضي").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime

from .datescan import (
    CURRENT,
    FULL,
    FUTURE,
    MONTH_CUED,
    MONTH_PART,
    MONTH_QUAL,
    MONTH_YEAR,
    NUMERIC,
    ORDINAL,
    PAST,
    WEEKDAYS,
    YEAR_ALONE,
    YEAR_CUE,
    fold_digits,
    month_number,
    numeric_value,
    ordinal_day,
    safe_date,
    scan,
    stretches,
    strip_end,
)
from .types import DateMention

# Punctuation around a date line's label ("نشر في:", "| بتاريخ -").
_LABEL_PUNCTUATION = r"[\s،,.:|\-–—()]*"
_DATE_LINE_EXTRA = re.compile(
    rf"^{_LABEL_PUNCTUATION}(?:نشر(?:\s+في)?|تاريخ\s+النشر|بتاريخ|منشور)?{_LABEL_PUNCTUATION}$"
)


def find_published(text: str) -> tuple[datetime | None, bool]:
    """The article's own date: a date line near the top (with its time), else a dateline in the first paragraphs."""
    stretches.cache_clear()
    folded = fold_digits(text)
    top_end = _top_region_end(folded)
    candidates = []
    for start, end, value, has_time in _full_dates(folded[:top_end]):
        line_start = folded.rfind("\n", 0, start) + 1
        line_end = folded.find("\n", end)
        line_end = len(folded) if line_end < 0 else line_end
        rest = folded[line_start:start] + " " + folded[end:line_end]
        score = (2 if _DATE_LINE_EXTRA.match(rest) else 1) + (1 if has_time else 0)
        candidates.append([score, start, line_start, value, has_time])
    if not candidates:
        return None, False
    # A bare date above everything else is usually the site header's "today", not the article's date.
    if len(candidates) > 1 and candidates[0][2] == 0:
        candidates[0][0] -= 1
    best = max(candidates, key=lambda c: (c[0], -c[1]))
    return best[3], best[4]


def find_absolute(text: str) -> tuple[DateMention, ...]:
    """The calendar dates of ``text`` that need no publication date (those with a year, and numeric ones)."""
    return collect(text, None, ABSOLUTE_FINDERS)


def collect(text: str, published: date | None, finders: Sequence[Finder]) -> tuple[DateMention, ...]:
    """Run ``finders`` in order over ``text``; a span already claimed by an earlier finder is skipped."""
    stretches.cache_clear()  # shared by this call's finders only, so timings never profit from a rerun
    folded = fold_digits(text)
    pub = published.date() if isinstance(published, datetime) else published
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for finder in finders:
        for start, end, value, precision in finder(folded, pub):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append(DateMention(start=start, end=end, date=value, precision=precision))
    return tuple(sorted(found, key=lambda m: m.start))


def full_dates(text: str, *, with_weekday: bool = False) -> list[tuple]:
    """Every day-precise date with a year in ``text``, in order: (start, end, datetime, has_time), plus the
    weekday's name (or None) when ``with_weekday``."""
    stretches.cache_clear()
    folded = fold_digits(text)
    found = sorted(_full_dates(folded, weekdays=True), key=lambda d: d[0])
    return [d if with_weekday else d[:4] for d in found]


def weekday_dates(text: str) -> list[tuple[int, int, int]]:
    """(weekday, month, day) of every "الثلاثاء 16 كانون الثاني" written without a year (Monday is 0)."""
    stretches.cache_clear()
    out = []
    for match in scan(FULL, fold_digits(text)):
        if match["weekday"] and not match["year"] and not match["qual"]:
            out.append((WEEKDAYS[match["weekday"]], month_number(match["month"]), int(match["day"])))
    return out


def _top_region_end(text: str, limit: int = 1500) -> int:
    """Publication dates sit above or in the first paragraphs; later dates are what the story talks about."""
    cut = text.find("\n", limit)
    return len(text) if cut < 0 else cut


def _full_dates(text: str, weekdays: bool = False) -> Iterator[tuple]:
    for match in scan(FULL, text):
        if match["year"]:
            value = safe_date(int(match["year"]), month_number(match["month"]), int(match["day"]))
            if value:
                found = (match.start(), strip_end(text, match), *_with_time(value, match))
                yield (*found, match["weekday"]) if weekdays else found
    for match in scan(NUMERIC, text):
        value = numeric_value(match)
        if value:
            found = (match.start(), strip_end(text, match), *_with_time(value, match))
            yield (*found, None) if weekdays else found
    for match in _ordinal_matches(text):
        year = int(match["year"]) if match["year"] else None
        value = safe_date(year, month_number(match["month"]), ordinal_day(match["ordinal"])) if year else None
        if value:
            found = (match.start(), strip_end(text, match), *_with_time(value, match))
            yield (*found, None) if weekdays else found


def _with_time(value: date, match: re.Match) -> tuple[datetime, bool]:
    if match["hour"] is None:
        return datetime(value.year, value.month, value.day), False
    hour, minute = int(match["hour"]), int(match["minute"])
    ampm = (match["ampm"] or "").lower()
    if ampm in ("م", "مساء", "مساءً", "pm") and hour < 12:
        hour += 12
    elif ampm in ("ظهرا", "ظهراً") and hour < 6:
        hour += 12
    elif ampm in ("ص", "صباحا", "صباحاً", "am") and hour == 12:
        hour = 0
    if hour > 23:
        return datetime(value.year, value.month, value.day), False
    return datetime(value.year, value.month, value.day, hour, minute), True


def month_year(pub: date | None, month: int, qual: str | None) -> int | None:
    """The year of a month named without one: "الماضي" looks back, "المقبل" forward, else the nearest."""
    if pub is None:
        return None
    if qual in PAST:
        return pub.year if month < pub.month else pub.year - 1
    if qual in FUTURE:
        return pub.year if month > pub.month else pub.year + 1
    if qual in CURRENT:
        return pub.year
    return min(
        (pub.year - 1, pub.year, pub.year + 1), key=lambda y: abs((y - pub.year) * 12 + month - pub.month)
    )


Found = Iterator[tuple[int, int, str, str]]


def day_month_dates(text: str, pub: date | None) -> Found:
    for match in scan(FULL, text):
        month, day = month_number(match["month"]), int(match["day"])
        year = int(match["year"]) if match["year"] else month_year(pub, month, match["qual"])
        value = safe_date(year, month, day) if year else None
        if value:
            yield match.start(), strip_end(text, match), value.isoformat(), "day"


def ordinal_dates(text: str, pub: date | None) -> Found:
    """ "في الحادي والعشرين من مارس": a date only with its month after it; the year as written, else inferred."""
    for match in _ordinal_matches(text):
        month, day = month_number(match["month"]), ordinal_day(match["ordinal"])
        year = int(match["year"]) if match["year"] else month_year(pub, month, match["qual"])
        value = safe_date(year, month, day) if year else None
        if value:
            yield match.start(), strip_end(text, match), value.isoformat(), "day"


def _ordinal_matches(text: str) -> Iterator[re.Match]:
    """Ordinal dates, less an ordinal that ends a month's name ("كانون الأول أكتوبر" is no "1 October") or
    agrees with the definite noun before it ("الأسبوع الثاني من آذار" is a week, "اليوم الأول من أيار" a day)."""
    for match in scan(ORDINAL, text):
        before = text[max(0, match.start("ordinal") - 40) : match.start("ordinal")].split()
        previous = before[-1].strip('،,()«»"') if before else ""
        if previous and _is_month_name(f"{previous} {match['ordinal'].split()[0]}"):
            continue
        if re.fullmatch(r"[وفب]?ال\w+", previous) and not re.fullmatch(r"[وفب]?اليوم", previous):
            continue
        yield match


def _is_month_name(words: str) -> bool:
    try:
        month_number(words)
    except ValueError:
        return False
    return True


def numeric_dates(text: str, pub: date | None) -> Found:
    for match in scan(NUMERIC, text):
        value = numeric_value(match)
        if value:
            yield match.start(), strip_end(text, match), value.isoformat(), "day"


def month_dates(text: str, pub: date | None) -> Found:
    for pattern in (MONTH_YEAR, MONTH_QUAL, MONTH_PART, MONTH_CUED):
        for match in scan(pattern, text):
            month = month_number(match["month"])
            groups = match.groupdict()
            year = int(groups["year"]) if groups.get("year") else month_year(pub, month, groups.get("qual"))
            if year:
                start = match.start("month") if pattern is MONTH_CUED and not match["cue"] else match.start()
                yield start, strip_end(text, match), f"{year:04d}-{month:02d}", "month"


def year_dates(text: str, pub: date | None) -> Found:
    for match in scan(YEAR_ALONE, text):
        cued = match.start() != match.start("year") or YEAR_CUE.search(
            text[max(0, match.start() - 20) : match.start()]
        )
        if cued:
            yield match.start(), match.end(), match["year"], "year"


Finder = Callable[[str, date | None], Found]
# Order matters: longer, more specific expressions claim their span first.
ABSOLUTE_FINDERS: tuple[Finder, ...] = (
    day_month_dates,
    ordinal_dates,
    numeric_dates,
    month_dates,
    year_dates,
)
