"""Date expressions in Arabic news text, shared by the cleaner (date lines, page timestamps) and the date finder:
month and weekday names, the regular expressions, and a scanner that only looks near their anchors.

Written by hand because no maintained library reads Arabic month systems (يناير / كانون الثاني),
Eastern digits and relative references ("الاثنين الفائت") together with character offsets.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date

from . import vocab

# Same-length digit folding keeps every offset valid on the original text.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


# Gregorian names (Egypt, Gulf, Maghreb spellings) and the Syriac names used in the Levant and Iraq.
def _month_names() -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    for name, number in vocab.pairs("month_names"):
        names.setdefault(int(number), []).append(name)
    return names


_MONTH_NAMES = _month_names()
_MONTH_RES = [(re.compile(f"^(?:{'|'.join(names)})$"), n) for n, names in _MONTH_NAMES.items()]
_ONE_MONTH = "|".join(sorted((n for names in _MONTH_NAMES.values() for n in names), key=len, reverse=True))
_ONE_MONTH = rf"(?<!\w)(?:{_ONE_MONTH})(?!\w)"
# "مارس/آذار", "يناير/ كانون الثاني", "مارس (آذار)": the first name carries the month.
_MONTH = rf"(?P<month>{_ONE_MONTH})(?:\s*[/\\(-]\s*{_ONE_MONTH}(?:\s*\))?)?"

WEEKDAYS = {name: int(day) for name, day in vocab.pairs("weekday_names")}
WEEKDAY = rf"(?<!\w)(?:{'|'.join(WEEKDAYS)})(?!\w)"
# For the cleaner's timestamp rules ("آخر تحديث: الثلاثاء 7 نوفمبر").
MONTH_NAME, WEEKDAY_NAME = _ONE_MONTH, WEEKDAY

_QUALIFIERS = vocab.pairs("date_qualifiers")
PAST = tuple(w for w, when in _QUALIFIERS if when == "past")
CURRENT = tuple(w for w, when in _QUALIFIERS if when == "current")
FUTURE = tuple(w for w, when in _QUALIFIERS if when == "future")
QUAL = rf"(?P<qual>{'|'.join(PAST + CURRENT + FUTURE)})(?!\w)"
PART = rf"(?P<part>{vocab.alternation('month_parts')})"

_DAY = r"(?<![\d.,:/])(?P<day>[0-3]?\d)(?![\d.,:/])"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d.,]\d)(?:\s*م(?!\w))?"
_TIME = (
    r"(?:\s*[،,|\-–]?\s*(?:(?:عند|على)\s+)?(?:الساعة\s+)?(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?"
    rf"(?:\s*(?P<ampm>{vocab.alternation('day_periods')})(?!\w))?)?"
)

FULL = re.compile(
    rf"(?:(?:يوم\s+)?(?P<weekday>{WEEKDAY})\s*[،,]?\s*)?{_DAY}\s*(?:من\s+)?(?:شهر\s+)?{_MONTH}"
    rf"(?:\s*[،,]?\s*{_YEAR}{_TIME}|\s+{QUAL})?"
)
# "الثامن من كانون الأول 2025", "الحادي والعشرين من مارس": an ordinal day word, "من" or "شهر", then the month
# ("الفريق الثاني مارس الضغط" has the verb مارس, not March).
_ORDINAL_DAYS = {form: int(day) for form, day in vocab.pairs("ordinal_days")}
_ORDINAL = "|".join(
    sorted((r"\s+".join(map(re.escape, f.split())) for f in _ORDINAL_DAYS), key=len, reverse=True)
)
ORDINAL = re.compile(
    rf"(?<!\w)و?(?P<ordinal>{_ORDINAL})\s+(?:من\s+(?:شهر\s+)?|شهر\s+){_MONTH}"
    rf"(?:\s*[،,]?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?{_YEAR}{_TIME}|\s+{QUAL})?"
)
SAME_MONTH = re.compile(
    rf"(?<!\w)و?(?:(?P<ordinal>{_ORDINAL})|(?P<day>[0-3]?\d))\s+من\s+(?:هذا\s+)?الشهر\s+"
    rf"(?:{vocab.alternation('same_month_words')})(?!\w)"
)
NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)"
    r"|(?P<iyear>(?:19|20)\d\d)(?P<isep>[-/])(?P<imonth>[01]?\d)(?P=isep)(?P<iday>[0-3]?\d))(?![\d/.-]\d)"
    r"(?:(?:T|\s*[،,|\-–]?\s*)(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ampm>ص|م|AM|PM|am|pm)(?!\w))?)?"
)
MONTH_YEAR = re.compile(rf"(?:{PART}\s+)?(?:شهر\s+)?{_MONTH}\s*[،,]?\s*{_YEAR}")
MONTH_QUAL = re.compile(rf"(?:{PART}\s+)?(?:شهر\s+)?{_MONTH}\s+{QUAL}")
MONTH_PART = re.compile(rf"{PART}\s+(?:شهر\s+)?{_MONTH}")
# A bare month name needs a cue word: "مارس" is also the verb "practised", "ماي"/"آب" are short words.
MONTH_CUED = re.compile(
    rf"(?<!\w)(?:[وف]?(?:{vocab.alternation('month_cue_prepositions')})\s+|(?P<cue>شهر\s+)){_MONTH}(?!\s*\d)"
)
YEAR_ALONE = re.compile(
    r"(?:(?<!\w)(?:[ول]?(?:ال)?(?:عام|سنة)|لل(?:عام|سنة))\s+)?(?<![\d.,])(?P<year>(?:19|20)\d\d)(?![\d.,]?\d)"
)
YEAR_CUE = re.compile(rf"(?<!\w)[وب]?(?:{vocab.alternation('year_cues')})\s+$")

REL_WEEKDAY = re.compile(rf"(?:(?<!\w)يوم\s+)?(?P<weekday>{WEEKDAY})(?:\s+{QUAL})?")
REL_DAY = re.compile(
    r"(?<!\w)(?:(?P<before>أول\s+(?:من\s+)?أمس)|(?P<yesterday>(?:يوم\s+)?(?:ال)?أمس)|(?P<tomorrow>يوم\s+غد|غداً)"
    rf"|(?P<today>اليوم(?:\s+{WEEKDAY})?))(?!\w)"
)
REL_WEEK = re.compile(rf"(?:{PART}\s+)?(?:(?<!\w)الأسبوع|الاسبوع)\s+{QUAL}|(?<!\w)هذا\s+الأسبوع(?!\w)")
REL_MONTH = re.compile(rf"(?:{PART}\s+)?(?<!\w)الشهر(?:\s+{QUAL})?(?!\w)")
REL_YEAR = re.compile(rf"(?:{PART}\s+)?(?<!\w)(?:العام|السنة)\s+{QUAL}|(?<!\w)هذا\s+العام(?!\w)")
# "روسيا اليوم", "أخبار اليوم": outlet names in quotes or after a media noun are not the date.


def strip_end(text: str, match: re.Match) -> int:
    end = match.end()
    while end > match.start() and text[end - 1] in " ،,|-–":
        end -= 1
    return end


def month_number(name: str) -> int:
    name = re.sub(r"\s+", " ", name)
    for pattern, number in _MONTH_RES:
        if pattern.match(name):
            return number
    raise ValueError(name)


def ordinal_day(words: str) -> int:
    """The day an ordinal word names ("الحادي والعشرين" → 21)."""
    return _ORDINAL_DAYS[" ".join(words.split())]


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def numeric_value(match: re.Match) -> date | None:
    if match["iyear"]:
        return safe_date(int(match["iyear"]), int(match["imonth"]), int(match["iday"]))
    return safe_date(int(match["year"]), int(match["month"]), int(match["day"]))


def fold_digits(text: str) -> str:
    return text.translate(_DIGITS) if _EASTERN_DIGIT.search(text) else text


def scan(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, but run only on the stretches around the word every match contains.

    Each expression is tried at every position otherwise; a plain search for its anchor (a month name,
    a year, "الأسبوع") is several times faster and most of an article has none. A match never reaches
    further than ``_REACH`` from its anchor, and stretches end on spaces, so the matches are the same.
    """
    for start, stop in stretches(_ANCHORS[pattern], text):
        yield from pattern.finditer(text, start, stop)


