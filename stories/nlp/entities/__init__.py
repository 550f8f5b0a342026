"""Named entities and the epithets outlets attach to them, found without a model: the editor's gazetteer,
title + name patterns, common given names, quoted names, organisation and outlet nouns, events, place cues
and a world place list. ``find_entities`` is the entry point; the keys below are shared with the Django side.
"""

from __future__ import annotations

from collections.abc import Sequence

from stories.nlp.entities.apposition import group_led_people, joined_people
from stories.nlp.entities.keys import epithet_key, merge_key, same_entity, story_merge
from stories.nlp.entities.mentions import entities_found, find_mentions, from_gazetteer, group_candidates
from stories.nlp.entities.named import model_candidates, named_events, outlets, quoted_names
from stories.nlp.entities.orgs import acronyms, framed_groups, ministries, organizations
from stories.nlp.entities.people import chain_ends, find_people, surname_people
from stories.nlp.entities.places import cue_places, place_hits
from stories.nlp.entities.words import tokenize
from stories.nlp.types import EntityFound, GazetteerEntry, Mention

__all__ = ["epithet_key", "find_entities", "merge_key", "same_entity", "story_merge"]


def find_entities(
    text: str, gazetteer: Sequence[GazetteerEntry] = ()
) -> tuple[tuple[EntityFound, ...], tuple[Mention, ...]]:
    """Entities in ``text`` and every mention of them, with offsets into ``text`` and the outlet's epithet."""
    tokens = tokenize(text)
    if not tokens:
        return (), ()
    ends, absorbed = chain_ends(tokens)
    people = find_people(tokens, ends)
    people += [*joined_people(tokens, people), *group_led_people(tokens)]
    known = {t for c in people for t in c.tokens}
    candidates = [
        *model_candidates(tokens),
        *people,
        *quoted_names(text, tokens),
        *outlets(tokens),
        *organizations(tokens, known),
        *framed_groups(tokens, known),
        *cue_places(tokens),
        *named_events(tokens),
        *ministries(tokens),
        *place_hits(tokens),
    ]
    candidates += surname_people(tokens, candidates)
    candidates += acronyms(tokens, candidates)
    entities = group_candidates(candidates, from_gazetteer(gazetteer))
    mentions = find_mentions(text, tokens, entities, (ends, absorbed))
    return entities_found(entities, mentions), tuple(m for m, _ in mentions)
