"""Clean an uploaded article: main text out of HTML, Unicode tidied, page chrome dropped, hard-wrapped lines joined.

The chrome rules describe what news sites generally put around an article (tickers, share bars, comment
forms, "read also" links); nothing here is specific to one outlet or story.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

import trafilatura

from . import vocab
from .camel import normalize
from .dateline import find_absolute, find_published
from .datescan import MONTH_NAME, WEEKDAY_NAME
from .types import Cleaned

# Invisible characters that break matching: tatweel, zero-width joiners/spaces, bidi controls, soft hyphen.
_INVISIBLE = re.compile("[\u0640\u200b-\u200d\ufeff\u2060\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u00ad]")
_SPACES = re.compile(r"[^\S\n]+")
_SENTENCE_END = ".!?؟:…"
_CLOSERS = "\"'”’»)]}"
_BULLET = re.compile(r"^(?:[-–—•*▪●]|\d{1,2}\s*[/.)\-])\s*")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")

_CURRENCY = re.compile(
    r"(?<!\w)(?:[وب]?ال)?(?:ليرة|يورو|دولار|جنيه|[إا]سترليني|ريال|درهم|دينار|روبل|فرنك|يوان|ين|بيتكوين|ذهب|عيار|[أا]ونصة)(?!\w)"
)
_INLINE_CHROME = re.compile(
    r"\s*[-–|]?\s*(?:(?:لل|ل)مزيد(?:\s+من\s+\w+)?|[اإ]قر[أا]\s+(?:المزيد|[أا]يضا)|التفاصيل)?\s*:?\s*"
    r"[(\[]?\s*(?:[اإ]ضغط|[اإ]نقر)\s+هنا\s*[)\]]?\s*\.?"
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
    r"(?:(?:كتب|كتبت|[إا]عداد|تحرير|ترجمة|متابعة|تصوير|تقرير)\s*:|بقلم(?:\s*:)?\s)"
)
# "آخر تحديث: 11:02", "منذ 3 ساعات": page timestamps, cut out of the meta lines that carry them.
_TIME_AGO = r"منذ\s+(?:\d+\s*)?(?:دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|[أا]يام|[أا]سبوع|[أا]سابيع)"
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
# Outlet words that make a short first line a masthead ("شبكة الشمال الإخبارية"), not a headline.
_MASTHEAD = re.compile(
    r"(?<!\w)(?:شبك[ةه]|بواب[ةه]|موقع|صحيف[ةه]|جريد[ةه]|وكال[ةه]|قنا[ةه]|مجل[ةه]|[إا]ذاع[ةه]|راديو)(?!\w)"
    r"|(?:ال[إا]خباري[ةه]?|نيوز|news|[أا]ونلاين|online)(?!\w)",
    re.IGNORECASE,
)


def _norm_key(text: str) -> str:
    return " ".join(_WORD.findall(normalize(text).lower()))


# Whole-line chrome, compared after camel normalisation and with punctuation removed.
_EXACT_KEYS = frozenset(_norm_key(p) for p in vocab.entries("chrome_exact"))
_CONTAINS_KEYS = tuple(_norm_key(p) for p in vocab.entries("chrome_contains"))
_STARTS_KEYS = tuple(_norm_key(p) for p in vocab.entries("chrome_starts"))
_HOME_KEYS = frozenset(_norm_key(p) for p in vocab.entries("home_links"))
_DESK_KEYS = tuple(_norm_key(p) for p in vocab.entries("desk_credits"))
# Headings after which the next lines of the same block are links to other articles.
_RELATED_KEYS = frozenset(_norm_key(p) for p in vocab.entries("related_headings"))
# A hard-wrapped line ending in one of these continues into the next line.
_FUNCTION_WORDS = vocab.words("wrap_function_words")
# What a date line may hold besides the date, as _norm_key writes it.
_DATE_LINE_WORDS = frozenset(vocab.entries("date_line_words"))


def clean(raw: str, *, is_html: bool = False) -> Cleaned:
    """Main text of an article as paragraphs separated by blank lines, with its title and publication date."""
    meta_title, meta_date, meta_has_time, site = None, None, False, None
    body = raw
    if is_html:
        body, meta_title, meta_date, meta_has_time, site = _from_html(raw)
    lines = [_tidy(line) for line in _normalize_chars(body).split("\n")]
    lines, cuts = _cut_inline_chrome(lines)
    kinds = [_kind(line) for line in lines]
    _mark_related_links(lines, kinds)
    _mark_masthead(lines, kinds)
    _mark_header_date(lines, kinds)
    _mark_duplicate_captions(lines, kinds)
    dropped = [(i, line) for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)) if kind == "chrome"]
    removed = [text for _, text in sorted(dropped + cuts, key=lambda item: item[0])]
    paragraphs = _paragraphs(lines, kinds)
    text = "\n\n".join(paragraphs)
    title = _clean_title(meta_title) or _find_title(paragraphs)
    if meta_date is not None:
        published, has_time = meta_date, meta_has_time
    else:
        published, has_time = find_published(text)
    return Cleaned(
        text=text,
        title=title,
        published_at=published,
        published_has_time=has_time,
        removed=tuple(removed),
        site_name=_clean_site(site) or _desk_credit_outlet(removed),
    )


def _from_html(raw: str) -> tuple[str, str | None, datetime | None, bool, str | None]:
    params = {"outputformat": "%Y-%m-%dT%H:%M:%S", "original_date": True, "extensive_search": False}
    doc = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=params,
    )
    text = doc.text if doc is not None and doc.text else trafilatura.html2txt(raw)
    # trafilatura gives one block per line: each is a paragraph, not a hard wrap.
    body = "\n\n".join(line for line in (text or "").split("\n") if line.strip())
    title = doc.title if doc is not None else None
    published, has_time = _parse_meta_date(doc.date if doc is not None else None)
    return body, title, published, has_time, (doc.sitename if doc is not None else None)


_DESK_CREDIT = re.compile(
    r"^(?P<outlet>[^؛;:|]{2,40}?)\s*[؛;:|]\s*(?:قسم|فريق|هيئة)\s+(?:الأخبار|التحرير)\s*$"
)


def _desk_credit_outlet(removed: list[str]) -> str | None:
    """ "الأيام السورية؛ قسم الأخبار" names the outlet that published the article."""
    for line in removed:
        found = _DESK_CREDIT.match(line.strip())
        if found:
            return _clean_site(found["outlet"])
    return None


def _clean_site(name: str | None) -> str | None:
    name = " ".join((name or "").split()).strip(" -–|،,")
    return name if 2 <= len(name) <= 80 and not name.lower().startswith(("http", "www.")) else None


def _parse_meta_date(value: str | None) -> tuple[datetime | None, bool]:
    if not value:
        return None, False
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None, False
    # htmldate pads a date-only source with midnight, so midnight means "no time given".
    return parsed.replace(tzinfo=None), (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0)


def _normalize_chars(text: str) -> str:
    # NFKC folds Arabic presentation forms (U+FB50-FEFF) to the base letters and NBSP to a space.
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _INVISIBLE.sub("", text)


def _tidy(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _cut_inline_chrome(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """Cut "للمزيد (اضغط هنا)" and the like out of article lines; returns the lines and what was cut, by line."""
    out, cuts = [], []
    for index, line in enumerate(lines):
        # "هنا" is in every "click here" link: testing for it first spares the long expression most lines.
        inline = _INLINE_CHROME.search(line) if "هنا" in line else None
        for match in (inline, _meta_stamp(line)):
            if match and match.start() > 0:
                cuts.append((index, match.group(0).strip()))
                line = _tidy(line[: match.start()] + " " + line[match.end() :])
        out.append(line)
    return out, cuts


def _meta_stamp(line: str) -> re.Match | None:
    """ "| آخر تحديث 11:02" in a short meta line such as "الثلاثاء 7 نوفمبر 2023 | آخر تحديث 11:02"."""
    if len(line.split()) > 12 or _ends_sentence(line):
        return None
    match = _STAMP.search(line)
    # "منذ 3 ساعات" is also plain prose; only a separator marks it as the page's timestamp.
    if match and ("تحديث" in match.group(0) or re.match(r"\s*[|·•]", match.group(0))):
        return match
    return None


def _kind(line: str) -> str:
    """ "blank", "chrome" or "text" for one tidied line."""
    if not line or not _WORD.search(line):
        return "blank"
    return "chrome" if _is_chrome(line) else "text"


def _is_chrome(line: str) -> bool:
    tokens = line.split()
    if len(tokens) > 30:
        return False  # every rule below is for short lines; skip normalising long paragraphs
    if len(tokens) > 15:  # only "اقرأ أيضا: ..." lines this long are chrome; their opening words tell
        head = _norm_key(" ".join(tokens[:6]))
        return any(head.startswith(p) for p in _STARTS_KEYS)
    key = _norm_key(line)
    words = key.split()
    if key in _EXACT_KEYS or _STAMP.fullmatch(line):
        return True
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
    )


def _is_share_prompt(words: list[str]) -> bool:
    return 0 < len(words) <= 4 and words[0] in _SHARE_VERBS and all(w in _SHARE_OBJECTS for w in words[1:])


def _is_breadcrumb(line: str) -> bool:
    """ "الرئيسية » أخبار » محليات": short segments between »/›/> (or any separator after "الرئيسية")."""
    if _ends_sentence(line) or "«" in line or _DIGIT.search(line):
        return False
    parts = [p for p in _CRUMB_SEPARATORS.split(line) if p]
    if len(parts) < 2 or any(len(p.split()) > 3 for p in parts):
        return False
    return _norm_key(parts[0]) in _HOME_KEYS or bool(_CRUMB_ONLY.search(line))


def _is_byline(line: str, key: str, words: list[str]) -> bool:
    """ "كتب: فريق التحرير", "بقلم محمد علي", "الأيام السورية؛ قسم الأخبار": a credit, not a sentence."""
    if len(words) > 7 or _ends_sentence(line):
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
    if len(words) > 8 or _ends_sentence(line):
        return False
    if "°" in line or "℃" in line:
        return len(words) <= 4
    if not re.search(r"\d", line) or not _CURRENCY.search(line):
        return False
    # Besides numbers and currency names a ticker has at most a nationality or two ("ليرة تركية / يورو").
    others = [normalize(w) for w in _WORD.findall(_CURRENCY.sub(" ", line)) if not w.isdigit()]
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
    return not line.rstrip(_CLOSERS).endswith((".", "؟", "!"))


def _is_date_line(line: str) -> bool:
    """A line that is only a full date (and maybe a time or "نشر في"), as datelines and page headers are."""
    if len(line.split()) > 14 or not _DIGIT.search(line):
        return False  # a day-precise date has a day number, and little else fits on a date line
    mentions = [m for m in find_absolute(line) if m.precision == "day"]
    if not mentions:
        return False
    rest = line
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: m.start] + rest[m.end :]
    leftover = _norm_key(rest).split()
    return all(w in _DATE_LINE_WORDS for w in leftover)


def _mark_related_links(lines: list[str], kinds: list[str]) -> None:
    """Under "اقرأ أيضاً" / "الأكثر قراءة" the lines of the same block are other articles' headlines."""
    for i, line in enumerate(lines):
        if kinds[i] != "chrome" or _norm_key(line).rstrip() not in _RELATED_KEYS:
            continue
        for j in range(i + 1, len(lines)):
            if kinds[j] == "blank" or (
                kinds[j] == "text" and (_ends_sentence(lines[j]) or len(lines[j].split()) > 15)
            ):
                break
            kinds[j] = "chrome"


