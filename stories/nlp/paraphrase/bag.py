"""One text's features that do not depend on the other side of a pair: its content stems with their senses,
numbers, antonym sides, countries, and the negation, denial, doubt and attribution flags."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..camel import normalize
from .words import (
    ANTONYMS,
    BACKREFS,
    COUNTRIES,
    DENIAL_PHRASES,
    DENIALS,
    DOUBTS,
    EXCLUSIVE,
    MEDIA,
    NEGATIONS,
    POLARITY_VERBS,
    REPORTING,
    STOPWORDS,
    SYNONYMS,
    lookup,
    strip_clitics,
)

_WORD = re.compile(r"[\u0621-\u064a]+|\d+(?:[.,]\d+)?")
_DIGIT_MAP = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")


@dataclass(frozen=True)
class Token:
    stem: str
    senses: frozenset  # antonym sides and synonym groups the word belongs to


@dataclass(frozen=True)
class Bag:
    """One text's features that do not depend on the other side of the pair."""

    stems: tuple[Token, ...]  # content words, in order
    nums: frozenset[str]
    antonyms: frozenset[tuple[int, int]]
    exclusive: frozenset[tuple[int, str]]
    countries: frozenset[int]
    negations: int
    polarity: int
    denial: bool
    doubt: bool
    reporting: bool
    media: bool
    backref: bool
    question: bool
    grams: frozenset[str]


def bag(raw: str) -> Bag:
    text = normalize(raw.translate(_DIGIT_MAP))
    tokens = _WORD.findall(text)
    stems: list[Token] = []
    nums: set[str] = set()
    antonyms: set[tuple[int, int]] = set()
    exclusive: set[tuple[int, str]] = set()
    countries: set[int] = set()
    flags = {
        "neg": 0,
        "pol": 0,
        "deny": False,
        "doubt": False,
        "report": False,
        "media": False,
        "back": False,
    }
    for tok in tokens:
        if tok[0].isdigit():
            nums.add(tok.replace(",", "."))
            continue
        bare, stem = strip_clitics(tok)
        _flag(flags, tok, bare)
        senses = lookup(ANTONYMS, tok, bare, stem) or set()
        antonyms |= senses
        hit = lookup(EXCLUSIVE, tok, bare, stem)
        if hit:
            exclusive.add(hit)
        country = lookup(COUNTRIES, tok, bare, stem)
        if country is not None:
            countries.add(country)
        if tok not in STOPWORDS and bare not in STOPWORDS and len(stem) > 1:
            synonyms = lookup(SYNONYMS, tok, bare, stem) or set()
            stems.append(Token(stem, frozenset(senses | synonyms)))
    flags["deny"] = flags["deny"] or any(p in text for p in DENIAL_PHRASES)
    joined = "".join(t.stem for t in stems)
    return Bag(
        stems=tuple(stems),
        nums=frozenset(nums),
        antonyms=frozenset(antonyms),
        exclusive=frozenset(exclusive),
        countries=frozenset(countries),
        negations=flags["neg"],
        polarity=flags["pol"],
        denial=flags["deny"],
        doubt=flags["doubt"],
        reporting=flags["report"],
        media=flags["media"],
        backref=flags["back"],
        question="?" in raw or "؟" in raw or text.startswith("هل "),
        grams=frozenset(joined[i : i + 3] for i in range(len(joined) - 2)),
    )


def _flag(flags: dict, tok: str, bare: str) -> None:
    if tok in NEGATIONS:
        flags["neg"] += 1
    if tok in POLARITY_VERBS or bare in POLARITY_VERBS:
        flags["pol"] += 1
    if tok in DENIALS or bare in DENIALS:
        flags["deny"] = True
    if tok in DOUBTS or bare in DOUBTS:
        flags["doubt"] = True
    if tok in REPORTING or bare in REPORTING:
        flags["report"] = True
    if tok in MEDIA or bare in MEDIA:
        flags["media"] = True
    if tok in BACKREFS or bare in BACKREFS:
        flags["back"] = True
