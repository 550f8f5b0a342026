"""Names built on the father's name (issue 9): one to three given words, a patronymic particle ("ولد", "بنت",
"بن") and the father's name are one person, in apposition, after a title's description and after a reporting
verb; a given word before the particle may carry the article or a feminine ending; the family name with its
particle ("ولد X", "أبو X") later in the article is the same person. Sentences and names are our own."""

from __future__ import annotations

import pytest

from stories.nlp.entities import find_entities
from tests.people_epithets import people_epithets


def _surfaces(text: str, name: str) -> list[str]:
    entities, mentions = find_entities(text)
    key = next(e.key for e in entities if e.name == name)
    return [m.surface for m in mentions if m.entity_key == key]


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        (
            "وقال رئيس مجلس الشيوخ، حمادي سالم ولد عبدي، إن الجلسة ستعقد غدا.",
            "حمادي سالم ولد عبدي",
            "رئيس مجلس الشيوخ",
        ),
        (
            "وقالت رئيسة اتحاد المزارعين في الجنوب، زينة بنت الطالب، إن المحصول تضرر.",
            "زينة بنت الطالب",
            "رئيسة اتحاد المزارعين في الجنوب",
        ),
        ("وأعلن الوزير الأول المصطفى ولد حمود أن الحكومة ستستقيل.", "المصطفى ولد حمود", "الوزير الأول"),
        (
            "وقال وزير الصيد يحيى محمود ولد بوبكر أمام الصيادين إن الموسم سيفتح.",
            "يحيى محمود ولد بوبكر",
            "وزير الصيد",
        ),
        ("وأكدت خديجة بنت المامي أن الحزب سيشارك.", "خديجة بنت المامي", None),
    ],
)
def test_given_words_particle_and_father_are_one_person(text: str, name: str, epithet: str | None) -> None:
    people = people_epithets(text)
    assert name in people, people
    if epithet:
        assert epithet in people[name]
    assert not any(other != name and other in name for other in people), people


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        (
            "قال الوزير الأول المصطفى ولد حمود إن الموازنة جاهزة. وأضاف ولد حمود أن العجز تراجع.",
            "المصطفى ولد حمود",
            "ولد حمود",
        ),
        (
            "قالت النائبة زينة بنت الطالب إن القانون ظالم. وأضافت بنت الطالب أن الحزب سيطعن.",
            "زينة بنت الطالب",
            "بنت الطالب",
        ),
        (
            "وقال مدير الميناء، نزار أبو زيد، إن السفن ترسو. وأضاف أبو زيد أن الرصيف مغلق.",
            "نزار أبو زيد",
            "أبو زيد",
        ),
    ],
)
def test_family_name_with_its_particle_is_the_same_person(text: str, name: str, short: str) -> None:
    assert short in _surfaces(text, name)


def test_a_given_name_after_the_particle_takes_no_verb_as_family_name() -> None:
    people = people_epithets("وذكرت مصادر أن الوزير الأول المصطفى ولد جمال قدّم استقالته.")
    assert "المصطفى ولد جمال" in people
    assert not any("قدّم" in name for name in people), people


def test_a_verb_born_is_no_particle() -> None:
    people = people_epithets("ولد الكاتب في مدينة ساحلية عام 1950.")
    assert not any("ولد" in name for name in people), people


def test_description_runs_through_a_compound_preposition_to_the_name() -> None:
    text = "وقال رئيس الجبهة من أجل الإصلاح الزراعي، نبيل سالم، إن الحزب سيقاطع."
    assert people_epithets(text)["نبيل سالم"] == {"رئيس الجبهة من أجل الإصلاح الزراعي"}
    clause = "وقال رئيس الجبهة من أن الإصلاح تأخر، نبيل سالم، إن الحزب سيقاطع."
    assert people_epithets(clause).get("نبيل سالم", {None}) == {None}