def _mark_masthead(lines: list[str], kinds: list[str]) -> None:
    """A short outlet name ("شبكة الشمال الإخبارية") printed above the headline is the masthead."""
    texts = [i for i, k in enumerate(kinds) if k == "text"][:2]
    if len(texts) < 2 or any(k == "text" for k in kinds[: texts[0]]):
        return
    name, headline = lines[texts[0]], lines[texts[1]]
    if len(name.split()) > 4 or _ends_sentence(name) or ":" in name or not _MASTHEAD.search(name):
        return
    # The line below must read as the headline: longer, unfinished, and not a dateline.
    if len(headline.split()) <= len(name.split()) or _ends_sentence(headline) or find_absolute(headline):
        return
    kinds[texts[0]] = "chrome"


def _mark_header_date(lines: list[str], kinds: list[str]) -> None:
    """A date alone above everything else is the site header's "today" when widgets or another date follow it."""
    indices = [i for i, k in enumerate(kinds) if k != "blank"]
    texts = [i for i in indices if kinds[i] == "text"]
    if not texts or not _is_date_line(lines[texts[0]]):
        return
    indices = indices[indices.index(texts[0]) :]
    rest = indices[1:31]
    followed_by_chrome = bool(rest) and kinds[rest[0]] == "chrome"
    another_date = any(kinds[i] == "text" and _is_date_line(lines[i]) for i in rest)
    if followed_by_chrome or another_date:
        kinds[indices[0]] = "chrome"


