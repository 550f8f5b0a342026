"""Titles abbreviated to a letter and a dot, on sentences we wrote ("د. فلان", "الخبير الاقتصادي د. فلان",
"المدير العام، م. فلان،"): the name starts after the dot and keeps the description as its epithet; a letter
after a number is a unit, and no name starts after it."""

from __future__ import annotations

import pytest

from tests.people_epithets import people_epithets


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        ("وقال د. نزار الحسيني إن الوباء انحسر.", "نزار الحسيني", "د"),
        ("وقال الخبير الاقتصادي د. نزار الحسيني إن الأسعار سترتفع.", "نزار الحسيني", "الخبير الاقتصادي د"),
        ("وقال مدير المصنع، م. رامي القيسي، إن الإنتاج توقف.", "رامي القيسي", "مدير المصنع، م"),
    ],
)
def test_name_after_an_abbreviated_title(text: str, name: str, epithet: str) -> None:
    people = people_epithets(text)
    assert name in people, people
    assert epithet in people[name], people


def test_unit_letter_after_a_number_opens_no_name() -> None:
    assert people_epithets("ارتفع منسوب المياه إلى خمسة م. وبقيت الطرق مغلقة.") == {}
