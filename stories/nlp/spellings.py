"""Tokens that only spell what two claim keys already share: once both hold a country's place token ("⌂العراق")
or an institution's token ("=البرلمان"), one side's "بغداد" or "مجلس النواب" is no content the other lacks."""

from __future__ import annotations

from functools import lru_cache

from . import morph
from .claims.institutions import head_institutions, name_words
from .claims.places import countries_of_name
from .keymarks import ENTITY_MARK, PLACE_MARK, ROOT_MARK


def without_spellings(tokens: frozenset[str], shared: frozenset[str]) -> frozenset[str]:
    """``tokens`` without the words, entity tokens and their roots that spell a place or institution token
    in ``shared`` ("العراق وتركيا" against "بغداد وأنقرة", "مجلس النواب" against "البرلمان")."""
    places = {t for t in shared if t.startswith(PLACE_MARK)}
    names = name_words()
    words = frozenset().union(*(names[t] for t in shared if t in names))
    if not places and not words:
        return tokens
    spelled = {
        t
        for t in tokens - shared
        if not t.startswith(ROOT_MARK)
        and (t in words or _named_institution(t, shared) or named_place(t, places))
    }
    if not spelled:
        return tokens
    roots = {ROOT_MARK + morph.skeleton(t.removeprefix(ENTITY_MARK)) for t in spelled}
    return tokens - spelled - (roots - shared)


def _named_institution(token: str, shared: frozenset[str]) -> bool:
    """An entity token ("=مجلس النواب اللبناني") that names an institution whose token both keys hold."""
    return token.startswith(ENTITY_MARK) and not shared.isdisjoint(head_institutions([token]))


def named_place(token: str, places: set[str]) -> bool:
    """A word, stem ("فرنس"), root or entity token that spells one of the shared countries or capitals."""
    return not places.isdisjoint(_spelled_places(token))


@lru_cache(maxsize=65536)
def _spelled_places(token: str) -> frozenset[str]:
    """The place tokens of every country the token may spell (as a country, or as its capital)."""
    body = token.removeprefix(ENTITY_MARK).removeprefix(ROOT_MARK)
    bodies = (body, body[1:]) if body[:1] == "و" and len(body) > 4 else (body,)  # "وتركي": و + "تركي"
    forms = (f for b in bodies for f in (b, b + "ا", b + "ه", "ال" + b))
    return frozenset(PLACE_MARK + n for form in forms for n in countries_of_name(form))
