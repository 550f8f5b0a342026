"""Each claim's stored token union (ClaimTokenUnion) equals the one its live quotes spell, counted by quotes, after
uploads, deletes, editors' merges, splits and undos, story reanalyses and the migration that first fills it; and the
claim index reads exactly those tokens."""

from __future__ import annotations

import importlib
from collections import Counter

from django.apps import apps
from django.db.models import Count

from stories import services
from stories.models import Article, Claim, ClaimPosting, ClaimTokenCount, ClaimTokenUnion, Evidence
from stories.nlp.similarity import key_entry
from stories.services import claim_index, story_keys
from stories.services.reanalysis import story_reanalysis_start


def from_live(story_id: int) -> dict[int, Counter]:
    """Per matched claim, how many live quotes hold each token, read from the quotes themselves."""
    found: dict[int, Counter] = {}
    for matched, stored_key, key in story_keys.live_quotes(story_id).values_list(
        "matched", "index_key", "key"
    ):
        tokens = key_entry(matched, stored_key or key).tokens
        if tokens:
            found.setdefault(matched, Counter()).update(tokens)
    return found


def stored(story_id: int) -> dict[int, Counter]:
    rows = ClaimTokenUnion.objects.filter(story_id=story_id).values_list("claim_id", "tokens")
    return {claim_id: Counter(tokens) for claim_id, tokens in rows}


def in_step(story_id: int) -> dict[int, Counter]:
    """The story's stored unions, once the claim index was read (which rebuilds it after a reset), checked."""
    keys = claim_index.story_keys(story_id)
    kept, live = stored(story_id), from_live(story_id)
    assert kept == live
    assert all(n > 0 for tokens in kept.values() for n in tokens.values())  # a token no quote holds goes
    claim_ids = {*Claim.objects.filter(story_id=story_id).values_list("id", flat=True), *live, -1}
    assert keys.claim_tokens(claim_ids) == {c: set(t) for c, t in live.items()}
    return kept


def test_uploads_store_each_claim_s_tokens_as_its_live_quotes_spell_them(seed_story):
    kept = in_step(seed_story.id)
    assert len(kept) > 20
    shared = [c for c, tokens in kept.items() if max(tokens.values()) > 1]
    assert shared  # claims quoted by several articles count each token once per quote


def test_an_article_delete_takes_its_quotes_out_of_their_claims(seed_story):
    before = in_step(seed_story.id)
    gone = Article.objects.filter(story=seed_story).order_by("id")[2]
    its_claims = set(gone.evidence.values_list("matched_claim_id", flat=True))
    services.articles_delete(article_ids=[gone.id])
    after = in_step(seed_story.id)
    assert ClaimTokenCount.objects.filter(story=seed_story, token=claim_index.QUOTES).exists()  # no rebuild
    assert {c for c in before if before[c] != after.get(c)} == its_claims & set(before)
    assert set(before) - set(after)  # a claim only that article quoted has no row left


def test_a_merge_its_undo_and_reanalyses_keep_the_unions(seed_story, editor):
    claims = list(
        Claim.objects.filter(story=seed_story, merged_into__isnull=True, evidence__isnull=False)
        .distinct()
        .order_by("id")
    )
    source, into = claims[0], claims[1]
    before = in_step(seed_story.id)
    correction = services.claim_merge(claim=source, into=into, user=editor)
    assert in_step(seed_story.id) == before  # quotes stand under the claim the matcher chose
    article = Evidence.objects.filter(matched_claim_id=source.pk).values_list("article_id", flat=True)[0]
    services.article_analyse(article_id=article, force=True)  # the editor's pin is applied again
    assert Evidence.objects.filter(article_id=article, claim=into).exists()
    in_step(seed_story.id)
    services.correction_undo(correction=correction, user=editor)
    in_step(seed_story.id)
    services.article_analyse(article_id=article, force=True)
    assert in_step(seed_story.id) == before


def test_quotes_leaving_a_redirected_claim_come_back_into_the_unions(seed_story, editor):
    claims = Claim.objects.filter(story=seed_story, merged_into__isnull=True).order_by("id")
    claim = claims.annotate(n=Count("evidence")).filter(n__gte=2).first()
    in_step(seed_story.id)
    # As claims_redirect_emptied leaves a claim that still holds quotes an editor pinned there.
    Claim.objects.filter(pk=claim.pk).update(merged_into=claims.exclude(pk=claim.pk).first())
    services.claims_redirect_index_follow(claim_ids=[claim.pk])
    held = in_step(seed_story.id)
    moved = claim.evidence.order_by("id").first()
    services.claim_split(claim=Claim.objects.get(pk=claim.pk), evidence_ids=[moved.id], user=editor)
    back = in_step(seed_story.id)
    moved.refresh_from_db()
    assert back != held
    assert set(key_entry(0, moved.index_key or moved.key).tokens) <= set(back[moved.matched_claim_id])


def test_a_story_reanalysis_keeps_the_unions_at_every_step(seed_story):
    in_step(seed_story.id)
    story_reanalysis_start(story_id=seed_story.id)
    assert in_step(seed_story.id) == {}  # every article waits: none of its quotes is matched against
    assert services.story_reanalysis_step(story_id=seed_story.id, budget_seconds=0)
    assert in_step(seed_story.id)
    while services.story_reanalysis_step(story_id=seed_story.id, budget_seconds=0):
        in_step(seed_story.id)
    in_step(seed_story.id)


def test_the_migration_fills_a_built_index_and_drops_one_out_of_step(seed_story):
    migration = importlib.import_module("stories.migrations.0019_union12_claim_token_unions")
    kept = in_step(seed_story.id)
    ClaimTokenUnion.objects.all().delete()
    migration.claim_token_unions_build(apps, None)
    assert stored(seed_story.id) == kept
    ClaimTokenUnion.objects.all().delete()
    # A live quote the postings lack, as when quotes came back to matching without being indexed.
    ClaimPosting.objects.filter(evidence_id=ClaimPosting.objects.order_by("id")[0].evidence_id).delete()
    migration.claim_token_unions_build(apps, None)
    assert not ClaimTokenCount.objects.filter(story=seed_story).exists()  # rebuilt whole on first use
    assert in_step(seed_story.id) == kept


def test_a_claim_deleted_in_the_admin_leaves_the_unions_of_the_quotes_left(seed_story, editor_client):
    in_step(seed_story.id)
    claim = Claim.objects.filter(story=seed_story, evidence__isnull=False).order_by("id").first()
    response = editor_client.post(f"/admin/stories/claim/{claim.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Evidence.objects.filter(claim_id=claim.pk).exists()
    in_step(seed_story.id)


def test_an_article_moved_to_another_story_in_the_admin_moves_its_quotes_tokens(seed_story, rf, editor):
    from types import SimpleNamespace

    from django.contrib import admin

    from stories.models import Story

    before = in_step(seed_story.id)
    other = Story.objects.create(slug="other", title="other")
    in_step(other.id)
    article = Article.objects.filter(story=seed_story).order_by("id")[1]
    article.story = other
    form = SimpleNamespace(changed_data=["story"], initial={"story": seed_story.id})
    request = rf.post("/admin/")
    request.user = editor
    admin.site._registry[Article].save_model(request, article, form, True)
    assert in_step(seed_story.id) != before
    assert in_step(other.id)
