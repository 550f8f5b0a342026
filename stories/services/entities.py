"""The story's entities: the editors' gazetteer entries, and the people, places and bodies each analysis finds."""

from __future__ import annotations

from stories.models import Article, Entity, Mention
from stories.nlp import entities as nlp_entities
from stories.nlp.types import Analysis, EntityFound


def entity_save(*, entity: Entity, renamed: bool) -> Entity:
    """Save an editor's entry; its key follows its name, the way the analysis keys the entities it finds."""
    if not entity.key or renamed:
        entity.key = nlp_entities.merge_key(entity.name)[:200]
    entity.save()
    return entity


def article_entities_save(*, article: Article, analysis: Analysis) -> None:
    """Join each entity found to the story's (creating or widening it) and store the article's mentions."""
    story_entities = list(Entity.objects.filter(story_id=article.story_id))
    by_key: dict[str, Entity] = {}
    for found in analysis.entities:
        entity = _entity_for(found, story_entities)
        if entity is None:
            entity = Entity.objects.create(
                story_id=article.story_id,
                key=found.key[:200],
                name=found.name[:200],
                kind=found.kind,
                aliases=sorted(set(found.aliases) - {found.name}),
            )
            story_entities.append(entity)
        else:
            aliases = sorted((set(entity.aliases) | set(found.aliases) | {found.name}) - {entity.name})
            if aliases != entity.aliases:
                entity.aliases = aliases
                entity.save(update_fields=["aliases"])
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


def _entity_for(found: EntityFound, story_entities: list[Entity]) -> Entity | None:
    for entity in story_entities:
        if entity.key == found.key:
            return entity
    for entity in story_entities:
        names = [entity.name, *entity.aliases]
        if any(nlp_entities.same_entity(found.name, name) for name in names):
            return entity
    return None
