"""Provenance on the claim page: who only relays another outlet's report, and whom they credit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories.selectors import claim_provenance
from tests.factories import make_article, make_claim, make_evidence, make_source, make_story

pytestmark = pytest.mark.django_db


def appearance(outlet: str, stance: str, attributed_to: str = "") -> dict:
    return {"article__source__name": outlet, "stance": stance, "attributed_to": attributed_to}


def test_outlets_that_only_attribute_are_relays_with_their_credits():
    result = claim_provenance(
        appearances=[
            appearance("أ", "attributes", "صحيفة الفجر"),
            appearance("ب", "attributes", "صحيفة الفجر"),
            appearance("ب", "attributes", "مصادر"),
            appearance("ج", "asserts"),
            appearance("ج", "attributes", "وكالة النبأ"),
        ]
    )
    assert result["relays"] == [
        {"outlet": "أ", "credits": ["صحيفة الفجر"]},
        {"outlet": "ب", "credits": ["صحيفة الفجر", "مصادر"]},
    ]
    assert result["credited"][0] == "صحيفة الفجر"


def test_claim_page_names_relays_and_the_credited_source(client):
    story = make_story()
    relay, own = make_source(name="موقع الناقل"), make_source(name="جريدة الميدان")
    text = "ذكرت صحيفة الفجر أن الوزير استقال من منصبه."
    claim = make_claim(story=story, text="الوزير استقال من منصبه")
    make_evidence(
        claim=claim,
        article=make_article(story=story, source=relay, text=text),
        quote=text,
        stance="attributes",
        attributed_to="صحيفة الفجر",
    )
    other = "استقال الوزير من منصبه أمس."
    make_evidence(claim=claim, article=make_article(story=story, source=own, text=other), quote=other)
    html = client.get(reverse("stories:claim", kwargs={"pk": claim.pk, "slug": claim.slug})).content.decode()
    provenance = html.split('class="provenance"')[1].split("</p>")[0]
    assert "موقع الناقل" in provenance and "صحيفة الفجر" in provenance
    assert "جريدة الميدان" not in provenance
