"""Dates in Arabic news text: the article's own publication date and the dates it mentions.

Written by hand because no maintained library reads Arabic month systems (يناير / كانون الثاني),
Eastern digits and relative references ("الاثنين الفائت") together with character offsets.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta

from .types import DateMention

# Same-length digit folding keeps every offset valid on the original text.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Gregorian names (Egypt, Gulf, Maghreb spellings) and the Syriac names used in the Levant and Iraq.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("يناير", "جانفي", "كانون الثاني", "كانون ثاني"),
    2: ("فبراير", "فيفري", "شباط"),
    3: ("مارس", "[آا]ذار"),
    4: ("[أاإ]بريل", "[أاإ]فريل", "نيسان"),
    5: ("مايو", "ماي", "[أا]يار"),
    6: ("يونيو", "يونيه", "جوان", "حزيران"),
    7: ("يوليو", "يوليه", "يوليوز", "جويلية", "تموز"),
    8: ("[أاإ]غسطس", "[أا]وت", "غشت", "آب"),
    9: ("سبتمبر", "شتنبر", "[أا]يلول"),
    10: ("[أاإ]كتوبر", "تشرين ال[أا]ول", "تشرين [أا]ول"),
    11: ("نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني"),
    12: ("ديسمبر", "دجنبر", "كانون ال[أا]ول", "كانون [أا]ول"),
}
_MONTH_RES = [(re.compile(f"^(?:{'|'.join(names)})$"), n) for n, names in _MONTH_NAMES.items()]
_ONE_MONTH = "|".join(sorted((n for names in _MONTH_NAMES.values() for n in names), key=len, reverse=True))
_ONE_MONTH = rf"(?<!\w)(?:{_ONE_MONTH})(?!\w)"
# "مارس/آذار", "يناير/ كانون الثاني", "مارس (آذار)": the first name carries the month.
_MONTH = rf"(?P<month>{_ONE_MONTH})(?:\s*[/\\(-]\s*{_ONE_MONTH}(?:\s*\))?)?"

_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3}
_WEEKDAYS |= {"الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}
_WEEKDAY = rf"(?<!\w)(?:{'|'.join(_WEEKDAYS)})(?!\w)"
# For the cleaner's timestamp rules ("آخر تحديث: الثلاثاء 7 نوفمبر").
MONTH_NAME, WEEKDAY_NAME = _ONE_MONTH, _WEEKDAY

_PAST = ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "السابق")
_CURRENT = ("الجاري", "الجارية", "الحالي", "الحالية")
_FUTURE = ("المقبل", "المقبلة", "القادم", "القادمة")
_QUAL = rf"(?P<qual>{'|'.join(_PAST + _CURRENT + _FUTURE)})(?!\w)"
_PART = r"(?P<part>منتصف|نهاية|أواخر|اواخر|مطلع|بداية|أوائل|اوائل|أواسط|اواسط|آخر)"

_DAY = r"(?<![\d.,:/])(?P<day>[0-3]?\d)(?![\d.,:/])"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d.,]\d)(?:\s*م(?!\w))?"
_TIME = (
    r"(?:\s*[،,|\-–]?\s*(?:(?:عند|على)\s+)?(?:الساعة\s+)?(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?"
    r"(?:\s*(?P<ampm>ص|م|صباحا|صباحاً|مساء|مساءً|ظهرا|ظهراً|AM|PM|am|pm)(?!\w))?)?"
)

_FULL = re.compile(
    rf"(?:(?:يوم\s+)?(?P<weekday>{_WEEKDAY})\s*[،,]?\s*)?{_DAY}\s*(?:من\s+)?(?:شهر\s+)?{_MONTH}"
    rf"(?:\s*[،,]?\s*{_YEAR}{_TIME}|\s+{_QUAL})?"
)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)"
    r"|(?P<iyear>(?:19|20)\d\d)-(?P<imonth>[01]?\d)-(?P<iday>[0-3]?\d))(?![\d/.-]\d)"
    r"(?:(?:T|\s*[،,|\-–]?\s*)(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ampm>ص|م|AM|PM|am|pm)(?!\w))?)?"
)
_MONTH_YEAR = re.compile(rf"(?:{_PART}\s+)?(?:شهر\s+)?{_MONTH}\s*[،,]?\s*{_YEAR}")
_MONTH_QUAL = re.compile(rf"(?:{_PART}\s+)?(?:شهر\s+)?{_MONTH}\s+{_QUAL}")
_MONTH_PART = re.compile(rf"{_PART}\s+(?:شهر\s+)?{_MONTH}")
# A bare month name needs a cue word: "مارس" is also the verb "practised", "ماي"/"آب" are short words.
_MONTH_CUED = re.compile(rf"(?<!\w)(?:[وف]?(?:في|خلال|منذ|حتى|قبل|بعد)\s+|(?P<cue>شهر\s+)){_MONTH}(?!\s*\d)")
_YEAR_ALONE = re.compile(
    r"(?:(?<!\w)(?:[ول]?(?:ال)?(?:عام|سنة)|لل(?:عام|سنة))\s+)?(?<![\d.,])(?P<year>(?:19|20)\d\d)(?![\d.,]?\d)"
)
_YEAR_CUE = re.compile(
    r"(?<!\w)[وب]?(?:في|منذ|حتى|بعد|قبل|خلال|مطلع|أواخر|نهاية|بداية|أوائل|منتصف|عام|العام|سنة|السنة)\s+$"
)

_REL_WEEKDAY = re.compile(rf"(?:(?<!\w)يوم\s+)?(?P<weekday>{_WEEKDAY})(?:\s+{_QUAL})?")
_REL_DAY = re.compile(
    r"(?<!\w)(?:(?P<before>أول\s+(?:من\s+)?أمس)|(?P<yesterday>(?:يوم\s+)?(?:ال)?أمس)|(?P<tomorrow>يوم\s+غد|غداً)"
    rf"|(?P<today>اليوم(?:\s+{_WEEKDAY})?))(?!\w)"
)
_REL_WEEK = re.compile(rf"(?:{_PART}\s+)?(?:(?<!\w)الأسبوع|الاسبوع)\s+{_QUAL}|(?<!\w)هذا\s+الأسبوع(?!\w)")
_REL_MONTH = re.compile(rf"(?:{_PART}\s+)?(?<!\w)الشهر(?:\s+{_QUAL})?(?!\w)")
_REL_YEAR = re.compile(rf"(?:{_PART}\s+)?(?<!\w)(?:العام|السنة)\s+{_QUAL}|(?<!\w)هذا\s+العام(?!\w)")
# "روسيا اليوم", "أخبار اليوم": outlet names in quotes or after a media noun are not the date.
_OUTLET_BEFORE = re.compile(r"(?:صحيفة|جريدة|موقع|قناة|وكالة|مجلة|برنامج)\s+[^\s]+\s+$|[“\"«]\s*[^\s]*\s+$")
_DATE_LINE_EXTRA = re.compile(
    r"^[\s،,.:|\-–—()]*(?:نشر(?:\s+في)?|تاريخ\s+النشر|بتاريخ|منشور)?[\s،,.:|\-–—()]*$"
)


def find_published(text: str) -> tuple[datetime | None, bool]:
    """The article's own date: a date line near the top (with its time), else a dateline in the first paragraphs."""
    _stretches.cache_clear()
    folded = _fold_digits(text)
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


