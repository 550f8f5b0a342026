"""A rank and a name in apposition to a description set off by commas, on sentences we wrote ("رئيس النقابة،
الدكتور فلان،"): the person's epithet holds both the description and the rank, as the text writes them."""

from __future__ import annotations

import pytest

from stories.nlp.entities import find_entities


def _epithets(text: str, name: str) -> set[str | None]:
    entities, mentions = find_entities(text)
    keys = {e.key for e in entities if e.kind == "person" and e.name == name}
    assert keys, [e.name for e in entities]
    return {m.epithet for m in mentions if m.entity_key in keys}


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        (
            "وقال رئيس نقابة المهندسين، الدكتور وليد الحمدي، إن الإضراب سيستمر.",
            "وليد الحمدي",
            "رئيس نقابة المهندسين، الدكتور",
        ),
        (
            "وأكد مدير الأمن العام، اللواء خالد الزعبي، أن الطريق فتح.",
            "خالد الزعبي",
            "مدير الأمن العام، اللواء",
        ),
    ],
)
def test_description_and_rank_both_make_the_epithet(text: str, name: str, epithet: str) -> None:
    found = _epithets(text, name)
    assert epithet in found, found


def test_rank_alone_when_no_description_stands_before_it() -> None:
    found = _epithets("وقال الدكتور وليد الحمدي، في مؤتمر صحفي، إن الإضراب سيستمر.", "وليد الحمدي")
    assert found == {"الدكتور"}, found


def test_epithet_is_found_in_the_text_as_written() -> None:
    text = "وقال رئيس نقابة المهندسين، الدكتور وليد الحمدي، إن الإضراب سيستمر."
    assert all(e in text for e in _epithets(text, "وليد الحمدي") if e)


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        (
            "وقال المدير الفني للفريق، المغربي رشيد الطاوسي، إن اللاعبين جاهزون.",
            "رشيد الطاوسي",
            "المدير الفني للفريق، المغربي",
        ),
        ("وقال المدرب، الأردني وائل الزعبي، إن اللاعبين جاهزون.", "وائل الزعبي", "المدرب، الأردني"),
    ],
)
def test_nationality_before_a_name_in_apposition(text: str, name: str, epithet: str) -> None:
    found = _epithets(text, name)
    assert epithet in found, found
    assert all(e in text for e in found if e)
