"""Clean an uploaded article: main text out of HTML, Unicode tidied, page chrome dropped, hard-wrapped lines joined.

The chrome rules describe what news sites generally put around an article (tickers, share bars, comment
forms, "read also" links); nothing here is specific to one outlet or story.
"""

from __future__ import annotations

import re
from datetime import datetime

import trafilatura

from ..types import Cleaned
from .blocks import (
    MASTHEAD,
    join_paragraphs,
    mark_dated_lists,
    mark_duplicate_captions,
    mark_header_date,
    mark_related_links,
    mark_ticker,
)
from .chrome import cut_inline_chrome, line_kind
from .masthead import page_masthead
from .outlet import byline_outlet, credited_outlet, dateline_agency
from .pubdate import article_lines, declared, html_lines, page_published
from .sitename import copyright_outlet, logo_site, title_site
from .text import CLOSERS, is_date_line, norm_key, normalize_chars, tidy


def clean(raw: str, *, is_html: bool = False) -> Cleaned:
    """Main text of an article as paragraphs separated by blank lines, with its title and publication date."""
    meta_title, meta_date, meta_has_time, site = None, None, False, None
    body = raw
    if is_html:
        body, meta_title, meta_date, meta_has_time, site = _from_html(raw)
    lines = [tidy(line) for line in normalize_chars(body).split("\n")]
    lines, cuts = cut_inline_chrome(lines)
    kinds = [line_kind(line) for line in lines]
    mark_related_links(lines, kinds)
    mark_dated_lists(lines, kinds)
    mark_ticker(lines, kinds)
    masthead = page_masthead(lines, kinds)
    mark_header_date(lines, kinds)
    mark_duplicate_captions(lines, kinds)
    dropped = [(i, line) for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)) if kind == "chrome"]
    removed = [text for _, text in sorted(dropped + cuts, key=lambda item: item[0])]
    paragraphs = join_paragraphs(lines, kinds)
    text = "\n\n".join(paragraphs)
    title = _clean_title(meta_title) or _find_title(paragraphs)
    # An HTML page is also read whole, chrome included: its byline, footer and logo are outside the article text.
    page, page_kinds = _page_lines(html_lines(raw)) if is_html else (lines, kinds)
    if meta_date is not None and declared(raw, meta_date):
        published, has_time = meta_date, meta_has_time
    else:
        published, has_time = page_published(page, page_kinds, title, paragraphs)
    byline = _clean_site(byline_outlet(_from_headline(page, page_kinds, title) if is_html else paragraphs))
    chrome = (
        [line for line, kind in zip(page, page_kinds, strict=True) if kind == "chrome"]
        if is_html
        else removed
    )
    return Cleaned(
        text=text,
        title=title,
        published_at=published,
        published_has_time=has_time,
        removed=tuple(removed),
        site_name=_clean_site(site)
        or (_clean_site(title_site(raw, title)) if is_html else None)
        or _desk_credit_outlet(chrome)
        or _short_form(_clean_site(masthead), byline)
        or _clean_site(copyright_outlet(chrome))
        or (_clean_site(logo_site(raw)) if is_html else None)
        or _clean_site(credited_outlet(page))
        or byline,
    )


def _short_form(masthead: str | None, byline: str | None) -> str | None:
    """ "صحيفة الضفة" over a byline "الضفة - date": the page names itself without the kind of outlet it is."""
    if (
        masthead
        and byline
        and MASTHEAD.match(masthead)
        and norm_key(masthead).endswith(f" {norm_key(byline)}")
    ):
        return byline
    return masthead


def _from_headline(lines: list[str], kinds: list[str], title: str | None) -> list[str]:
    """A page's non-blank lines from its headline on, where a byline under it is read."""
    texts = [line for line, kind in zip(lines, kinds, strict=True) if kind != "blank"]
    want = norm_key(title or "")
    start = next((i for i, line in enumerate(texts) if norm_key(line) == want), 0)
    return texts[start:]


def _page_lines(text: str) -> tuple[list[str], list[str]]:
    """Lines of a whole page with their kinds, as the cleaner sees a plain-text page."""
    lines = [tidy(line) for line in normalize_chars(text).split("\n")]
    lines, _ = cut_inline_chrome(lines)
    kinds = [line_kind(line) for line in lines]
    mark_related_links(lines, kinds)
    mark_dated_lists(lines, kinds)
    mark_ticker(lines, kinds)
    mark_header_date(lines, kinds)
    return lines, kinds


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
    if text and "\n" not in text.strip():
        # A short page can come back as one run-on line, headline and byline included: read its blocks instead.
        blocks = article_lines(raw)
        if sum(1 for line in blocks.split("\n") if line.strip()) >= 3:
            text = blocks
    # trafilatura gives one block per line: each is a paragraph, not a hard wrap.
    body = "\n\n".join(line for line in (text or "").split("\n") if line.strip())
    title = doc.title if doc is not None else None
    published, has_time = _parse_meta_date(doc.date if doc is not None else None)
    return body, title, published, has_time, (doc.sitename if doc is not None else None)


_DESK_CREDIT = re.compile(
    r"^(?P<outlet>[^؛;:|\-–—]{2,40}?)\s*(?:[؛;:|]|\s[-–—])\s*(?:قسم|فريق|هيئة)\s+(?:الأخبار|التحرير)\s*$"
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


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return tidy(normalize_chars(title)) or None


def _find_title(paragraphs: list[str]) -> str | None:
    """The headline: the first paragraph that is not a date line, if it is short and not a finished sentence. An
    agency's lede ("بغداد (وكالة X) - …") printed above the headline is passed over."""
    for index, paragraph in enumerate(paragraphs[:3]):
        if is_date_line(paragraph) or (index == 0 and dateline_agency(paragraph)):
            continue
        short = len(paragraph) <= 200 and len(paragraph.split()) <= 25
        return paragraph if short and not paragraph.rstrip(CLOSERS).endswith(".") else None
    return None
