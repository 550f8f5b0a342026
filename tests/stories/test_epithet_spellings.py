"""An entity's epithets per outlet (issue 9 item 6): spellings of one epithet count as one."""

from __future__ import annotations

import pytest

from stories.models import Mention
from stories.selectors import entity_profile
from tests.factories import make_article, make_entity, make_source, make_story

pytestmark = pytest.mark.django_db


def test_spelling_variants_of_one_epithet_count_as_one() -> None:
    story = make_story()
    a, b = make_source(name="الأول"), make_source(name="الثاني")
    text = "هاجمت ميليشيات الشريف البلدة وقال الشيخ الشريف إن الهجوم انتهى."
    first = make_article(story=story, source=a, text=text)
    second = make_article(story=story, source=b, text=text.replace("ميليشيات", "مليشيات"))
    entity = make_entity(story=story, name="الشريف", article=first, epithet="ميليشيات")
    start = second.text.index("الشريف")
    Mention.objects.create(entity=entity, article=second, start=start, end=start + 6, epithet="مليشيات")
    Mention.objects.create(entity=entity, article=second, start=start, end=start + 6, epithet="ميليشيات")
    Mention.objects.create(entity=entity, article=second, start=start, end=start + 6, epithet="الشيخ")
    rows = {row["source"]: row["epithets"] for row in entity_profile(entity=entity).epithets}
    assert rows["الأول"] == [{"epithet": "ميليشيات", "n": 1, "only_here": False}]
    assert rows["الثاني"][0] == {"epithet": "ميليشيات", "n": 2, "only_here": False}
    assert rows["الثاني"][1] == {"epithet": "الشيخ", "n": 1, "only_here": True}
