"""Titles abbreviated to a letter and a dot, on sentences we wrote ("د. فلان", "الخبير الاقتصادي د. فلان",
"المدير العام، م. فلان،"): the name starts after the dot and keeps the description as its epithet; a letter
after a number is a unit, and no name starts after it."""

from __future__ import annotations

import pytest

from stories.nlp.entities import find_entities


def _people(text: str) -> dict[str, set[str | None]]:
    entities, mentions = find_entities(text)
    people = {e.key: e.name for e in entities if e.kind == "person"}
    return {name: {m.epithet for m in mentions if m.entity_key == key} for key, name in people.items()}


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        ("وقال د. نزار الحسيني إن الوباء انحسر.", "نزار الحسيني", "د"),
        ("وقال الخبير الاقتصادي د. نزار الحسيني إن الأسعار سترتفع.", "نزار الحسيني", "الخبير الاقتصادي د"),
        ("وقال مدير المصنع، م. رامي القيسي، إن الإنتاج توقف.", "رامي القيسي", "مدير المصنع، م"),
    ],
)
def test_name_after_an_abbreviated_title(text: str, name: str, epithet: str) -> None:
    people = _people(text)
    assert name in people, people
    assert epithet in people[name], people


def test_unit_letter_after_a_number_opens_no_name() -> None:
    assert _people("ارتفع منسوب المياه إلى خمسة م. وبقيت الطرق مغلقة.") == {}
