"""Roles the press puts before a name, on sentences we wrote: a coach or goalkeeper in construct ("مدرب
المنتخب"), a candidate, and the designations that frame a person (detainee, prisoner, martyr) are the
person's epithet; an adjective that shares a role's spelling names nobody."""

from __future__ import annotations

import pytest

from tests.people_epithets import people_epithets


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        ("وقال مدرب الفريق نزار الخياط إن اللاعبين جاهزون.", "نزار الخياط", "مدرب الفريق"),
        ("وتصدى حارس المرمى فادي الحايك لركلة الجزاء.", "فادي الحايك", "حارس المرمى"),
        ("وقال المرشح الرئاسي رامز العبدالله إن النتائج مزورة.", "رامز العبدالله", "المرشح الرئاسي"),
        ("وأفرجت السلطات عن المعتقل ثامر الفضلي بعد عامين.", "ثامر الفضلي", "المعتقل"),
        ("وشيع المئات الشهيد باسل الزغبي في بلدته.", "باسل الزغبي", "الشهيد"),
        ("وطالبت عائلة الأسيرة هالة الخطيب بالإفراج عنها.", "هالة الخطيب", "الأسيرة"),
    ],
)
def test_role_before_a_name_is_its_epithet(text: str, name: str, epithet: str) -> None:
    people = people_epithets(text)
    assert name in people, people
    assert epithet in people[name], people


def test_trained_units_name_nobody() -> None:
    assert people_epithets("ونشرت الوزارة الوحدات المدربة التي تمتلك مهارات عالية.") == {}


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        ("وقال الشاب كمال الدباغ إن الشرطة اعتقلته.", "كمال الدباغ", "الشاب"),
        ("وقال المدعو كمال الدباغ إن الشرطة اعتقلته.", "كمال الدباغ", "المدعو"),
        (
            "وقال المكلف بالإعلام في مديرية الصحة، الطبيب كمال الدباغ، إن العدوى انحسرت.",
            "كمال الدباغ",
            "المكلف بالإعلام في مديرية الصحة، الطبيب",
        ),
        (
            "وقال كمال الدباغ، وهو عضو في المجلس البلدي، إن المياه انقطعت.",
            "كمال الدباغ",
            "عضو في المجلس البلدي",
        ),
    ],
)
def test_designations_before_and_descriptions_after_a_name(text: str, name: str, epithet: str) -> None:
    people = people_epithets(text)
    assert name in people, people
    assert epithet in people[name], people


def test_pronoun_without_a_comma_opens_no_description() -> None:
    people = people_epithets("وقال كمال الدباغ وهو يبكي إن الشرطة اعتقلته.")
    assert people == {"كمال الدباغ": {None}}, people
