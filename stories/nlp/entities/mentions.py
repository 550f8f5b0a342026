"""Grouping candidates into entities, finding every mention of them (clitics, surnames, ambiguous
surnames in context) and the epithet the outlet put before or after each mention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from stories.nlp import lexicon as lx
from stories.nlp import vocab
from stories.nlp.entities.apposition import description_title, nationality_before
from stories.nlp.entities.keys import joinable, key_tokens, merge_key
from stories.nlp.entities.people import Chains, apposition_title, chain_end, name_end
from stories.nlp.entities.words import (
    APPOSITION_GAP,
    Candidate,
    Token,
    clitic_reading,
    dictionary_word,
    raw_after,
    soft_gap,
    space_gap,
    token_phrase,
    word_sets,
)
from stories.nlp.types import ENTITY_KINDS, EntityFound, GazetteerEntry, Mention


@dataclass
class _Entity:
    kind: str
    names: dict[tuple[str, ...], str] = field(default_factory=dict)  # normalised tokens -> display form
    key: str | None = None  # fixed for gazetteer entries
    display: str | None = None
    weak: set[tuple[str, ...]] = field(default_factory=set)  # surname variants, matched only when unambiguous
    derived: set[tuple[str, ...]] = field(default_factory=set)  # aliases, matched but never the key
    ambiguous: set[tuple[str, ...]] = field(default_factory=set)  # surnames that are also adjectives ("كامل")


def from_gazetteer(gazetteer: Sequence[GazetteerEntry]) -> list[_Entity]:
    entities = []
    for entry in gazetteer:
        names = {key_tokens(n): n for n in (*entry.aliases, entry.name) if key_tokens(n)}
        if names:
            kind = entry.kind if entry.kind in ENTITY_KINDS else "other"
            entities.append(_Entity(kind, names, key=merge_key(entry.name), display=entry.name))
    return entities


def group_candidates(candidates: list[Candidate], entities: list[_Entity]) -> list[_Entity]:
    """Merge candidates into entities; longer names first, so a lone surname joins the full name."""
    near: dict[str, list[int]] = {}  # first or last name token -> entities holding such a name
    for n, e in enumerate(entities):
        for tokens in e.names:
            _near_add(near, tokens, n)
    for cand in sorted(candidates, key=lambda c: -len(c.tokens)):
        home = next(
            (
                entities[n]
                for n in sorted({*near.get(cand.tokens[0], ()), *near.get(cand.tokens[-1], ())})
                if any(joinable(cand.kind, cand.tokens, entities[n].kind, t) for t in entities[n].names)
            ),
            None,
        )
        if home is None:
            home = _Entity(cand.kind, {cand.tokens: cand.display})
            entities.append(home)
        # entities.index(home), with the cheap names test before the dataclass's field-by-field equality
        n = next(i for i, e in enumerate(entities) if e is home or (e.names == home.names and e == home))
        _near_add(near, cand.tokens, n)
        home.names.setdefault(cand.tokens, cand.display)
        for tokens, display in cand.aliases:
            if tokens not in home.names:
                home.names[tokens] = display
                home.derived.add(tokens)
        if home.kind == "other":
            home.kind = cand.kind
    for e in entities:
        _settle(e)
    return entities


def _near_add(near: dict[str, list[int]], tokens: tuple[str, ...], n: int) -> None:
    """Every way ``_same_tokens`` can match shares the first or the last token, so those index the names."""
    for token in {tokens[0], tokens[-1]}:
        if n not in near.setdefault(token, []):
            near[token].append(n)


def _settle(e: _Entity) -> None:
    """Pick the key and display name; persons by their fullest name, organisations by their shortest."""
    s = word_sets()
    if e.key is None:
        pick = min if e.kind == "organization" else max
        tokens = pick((n for n in e.names if n not in e.derived), key=len)
        e.key, e.display = " ".join(tokens), e.names[tokens]
    if e.kind in ("person", "other"):
        for tokens in list(e.names):
            last = tokens[-1]
            if len(tokens) < 2 or len(last) < 3 or last in s["block"]:
                continue
            (e.ambiguous if last in s["ambiguous"] else e.weak).add((last,))
            if len(tokens) > 2 and tokens[-2] in s["connector"]:
                e.weak.add(tokens[-2:])  # "ولد بلال", "أبو زيد": the family name with its particle


_FULL, _WEAK, _AMBIGUOUS = 2, 1, 0  # how a variant may match: always, when unambiguous, in context only


def _index(entities: list[_Entity]) -> dict[str, list[tuple[tuple[str, ...], int, int]]]:
    index: dict[str, list[tuple[tuple[str, ...], int, int]]] = {}
    for n, e in enumerate(entities):
        for tokens in e.names:
            index.setdefault(tokens[0], []).append((tokens, n, _FULL))
        for tokens in e.weak - set(e.names):
            index.setdefault(tokens[0], []).append((tokens, n, _WEAK))
        for tokens in e.ambiguous - set(e.names):
            index.setdefault(tokens[0], []).append((tokens, n, _AMBIGUOUS))
    return index


def _match_at(
    tokens: list[Token], i: int, index: dict, last_seen: dict[int, int], person_end: int
) -> tuple[int, str, int, int] | None:
    """(prefix length, first-token stem, token count, entity) of the best variant starting at token ``i``."""
    context = None  # whether an ambiguous surname may stand here: asked only when one is found
    for plen, stem in lx.stems(tokens[i].norm):
        first, pos = _joined(tokens, i, stem)
        hits = []
        for variant, entity, rank in index.get(first, ()):
            if rank == _AMBIGUOUS and context is None:
                context = _ambiguous_ok(tokens, i, person_end)
            if rank == _AMBIGUOUS and not context:
                continue
            end = _variant_end(tokens, pos, variant[1:])
            if end is not None:
                hits.append((len(variant), min(rank, _WEAK), last_seen.get(entity, -1), -entity, entity, end))
        if hits:
            best = max(hits)
            rivals = {h[4] for h in hits if h[0] == best[0] and h[1] == best[1]}
            if best[1] < _FULL and len(rivals) > 1 and all(last_seen.get(e, -1) < 0 for e in rivals):
                return None  # a surname shared by two people, neither named yet: leave it unattributed
            return plen, stem, best[5] - i, best[4]
    return None


def _joined(tokens: list[Token], j: int, word: str) -> tuple[str, int]:
    """The key word at token ``j`` as ``merge_key`` writes it: "عبد الفتاح" and "نصر الله" are one word."""
    k = j + 1
    while k < len(tokens) and (word == "عبد" or tokens[k].norm == "الله") and space_gap(tokens[k].gap):
        word, k = word + tokens[k].norm, k + 1
    return word, k


def _variant_end(tokens: list[Token], pos: int, rest: tuple[str, ...]) -> int | None:
    """Token index after the remaining key words ``rest`` read from ``pos``; None if they do not follow."""
    for expected in rest:
        if pos >= len(tokens) or not space_gap(tokens[pos].gap):
            return None
        word, pos = _joined(tokens, pos, tokens[pos].norm)
        if word != expected:
            return None
    return pos


def _epithet(tokens: list[Token], chains: Chains, i: int, end: int) -> str | None:
    """The title before the name, a framing noun before it ("ميليشيات"), or a description after it."""
    s = word_sets()
    j = chains[0].get(i)
    if j is None and end == i + 1:
        j = chains[1].get(i)  # "الوزير العطار": the surname closed the title's description
    if j is None and i > 0 and end < len(tokens) and any(c in tokens[end].gap for c in "،,"):
        # "المتحدث باسم الوزارة، فلان،": the description set off by commas
        j = apposition_title(tokens, i) or description_title(tokens, i)
        j = i - 1 if j is None and nationality_before(tokens, i) else j
    if j is not None and j < i:
        own = token_phrase(tokens, j, i, s["titles"])
        outer = _stacked_description(tokens, j, end)
        return own if outer is None else token_phrase(tokens, outer, j, s["titles"]) + tokens[j].gap + own
    framing = framing_epithet(tokens, i)
    if framing is not None:
        return framing
    if end + 1 < len(tokens) and tokens[end].norm in vocab.words("description_pronouns"):
        end += 1 if any(c in tokens[end].gap for c in "،,") and space_gap(tokens[end + 1].gap) else 0
    if end < len(tokens) and APPOSITION_GAP.fullmatch(tokens[end].gap):
        if clitic_reading(tokens[end].norm, s["offices"], 0) is not None:
            after = chain_end(tokens, end)
            named = (
                after < len(tokens) and soft_gap(tokens[after].gap) and name_end(tokens, after) is not None
            )
            if after > end + 1 and not named:
                return token_phrase(tokens, end, after)
    return None


def framing_epithet(tokens: list[Token], i: int) -> str | None:
    """The loaded noun an outlet frames a group or its leader with, right before the name ("ميليشيات")."""
    if i == 0 or not soft_gap(tokens[i].gap):
        return None
    framing = clitic_reading(tokens[i - 1].norm, word_sets()["framing_epithet"])
    return None if framing is None else dictionary_word(tokens[i - 1], *framing)


def _stacked_description(tokens: list[Token], j: int, end: int) -> int | None:
    """ "رئيس اللجنة، النائب فلان،": a rank and the name in apposition to a description set off by commas; the
    title opening that description, when the name is closed by a comma too."""
    if end >= len(tokens) or not any(c in tokens[end].gap for c in "،,"):
        return None
    return apposition_title(tokens, j) or description_title(tokens, j)


def find_mentions(
    text: str, tokens: list[Token], entities: list[_Entity], chains: Chains
) -> list[tuple[Mention, str]]:
    """Every occurrence of every entity's names, with the name as a word (elided article restored)."""
    index, last_seen, found, i, person_end = _index(entities), {}, [], 0, -1
    while i < len(tokens):
        hit = _match_at(tokens, i, index, last_seen, person_end)
        if hit is None:
            i += 1
            continue
        plen, stem, count, n = hit
        entity, end_tok = entities[n], i + count
        # ل + ال fuse ("للجيش"): the span keeps the preposition's lam, since the article's alef is gone
        fused = plen and len(stem) > len(tokens[i].norm) - plen
        start = tokens[i].start + raw_after(tokens[i].raw, plen - 1 if fused else plen)
        end = tokens[end_tok - 1].end
        if entity.kind in ("person", "other"):
            epithet = _epithet(tokens, chains, i, end_tok)
        else:
            epithet = framing_epithet(tokens, i) if entity.kind == "organization" else None
        word = " ".join([dictionary_word(tokens[i], plen, stem), *(t.raw for t in tokens[i + 1 : end_tok])])
        found.append((Mention(start, end, text[start:end], entity.key or "", epithet), word))
        last_seen[n] = i
        person_end = end_tok if entity.kind == "person" else person_end
        i = end_tok
    return found


def _ambiguous_ok(tokens: list[Token], i: int, person_end: int) -> bool:
    """Whether a surname that is also an adjective ("كامل", "منصور") may stand alone at ``i``: as the subject
    of a reporting verb ("وأضاف منصور") or joined by و to a person just named ("بين مملوك وكامل")."""
    if i == 0 or not space_gap(tokens[i].gap):
        return False
    if i == person_end and tokens[i].norm.startswith("و"):
        return True
    return clitic_reading(tokens[i - 1].norm, word_sets()["reporting"], 2) is not None


def entities_found(entities: list[_Entity], mentions: list[tuple[Mention, str]]) -> tuple[EntityFound, ...]:
    out, by_key = [], {}
    for m, word in mentions:
        by_key.setdefault(m.entity_key, []).append(word)
    for e in entities:
        words = by_key.get(e.key or "")
        if not words:
            continue
        aliases = {merge_key(n): n for n in (*e.names.values(), *words)}
        aliases.pop(merge_key(e.display or ""), None)
        out.append(EntityFound(e.key or "", e.display or "", e.kind, tuple(sorted(aliases.values()))))
    return tuple(out)