def find_dates(text: str, published: date | None) -> tuple[DateMention, ...]:
    """Every date expression in ``text``, absolute or resolved against ``published``; relative ones need it."""
    _stretches.cache_clear()  # shared by this call's finders only, so timings never profit from a rerun
    folded = _fold_digits(text)
    pub = published.date() if isinstance(published, datetime) else published
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for finder in _FINDERS:
        for start, end, value, precision in finder(folded, pub):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append(DateMention(start=start, end=end, date=value, precision=precision))
    return tuple(sorted(found, key=lambda m: m.start))


def _top_region_end(text: str, limit: int = 1500) -> int:
    """Publication dates sit above or in the first paragraphs; later dates are what the story talks about."""
    cut = text.find("\n", limit)
    return len(text) if cut < 0 else cut


def _full_dates(text: str) -> Iterator[tuple[int, int, datetime, bool]]:
    for match in _scan(_FULL, text):
        if match["year"]:
            value = _safe_date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
            if value:
                yield match.start(), _strip_end(text, match), *_with_time(value, match)
    for match in _scan(_NUMERIC, text):
        value = _numeric_value(match)
        if value:
            yield match.start(), _strip_end(text, match), *_with_time(value, match)


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


def _strip_end(text: str, match: re.Match) -> int:
    end = match.end()
    while end > match.start() and text[end - 1] in " ،,|-–":
        end -= 1
    return end


def _month_number(name: str) -> int:
    name = re.sub(r"\s+", " ", name)
    for pattern, number in _MONTH_RES:
        if pattern.match(name):
            return number
    raise ValueError(name)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numeric_value(match: re.Match) -> date | None:
    if match["iyear"]:
        return _safe_date(int(match["iyear"]), int(match["imonth"]), int(match["iday"]))
    return _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))


def _month_year(pub: date | None, month: int, qual: str | None) -> int | None:
    """The year of a month named without one: "الماضي" looks back, "المقبل" forward, else the nearest."""
    if pub is None:
        return None
    if qual in _PAST:
        return pub.year if month < pub.month else pub.year - 1
    if qual in _FUTURE:
        return pub.year if month > pub.month else pub.year + 1
    if qual in _CURRENT:
        return pub.year
    return min(
        (pub.year - 1, pub.year, pub.year + 1), key=lambda y: abs((y - pub.year) * 12 + month - pub.month)
    )


