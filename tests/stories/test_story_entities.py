"""Joining an analysis's entities to the story's: the lookup among the entities sharing a word with the name."""

from __future__ import annotations

import pytest

from stories import selectors
from stories.models import Entity, Story
from stories.nlp.entities import same_entity
from stories.nlp.pipeline import analyse
from stories.services.entities import _StoryEntities


def _first_fitting(found, entities: list[Entity]) -> Entity | None:
    """The oracle: the key, else every entity's every name tried in turn (the lookup before the index)."""
    for entity in entities:
        if entity.key == found.key:
            return entity
    for entity in entities:
        if any(same_entity(found.name, name) for name in (entity.name, *entity.aliases)):
            return entity
    return None


def test_the_indexed_lookup_joins_each_entity_where_trying_every_entity_does(seed_paths):
    found_all = [e for path in seed_paths for e in analyse(path.read_bytes(), filename=path.name).entities]
    entities: list[Entity] = []
    index = _StoryEntities([])
    joined = 0
    for found in found_all:
        entity = index.find(found)
        assert entity is _first_fitting(found, entities)
        if entity is None:
            entity = Entity(
                key=found.key, name=found.name, kind=found.kind, aliases=sorted(set(found.aliases))
            )
            entities.append(entity)
            index.add(entity)
        else:
            joined += 1
            entity.aliases = sorted((set(entity.aliases) | set(found.aliases) | {found.name}) - {entity.name})
            index.index_names(entity)
    assert joined >= 10 and len(entities) >= 10


@pytest.mark.django_db
def test_known_speakers_of_one_length_come_in_one_order_whatever_the_hash_seed():
    story = Story.objects.create(slug="speakers", title="speakers")
    names = ["قوات الشريف", "ماهر الشريف", "خالد الشريف", "سامي الشريف"]
    for name in names:
        Entity.objects.create(story=story, key=name, name=name, kind="person")
    known = selectors.story_known_speakers(story_id=story.id)
    assert [n for n in known if n in names] == sorted(names)
