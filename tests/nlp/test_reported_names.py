"""Names after a reporting verb on sentences we wrote (issue 9 item 6): a compound given name opened by "أبو" as by
"عبد", a father's name on "عبد" with the family nisba after it, and a name closed by the ل phrase that opens
the verb's next complement ("لوكالة الأنباء")."""

from __future__ import annotations

import pytest

from stories.nlp.entities import find_entities


def _people(text: str) -> set[str]:
    entities, _ = find_entities(text)
    return {e.name for e in entities if e.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأشار أبو عمر الدليمي إلى أن الطريق مغلق.", "أبو عمر الدليمي"),
        ("وقال أبو بكر الزهراني إن الطريق مغلق.", "أبو بكر الزهراني"),
        ("وذكر ياسر عبد الله المهيري أن الطريق مغلق.", "ياسر عبد الله المهيري"),
        ("وقال الوزير ياسر عبد الله المهيري إن الطريق مغلق.", "ياسر عبد الله المهيري"),
        ("وصرح عبد الكريم الزبيدي لوكالة الأنباء بأن الطريق مغلق.", "عبد الكريم الزبيدي"),
        ("وقال نبيل الدوسري لمراسلنا إن الطريق مغلق.", "نبيل الدوسري"),
    ],
)
def test_name_after_a_reporting_verb_is_whole(text: str, name: str) -> None:
    people = _people(text)
    assert name in people, people
    assert not any(other != name and other in name for other in people), people


@pytest.mark.parametrize(
    "text",
    [
        "وقال أبو عمر إن الطريق مغلق.",
        "وقال عبد الله إن الطريق مغلق.",
    ],
)
def test_compound_given_name_alone_is_not_taken_with_the_next_word(text: str) -> None:
    assert not any(name.endswith(("إن", "الطريق")) for name in _people(text))


def test_preposition_fused_with_the_article_is_no_family_name() -> None:
    people = _people("وقال عبد الكريم للصحفيين إن الطريق مغلق.")
    assert not any("للصحفيين" in name for name in people), people


@pytest.mark.parametrize("verb", ["وأردف", "واستطرد", "وأجاب"])
def test_name_after_a_verb_that_continues_speech(verb: str) -> None:
    assert "وضاح الشمري" in _people(f"{verb} وضاح الشمري إن الطريق مغلق.")
