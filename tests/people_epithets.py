"""What the person tests read: each person found in a text, by name, with the epithets of its mentions."""

from __future__ import annotations

from stories.nlp.entities import find_entities


def people_epithets(text: str) -> dict[str, set[str | None]]:
    entities, mentions = find_entities(text)
    people = {e.key: e.name for e in entities if e.kind == "person"}
    return {name: {m.epithet for m in mentions if m.entity_key == key} for key, name in people.items()}
