"""Sentence splitting for cleaned Arabic news text: spans into the text, trimmed, list items kept apart."""

from __future__ import annotations

import re

from .types import Sentence

# A list marker at the start of a line: "1/ ", "2- ", "١. ", "3) ", "- ", "• ".
LIST_MARKER = re.compile(r"(?m)^[ \t]*(?:[0-9\u0660-\u0669\u06f0-\u06f9]{1,2}[/.\-–)]|[-•*–])[ \t]+")

_TERMINATORS = ".!?؟؛…"
_CLOSERS = "\"'”’»)]}"
# A lone letter ("د." doctor, "م." AD, "U.S.") or a short Latin title ("Mr.", "Dr.") before a dot is an
# abbreviation; Arabic two-letter words ("به.", "له.") do end sentences, so they are not included.
_ABBREVIATION = re.compile(r"(?m)(?:^|[\s(«\"“.])(?:[^\W\d_]|[A-Z][a-z]{1,2})$")
_DIGITS = "0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split on sentence punctuation and line breaks; decimals, abbreviations and list markers don't split."""
    spans: list[Sentence] = []
    for line_start, line_end in _lines(text):
        spans.extend(_split_line(text, line_start, line_end))
    return tuple(spans)


def _lines(text: str):
    """Each line is a paragraph: the cleaner has already joined hard-wrapped lines."""
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _split_line(text: str, start: int, end: int) -> list[Sentence]:
    out: list[Sentence] = []
    marker = LIST_MARKER.match(text, start, end) if start < end else None
    # The list marker's own dot ("١.") is no sentence end.
    i = marker.end() if marker else start
    piece_start = start
    while i < end:
        ch = text[i]
        if ch in _TERMINATORS and _is_boundary(text, i, start, end):
            j = i + 1
            while j < end and (text[j] in _TERMINATORS or text[j] in _CLOSERS):
                j += 1
            _append(out, text, piece_start, j)
            piece_start = i = j
            continue
        i += 1
    _append(out, text, piece_start, end)
    return out


def _is_boundary(text: str, i: int, line_start: int, line_end: int) -> bool:
    if text[i] != ".":
        return True
    before = text[i - 1] if i > line_start else ""
    after = text[i + 1] if i + 1 < line_end else ""
    if before in _DIGITS and after in _DIGITS:
        return False  # decimal or date "34.79", "1.3.2020"
    if after and after not in " \t" + _CLOSERS + _TERMINATORS:
        return False  # "U.S", "example.com"
    return not _ABBREVIATION.search(text, line_start, i) or before in _DIGITS


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and any(ch.isalnum() for ch in text[start:end]):
        out.append(Sentence(start, end))