@functools.lru_cache(maxsize=64)
def stretches(anchor: re.Pattern, text: str) -> tuple[tuple[int, int], ...]:
    """Where ``scan`` looks: around each anchor hit, merged, widened to whitespace (memoised per text,
    since several expressions share an anchor)."""
    spans: list[list[int]] = []
    for hit in anchor.finditer(text):
        start, end = max(0, hit.start() - _REACH), hit.end() + _REACH
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    out = []
    for start, end in spans:
        # Widen to whitespace so no word is cut: look-arounds then see what the whole text has there.
        start = text.rfind(" ", 0, start) + 1 if start else 0
        stop = text.find(" ", min(end, len(text)))
        out.append((start, len(text) if stop < 0 else stop))
    return tuple(out)


_EASTERN_DIGIT = re.compile("[٠-٩۰-۹]")
# Longest stretch a date expression covers on either side of its anchor, with margin for look-arounds.
_REACH = 90
_ANY_MONTH = re.compile(_ONE_MONTH)
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_ANCHORS: dict[re.Pattern, re.Pattern] = {
    FULL: _ANY_MONTH,
    ORDINAL: _ANY_MONTH,
    MONTH_YEAR: _ANY_MONTH,
    MONTH_QUAL: _ANY_MONTH,
    MONTH_PART: _ANY_MONTH,
    MONTH_CUED: _ANY_MONTH,
    NUMERIC: _ANY_YEAR,
    YEAR_ALONE: _ANY_YEAR,
    REL_WEEK: re.compile("[أا]سبوع"),
    REL_MONTH: re.compile("الشهر"),
    SAME_MONTH: re.compile("الشهر"),
    REL_YEAR: re.compile("العام|السنة"),
    REL_DAY: re.compile("[أا]مس|غد|اليوم"),
    REL_WEEKDAY: re.compile(WEEKDAY),
}
