"""Chrome that only its neighbours reveal (related-link blocks, a ticker, a header date, doubled captions),
and the joining of hard-wrapped lines into paragraphs."""

from __future__ import annotations

import re

from .. import vocab
from ..camel import normalize
from ..dateline import find_absolute
from .chrome import RELATED_KEYS
from .text import ends_sentence, is_date_line, norm_key, tidy

_BULLET = re.compile(r"^(?:[-–—•*▪●]|\d{1,2}\s*[/.)\-])\s*")
# Outlet words that make a short first line a masthead ("شبكة الشمال الإخبارية"), not a headline.
MASTHEAD = re.compile(
    rf"(?<!\w)(?:{vocab.alternation('masthead_outlet_nouns')})(?!\w)"
    rf"|(?:{vocab.alternation('masthead_outlet_suffixes')})(?!\w)",
    re.IGNORECASE,
)

_META_LABEL = re.compile(rf"^\W*(?:{vocab.alternation('publish_labels')})(?:\s+\w+)?\s*:", re.IGNORECASE)
# A hard-wrapped line ending in one of these continues into the next line.
_FUNCTION_WORDS = vocab.words("wrap_function_words")


def mark_related_links(lines: list[str], kinds: list[str]) -> None:
    """Under "اقرأ أيضاً" / "الأكثر قراءة" the lines of the same block are other articles' headlines."""
    for i, line in enumerate(lines):
        if kinds[i] != "chrome" or norm_key(line).rstrip() not in RELATED_KEYS:
            continue
        for j in range(i + 1, len(lines)):
            if kinds[j] == "blank" or (
                kinds[j] == "text" and (ends_sentence(lines[j]) or len(lines[j].split()) > 15)
            ):
                break
            kinds[j] = "chrome"


def mark_dated_lists(lines: list[str], kinds: list[str]) -> None:
    """Two or more short lines in a row, each a headline ending in its date ("افتتاح جسر جديد - 3 أيار 2019"):
    a list of other articles, even without a "related" heading above it."""
    run: list[int] = []
    for i, kind in enumerate([*kinds, "blank"]):
        if kind == "blank" and i < len(kinds):
            continue
        if kind == "text" and _dated_item(lines[i]):
            run.append(i)
            continue
        if len(run) >= 2:
            for j in run:
                kinds[j] = "chrome"
        run = []


def _dated_item(line: str) -> bool:
    words = line.split()
    if len(words) > 15 or len(words) < 3 or ends_sentence(line):
        return False
    dates = [m for m in find_absolute(line) if m.precision == "day"]
    return (
        bool(dates)
        and dates[-1].end >= len(line.rstrip(" )"))
        and bool(re.search(r"[-–—|]\s*$", line[: dates[-1].start]))
    )


def top_texts(lines: list[str], kinds: list[str]) -> list[int]:
    """The first two text lines of a page, past a date line above everything (the site header's "today")."""
    texts = [i for i, k in enumerate(kinds) if k == "text"][:3]
    if texts and is_date_line(lines[texts[0]]):
        texts = texts[1:]
    return texts[:2]


_TICKER = re.compile(rf"^\W*(?:{vocab.alternation('ticker_words')})\s*[:|\-–]")


def mark_ticker(lines: list[str], kinds: list[str]) -> None:
    """A "عاجل: …" line above the headline is the site's breaking-news ticker, not the article's headline."""
    texts = top_texts(lines, kinds)
    if len(texts) == 2 and _TICKER.match(lines[texts[0]]):
        headline = lines[texts[1]]
        if not ends_sentence(headline) and len(headline.split()) <= 25:
            kinds[texts[0]] = "chrome"


def mark_header_date(lines: list[str], kinds: list[str]) -> None:
    """A date alone above everything else is the site header's "today" when widgets or another date follow it."""
    indices = [i for i, k in enumerate(kinds) if k != "blank"]
    texts = [i for i in indices if kinds[i] == "text"]
    if not texts or not is_date_line(lines[texts[0]]):
        return
    indices = indices[indices.index(texts[0]) :]
    rest = indices[1:31]
    followed_by_chrome = bool(rest) and kinds[rest[0]] == "chrome"
    another_date = any(kinds[i] == "text" and is_date_line(lines[i]) for i in rest)
    if followed_by_chrome or another_date:
        kinds[indices[0]] = "chrome"


def mark_duplicate_captions(lines: list[str], kinds: list[str]) -> None:
    """An image caption is often printed twice (alt text and caption); the repeated short line is chrome."""
    text_rows = [i for i, k in enumerate(kinds) if k != "blank"]
    for a, b in zip(text_rows, text_rows[1:], strict=False):
        line = lines[a]
        if lines[b] == line and len(line.split()) <= 12 and not ends_sentence(line):
            kinds[a] = kinds[b] = "chrome"


def join_paragraphs(lines: list[str], kinds: list[str]) -> list[str]:
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
    return [tidy(" ".join(p)) for p in paragraphs]


def _continues(prev: str, line: str, prev_starts_block: bool) -> bool:
    """Whether a line break between two text lines is a hard wrap inside a sentence rather than a paragraph break."""
    if ends_sentence(prev) or _BULLET.match(line) or is_date_line(prev) or is_date_line(line):
        return False
    if _META_LABEL.match(line) or _META_LABEL.match(prev):
        return False  # "نشر بتاريخ: … | المصدر: …" under a headline is a line of its own
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
    looks_like_heading = prev_starts_block and ends_sentence(line) and len(line) > 1.5 * len(prev)
    return not looks_like_heading


def _unbalanced(line: str) -> bool:
    pairs = (("“", "”"), ("«", "»"), ("(", ")"))
    return any(line.count(a) > line.count(b) for a, b in pairs) or line.count('"') % 2 == 1
