"""An editor deleting articles in the admin: the story then shows what it would had they never been uploaded, for
everything derived from quotes (claim standing, first report, the claim index)."""

from __future__ import annotations

import pytest
from django.db.models import Count
from django.urls import reverse

from stories.models import Article, Claim, ClaimStats
from stories.services.claims import PUBLISHED_FIRST

from .test_claim_index import from_keys, stored
from .test_claim_stats import assert_stored_is_scratch

pytestmark = pytest.mark.django_db(transaction=True)


def _shared_claim_and_its_first(story) -> tuple[Claim, Article]:
    shared = (
        Claim.objects.filter(story=story, merged_into__isnull=True)
        .annotate(n=Count("evidence__article", distinct=True))
        .filter(n__gte=2)
        .exclude(first_reported_in=None)
        .order_by("-n", "id")
        .first()
    )
    assert shared is not None
    return shared, shared.first_reported_in


def _first_carrier(claim: Claim) -> int | None:
    carriers = Article.objects.filter(evidence__claim=claim).order_by(PUBLISHED_FIRST, "sha256")
    return carriers.values_list("id", flat=True).first()


def test_deleting_the_first_report_moves_the_claim_to_its_next_report(seed_story, editor_client):
    claim, first = _shared_claim_and_its_first(seed_story)
    outlets_before = ClaimStats.objects.get(claim=claim).outlets

    response = editor_client.post(
        reverse("admin:stories_article_delete", args=[first.id]), {"post": "yes"}, follow=True
    )

    assert response.status_code == 200
    assert not Article.objects.filter(id=first.id).exists()
    claim.refresh_from_db()
    assert claim.first_reported_in_id == _first_carrier(claim) is not None
    assert ClaimStats.objects.get(claim=claim).outlets == outlets_before - 1
    assert_stored_is_scratch(seed_story)
    assert stored(seed_story.id)[:2] == from_keys(seed_story.id)
    page = editor_client.get(reverse("stories:claim", args=[claim.id, claim.slug]), follow=True)
    assert page.status_code == 200


def test_deleting_several_from_the_list_keeps_every_claim_row_true(seed_story, editor_client):
    doomed = list(Article.objects.filter(story=seed_story).order_by("id").values_list("id", flat=True)[:2])

    response = editor_client.post(
        reverse("admin:stories_article_changelist"),
        {"action": "delete_selected", "_selected_action": doomed, "post": "yes"},
        follow=True,
    )

    assert response.status_code == 200
    assert Article.objects.filter(story=seed_story).count() == 3
    assert_stored_is_scratch(seed_story)
    assert stored(seed_story.id)[:2] == from_keys(seed_story.id)
    for claim in Claim.objects.filter(story=seed_story, evidence__isnull=False).distinct():
        assert claim.first_reported_in_id == _first_carrier(claim)