Found = Iterator[tuple[int, int, str, str]]


def _abs_full(text: str, pub: date | None) -> Found:
    for match in _scan(_FULL, text):
        month, day = _month_number(match["month"]), int(match["day"])
        year = int(match["year"]) if match["year"] else _month_year(pub, month, match["qual"])
        value = _safe_date(year, month, day) if year else None
        if value:
            yield match.start(), _strip_end(text, match), value.isoformat(), "day"


def _abs_numeric(text: str, pub: date | None) -> Found:
    for match in _scan(_NUMERIC, text):
        value = _numeric_value(match)
        if value:
            yield match.start(), _strip_end(text, match), value.isoformat(), "day"


def _abs_month(text: str, pub: date | None) -> Found:
    for pattern in (_MONTH_YEAR, _MONTH_QUAL, _MONTH_PART, _MONTH_CUED):
        for match in _scan(pattern, text):
            month = _month_number(match["month"])
            groups = match.groupdict()
            year = int(groups["year"]) if groups.get("year") else _month_year(pub, month, groups.get("qual"))
            if year:
                start = match.start("month") if pattern is _MONTH_CUED and not match["cue"] else match.start()
                yield start, _strip_end(text, match), f"{year:04d}-{month:02d}", "month"


def _abs_year(text: str, pub: date | None) -> Found:
    for match in _scan(_YEAR_ALONE, text):
        cued = match.start() != match.start("year") or _YEAR_CUE.search(
            text[max(0, match.start() - 20) : match.start()]
        )
        if cued:
            yield match.start(), match.end(), match["year"], "year"


