"""A word that is both an office and a given name ("أمين": secretary, and the name Amin) on sentences we wrote:
after a definite description it opens the holder's name, with a comma or without; before an office's complement
it stays part of the title."""

from __future__ import annotations

import pytest

from tests.people_epithets import people_epithets


@pytest.mark.parametrize(
    "text",
    [
        "وقال الأمين العام لنقابة الأطباء أمين المرزوقي إن الإضراب مستمر.",
        "وقال الأمين العام لنقابة الأطباء، أمين المرزوقي، إن الإضراب مستمر.",
        "وأكد الناطق الرسمي باسم النقابة أمين المرزوقي أن الإضراب مستمر.",
    ],
)
def test_given_name_that_is_also_a_title_opens_the_name(text: str) -> None:
    people = people_epithets(text)
    assert "أمين المرزوقي" in people, people
    assert not any((e or "").endswith("أمين") for e in people["أمين المرزوقي"]), people
    assert "المرزوقي" not in people


def test_given_name_that_is_also_a_title_keeps_its_epithet() -> None:
    people = people_epithets("وقال الأمين العام لنقابة الأطباء، أمين المرزوقي، إن الإضراب مستمر.")
    assert "الأمين العام لنقابة الأطباء" in people["أمين المرزوقي"]


@pytest.mark.parametrize(
    "text",
    [
        "وقال رئيس الحزب أمين عام اللجنة إن الإضراب مستمر.",
        "وقال رئيس المجلس، أمين سر اللجنة، إن الإضراب مستمر.",
    ],
)
def test_title_word_before_its_complement_is_no_name(text: str) -> None:
    people = people_epithets(text)
    assert not any(name.startswith("أمين") for name in people), people
