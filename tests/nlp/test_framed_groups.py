"""Groups an outlet frames with a loaded noun, on sentences we wrote: "ميليشيات «X»" and "ميليشيات X الY" name an
organisation whose epithet is the loaded noun, in every spelling; a neutral noun ("قوات", "وفد") is no epithet,
and a loaded noun before an ordinary phrase names nothing."""

from __future__ import annotations

import pytest

from stories.nlp.entities import epithet_key, find_entities


def _orgs(text: str) -> dict[str, set[str | None]]:
    entities, mentions = find_entities(text)
    orgs = {e.key: e.name for e in entities if e.kind == "organization"}
    return {name: {m.epithet for m in mentions if m.entity_key == key} for key, name in orgs.items()}


@pytest.mark.parametrize(
    ("text", "epithet"),
    [
        ("هاجمت ميليشيات «سيف الشمال» قرية زراعية فجر السبت.", "ميليشيات"),
        ("هاجمت مليشيات سيف الشمال قرية زراعية فجر السبت.", "مليشيات"),
        ("وتسيطر ميلشيات سيف الشمال على الطريق منذ أشهر.", "ميلشيات"),
    ],
)
def test_group_after_a_militia_noun_is_an_organisation_with_that_epithet(text: str, epithet: str) -> None:
    orgs = _orgs(text)
    assert "سيف الشمال" in orgs, orgs
    assert orgs["سيف الشمال"] == {epithet}


def test_spellings_of_the_militia_noun_share_one_epithet_key() -> None:
    assert len({epithet_key(w) for w in ("ميليشيات", "مليشيات", "ميلشيات")}) == 1


def test_later_mention_without_the_noun_is_the_same_group() -> None:
    text = "هاجمت ميليشيات سيف الشمال القرية. وقال قيادي في سيف الشمال إن الهجوم انتهى."
    _, mentions = find_entities(text)
    found = [m for m in mentions if m.surface == "سيف الشمال"]
    assert len(found) == 2
    assert [m.epithet for m in found] == ["ميليشيات", None]


@pytest.mark.parametrize(
    "text",
    [
        "هاجمت عصابات تهريب المخدرات القرية ليلا.",
        "انتشرت قوات حفظ السلام على الحدود.",
        "وقال إن ميليشيات كثيرة انتشرت في المدينة.",
    ],
)
def test_ordinary_phrase_after_a_group_noun_names_no_organisation(text: str) -> None:
    orgs = _orgs(text)
    assert not any(name in text and name.split()[0] in ("تهريب", "حفظ", "كثيرة") for name in orgs), orgs


def test_neutral_group_noun_is_no_epithet() -> None:
    entities, mentions = find_entities("وقالت قوات «سيف الشمال» إن الهجوم انتهى.")
    assert all(m.epithet != "قوات" for m in mentions), mentions
