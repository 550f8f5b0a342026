"""The story's entities: the editors' gazetteer entries, and the people, places and bodies each analysis finds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from stories.models import Article, Entity, Mention
from stories.nlp import entities as nlp_entities
from stories.nlp.entities.keys import key_tokens
from stories.nlp.types import Analysis, EntityFound


def entity_save(*, entity: Entity, renamed: bool) -> Entity:
    """Save an editor's entry; its key follows its name, the way the analysis keys the entities it finds."""
    if not entity.key or renamed:
        entity.key = nlp_entities.merge_key(entity.name)[:200]
    entity.save()
    return entity


def article_entities_save(*, article: Article, analysis: Analysis) -> None:
    """Join each entity found to the story's (creating or widening it) and store the article's mentions."""
    story_entities = _StoryEntities(Entity.objects.filter(story_id=article.story_id))
    by_key: dict[str, Entity] = {}
    for found in analysis.entities:
        entity = story_entities.find(found)
        if entity is None:
            entity = Entity.objects.create(
                story_id=article.story_id,
                key=found.key[:200],
                name=found.name[:200],
                kind=found.kind,
                aliases=sorted(set(found.aliases) - {found.name}),
            )
            story_entities.add(entity)
        else:
            aliases = sorted((set(entity.aliases) | set(found.aliases) | {found.name}) - {entity.name})
            if aliases != entity.aliases:
                entity.aliases = aliases
                entity.save(update_fields=["aliases"])
                story_entities.index_names(entity)
        by_key[found.key] = entity
    Mention.objects.bulk_create(
        Mention(
            entity=by_key[m.entity_key],
            article=article,
            start=m.start,
            end=m.end,
            epithet=(m.epithet or "")[:200],
        )
        for m in analysis.mentions
        if m.entity_key in by_key
    )


class _StoryEntities:
    """The story's entities in order, found by key, else by the first whose name or an alias is the same entity.
    Two names of one entity always share a word of their keys (nlp.entities.same_entity), so only the entities
    sharing one are compared: the cost follows the found name's namesakes, not the story's size."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._by_token: dict[str, set[int]] = defaultdict(set)
        self._position: dict[int, int] = {}
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity) -> None:
        self._position[id(entity)] = len(self._entities)
        self._entities.append(entity)
        self._by_key.setdefault(entity.key, entity)
        self.index_names(entity)

    def index_names(self, entity: Entity) -> None:
        position = self._position[id(entity)]
        for name in (entity.name, *entity.aliases):
            for token in key_tokens(name):
                self._by_token[token].add(position)

    def find(self, found: EntityFound) -> Entity | None:
        if found.key in self._by_key:
            return self._by_key[found.key]
        sharing = {p for token in key_tokens(found.name) for p in self._by_token.get(token, ())}
        for position in sorted(sharing):
            entity = self._entities[position]
            if any(nlp_entities.same_entity(found.name, name) for name in (entity.name, *entity.aliases)):
                return entity
        return None
