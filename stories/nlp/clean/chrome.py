"""Page chrome around an article, line by line: tickers, share bars, breadcrumbs, bylines, comment forms,
"read also" links and page timestamps, as news sites generally print them."""

from __future__ import annotations

import re

from .. import vocab
from ..camel import normalize
from ..datescan import MONTH_NAME, WEEKDAY_NAME
from .text import CLOSERS, DIGIT, WORD, ends_sentence, is_date_line, norm_key, tidy

_CURRENCY = re.compile(rf"(?<!\w)(?:[وب]?ال)?(?:{vocab.alternation('price_words')})(?!\w)")
# The lead-in of a click-here link: "للمزيد (من التفاصيل)", "اقرأ المزيد", "اقرأ أيضا", "التفاصيل".
_MORE_LEAD = r"(?:(?:لل|ل)مزيد(?:\s+من\s+\w+)?|[اإ]قر[أا]\s+(?:المزيد|[أا]يضا)|التفاصيل)"
_INLINE_CHROME = re.compile(
    rf"\s*[-–|]?\s*{_MORE_LEAD}?\s*:?\s*[(\[]?\s*(?:[اإ]ضغط|[اإ]نقر)\s+هنا\s*[)\]]?\s*\.?"
)

_SHARE_WORDS = frozenset(normalize(w).lower() for w in vocab.entries("share_words"))
_SHARE_TRIGGERS = _SHARE_WORDS - {normalize(w) for w in vocab.entries("share_non_triggers")}

# "شارك هذا الخبر", "انشر المقال": a share prompt is a share verb and what is shared.
_SHARE_VERBS = vocab.words("share_verbs")
_SHARE_OBJECTS = _SHARE_WORDS | vocab.words("share_objects")
# Breadcrumbs: "الرئيسية » أخبار » محليات", "الرئيسية / اقتصاد".
# « » are also Arabic quotation marks ("«حماس» ترفض"), so a line with « is never a breadcrumb.
_CRUMB_SEPARATORS = re.compile(r"\s+[»›>/|\\]\s+|\s*[›>]\s*")
_CRUMB_ONLY = re.compile(r"[»›>]")

# Desk credits and bylines: "كتب: فريق التحرير", "بقلم محمد علي", "الأيام السورية؛ قسم الأخبار".
# A dateline may come first: "القاهرة - كتب: أحمد سامي", "بيروت ـ بقلم …".
_BYLINE_START = re.compile(
    r"^(?:[^\s\-–—:،,]+(?:\s+[^\s\-–—:،,]+)?\s*[-–—]\s*)?"
    rf"(?:(?:{vocab.alternation('byline_credits')})\s*:|بقلم(?:\s*:)?\s)"
)
# "آخر تحديث: 11:02", "منذ 3 ساعات": page timestamps, cut out of the meta lines that carry them.
_TIME_AGO = rf"منذ\s+(?:\d+\s*)?(?:{vocab.alternation('elapsed_time_units')})"
_STAMP_WHEN = (
    rf"(?:\s*(?:\d+(?:[:/.\-]\d+)*|{MONTH_NAME}|{WEEKDAY_NAME}|ص|م|AM|PM|am|pm)(?!\w)|\s*[،,\-–](?=\s*\w))+"
)
_STAMP = re.compile(
    r"\s*[|·•\-–]?\s*(?:(?:[آا]خر\s+تحديث|تم\s+التحديث|تاريخ\s+التحديث)\s*:?\s*(?:"
    + _TIME_AGO
    + "|"
    + _STAMP_WHEN
    + r")|(?:نشر\s+)?"
    + _TIME_AGO
    + r")\s*"
)

# Whole-line chrome, compared after camel normalisation and with punctuation removed.
_EXACT_KEYS = frozenset(norm_key(p) for p in vocab.entries("chrome_exact"))
_CONTAINS_KEYS = tuple(norm_key(p) for p in vocab.entries("chrome_contains"))
_STARTS_KEYS = tuple(norm_key(p) for p in vocab.entries("chrome_starts"))
_HOME_KEYS = frozenset(norm_key(p) for p in vocab.entries("home_links"))
# Site sections a header bar links to ("الرئيسية | اقتصاد | رياضة"), also beside a masthead's outlet name.
SECTION_KEYS = frozenset(norm_key(p) for p in vocab.entries("section_names")) | _HOME_KEYS
_DESK_KEYS = tuple(norm_key(p) for p in vocab.entries("desk_credits"))
# Headings after which the next lines of the same block are links to other articles.
RELATED_KEYS = frozenset(norm_key(p) for p in vocab.entries("related_headings"))


