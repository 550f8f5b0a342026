"""The article's publication date as the page prints it: the byline or dateline beside the headline, then a date in
the first paragraph, then a line labelled as the publication date ("نشر بتاريخ:", "المصدر: X - date"). A date the
page's chrome carries (today's date widget at the top, "آخر تحديث", a copyright line, a related-articles block) is
never taken: when only chrome dates remain the date is left empty rather than wrong.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime

from .. import vocab
from ..dateline import full_dates, weekday_dates
from .text import ends_sentence, norm_key

_META_WORDS = 16  # a byline or dateline is a short line
_ZONE = 3  # lines after the headline where its byline sits
# Lines whose date is the page's, not the article's: update stamps, copyright lines, weather, breaking tickers.
_CHROME_DATE_KEYS = tuple(norm_key(w) for w in vocab.entries("chrome_date_words"))
_LABEL = re.compile(rf"^\W*(?:{vocab.alternation('publish_labels')})", re.IGNORECASE)
_PARAGRAPH_CUE = re.compile(rf"(?:{vocab.alternation('date_cue_words')})\s*[:،,]?\s*$")
_DATELINE_WORDS = (
    4  # words before a date at a paragraph's start that make it a dateline ("دمشق، 15 أيار 2023")
)

Found = tuple[datetime | None, bool]


def page_published(lines: list[str], kinds: list[str], title: str | None, paragraphs: list[str]) -> Found:
    """The publication date of a page given as tidied lines with their kinds ("text", "chrome", "blank")."""
    head = _headline_index(lines, kinds, title)
    if head is not None:
        found = _beside_headline(lines, kinds, head)
        if found[0] is not None:
            return found
    found = first_paragraph_date(paragraphs, title)
    if found[0] is not None:
        return found
    return labelled_date(lines)


def _headline_index(lines: list[str], kinds: list[str], title: str | None) -> int | None:
    texts = [i for i, k in enumerate(kinds) if k == "text"]
    if title:
        want = norm_key(title)
        for i in texts:
            if norm_key(lines[i]) == want:
                return i
    return texts[0] if texts and not meta_date(lines[texts[0]]) else None


def meta_date(line: str) -> tuple[datetime, bool] | None:
    """The date of a short meta line (a byline, dateline or date line), unless it is the page's own stamp."""
    if len(line.split()) > _META_WORDS or ends_sentence(line) or "©" in line or "°" in line:
        return None
    key = norm_key(line)
    if any(word in key for word in _CHROME_DATE_KEYS):
        return None
    dates = full_dates(line)
    return (dates[0][2], dates[0][3]) if dates else None


def _beside_headline(lines: list[str], kinds: list[str], head: int) -> Found:
    """A dated meta line just under the headline. A bare date above the headline is left alone: it is as often
    the site header's "today" as the article's date."""
    seen = 0
    for i in range(head + 1, len(lines)):
        if kinds[i] == "blank":
            continue
        found = meta_date(lines[i])
        if found:
            return found
        seen += 1
        if seen >= _ZONE or (
            kinds[i] == "text" and (len(lines[i].split()) > _META_WORDS or ends_sentence(lines[i]))
        ):
            break
    return None, False


def first_paragraph_date(paragraphs: list[str], title: str | None) -> Found:
    """A full date in the first paragraph: at its start (a dateline), with its weekday ("يوم الأحد 13 تشرين الأول
    2024") or after a cue ("بتاريخ"). A weekday and day without a year count when one year the text names (or the
    year after it) has that day on that weekday."""
    body = [p for p in paragraphs if p != title and (len(p.split()) > _META_WORDS or ends_sentence(p))]
    if not body:
        return None, False
    first = body[0]
    for start, _end, value, has_time, weekday in full_dates(first, with_weekday=True):
        before = first[:start]
        if len(before.split()) <= _DATELINE_WORDS or weekday or _PARAGRAPH_CUE.search(before):
            return value, has_time
    years = {int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", "\n".join(paragraphs))}
    for day in weekday_dates(first):
        fits = [y for y in sorted(years | {y + 1 for y in years}) if _weekday_fits(y, day)]
        if len(fits) == 1:
            return datetime(fits[0], day[1], day[2]), False
    return None, False


def _weekday_fits(year: int, day: tuple[int, int, int]) -> bool:
    weekday, month, number = day
    try:
        return date(year, month, number).weekday() == weekday
    except ValueError:
        return False


def declared(raw_html: str, value: datetime) -> bool:
    """Whether the page declares ``value`` in its metadata (a meta tag, a <time datetime>, JSON-LD), rather than
    a date-extractor finding it in the page's visible chrome."""
    day = re.escape(value.strftime("%Y-%m-%d"))
    # A <time> counts under the headline only: above it, it is the site header's "today".
    headline = re.search(r"<h1\b", raw_html, re.IGNORECASE)
    below = raw_html[headline.start() :] if headline else ""
    return bool(
        re.search(rf"<meta\b[^>]*content\s*=\s*[\"']\s*{day}", raw_html, re.IGNORECASE)
        or re.search(rf"\"date(?:Published|Created)\"\s*:\s*\"{day}", raw_html)
        or re.search(rf"<time\b[^>]*datetime\s*=\s*[\"']\s*{day}", below, re.IGNORECASE)
    )


_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BLOCK = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|header|footer|article|section|aside|nav|main|figure"
    r"|figcaption|blockquote|time|title|body|html|head|form|dl|dt|dd|hr)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]+>")


def html_lines(raw_html: str) -> str:
    """The visible text of a whole page, one line per block element, for finding its byline and chrome."""
    body = re.search(r"<body\b", raw_html, re.IGNORECASE)  # the <title> is not a line of the page
    text = _BLOCK.sub("\n", _DROP.sub(" ", raw_html[body.start() :] if body else raw_html))
    return html.unescape(_TAG.sub(" ", text))


_ARTICLE = re.compile(r"<(article|main)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def article_lines(raw_html: str) -> str:
    """The lines of the page's <article> (else <main>, else the whole body): the text when an extractor returns
    a short page as one run-on line."""
    found = _ARTICLE.search(raw_html)
    return html_lines(found.group(0) if found else raw_html)


def labelled_date(lines: list[str]) -> Found:
    """A line anywhere that labels its date as the publication's ("نشر بتاريخ:", "المصدر: X - 09/09/2024")."""
    for line in lines:
        if _LABEL.match(line):
            found = meta_date(line)
            if found:
                return found
    return None, False
