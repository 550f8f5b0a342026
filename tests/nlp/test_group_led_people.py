"""A person named after a neutral group noun, on sentences we wrote (issue 9 item 6): "وفد/قوات/جماعة/حكومة"
before a name say whose group it is; the person is found and the noun is not the person's epithet, nor does the
organisation swallow the name."""

from __future__ import annotations

import pytest

from stories.nlp.entities import find_entities


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ووصل وفد حكومة عبد الكريم الشمري إلى العاصمة.", "عبد الكريم الشمري"),
        ("وقالت جماعة عبد الملك الزبيدي إنها قصفت المخزن.", "عبد الملك الزبيدي"),
        ("وتقدمت قوات محمود الجبوري نحو المدينة.", "محمود الجبوري"),
    ],
)
def test_person_after_a_group_noun_without_its_epithet(text: str, name: str) -> None:
    entities, mentions = find_entities(text)
    people = {e.key: e.name for e in entities if e.kind == "person"}
    assert name in people.values(), [e.name for e in entities]
    assert all(m.epithet is None for m in mentions if m.entity_key in people), mentions
    assert not any(e.kind == "organization" and name.split()[0] in e.name for e in entities), entities


def test_group_noun_before_a_common_phrase_names_no_person() -> None:
    entities, _ = find_entities("وانتشرت قوات حفظ السلام على الحدود.")
    assert all(e.kind != "person" for e in entities), entities
