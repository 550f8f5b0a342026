"""Places: cue nouns ("مدينة X", "محافظة الشمال"), facilities whose noun is part of the name
("مطار X الدولي"), compound toponyms ("وادي X") and the general list of countries and cities."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from stories.nlp import lexicon as lx
from stories.nlp.entities.keys import key_tokens
from stories.nlp.entities.words import (
    Candidate,
    Token,
    clitic_reading,
    has_tanween,
    is_blocked,
    is_name_word,
    make_candidate,
    soft_gap,
    space_gap,
    verb_like,
    word_sets,
)


def _place_name(tokens: list[Token], k: int) -> int | None:
    """End of a place name at ``k`` after a cue: one word, or a toponym prefix and its word ("وادي السدر")."""
    if k >= len(tokens) or not soft_gap(tokens[k].gap):
        return None
    s, norm = word_sets(), tokens[k].norm
    if norm in s["toponym"] and k + 1 < len(tokens) and space_gap(tokens[k + 1].gap):
        nxt = tokens[k + 1]
        if not is_blocked(nxt) and (lx.is_definite(nxt.norm) or is_name_word(nxt, True)):
            return k + 2
    plain = lx.without_article(norm)
    # "ولاية رئاسية" is a term of office; place names may end in ة ("معيتيقة") but not in ية
    shaped = norm.endswith("يه") or verb_like(norm) or is_blocked(tokens[k]) or has_tanween(tokens[k])
    if plain in s["block"] or lx.is_place_adjective(norm) or shaped:
        return None
    return k + 1 if is_name_word(tokens[k], True) or lx.is_definite(norm) else None


def _facility(tokens: list[Token], i: int, reading: tuple[int, str]) -> Candidate | None:
    """ "مطار X الدولي", "ميناء X": the facility noun belongs to the name; the bare name is an alias."""
    end = _place_name(tokens, i + 1)
    if end is None:
        return None
    bare = make_candidate(tokens, i + 1, end, "location")
    while (
        end < len(tokens)
        and space_gap(tokens[end].gap)
        and tokens[end].norm in word_sets()["facility_adjective"]
    ):
        end += 1
    return replace(
        make_candidate(tokens, i, end, "location", reading), aliases=((bare.tokens, bare.display),)
    )


def cue_places(tokens: list[Token]) -> list[Candidate]:
    found, s = [], word_sets()
    for i, tok in enumerate(tokens):
        facility = clitic_reading(tok.norm, s["facility"], 2)
        if facility is not None:
            cand = _facility(tokens, i, facility)
            found.extend([cand] if cand else [])
            continue
        cue = clitic_reading(tok.norm, s["place_cue"])
        if cue is None:
            continue
        nxt = i + 1 < len(tokens) and soft_gap(tokens[i + 1].gap) and tokens[i + 1].norm
        if cue[1] in s["admin"] and nxt in s["direction"]:
            found.append(make_candidate(tokens, i, i + 2, "location", cue))  # "محافظة الشمال"
            continue
        k = i + 1
        while k < len(tokens) and soft_gap(tokens[k].gap) and lx.is_place_adjective(tokens[k].norm):
            k += 1  # "العاصمة الليبية طرابلس"
        end = _place_name(tokens, k)
        if end is not None:
            found.append(make_candidate(tokens, k, end, "location"))
    return found


def place_at(tokens: list[Token], i: int) -> str | None:
    """Canonical spelling of a listed place starting at token ``i`` (longest spelling first)."""
    index, firsts = lx.place_index(), _place_firsts()
    stems = [stem for _plen, stem in lx.stems(tokens[i].norm) if stem in firsts]
    if not stems:
        return None  # most tokens: no reading starts a listed place
    for length in (3, 2, 1):
        rest = tokens[i + 1 : i + length]
        if len(rest) != length - 1 or not all(space_gap(t.gap) for t in rest):
            continue
        for stem in stems:
            canonical = index.get((stem, *(t.norm for t in rest)))
            if canonical:
                return canonical
    return None


@lru_cache(maxsize=1)
def _place_firsts() -> frozenset[str]:
    return frozenset(key[0] for key in lx.place_index())


def place_hits(tokens: list[Token]) -> list[Candidate]:
    """Countries, continents and major cities from the general list, with attached clitics."""
    hits = (place_at(tokens, i) for i in range(len(tokens)))
    return [Candidate(key_tokens(name), name, "location") for name in hits if name]
