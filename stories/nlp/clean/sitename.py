"""The site's own name where a page prints it outside the article: the <title> beside the headline ("headline |
X"), the copyright line ("جميع الحقوق محفوظة © X 2024"), the logo. Shapes news sites generally use."""

from __future__ import annotations

import html
import re

from .. import vocab
from .text import norm_key, tidy

_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:»]{1,2}\s+")
# The phrase takes the preposition after it: "محفوظة لـ X", "محفوظة لشبكة X".
_COPYRIGHT = re.compile(rf"(?:{vocab.alternation('copyright_phrases')})(?:\s*لـ?(?=\w))?", re.IGNORECASE)
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)")
_SITE_WORDS = frozenset(vocab.entries("site_words"))
_LOGO = re.compile(
    r"<(\w+)\b[^>]*class\s*=\s*[\"'][^\"']*\b(?:logo|site-name|site-title|brand)\b[^\"']*[\"'][^>]*>(.*?)</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_MAX_WORDS = 5
_COPYRIGHT_WORDS = 14


def title_site(raw_html: str, headline: str | None) -> str | None:
    """ "headline | X" or "X - headline" in the page's <title>: the part that is not the headline."""
    found = _TITLE.search(raw_html)
    if not found or not headline:
        return None
    parts = [tidy(p) for p in _TITLE_SEPARATOR.split(_text(found.group(1)))]
    if len(parts) < 2:
        return None
    want = norm_key(headline)
    if norm_key(" ".join(parts[:-1])) == want:
        return _short(parts[-1])
    if norm_key(" ".join(parts[1:])) == want:
        return _short(parts[0])
    return None


def copyright_outlet(lines: list[str]) -> str | None:
    """The site a copyright line names, read from the last such line (the page's footer)."""
    for line in reversed(lines):
        if len(line.split()) > _COPYRIGHT_WORDS or ("©" not in line and not _COPYRIGHT.search(line)):
            continue
        rest = _YEARS.sub(" ", _COPYRIGHT.sub(" ", line.replace("©", " ")))
        words = [w for w in re.sub(r"[^\w\s]", " ", rest).split() if w not in _SITE_WORDS]
        while words and words[0].startswith("لـ"):
            words[0] = words[0][2:]
        name = " ".join(w for w in words if w)
        found = _short(name)
        if found:
            return found
    return None


def logo_site(raw_html: str) -> str | None:
    """The text of the element a page marks as its logo or site name."""
    found = _LOGO.search(raw_html)
    return _short(tidy(_text(found.group(2)))) if found else None


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def _short(name: str) -> str | None:
    name = tidy(name).strip(" -–—|،,.")
    return name if name and 1 <= len(name.split()) <= _MAX_WORDS and not re.search(r"\d", name) else None