def _mark_duplicate_captions(lines: list[str], kinds: list[str]) -> None:
    """An image caption is often printed twice (alt text and caption); the repeated short line is chrome."""
    text_rows = [i for i, k in enumerate(kinds) if k != "blank"]
    for a, b in zip(text_rows, text_rows[1:], strict=False):
        line = lines[a]
        if lines[b] == line and len(line.split()) <= 12 and not _ends_sentence(line):
            kinds[a] = kinds[b] = "chrome"


def _paragraphs(lines: list[str], kinds: list[str]) -> list[str]:
    paragraphs: list[list[str]] = []
    open_block = False  # whether the previous text line may continue into the next one
    starts_block = True  # whether the current paragraph's last line began a block
    for line, kind in zip(lines, kinds, strict=True):
        if kind != "text":
            open_block = False
            continue
        if open_block and _continues(paragraphs[-1][-1], line, starts_block):
            paragraphs[-1].append(line)
            starts_block = False
        else:
            paragraphs.append([line])
            starts_block = True
        open_block = True
    return [_tidy(" ".join(p)) for p in paragraphs]


def _continues(prev: str, line: str, prev_starts_block: bool) -> bool:
    """Whether a line break between two text lines is a hard wrap inside a sentence rather than a paragraph break."""
    if _ends_sentence(prev) or _BULLET.match(line) or _is_date_line(prev) or _is_date_line(line):
        return False
    last_word = normalize(prev.split()[-1])
    if (
        prev.endswith(("،", ",", "؛", ";", "-", "–"))
        or _unbalanced(prev)
        or last_word in _FUNCTION_WORDS
        or len(prev.split()) == 1
    ):
        return True
    if prev[-1].isdigit() and find_absolute(f"{prev.split()[-1]} {line}"):
        return True
    # A short unpunctuated line that opens a block and is followed by a whole paragraph is a subheading.
    looks_like_heading = prev_starts_block and _ends_sentence(line) and len(line) > 1.5 * len(prev)
    return not looks_like_heading


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _unbalanced(line: str) -> bool:
    pairs = (("“", "”"), ("«", "»"), ("(", ")"))
    return any(line.count(a) > line.count(b) for a, b in pairs) or line.count('"') % 2 == 1


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return _tidy(_normalize_chars(title)) or None


def _find_title(paragraphs: list[str]) -> str | None:
    """The headline: the first paragraph that is not a date line, if it is short and not a finished sentence."""
    for paragraph in paragraphs[:3]:
        if _is_date_line(paragraph):
            continue
        short = len(paragraph) <= 200 and len(paragraph.split()) <= 25
        return paragraph if short and not paragraph.rstrip(_CLOSERS).endswith(".") else None
    return None
