"""The outlet a page names in its own chrome (the masthead is read in masthead.py): a credit line
"المصدر: X", a byline "X - dd/mm/yyyy" or "مدينة - X | date", a dateline "مدينة، date (وكالة X)".

Nothing here is specific to one outlet: the shapes are the ones Arabic news pages generally print.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import camel, vocab
from ..dateline import find_absolute
from ..lexicon import place_index
from .blocks import MASTHEAD
from .text import ends_sentence, norm_key

_SEPARATORS = re.compile(r"\s[-–—|]\s|\s*[|،,]\s*")
_CREDIT = re.compile(
    rf"^(?:{vocab.alternation('source_credit_words')})\s*[:：]\s*(?P<outlet>[^:：]{{2,60}}?)"
    r"(?:\s+[-–—|]\s+[^-–—|]*\d[^-–—|]*)?\s*$"
)
_PARENS = re.compile(r"\(([^()]{2,50})\)")
# An agency's opening dateline: a city (and maybe the date), the agency in brackets, a dash, then the story.
_OPENING = re.compile(r"^(?P<where>[^()\-–—.:]{2,60}?)\s*\((?P<outlet>[^()]{2,50})\)\s*[-–—]\s*\w")
# Words around a date that name no outlet: "نشر في", weekday names.
_DATE_WORDS = frozenset(vocab.entries("date_line_words")) | frozenset(
    norm_key(w) for w in vocab.entries("weekday_names")
)
_DESK_ROLES = frozenset(norm_key(w) for w in vocab.entries("desk_role_words"))
_HEAD_LINES = 6
_CITY_WORDS = 3  # "الجزيرة الخضراء", "دار السلام": a dateline's city is a short name  # a byline or dateline sits just under the headline


def credited_outlet(lines: list[str]) -> str | None:
    """ "المصدر: شبكة المدار" (maybe with a date after a dash), anywhere on a line of its own."""
    for line in lines:
        # the credit may share a meta line with the date: "نشر بتاريخ: 12/03/2024 | المصدر: شبكة السهل"
        parts = [line] if len(line.split()) > _HEAD_LINES * 2 else [line, *line.split("|")[1:]]
        for part in parts:
            found = _CREDIT.match(part.strip())
            if found and len(found["outlet"].split()) <= 5 and not ends_sentence(found["outlet"]):
                return found["outlet"].strip()
    for line in reversed(lines):  # "(وكالة السهل للأنباء)" alone under an agency's copy
        inner = _PARENS.fullmatch(line.strip())
        if inner and MASTHEAD.search(inner.group(1)) and len(inner.group(1).split()) <= 5:
            return inner.group(1).strip()
    return None


def byline_outlet(paragraphs: list[str]) -> str | None:
    """The outlet a dateline or byline under the headline names: "(وكالة نبأ الشرق)", "الضفة - 14/10/2024",
    "دمشق - الراصد | 13 تشرين الأول 2024". A part that is a known place is the dateline's city, not the outlet;
    an unknown city alone before the date ("حمص - 3/3/2024") is taken for an outlet only if nothing else names one
    (the cleaner tries mastheads and credits first)."""
    for paragraph in paragraphs[:_HEAD_LINES]:
        opening = dateline_agency(paragraph)
        if opening:
            return opening
        if len(paragraph.split()) > 14 or ends_sentence(paragraph):
            continue
        dates = [m for m in find_absolute(paragraph) if m.precision == "day"]
        if not dates:
            continue
        for inner in _PARENS.findall(paragraph):
            if MASTHEAD.search(inner) and not find_absolute(inner):
                return inner.strip()
        # The outlet precedes the date ("الضفة - 14/10/2024") or follows it after a dash ("عمّان، 10 أيلول 2024 -
        # الميزان"); after a bar comes a desk ("| آخر الأخبار"), not the outlet.
        before = paragraph[: min(m.start for m in dates)]
        after = paragraph[max(m.end for m in dates) :].strip()
        spans = [before] + ([after.lstrip("-–—")] if after[:1] in "-–—" else [])
        for span in spans:
            names = _names(span)
            if names:
                return names[-1]
    return None


def dateline_agency(paragraph: str) -> str | None:
    """ "بغداد (وكالة X) - …", "تونس، 17 تشرين الثاني 2025 (X) - …": the agency an opening dateline credits in
    brackets before its dash, when what precedes the brackets is a known place or a date."""
    found = _OPENING.match(paragraph)
    if not found or re.search(r"\d", found["outlet"]) or len(found["outlet"].split()) > 5:
        return None
    where = found["where"]
    dated = any(m.precision == "day" for m in find_absolute(where))
    city = where.split("،")[0].split(",")[0].strip()
    # a city no list holds ("طنجة") still opens the lede when the brackets name an agency by its outlet noun
    named = (
        MASTHEAD.match(found["outlet"].strip()) and len(city.split()) <= _CITY_WORDS and city == where.strip()
    )
    return found["outlet"].strip() if dated or _is_place(city) or named else None


def _names(span: str) -> list[str]:
    parts = [p.strip(" -–—|،,") for p in _SEPARATORS.split(f" {_PARENS.sub(' | ', span)} ")]
    return [
        p
        for p in parts
        if 1 <= len(p.split()) <= 4
        and not re.search(r"\d", p)
        and not _is_place(p)
        and not set(norm_key(p).split()) <= _DATE_WORDS
        and norm_key(p).split()[0] not in _DESK_ROLES
    ]


@lru_cache(maxsize=1024)
def _is_place(text: str) -> bool:
    norm = camel.normalize(text)
    if tuple(norm.split()) in place_index():
        return True
    return norm in _capital_names()


@lru_cache(maxsize=1)
def _capital_names() -> frozenset[str]:
    return frozenset(camel.normalize(capital) for capital, _ in vocab.pairs("capitals"))
