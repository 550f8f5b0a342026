"""Named entities and the epithets outlets attach to them, found without a model: the editor's gazetteer,
title + name patterns, common given names, quoted names, organisation and outlet nouns, events, place cues
and a world place list. ``find_entities`` is the entry point; the keys below are shared with the Django side.
"""

from __future__ import annotations

from collections.abc import Sequence

from stories.nlp.entities.groups import (
    _acronyms,
    _events,
    _ministries,
    _model,
    _organizations,
    _outlets,
    _quoted,
)
from stories.nlp.entities.keys import merge_key, same_entity, story_merge
from stories.nlp.entities.mentions import _found, _from_gazetteer, _group, _mentions
from stories.nlp.entities.people import _chain_ends, _people, _surname_people
from stories.nlp.entities.places import _place_hits, _places
from stories.nlp.entities.words import _tokenize
from stories.nlp.types import EntityFound, GazetteerEntry, Mention

__all__ = ["find_entities", "merge_key", "same_entity", "story_merge"]


def find_entities(
    text: str, gazetteer: Sequence[GazetteerEntry] = ()
) -> tuple[tuple[EntityFound, ...], tuple[Mention, ...]]:
    """Entities in ``text`` and every mention of them, with offsets into ``text`` and the outlet's epithet."""
    tokens = _tokenize(text)
    if not tokens:
        return (), ()
    ends, absorbed = _chain_ends(tokens)
    people = _people(tokens, ends)
    known = {t for c in people for t in c.tokens}
    candidates = [
        *_model(tokens),
        *people,
        *_quoted(text, tokens),
        *_outlets(tokens),
        *_organizations(tokens, known),
        *_places(tokens),
        *_events(tokens),
        *_ministries(tokens),
        *_place_hits(tokens),
    ]
    candidates += _surname_people(tokens, candidates)
    candidates += _acronyms(tokens, candidates)
    entities = _group(candidates, _from_gazetteer(gazetteer))
    mentions = _mentions(text, tokens, entities, (ends, absorbed))
    return _found(entities, mentions), tuple(m for m, _ in mentions)
