"""Lookups over the shared news vocabulary: clitic readings of a token, the article, and the world place list.

The word lists themselves live in ``data/`` and are read through ``vocab``; compare through ``vocab.words``
(camel normalisation) or ``stems``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from stories.nlp import camel, vocab

# Every attached prefix a noun or name can carry in news text (normalised spelling), outermost first:
# conjunction (و ف), then preposition (ب ل ك).
NOUN_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")

# --- Lookups ----------------------------------------------------------------------------------------------

_ALEF_LAM = re.compile(r"^(?:[وف]?[بك]?)ال")


@lru_cache(maxsize=65536)
def stems(norm: str) -> tuple[tuple[int, str], ...]:
    """Readings of a normalised token as (prefix length, stem): itself first, then without attached clitics.

    "للواء" also reads as "اللواء" (the article's alef is dropped after ل), with the ل as the prefix.
    """
    readings = [(0, norm)]
    for prefix in NOUN_PREFIXES:
        rest = norm[len(prefix) :]
        if norm.startswith(prefix) and len(rest) >= 2:
            readings.append((len(prefix), rest))
            if prefix.endswith("ل") and rest.startswith("ل") and len(rest) >= 3:
                # ل + article: "للأمم" = ل + "الأمم"; a lam-initial noun keeps its lam: "للواء" = ل + "اللواء"
                readings.append((len(prefix), "ا" + rest))
                readings.append((len(prefix), "ال" + rest))
    return tuple(readings)


def without_article(norm: str) -> str:
    return norm[2:] if norm.startswith("ال") and len(norm) > 4 else norm


def is_definite(norm: str) -> bool:
    """Carries the article, possibly behind clitics ("الجيش", "والجيش", "للجيش")."""
    return bool(_ALEF_LAM.match(norm)) or (norm.startswith(("لل", "ولل", "فلل")) and len(norm) > 4)


@lru_cache(maxsize=1)
def place_index() -> dict[tuple[str, ...], str]:
    """Normalised token sequence of every place spelling -> the canonical spelling of that place."""
    index: dict[tuple[str, ...], str] = {}
    for spelling, canonical in vocab.pairs("places"):
        index[tuple(camel.normalize(spelling).split())] = canonical
    return index


@lru_cache(maxsize=1)
def _place_stems() -> tuple[str, ...]:
    return tuple(without_article(key[0]) for key in place_index() if len(key) == 1)


@lru_cache(maxsize=4096)
def is_place_adjective(norm: str) -> bool:
    """A nisba of a known place ("السوري", "اللندنية", "الأميركيين"), dropped from names like an adjective."""
    if not norm.startswith("ال"):
        return False
    body = norm[2:]
    for ending in ("يين", "يون", "يات", "يه", "ي"):
        if body.endswith(ending):
            stem = body[: -len(ending)]
            return len(stem) >= 3 and any(place.startswith(stem) for place in _place_stems())
    return False
