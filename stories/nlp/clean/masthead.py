"""The masthead above a headline: the outlet's name alone ("صدى البلد"), beside its desk ("X | اقتصاد", "X — عربي")
or beside the site's sections ("X | الرئيسية | أخبار"), as Arabic news pages print it. The lines that sit between
it and the headline (today's date, the section bar) are the site's header too.
"""

from __future__ import annotations

import re

from .. import vocab
from ..dateline import find_absolute
from .blocks import MASTHEAD
from .chrome import SECTION_KEYS
from .pubdate import meta_date
from .text import CLOSERS, ends_sentence, is_date_line, norm_key

# A masthead's parts: bars, or a spaced em/en dash ("أنباء البلد — عربي"); a hyphen is a headline's own dash.
_PARTS = re.compile(r"\s*\|\s*|\s+[—–]\s+")
_CREDIT_OR_COPYRIGHT = re.compile(
    rf"^\W*(?:{vocab.alternation('source_credit_words')})\s*:|{vocab.alternation('copyright_phrases')}"
)
_NAME_WORDS = 4
_DESK_WORDS = 3
_HEADLINE_WORDS = 25
_HEADER_LINES = 4  # date widget, weather, section bar: what a header holds between masthead and headline
_ECHO_WORDS = 10  # a byline, credit or footer that repeats the outlet's name is a short line


def page_masthead(lines: list[str], kinds: list[str]) -> str | None:
    """Mark the masthead (and the header lines under it) as chrome and return the outlet's name, if the page
    opens with one above its headline."""
    texts = [i for i, k in enumerate(kinds) if k == "text"]
    while texts and is_date_line(lines[texts[0]]):  # the site header's "today" above everything
        texts = texts[1:]
    if len(texts) < 2:
        return None
    top = texts[0]
    head, header = _headline_after(lines, kinds, top)
    if head is None:
        return None
    line, headline = lines[top], lines[head]
    # A headline may ask or exclaim ("…؟"), but a full stop or a colon ends a sentence or a label.
    finished = headline.rstrip(CLOSERS).rstrip().endswith((".", ":", "…"))
    if finished or is_date_line(headline) or len(headline.split()) > _HEADLINE_WORDS:
        return None
    name = _named(line, lines, kinds, top, head, header)
    if name is None or len(headline.split()) <= max(len(name.split()), 2):
        return None
    for i in [top, *header]:
        kinds[i] = "chrome"
    return name


def _headline_after(lines: list[str], kinds: list[str], top: int) -> tuple[int | None, list[int]]:
    """The first line under ``top`` that is not header furniture, and the furniture text lines passed."""
    header: list[int] = []
    for i in range(top + 1, len(lines)):
        if kinds[i] != "text":
            continue
        if len(header) < _HEADER_LINES and (is_date_line(lines[i]) or _section_bar(lines[i])):
            header.append(i)
            continue
        return i, header
    return None, header


def _section_bar(line: str) -> bool:
    """ "الجمعة 7 نوفمبر 2025 | الرئيسية | وطني": a header bar of dates and section links."""
    parts = [p for p in _PARTS.split(line) if p.strip()]
    return len(parts) >= 2 and all(_is_section(p) or is_date_line(p) for p in parts)


def _named(
    line: str, lines: list[str], kinds: list[str], top: int, head: int, header: list[int]
) -> str | None:
    """The outlet a first line names: the non-section part of a barred or dashed masthead, or the whole short
    line when an outlet noun, the header furniture under it, an echo elsewhere or the headline's byline says so."""
    if ends_sentence(line) or "«" in line or '"' in line:
        return None
    parts = [p.strip() for p in _PARTS.split(line) if p.strip()]
    if len(parts) >= 2:
        return _from_parts(parts, bars="|" in line, echoed=_echoed(parts[0], lines, kinds, top))
    if ":" in line or find_absolute(line) or not 1 <= len(line.split()) <= _NAME_WORDS:
        return None
    # a widget or section bar between it and the headline; a bare date there may be the headline's own
    furnished = any(kinds[i] == "chrome" for i in range(top + 1, head)) or any(
        _section_bar(lines[i]) for i in header
    )
    if (
        MASTHEAD.search(line)
        or furnished
        or _echoed(line, lines, kinds, top)
        or _byline_under(lines, kinds, head)
    ):
        return line.strip()
    return None


def _from_parts(parts: list[str], *, bars: bool, echoed: bool) -> str | None:
    """The outlet among a masthead's parts: the one that is neither a section nor a date. With no known section
    beside it, a single bar and a short desk still make a masthead ("X | قسم"); a dash needs the name known."""
    sections = [p for p in parts if _is_section(p)]
    dated = [p for p in parts if find_absolute(p)]
    names = [_undated(p) for p in parts if not _is_section(p)]
    names = [n for n in names if n]
    if len(names) == 2 and not sections and not dated and len(parts) == 2:
        name, desk = names
        short = len(desk.split()) <= _DESK_WORDS
        if not (short and (bars or echoed or MASTHEAD.search(name))):
            return None
        names = [name]
    elif not sections:
        return None  # "X | date" is a byline, not a masthead
    if len(names) != 1 or not 1 <= len(names[0].split()) <= _NAME_WORDS or ":" in names[0]:
        return None
    return names[0]


def _undated(part: str) -> str:
    """A part with any date in it cut out ("وكالة X الجمعة 7 نوفمبر 2025" → "وكالة X")."""
    for m in sorted(find_absolute(part), key=lambda m: -m.start):
        part = part[: m.start] + part[m.end :]
    return " ".join(part.split()) if norm_key(part) else ""


def _is_section(part: str) -> bool:
    return norm_key(part) in SECTION_KEYS


def _echoed(name: str, lines: list[str], kinds: list[str], top: int) -> bool:
    """Whether a dated byline, a credit or the copyright footer repeats the name (a tag line or a caption that
    repeats a short headline does not count)."""
    key = f" {norm_key(name)} "
    return any(
        i != top
        and kinds[i] != "blank"
        and len(line.split()) <= _ECHO_WORDS
        and key in f" {norm_key(line)} "
        and ("©" in line or _CREDIT_OR_COPYRIGHT.search(line) or find_absolute(line))
        for i, line in enumerate(lines)
    )


def _byline_under(lines: list[str], kinds: list[str], head: int) -> bool:
    """Whether the line under the headline is its byline or date line: then the line above it is no deck."""
    below = next((i for i in range(head + 1, len(lines)) if kinds[i] != "blank"), None)
    return below is not None and meta_date(lines[below]) is not None
