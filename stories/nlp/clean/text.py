"""Line helpers shared by the cleaner's rules: character tidying, the normalised key lines are compared by,
sentence ends, and date lines."""

from __future__ import annotations

import re
import unicodedata

from .. import vocab
from ..camel import normalize
from ..dateline import find_absolute

# Invisible characters that break matching: tatweel, zero-width joiners/spaces, bidi controls, soft hyphen.
_INVISIBLE = re.compile("[\u0640\u200b-\u200d\ufeff\u2060\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u00ad]")
_SPACES = re.compile(r"[^\S\n]+")
_SENTENCE_END = ".!?؟:…"
CLOSERS = "\"'”’»)]}"
WORD = re.compile(r"\w+")
DIGIT = re.compile(r"\d")
# What a date line may hold besides the date, as norm_key writes it.
_DATE_LINE_WORDS = frozenset(vocab.entries("date_line_words"))


def norm_key(text: str) -> str:
    return " ".join(WORD.findall(normalize(text).lower()))


def normalize_chars(text: str) -> str:
    # NFKC folds Arabic presentation forms (U+FB50-FEFF) to the base letters and NBSP to a space.
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _INVISIBLE.sub("", text)


def tidy(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def is_date_line(line: str) -> bool:
    """A line that is only a full date (and maybe a time or "نشر في"), as datelines and page headers are."""
    if len(line.split()) > 14 or not DIGIT.search(line):
        return False  # a day-precise date has a day number, and little else fits on a date line
    mentions = [m for m in find_absolute(line) if m.precision == "day"]
    if not mentions:
        return False
    rest = line
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: m.start] + rest[m.end :]
    leftover = norm_key(rest).split()
    return all(w in _DATE_LINE_WORDS for w in leftover)


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END