def _rel_days(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in _scan(_REL_DAY, text):
        if match["today"] and _OUTLET_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        shift = -2 if match["before"] else -1 if match["yesterday"] else 1 if match["tomorrow"] else 0
        yield match.start(), match.end(), (pub + timedelta(days=shift)).isoformat(), "day"


def _rel_weekdays(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in _scan(_REL_WEEKDAY, text):
        target = _WEEKDAYS[match["weekday"]]
        qual = match["qual"]
        if qual in _FUTURE or (qual is None and _refers_ahead(text, match.start())):
            delta = (target - pub.weekday()) % 7 or 7
        else:
            delta = -((pub.weekday() - target) % 7)
            if qual in _PAST and delta == 0:
                delta = -7
        end = match.end() if qual in _PAST + _FUTURE else match.end("weekday")
        yield match.start(), end, (pub + timedelta(days=delta)).isoformat(), "day"


def _refers_ahead(text: str, at: int) -> bool:
    """Whether a bare weekday ("يوم الخميس") names the coming day: its clause is in the future.

    Reads the words before it, nearest first, up to the clause's start: a future verb ("سيبدأ", "ستغلق"),
    a present-tense scheduling verb ("تبدأ", "يعقد"), "اعتباراً من", or a decided measure ("قررت ... تعليق
    الدوام ... يوم الخميس") point ahead; "كان", "قد", "لم", or a decision verb right before the day
    ("قررت المحكمة يوم الخميس") keep the default, the last such day.
    """
    window = text[max(0, at - 160) : at]
    window = window[max(window.rfind(c) for c in ".!?؟؛;،,\n") + 1 :]
    measure = False
    for word in reversed(window.split()[-_TENSE_WINDOW:]):
        word = word.strip("\"'«»“”()")
        if _PAST_CUE.fullmatch(word):
            return False
        if _MEASURE.fullmatch(word):
            measure = True
        elif _DECISION.fullmatch(word):
            return measure
        elif _START_FROM.fullmatch(word) or _SCHEDULED.fullmatch(word) or _future_verb(word):
            return True
    return False


def _future_verb(word: str) -> bool:
    """ "س" + an imperfect verb ("سيبدأ", "ستغلق", "سينفذون"), not a noun that starts the same way."""
    return bool(_FUTURE_VERB.fullmatch(word)) and not word.lstrip("وف").startswith(_S_NOUNS)


# How many words before a weekday may carry the verb it depends on.
_TENSE_WINDOW = 10
_FUTURE_VERB = re.compile(r"[وف]?(?:س|سوف\s*)[يتن]\w{3,}")
# Common nouns that begin like a future verb: سيارة، سياسة، سيول، ستة ...
_S_NOUNS = (
    "سيار",
    "سياس",
    "سيول",
    "سيطر",
    "سيد",
    "سياد",
    "سياق",
    "سينا",
    "سينم",
    "ستة",
    "ستين",
    "ستون",
    "ستار",
    "ستاد",
    "ستود",
    "سنة",
    "سنو",
    "سنين",
    "سنت",
)
_SCHEDULED = re.compile(
    r"[وف]?[يت](?:بد[أا]|نطلق|عقد|نعقد|ست[أا]نف|نتهي|فتتح|فتح|غلق|قام|جري|صل|توجه|عود|غادر|لتقي|جتمع"
    r"|نظم|حتفل|ختتم|دخل|سري)(?:ون|ان|ين)?"
)
_START_FROM = re.compile(r"(?:[اإ]عتبار|ابتداء|[اإ]بتداء|بدء|بداية|[اإ]نطلاق)[اًءً]*")
_DECISION = re.compile(
    r"[وف]?(?:قرر|تقرر|[أا]مر|[أا]علن|وافق|[أا]قر|دعا|دعت|طالب|اتفق|[أا]وعز|وجه|حدد|[أا]عطى)(?:ت|وا|ا)?"
)
_MEASURE = re.compile(
    r"(?:[وب]?ال)?(?:تعليق|[إا]غلاق|تأجيل|تاجيل|[إا]لغاء|تمديد|منع|فرض|رفع|فتح|[اإ]ستئناف|[إا]جراء|عقد|تنظيم"
    r"|[إا]قامة|[إا]طلاق|بدء|وقف|تعطيل|[إا]ضراب|اعتصام|تنفيذ|صرف|تطبيق)"
)
_PAST_CUE = re.compile(r"[وف]?(?:كان|كانت|كانوا|قد|لقد|لم|[أا]مس)")


def _rel_weeks(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in _scan(_REL_WEEK, text):
        qual = match["qual"]
        base = pub + timedelta(days=-7 if qual in _PAST else 7 if qual in _FUTURE else 0)
        if match["part"]:
            # Arab newsrooms count the week from Sunday; "منتصف" is its Wednesday, "نهاية" its Thursday.
            sunday = base - timedelta(days=(base.weekday() + 1) % 7)
            offset = {"منتصف": 3, "أواسط": 3, "اواسط": 3}.get(match["part"], 0)
            offset = 4 if match["part"] in ("نهاية", "أواخر", "اواخر", "آخر") else offset
            base = sunday + timedelta(days=offset)
        yield match.start(), match.end(), base.isoformat(), "day"


def _rel_months(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in _scan(_REL_MONTH, text):
        qual = match["qual"]
        if qual is None and not match["part"]:
            continue
        shift = -1 if qual in _PAST else 1 if qual in _FUTURE else 0
        total = pub.year * 12 + pub.month - 1 + shift
        yield match.start(), match.end(), f"{total // 12:04d}-{total % 12 + 1:02d}", "month"


def _rel_years(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in _scan(_REL_YEAR, text):
        qual = match["qual"]
        shift = -1 if qual in _PAST else 1 if qual in _FUTURE else 0
        yield match.start(), match.end(), f"{pub.year + shift:04d}", "year"


# Order matters: longer, more specific expressions claim their span first.
_FINDERS: tuple[Callable[[str, date | None], Found], ...] = (
    _abs_full,
    _abs_numeric,
    _abs_month,
    _rel_weeks,
    _rel_months,
    _rel_years,
    _abs_year,
    _rel_days,
    _rel_weekdays,
)


def _fold_digits(text: str) -> str:
    return text.translate(_DIGITS) if _EASTERN_DIGIT.search(text) else text


def _scan(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, but run only on the stretches around the word every match contains.

    Each expression is tried at every position otherwise; a plain search for its anchor (a month name,
    a year, "الأسبوع") is several times faster and most of an article has none. A match never reaches
    further than ``_REACH`` from its anchor, and stretches end on spaces, so the matches are the same.
    """
    for start, stop in _stretches(_ANCHORS[pattern], text):
        yield from pattern.finditer(text, start, stop)


@functools.lru_cache(maxsize=64)
def _stretches(anchor: re.Pattern, text: str) -> tuple[tuple[int, int], ...]:
    """Where ``_scan`` looks: around each anchor hit, merged, widened to whitespace (memoised per text,
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
    _FULL: _ANY_MONTH,
    _MONTH_YEAR: _ANY_MONTH,
    _MONTH_QUAL: _ANY_MONTH,
    _MONTH_PART: _ANY_MONTH,
    _MONTH_CUED: _ANY_MONTH,
    _NUMERIC: _ANY_YEAR,
    _YEAR_ALONE: _ANY_YEAR,
    _REL_WEEK: re.compile("[أا]سبوع"),
    _REL_MONTH: re.compile("الشهر"),
    _REL_YEAR: re.compile("العام|السنة"),
    _REL_DAY: re.compile("[أا]مس|غد|اليوم"),
    _REL_WEEKDAY: re.compile(_WEEKDAY),
}
