"""Names and their epithets on sentences we wrote (issue 9): family names that open with a particle ("بن عمار",
"أبو زيد", "آل ثاني", "ولد الشيخ", "عبد السلام") are part of the name in apposition, after a title and after a
reporting verb; a family name that starts like a preposition ends where the next phrase begins; a description set
off by commas is the epithet even where a title's chain would stop."""

from __future__ import annotations

import pytest

from tests.people_epithets import people_epithets


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        (
            "قال المتحدث باسم وزارة النقل، رضا بن عمار، إن الرحلات ستستأنف.",
            "رضا بن عمار",
            "المتحدث باسم وزارة النقل",
        ),
        ("وقال مدير الميناء، نزار أبو زيد، إن السفن ترسو منذ الصباح.", "نزار أبو زيد", "مدير الميناء"),
        ("وقال المبعوث الأممي، أنور ولد الشيخ، إن المحادثات ستستأنف.", "أنور ولد الشيخ", "المبعوث الأممي"),
        ("وقال رئيس اللجنة، النائب حازم عبد السلام، إن القانون سيعدل.", "حازم عبد السلام", None),
        ("وقال وزير الطاقة رائد آل ثاني إن الإنتاج سيرتفع.", "رائد آل ثاني", "وزير الطاقة"),
        ("وقال رياض بن سالم إن الاتفاق نهائي.", "رياض بن سالم", None),
        ("نفى نزار ولد الشيخ أن يكون قد التقى الوفد.", "نزار ولد الشيخ", None),
        ("وأكد وسيم أبو زيد، في تصريح صحفي، أن العمل مستمر.", "وسيم أبو زيد", None),
    ],
)
def test_particle_and_name_after_a_given_name_are_one_person(
    text: str, name: str, epithet: str | None
) -> None:
    people = people_epithets(text)
    assert name in people, people
    if epithet:
        assert epithet in people[name]
    assert not any(other != name and other in name for other in people), people  # no shorter copy beside it


def test_a_particle_with_no_name_after_it_is_no_family_name() -> None:
    assert "رضا بن" not in people_epithets("وقال رضا بن، إن الرحلات ستستأنف.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("أقال وزير النقل سعيد بلعربي مدير المطار بعد الحادث.", "سعيد بلعربي"),  # a title opens the object
        (
            "وكان الوزير سعيد بوعلام قد وصل إلى المدينة مساء الأربعاء.",
            "سعيد بوعلام",
        ),  # قد opens the verb phrase
    ],
)
def test_family_name_that_starts_like_a_preposition_closed_by_the_next_phrase(text: str, name: str) -> None:
    assert name in people_epithets(text)


def test_preposition_after_a_given_name_stays_out_of_the_name() -> None:
    people = people_epithets("ورحب الرئيس سعيد بلقاء الوزير في القصر.")
    assert "سعيد بلقاء" not in people


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        ("وقال مدير مستشفى النساء والتوليد بالمدينة، نادر حماد، إن الأجنحة أخليت.", "نادر حماد",
         "مدير مستشفى النساء والتوليد بالمدينة"),
        ("وقال محافظ بيرمان، ساهر ندوي، إن الطرق أغلقت.", "ساهر ندوي", "محافظ بيرمان"),
        ("وقال رئيس رابطة الصيادين في الساحل، يونس قمري، إن القوارب عادت.", "يونس قمري",
         "رئيس رابطة الصيادين في الساحل"),
    ],
)  # fmt: skip
def test_description_set_off_by_commas_is_the_epithet(text: str, name: str, epithet: str) -> None:
    assert epithet in people_epithets(text)[name]


def test_a_verb_between_title_and_comma_is_no_description() -> None:
    people = people_epithets("وقال المدير إنه التقى أمس، نادر حماد، في مكتبه.")
    assert all("التقى" not in (e or "") for epithets in people.values() for e in epithets)
