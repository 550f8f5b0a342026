"""The claim tracker's word lists and the indices built from them, with the light clitic stripper they are
looked up through; the lists live in ``data/track_*.txt``, ``antonyms.txt``, ``synonyms.txt``,
``exclusive_sets.txt`` and ``country_nisbas.txt``.
"""

from __future__ import annotations

from functools import lru_cache

from .. import vocab
from ..camel import normalize

_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "يه", "ه", "ي", "ا")

STOPWORDS = vocab.words("track_stopwords")
NEGATIONS = vocab.words("track_negations")
DENIALS = vocab.words("track_denial_words")
DOUBTS = vocab.words("track_doubt_words")
POLARITY_VERBS = vocab.words("track_polarity_verbs")
REPORTING = vocab.words("track_reporting_words")
MEDIA = vocab.words("track_media_nouns")
BACKREFS = vocab.words("track_backrefs")
# Already in normalised spelling: they are searched for in a normalised text.
DENIAL_PHRASES = vocab.entries("track_denial_phrases")


def _antonym_index() -> dict[str, set[tuple[int, int]]]:
    """Word -> the (pair, side) of every antonym pair it belongs to; side 0 or 1 ("3a" is pair 3, side 0)."""
    index: dict[str, set[tuple[int, int]]] = {}
    for word, pair in vocab.pairs("antonyms"):
        index.setdefault(normalize(word), set()).add((int(pair[:-1]), "ab".index(pair[-1])))
    return index


ANTONYMS = _antonym_index()
SYNONYMS = {normalize(w): {("syn", int(g))} for w, g in vocab.pairs("synonyms")}
EXCLUSIVE = {normalize(w): (int(g), normalize(w)) for w, g in vocab.pairs("exclusive_sets")}
COUNTRIES = {normalize(w): country for w, country in vocab.pairs("country_nisbas")}


@lru_cache(maxsize=65536)
def strip_clitics(token: str) -> tuple[str, str]:
    """(token without proclitics, light stem); Arabic morphology analysers are too slow for per-pair use."""
    bare = token
    for p in _PREFIXES:
        if token.startswith(p) and len(token) - len(p) >= 3:
            bare = token[len(p) :]
            break
    stem = bare
    for s in _SUFFIXES:
        if bare.endswith(s) and len(bare) - len(s) >= 3:
            stem = bare[: -len(s)]
            break
    return bare, stem


def lookup(index: dict, token: str, bare: str, stem: str):
    for form in (token, bare, stem, "ا" + bare[1:] if bare[:1] in "يتن" else ""):
        if form in index:
            return index[form]
    return None
