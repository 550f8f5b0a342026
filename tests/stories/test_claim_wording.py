"""A claim's shown wording as the analysis stores it: read from its first quotes, refreshed as quotes come."""

from __future__ import annotations

import pytest
from django.db import connection

from stories.models import Article, Claim, Evidence
from stories.services import claim_wording


def test_postgresql_reads_the_same_first_quotes_as_the_portable_query(seed_story, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the statement written for PostgreSQL")
    # One undated article and two sharing a date: the order's last resorts are exercised too.
    first, second, third = Article.objects.filter(story=seed_story).order_by("id")[:3]
    Article.objects.filter(id=first.id).update(published_at=None)
    Article.objects.filter(id=third.id).update(published_at=second.published_at)
    claim_ids = list(Claim.objects.filter(story=seed_story).values_list("id", flat=True))
    assert Evidence.objects.filter(claim_id__in=claim_ids).count() > len(claim_ids)
    for cut in (1, 2, claim_wording.WORDING_QUOTES):
        monkeypatch.setattr(claim_wording, "WORDING_QUOTES", cut)
        rows = claim_wording._wording_rows_pg(claim_ids)
        assert rows == list(claim_wording._wording_rows_orm(claim_ids))
        assert any(row[4] for row in rows)  # the headline test has a paragraph break to find
