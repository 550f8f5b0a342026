"""Dates in Arabic news text: every date expression an article mentions, relative ones ("الاثنين الفائت",
"الأسبوع المقبل") resolved against its publication date (see dateline for the publication date itself).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import vocab
from .dateline import (
    Finder,
    Found,
    collect,
    day_month_dates,
    find_published,
    month_dates,
    numeric_dates,
    ordinal_dates,
    year_dates,
)
from .datescan import (
    FUTURE,
    PAST,
    REL_DAY,
    REL_MONTH,
    REL_WEEK,
    REL_WEEKDAY,
    REL_YEAR,
    SAME_MONTH,
    WEEKDAYS,
    ordinal_day,
    safe_date,
    scan,
)
from .types import DateMention

__all__ = ["find_dates", "find_published"]

_OUTLET_BEFORE = re.compile(rf"(?:{vocab.alternation('media_title_nouns')})\s+[^\s]+\s+$|[“\"«]\s*[^\s]*\s+$")


def find_dates(text: str, published: date | None) -> tuple[DateMention, ...]:
    """Every date expression in ``text``, absolute or resolved against ``published``; relative ones need it."""
    return collect(text, published, _FINDERS)


def _rel_days(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in scan(REL_DAY, text):
        if match["today"] and _OUTLET_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        shift = -2 if match["before"] else -1 if match["yesterday"] else 1 if match["tomorrow"] else 0
        yield match.start(), match.end(), (pub + timedelta(days=shift)).isoformat(), "day"


def _rel_weekdays(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in scan(REL_WEEKDAY, text):
        target = WEEKDAYS[match["weekday"]]
        qual = match["qual"]
        if qual in FUTURE or (qual is None and _refers_ahead(text, match.start())):
            delta = (target - pub.weekday()) % 7 or 7
        else:
            delta = -((pub.weekday() - target) % 7)
            if qual in PAST and delta == 0:
                delta = -7
        end = match.end() if qual in PAST + FUTURE else match.end("weekday")
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
        word = _MARKS.sub("", word.strip("\"'«»“”()"))  # "ستُستأنف" is read as "ستستأنف"
        if _PAST_CUE.fullmatch(word):
            return False
        if _MEASURE.fullmatch(word):
            measure = True
        elif _DECISION.fullmatch(word):
            return measure
        elif word in _FUTURE_PARTICLES or _START_FROM.fullmatch(word) or _SCHEDULED.fullmatch(word):
            return True
        elif _future_verb(word):
            return True
    return False


def future_verb(word: str) -> bool:
    """Public form of ``_future_verb`` for the claim stage (a planned act is not the act done)."""
    return _future_verb(word)


def _future_verb(word: str) -> bool:
    """ "س" + an imperfect verb ("سيبدأ", "ستغلق", "سينفذون"), not a noun that starts the same way."""
    return bool(_FUTURE_VERB.fullmatch(word)) and not word.lstrip("وف").startswith(_S_NOUNS)


# Short vowels, shadda, sukun and tatweel: a vowelled verb is the same verb.
_MARKS = re.compile(r"[\u0640\u064b-\u0652]")
# "سوف" stands apart from its verb ("سوف تستأنف"): on its own it puts the clause in the future.
_FUTURE_PARTICLES = vocab.words("future_particles")
# How many words before a weekday may carry the verb it depends on.
_TENSE_WINDOW = 10
_FUTURE_VERB = re.compile(r"[وف]?(?:س|سوف\s*)[يتن]\w{3,}")
# Common nouns that begin like a future verb: سيارة، سياسة، سيول، ستة ...
_S_NOUNS = vocab.entries("future_verb_lookalikes")
WEEK_PARTS = vocab.mapping("week_parts")
_SCHEDULED = re.compile(rf"[وف]?[يت](?:{vocab.alternation('scheduling_verb_stems')})(?:ون|ان|ين)?")
_START_FROM = re.compile(rf"(?:{vocab.alternation('start_from_words')})[اًءً]*")
_DECISION = re.compile(rf"[وف]?(?:{vocab.alternation('decision_verbs')})(?:ت|وا|ا)?")
_MEASURE = re.compile(rf"(?:[وب]?ال)?(?:{vocab.alternation('measure_nouns')})")
_PAST_CUE = re.compile(rf"[وف]?(?:{vocab.alternation('past_cues')})")


def _rel_weeks(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in scan(REL_WEEK, text):
        qual = match["qual"]
        base = pub + timedelta(days=-7 if qual in PAST else 7 if qual in FUTURE else 0)
        if match["part"]:
            # Arab newsrooms count the week from Sunday; "منتصف" is its Wednesday, "نهاية" its Thursday.
            sunday = base - timedelta(days=(base.weekday() + 1) % 7)
            base = sunday + timedelta(days=int(WEEK_PARTS.get(match["part"], 0)))
        yield match.start(), match.end(), base.isoformat(), "day"


def _rel_months(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in scan(REL_MONTH, text):
        qual = match["qual"]
        if qual is None and not match["part"]:
            continue
        shift = -1 if qual in PAST else 1 if qual in FUTURE else 0
        total = pub.year * 12 + pub.month - 1 + shift
        yield match.start(), match.end(), f"{total // 12:04d}-{total % 12 + 1:02d}", "month"


def _rel_years(text: str, pub: date | None) -> Found:
    if pub is None:
        return
    for match in scan(REL_YEAR, text):
        qual = match["qual"]
        shift = -1 if qual in PAST else 1 if qual in FUTURE else 0
        yield match.start(), match.end(), f"{pub.year + shift:04d}", "year"


def _same_month(text: str, pub: date | None) -> Found:
    """ "في السابع والعشرين من الشهر نفسه", "27 من الشهر ذاته": the day in the month of the last date written
    before it, whose year it shares."""
    for match in scan(SAME_MONTH, text):
        prior = [
            d for d in collect(text[: match.start()], pub, _FINDERS[:-1]) if d.precision in ("day", "month")
        ]
        if not prior:
            continue
        year, month = (int(part) for part in prior[-1].date.split("-")[:2])
        day = ordinal_day(match["ordinal"]) if match["ordinal"] else int(match["day"])
        value = safe_date(year, month, day)
        if value:
            yield match.start(), match.end(), value.isoformat(), "day"


# Order matters: longer, more specific expressions claim their span first.
_FINDERS: tuple[Finder, ...] = (
    day_month_dates,
    ordinal_dates,
    numeric_dates,
    month_dates,
    _rel_weeks,
    _rel_months,
    _rel_years,
    year_dates,
    _rel_days,
    _rel_weekdays,
    _same_month,  # last: it reads the dates the others find before it
)