def cut_inline_chrome(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """Cut "للمزيد (اضغط هنا)" and the like out of article lines; returns the lines and what was cut, by line."""
    out, cuts = [], []
    for index, line in enumerate(lines):
        # "هنا" is in every "click here" link: testing for it first spares the long expression most lines.
        inline = _INLINE_CHROME.search(line) if "هنا" in line else None
        for match in (inline, _meta_stamp(line)):
            if match and match.start() > 0:
                cuts.append((index, match.group(0).strip()))
                line = tidy(line[: match.start()] + " " + line[match.end() :])
        out.append(line)
    return out, cuts


def _meta_stamp(line: str) -> re.Match | None:
    """ "| آخر تحديث 11:02" in a short meta line such as "الثلاثاء 7 نوفمبر 2023 | آخر تحديث 11:02"."""
    if len(line.split()) > 12 or ends_sentence(line):
        return None
    match = _STAMP.search(line)
    # "منذ 3 ساعات" is also plain prose; only a separator marks it as the page's timestamp.
    if match and ("تحديث" in match.group(0) or re.match(r"\s*[|·•]", match.group(0))):
        return match
    return None


def line_kind(line: str) -> str:
    """ "blank", "chrome" or "text" for one tidied line."""
    if not line or not WORD.search(line):
        return "blank"
    return "chrome" if _is_chrome(line) else "text"


def _is_chrome(line: str) -> bool:
    tokens = line.split()
    if len(tokens) > 30:
        return False  # every rule below is for short lines; skip normalising long paragraphs
    if len(tokens) > 15:  # only "اقرأ أيضا: ..." lines this long are chrome; their opening words tell
        head = norm_key(" ".join(tokens[:6]))
        return any(head.startswith(p) for p in _STARTS_KEYS)
    key = norm_key(line)
    words = key.split()
    if key in _EXACT_KEYS or _STAMP.fullmatch(line):
        return True
    if len(words) <= 4 and DIGIT.search(line) and " ".join(re.sub(r"\d+", " ", key).split()) in _EXACT_KEYS:
        return True  # "التعليقات (0)", "مشاهدات 230": a counter beside its label
    if len(words) <= 15 and any(p in key for p in _CONTAINS_KEYS):
        return True
    if len(words) <= 25 and any(key.startswith(p) for p in _STARTS_KEYS):
        return True
    return (
        _is_ticker(line, words)
        or _is_share_bar(words)
        or _is_share_prompt(words)
        or _is_source_footer(line, words)
        or _is_breadcrumb(line)
        or _is_byline(line, key, words)
        or _is_form_field(line, words)
        or ("©" in line and len(words) <= 15)
        or _is_widget_bar(line)
    )


def _is_widget_bar(line: str) -> bool:
    """ "الخميس 5 كانون الأول 2024 | دمشق 12° | دخول": a header bar of date, weather, links and sections, part by
    part."""
    parts = [p.strip() for p in re.split(r"\s[|•·]\s", line) if p.strip()]
    if len(parts) < 2 or len(line.split()) > 16:
        return False
    return all(
        "°" in p
        or norm_key(p) in _EXACT_KEYS
        or norm_key(p) in SECTION_KEYS
        or re.fullmatch(r"\d{1,2}:\d{2}(?:\s*\S{1,2})?", p)
        or is_date_line(p)
        for p in parts
    )


def _is_share_prompt(words: list[str]) -> bool:
    return 0 < len(words) <= 4 and words[0] in _SHARE_VERBS and all(w in _SHARE_OBJECTS for w in words[1:])


def _is_breadcrumb(line: str) -> bool:
    """ "الرئيسية » أخبار » محليات": short segments between »/›/> (or any separator after "الرئيسية")."""
    if ends_sentence(line) or "«" in line or DIGIT.search(line):
        return False
    parts = [p for p in _CRUMB_SEPARATORS.split(line) if p]
    if len(parts) < 2 or any(len(p.split()) > 3 for p in parts):
        return False
    return norm_key(parts[0]) in _HOME_KEYS or bool(_CRUMB_ONLY.search(line))


def _is_byline(line: str, key: str, words: list[str]) -> bool:
    """ "كتب: فريق التحرير", "بقلم محمد علي", "الأيام السورية؛ قسم الأخبار": a credit, not a sentence."""
    if len(words) > 7 or ends_sentence(line):
        return False
    if _BYLINE_START.match(line) or key in _DESK_KEYS:
        return True
    # "<outlet>؛ قسم الأخبار": the desk after a separator, not a headline that mentions an editor.
    return bool(re.search(r"[؛;:|\-–،,]", line)) and key.endswith(_DESK_KEYS)


def _is_form_field(line: str, words: list[str]) -> bool:
    """Comment-form labels: "الاسم *", "البريد الإلكتروني *" (the star marks a required field)."""
    return line.endswith("*") and 0 < len(words) <= 4


def _is_ticker(line: str, words: list[str]) -> bool:
    """Weather and exchange-rate widgets: a place next to a temperature, or rates next to currency names."""
    if len(words) > 8 or ends_sentence(line):
        return False
    if "°" in line or "℃" in line:
        return len(words) <= 4
    if not re.search(r"\d", line) or not _CURRENCY.search(line):
        return False
    # Besides numbers and currency names a ticker has at most a nationality or two ("ليرة تركية / يورو").
    others = [normalize(w) for w in WORD.findall(_CURRENCY.sub(" ", line)) if not w.isdigit()]
    adjectives = all(w.endswith(("ي", "يه")) for w in others)
    return len(others) <= 2 and adjectives and (bool(re.search(r"\d[.,]\d", line)) or len(words) <= 3)


def _is_share_bar(words: list[str]) -> bool:
    return (
        0 < len(words) <= 12
        and all(w in _SHARE_WORDS for w in words)
        and any(w in _SHARE_TRIGGERS for w in words)
    )


def _is_source_footer(line: str, words: list[str]) -> bool:
    """ "المصدر" or "مصدر <outlet>" alone on a line, as sites print under an article; not a sentence."""
    if not words or words[0] not in ("المصدر", "مصدر") or len(words) > 5:
        return False
    return not line.rstrip(CLOSERS).endswith((".", "؟", "!"))
