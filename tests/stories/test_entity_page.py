"""The entity page pages its outlets and the entities seen with it, says how many there are in the page's
language (Arabic plural forms included), and keeps the epithets past the first ten one click away."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories.models import Entity, Mention

from ..factories import make_article, make_source, make_story

pytestmark = pytest.mark.django_db

NAME = "الوزير"


@pytest.fixture
def crowded():
    """One minister named by 25 outlets; the first outlet uses 12 epithets; 23 other names appear beside him."""
    story = make_story(slug="crowded")
    minister = Entity.objects.create(story=story, key=NAME, name=NAME, kind="person")
    others = [Entity.objects.create(story=story, key=f"k{i}", name=f"اسم {i}") for i in range(23)]
    for i in range(25):
        article = make_article(story=story, source=make_source(name=f"منفذ {i:02d}"), text=f"قال {NAME} أمس.")
        epithets = [f"لقب {j:02d}" for j in range(12)] if i == 0 else [""]
        for epithet in epithets:
            Mention.objects.create(entity=minister, article=article, start=4, end=10, epithet=epithet)
        if i < len(others):
            Mention.objects.create(entity=others[i], article=article, start=0, end=3)
    return story, minister


def entity_page(client, story, entity, lang="ar", **query) -> str:
    client.cookies["django_language"] = lang
    url = reverse("stories:entity", kwargs={"slug": story.slug, "pk": entity.id})
    return client.get(url, query).content.decode()


def test_outlets_and_co_occurring_entities_are_paged_with_counts(client, crowded):
    story, minister = crowded
    first = entity_page(client, story, minister)
    mentions = first.split('id="mentions-heading"')[1].split("</section>")[0]
    assert mentions.count('<th scope="row">') == 20
    assert "20 من 25 منفذًا" in mentions
    co = first.split('id="co-heading"')[1].split("</section>")[0]
    assert co.count("<li>") == 20 and "20 من 23 كيانًا" in co
    assert "و3 كيانات أخرى" in co and "co_page=2" in co
    second = entity_page(client, story, minister, page=2, co_page=2)
    assert second.split('id="mentions-heading"')[1].split("</section>")[0].count('<th scope="row">') == 5
    assert "3 من 23 كيانًا" in second


def test_epithets_past_ten_are_one_click_away(client, crowded):
    story, minister = crowded
    html = entity_page(client, story, minister)
    card = html.split("<details")[1].split("</details>")[0]
    assert "ولقبان آخران" in card  # the dual
    assert "لقب 10" in card and "لقب 11" in card
    assert "لقب 09" not in card  # the first ten stay on the card itself
    english = entity_page(client, story, minister, lang="en")
    assert "and 2 more" in english and "20 of 25 outlets" in english and "20 of 23 entities" in english
