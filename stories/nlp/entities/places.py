"""Places: cue nouns ("مدينة X", "محافظة الشمال"), facilities whose noun is part of the name
("مطار X الدولي"), compound toponyms ("وادي X") and the general list of countries and cities."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from stories.nlp import lexicon as lx
from stories.nlp.entities.keys import _key_tokens
from stories.nlp.entities.words import (
    _blocked,
    _Candidate,
    _candidate,
    _name_word,
    _reading,
    _sets,
    _soft,
    _space,
    _tanween,
    _Token,
    _verb_like,
)


def _place_name(tokens: list[_Token], k: int) -> int | None:
    """End of a place name at ``k`` after a cue: one word, or a toponym prefix and its word ("وادي السدر")."""
    if k >= len(tokens) or not _soft(tokens[k].gap):
        return None
    s, norm = _sets(), tokens[k].norm
    if norm in s["toponym"] and k + 1 < len(tokens) and _space(tokens[k + 1].gap):
        nxt = tokens[k + 1]
        if not _blocked(nxt) and (lx.is_definite(nxt.norm) or _name_word(nxt, True)):
            return k + 2
    plain = lx.without_article(norm)
    # "ولاية رئاسية" is a term of office; place names may end in ة ("معيتيقة") but not in ية
    shaped = norm.endswith("يه") or _verb_like(norm) or _blocked(tokens[k]) or _tanween(tokens[k])
    if plain in s["block"] or lx.is_place_adjective(norm) or shaped:
        return None
    return k + 1 if _name_word(tokens[k], True) or lx.is_definite(norm) else None


def _facility(tokens: list[_Token], i: int, reading: tuple[int, str]) -> _Candidate | None:
    """ "مطار X الدولي", "ميناء X": the facility noun belongs to the name; the bare name is an alias."""
    end = _place_name(tokens, i + 1)
    if end is None:
        return None
    bare = _candidate(tokens, i + 1, end, "location")
    while end < len(tokens) and _space(tokens[end].gap) and tokens[end].norm in _sets()["facility_adjective"]:
        end += 1
    return replace(_candidate(tokens, i, end, "location", reading), aliases=((bare.tokens, bare.display),))


def _places(tokens: list[_Token]) -> list[_Candidate]:
    found, s = [], _sets()
    for i, tok in enumerate(tokens):
        facility = _reading(tok.norm, s["facility"], 2)
        if facility is not None:
            cand = _facility(tokens, i, facility)
            found.extend([cand] if cand else [])
            continue
        cue = _reading(tok.norm, s["place_cue"])
        if cue is None:
            continue
        nxt = i + 1 < len(tokens) and _soft(tokens[i + 1].gap) and tokens[i + 1].norm
        if cue[1] in s["admin"] and nxt in s["direction"]:
            found.append(_candidate(tokens, i, i + 2, "location", cue))  # "محافظة الشمال"
            continue
        k = i + 1
        while k < len(tokens) and _soft(tokens[k].gap) and lx.is_place_adjective(tokens[k].norm):
            k += 1  # "العاصمة الليبية طرابلس"
        end = _place_name(tokens, k)
        if end is not None:
            found.append(_candidate(tokens, k, end, "location"))
    return found


def _place_at(tokens: list[_Token], i: int) -> str | None:
    """Canonical spelling of a listed place starting at token ``i`` (longest spelling first)."""
    index, firsts = lx.place_index(), _place_firsts()
    stems = [stem for _plen, stem in lx.stems(tokens[i].norm) if stem in firsts]
    if not stems:
        return None  # most tokens: no reading starts a listed place
    for length in (3, 2, 1):
        rest = tokens[i + 1 : i + length]
        if len(rest) != length - 1 or not all(_space(t.gap) for t in rest):
            continue
        for stem in stems:
            canonical = index.get((stem, *(t.norm for t in rest)))
            if canonical:
                return canonical
    return None


@lru_cache(maxsize=1)
def _place_firsts() -> frozenset[str]:
    return frozenset(key[0] for key in lx.place_index())


def _place_hits(tokens: list[_Token]) -> list[_Candidate]:
    """Countries, continents and major cities from the general list, with attached clitics."""
    hits = (_place_at(tokens, i) for i in range(len(tokens)))
    return [_Candidate(_key_tokens(name), name, "location") for name in hits if name]
