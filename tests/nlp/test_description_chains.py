"""Descriptions a title heads, on sentences we wrote: they run through "في" + an organisation ("القيادي في حركة
X"), the proper name after a head that takes one ("لحركة فتح", "شركة أرامكو") and a ل genitive between definite
words ("لكرة القدم"); the person after them keeps the whole description as the epithet. A given name in ل
("ليلى") after a description is the name, not a genitive."""

from __future__ import annotations

import pytest

from tests.people_epithets import people_epithets


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        (
            "وقال القيادي في حركة النهضة رضا العياري إن الحوار متوقف.",
            "رضا العياري",
            "القيادي في حركة النهضة",
        ),
        ("واعتبر العضو في مجلس النواب منير الحداد أن القانون جائر.", "منير الحداد", "العضو في مجلس النواب"),
        (
            "وقال عضو المكتب السياسي لحركة فتح ماجد الشوا إن الحوار متوقف.",
            "ماجد الشوا",
            "عضو المكتب السياسي لحركة فتح",
        ),
        (
            "وأكد رئيس الاتحاد الأردني لكرة السلة وليد الدباس أن البطولة تأجلت.",
            "وليد الدباس",
            "رئيس الاتحاد الأردني لكرة السلة",
        ),
        ("وقال رئيس شركة أرامكو أمين الحربي إن الإنتاج مستقر.", "أمين الحربي", "رئيس شركة أرامكو"),
        ("وأكدت الناطقة باسم البلدية ليلى الحسيني أن المياه عادت.", "ليلى الحسيني", "الناطقة باسم البلدية"),
    ],
)
def test_description_runs_to_the_name(text: str, name: str, epithet: str) -> None:
    people = people_epithets(text)
    assert name in people, people
    assert epithet in people[name], people


def test_bare_construct_still_names_the_possessor() -> None:
    people = people_epithets("وقال مستشار شركة الحربي إن الإنتاج مستقر.")
    assert not any(epithet and epithet.startswith("مستشار") for found in people.values() for epithet in found)


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        (
            "وقالت النائبة عن محافظة نينوى سعاد الجبوري إن القرار مخالف.",
            "سعاد الجبوري",
            "النائبة عن محافظة نينوى",
        ),
        ("وأفاد رئيس بلدية القبيات عمار الأسعد بأن النيران امتدت.", "عمار الأسعد", "رئيس بلدية القبيات"),
        (
            "وقال مسؤول الإعلام في الدفاع المدني، وسام العكاري، إن الفرق تعمل.",
            "وسام العكاري",
            "مسؤول الإعلام في الدفاع المدني",
        ),
    ],
)
def test_member_for_a_place_and_an_official_in_charge(text: str, name: str, epithet: str) -> None:
    people = people_epithets(text)
    assert name in people, people
    assert epithet in people[name], people


def test_passive_verb_after_a_name_is_not_its_family() -> None:
    people = people_epithets("وقال شهود إن الشاب يوسف علي أصيب بجروح طفيفة.")
    assert not any("أصيب" in name for name in people), people
