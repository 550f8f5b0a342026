"""Two people joined by و, on sentences we wrote: the second given-and-family name after a person is a person
too, with the conjunction left out of the name; a noun phrase joined the same way is not."""

from __future__ import annotations

import pytest

from stories.nlp.entities import find_entities


def _people(text: str) -> set[str]:
    entities, _ = find_entities(text)
    return {e.name for e in entities if e.kind == "person"}


@pytest.mark.parametrize(
    "text",
    [
        "واستقبل الوزير كلا من سامي الأحمد ونبيل الخطيب.",
        "وقال سامي الأحمد ونبيل الخطيب إن الاتفاق نهائي.",
    ],
)
def test_second_name_after_waw_is_a_person(text: str) -> None:
    people = _people(text)
    assert {"سامي الأحمد", "نبيل الخطيب"} <= people, people
    _, mentions = find_entities(text)
    assert "نبيل الخطيب" in {m.surface for m in mentions}


@pytest.mark.parametrize(
    "text",
    [
        "وقال سامي الأحمد ووزير المالية إن الاتفاق نهائي.",
        "والتقى الوزير سامي الأحمد وفريق العمل في المقر.",
    ],
)
def test_noun_phrase_after_waw_is_no_person(text: str) -> None:
    assert _people(text) == {"سامي الأحمد"}
