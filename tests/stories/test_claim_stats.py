"""The stored claim ranks (ClaimStats) equal a computation from scratch after every kind of write, and the pages
read from them show the same rows, in the same order, with the same counts as pages computed from the evidence."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from stories import selectors, services
from stories.models import Article, Claim, ClaimStats, Evidence, Source
from stories.selectors.matrix import MATRIX_SORTS
from stories.services.claim_stats import claim_stats_kept, story_claim_stats_rebuild

from ..factories import make_article, make_claim, make_evidence, make_source, make_story


def computed(story) -> selectors.ComputedRanks:
    return selectors.ComputedRanks(story, selectors.story_ranking(story=story))


def assert_stored_is_scratch(story) -> None:
    story.refresh_from_db()
    assert story.claim_stats_ready
    stored, scratch = selectors.StoredRanks(story), computed(story)
    assert stored.every() == scratch.every()
    assert (stored.total, stored.key_count) == (scratch.total, scratch.key_count)
    for rows in selectors.ROW_SETS:
        assert stored.count(rows) == scratch.count(rows)
        for sort in MATRIX_SORTS:
            assert stored.ordered(rows, sort, 0, None) == scratch.ordered(rows, sort, 0, None), (rows, sort)
    assert stored.digest(8) == scratch.digest(8)
    assert stored.relays() == scratch.relays()
    assert stored.coverage() == scratch.coverage()
    outlets = list(Source.objects.values_list("id", flat=True))
    assert stored.own(outlets) == scratch.own(outlets)


def pages(story) -> list:
    """What a reader sees: every row set and sort of the matrix, the digest and the story's claim list."""
    seen = []
    for rows in selectors.ROW_SETS:
        for sort in MATRIX_SORTS:
            page = selectors.story_matrix_page(story=story, rows=rows, sort=sort)
            seen.append(
                (
                    [(r.claim.id, r.rank, r.positive, r.negative, r.mixed, r.silent) for r in page.rows],
                    [s.id for s in page.sources],
                    [(p.first.id, p.second.id, p.shared, p.agree) for p in page.pairs],
                    page.claim_count,
                    page.key_count,
                    page.detail_count,
                    page.pages,
                )
            )
        ranks = selectors.story_ranks(story=story)
        listed = selectors.story_first_claims_listed(
            story=story, filters=selectors.StoryFilters(), ranks=ranks, rows=rows
        )
        seen.append(([c.id for c in listed.claims], listed.count, listed.key_count, listed.detail_count))
    digest = selectors.story_digest(story=story, ranks=selectors.story_ranks(story=story))
    seen.append(([(d.claim.id, d.rank, d.silent) for d in digest.claims], digest.relays, digest.key_count))
    return seen


def assert_pages_unchanged(story) -> None:
    """The pages read from the stored rows equal the pages computed from the evidence."""
    story.refresh_from_db()
    from_stats = pages(story)
    story.claim_stats_ready = False
    from_evidence = pages(story)
    assert from_stats == from_evidence


def shared_claim(story) -> Claim:
    claims = Claim.objects.filter(story=story, merged_into__isnull=True).annotate(n=Count("evidence"))
    return claims.filter(n__gte=2).order_by("-n", "id").first()


def test_stats_follow_uploads_corrections_undo_and_reanalysis(seed_story, editor):
    assert ClaimStats.objects.filter(story=seed_story).exists()
    assert_stored_is_scratch(seed_story)
    assert_pages_unchanged(seed_story)

    evidence = Evidence.objects.filter(claim=shared_claim(seed_story)).order_by("id").first()
    override = services.stance_override(evidence=evidence, stance="denies", user=editor)
    assert ClaimStats.objects.get(claim_id=evidence.claim_id).contested
    assert_stored_is_scratch(seed_story)
    services.correction_undo(correction=override, user=editor)
    assert_stored_is_scratch(seed_story)

    big = shared_claim(seed_story)
    other = (
        Claim.objects.filter(story=seed_story, merged_into__isnull=True, evidence__isnull=False)
        .exclude(id=big.id)
        .order_by("id")
        .first()
    )
    merge = services.claim_merge(claim=other, into=big, user=editor)
    assert not ClaimStats.objects.filter(claim_id=other.id).exists()  # merged away: no longer a row
    assert_stored_is_scratch(seed_story)
    assert_pages_unchanged(seed_story)
    services.correction_undo(correction=merge, user=editor)
    assert_stored_is_scratch(seed_story)

    moved = list(Evidence.objects.filter(claim=big).order_by("id").values_list("id", flat=True)[:1])
    split = services.claim_split(claim=big, evidence_ids=moved, user=editor)
    assert ClaimStats.objects.get(claim_id=split.claim_id).pinned
    assert_stored_is_scratch(seed_story)
    services.correction_undo(correction=split, user=editor)
    assert_stored_is_scratch(seed_story)

    articles = list(Article.objects.filter(story=seed_story, duplicate_of__isnull=True).order_by("sha256"))
    copy = services.article_mark_copy(article=articles[-1], original=articles[0], user=editor)
    assert_stored_is_scratch(seed_story)
    off = services.article_mark_off_topic(article=articles[1], off_topic=True, user=editor)
    assert_stored_is_scratch(seed_story)
    assert_pages_unchanged(seed_story)
    services.correction_undo(correction=off, user=editor)
    services.correction_undo(correction=copy, user=editor)
    assert_stored_is_scratch(seed_story)

    services.claim_reword(claim=big, text="زار الوفد العاصمة", user=editor)
    services.claim_track(story=seed_story, text=big.text, user=editor, run_now=True)
    assert_stored_is_scratch(seed_story)

    services.story_reanalyse(story_id=seed_story.id)
    assert_stored_is_scratch(seed_story)
    assert_pages_unchanged(seed_story)


@pytest.mark.django_db
def test_a_relay_begins_when_the_credited_outlet_joins_the_story():
    """An outlet that only credits «الأنباء الوطنية» counts on its own until that outlet has an article too."""
    story = make_story(slug="relay")
    site, radio = make_source(name="موقع الخبر"), make_source(name="إذاعة البلد")
    quote = "زار الوزير المدينة أمس."
    visit = make_claim(story=story, text="زار الوزير المدينة")
    for source in (site, radio):
        article = make_article(story=story, source=source, text=quote)
        make_evidence(
            claim=visit, article=article, quote=quote, stance="attributes", attributed_to="الأنباء الوطنية"
        )
    story_claim_stats_rebuild(story_id=story.id)
    assert ClaimStats.objects.get(claim=visit).independent == 2
    article = make_article(story=story, source=None, text="خبر آخر لا ادعاء فيه.")
    with claim_stats_kept(article=article):  # as an analysis that finds the site's name does
        article.source = make_source(name="وكالة الأنباء الوطنية")
        article.save(update_fields=["source"])
    stats = ClaimStats.objects.get(claim=visit)
    assert (stats.independent, stats.relayed) == (1, True)
    assert_stored_is_scratch(story)


@pytest.mark.django_db
def test_the_command_builds_the_rows_of_a_story_analysed_before_them():
    story = make_story(slug="older")
    source = make_source(name="موقع الخبر")
    claim = make_claim(story=story, text="زار الوزير المدينة")
    make_evidence(claim=claim, article=make_article(story=story, source=source), quote="الوزير زار المدينة")
    assert not ClaimStats.objects.filter(story=story).exists()  # pages compute the ranks until then
    out = StringIO()
    call_command("claim_stats", "older", stdout=out)
    assert out.getvalue().split() == ["older", "1"]
    assert_stored_is_scratch(story)
