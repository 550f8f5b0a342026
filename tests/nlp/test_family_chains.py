"""Names on sentences we wrote (issue 9 item 6): after the father's name ("بن ناصر") the family name may still
follow, as a nisba ("الحارثي") or a house ("آل مكتوم"); the whole chain is one person, in apposition, after a
title and after a reporting verb, and a later mention by the family name alone is the same person."""

from __future__ import annotations

import pytest

from stories.nlp.entities import find_entities, story_merge
from tests.people_epithets import people_epithets


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        (
            "وقال وزير الزراعة والري، حمدان بن سيف المعمري، إن المحصول تضرر.",
            "حمدان بن سيف المعمري",
            "وزير الزراعة والري",
        ),
        (
            "وزار وزير النقل حمدان بن سيف المعمري موقع الحادث صباح الخميس.",
            "حمدان بن سيف المعمري",
            "وزير النقل",
        ),
        (
            "قال المدير العام لهيئة الموانئ، عبد الله بن مبارك الهنائي، إن السفن عادت.",
            "عبد الله بن مبارك الهنائي",
            "المدير العام لهيئة الموانئ",
        ),
        ("وقال حمدان بن سيف المعمري إن المحصول تضرر.", "حمدان بن سيف المعمري", None),
        ("واستقبل الشيخ منصور بن زايد آل نهيان الوفد.", "منصور بن زايد آل نهيان", None),
    ],
)
def test_family_name_after_the_fathers_name_belongs_to_the_person(
    text: str, name: str, epithet: str | None
) -> None:
    people = people_epithets(text)
    assert name in people, people
    if epithet:
        assert epithet in people[name]
    assert not any(other != name and other in name for other in people), people


def test_family_name_alone_later_is_the_same_person() -> None:
    text = "وقال وزير النقل، حمدان بن سيف المعمري، إن الطريق سيفتح. وأضاف المعمري أن العمل مستمر."
    entities, mentions = find_entities(text)
    canon = story_merge(list(entities))
    keys = {canon.get(m.entity_key, m.entity_key) for m in mentions if "المعمري" in m.surface}
    assert len(keys) == 1
    assert {m.surface for m in mentions if "المعمري" in m.surface} == {"حمدان بن سيف المعمري", "المعمري"}


def test_words_after_the_fathers_name_that_are_no_family_name_stay_out() -> None:
    people = people_epithets("وقال الوزير سالم بن علي الأربعاء إن المحصول تضرر.")
    assert "سالم بن علي" in people, people
    people = people_epithets("وقدم الوزير حمدان بن سيف التقرير إلى المجلس.")
    assert "حمدان بن سيف" in people, people
