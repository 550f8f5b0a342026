"""Each editor's correction on the seed story, applied, then the whole story reanalysed twice (once under a bumped
pipeline version): the corrected item stays exactly as left, nothing else differs from a reanalysis without the
correction, and undoing it gives back the uncorrected state, also after reanalysis."""

from __future__ import annotations

import pytest
from django.db.models import Count

from stories import services
from stories.models import Article, Claim, Correction, Evidence
from stories.nlp import pipeline
from stories.services.corrections import quote_normalised

pytestmark = pytest.mark.django_db(transaction=True)


def quote_of(row: Evidence) -> tuple[str, str]:
    return (row.article.sha256, quote_normalised(row.quote))


def snapshot(story) -> dict:
    """What readers see, independent of evidence ids: each quote's group (by its claim's other quotes), claim
    text and stance; the articles' copy and topic marks."""
    rows = list(Evidence.objects.filter(article__story=story).select_related("article", "claim"))
    groups: dict[int, frozenset] = {}
    for row in rows:
        groups.setdefault(row.claim_id, set()).add(quote_of(row))
    groups = {k: frozenset(v) for k, v in groups.items()}
    quotes = {quote_of(r): (groups[r.claim_id], r.claim.text, r.stance, r.stance_by_editor) for r in rows}
    articles = {
        a.sha256: (a.duplicate_of.sha256 if a.duplicate_of else None, a.off_topic)
        for a in Article.objects.filter(story=story).select_related("duplicate_of")
    }
    return {"quotes": quotes, "articles": articles}


def reanalyse_twice(story, monkeypatch) -> None:
    services.story_reanalyse(story_id=story.id)
    monkeypatch.setattr(pipeline, "VERSION", pipeline.VERSION + "-bumped")
    services.story_reanalyse(story_id=story.id)
    assert set(Article.objects.filter(story=story).values_list("pipeline_version", flat=True)) == {
        pipeline.VERSION
    }


def differences(a: dict, b: dict) -> set:
    changed = {k for k in a["quotes"].keys() | b["quotes"].keys() if a["quotes"].get(k) != b["quotes"].get(k)}
    changed |= {k for k in a["articles"] if a["articles"][k] != b["articles"].get(k)}
    return changed


@pytest.fixture
def baseline(seed_story, monkeypatch):
    """The seed story after a reanalysis without any correction."""
    services.story_reanalyse(story_id=seed_story.id)
    return snapshot(seed_story)


def multi_quote_article(story) -> Article:
    return (
        Article.objects.filter(story=story)
        .annotate(n=Count("evidence"))
        .filter(n__gte=3)
        .order_by("sha256")
        .first()
    )


def shared_claim(story) -> Claim:
    return (
        Claim.objects.filter(story=story, merged_into__isnull=True)
        .annotate(n=Count("evidence"))
        .filter(n__gte=2)
        .order_by("-n", "id")
        .first()
    )


def test_stance_override_is_one_quote_and_survives_reanalysis(seed_story, baseline, editor, monkeypatch):
    article = multi_quote_article(seed_story)
    target = article.evidence.order_by("start").select_related("article").first()
    stance = "doubts" if target.stance != "doubts" else "denies"
    key = quote_of(target)
    correction = services.stance_override(evidence=target, stance=stance, user=editor)
    now = snapshot(seed_story)
    assert now["quotes"][key][2:] == (stance, True)
    assert differences(now, baseline) == {key}  # the other quotes of that article are untouched
    reanalyse_twice(seed_story, monkeypatch)
    after = snapshot(seed_story)
    assert after["quotes"][key][2:] == (stance, True)
    assert differences(after, baseline) == {key}
    correction.refresh_from_db()
    assert correction.state == Correction.State.APPLIED
    services.correction_undo(correction=correction, user=editor)
    assert differences(snapshot(seed_story), baseline) == set()
    reanalyse_twice(seed_story, monkeypatch)
    assert differences(snapshot(seed_story), baseline) == set()


def test_reword_keeps_the_quotes_and_survives_reanalysis(seed_story, baseline, editor, monkeypatch):
    claim = shared_claim(seed_story)
    quotes = {quote_of(e) for e in claim.evidence.select_related("article")}
    correction = services.claim_reword(claim=claim, text="  صياغة   المحرر ", user=editor)
    reanalyse_twice(seed_story, monkeypatch)
    claim.refresh_from_db()
    assert claim.text == "صياغة المحرر" and claim.text_by_editor
    assert {quote_of(e) for e in claim.evidence.select_related("article")} == quotes
    after = snapshot(seed_story)
    assert differences(after, baseline) == quotes  # only the shown text of those quotes' claim changed
    assert all(after["quotes"][q][1] == "صياغة المحرر" for q in quotes)
    services.correction_undo(correction=correction, user=editor)
    assert differences(snapshot(seed_story), baseline) == set()
    reanalyse_twice(seed_story, monkeypatch)
    assert differences(snapshot(seed_story), baseline) == set()


def test_merge_holds_and_redirects_after_reanalysis(seed_story, baseline, editor, monkeypatch, client):
    claims = list(
        Claim.objects.filter(story=seed_story, merged_into__isnull=True, evidence__isnull=False)
        .distinct()
        .order_by("id")
    )
    source, into = claims[0], claims[1]
    moved = {quote_of(e) for e in source.evidence.select_related("article")}
    kept = {quote_of(e) for e in into.evidence.select_related("article")}
    correction = services.claim_merge(claim=source, into=into, user=editor)
    reanalyse_twice(seed_story, monkeypatch)
    source.refresh_from_db()
    into = Claim.objects.get(pk=into.pk)
    assert source.merged_into_id == into.pk
    assert {quote_of(e) for e in into.evidence.select_related("article")} == moved | kept
    assert client.get(f"/claims/{source.pk}/").status_code in (301, 302)
    assert (
        client.get(f"/claims/{source.pk}/", follow=True)
        .request["PATH_INFO"]
        .startswith(f"/claims/{into.pk}-")
    )
    after = snapshot(seed_story)
    assert differences(after, baseline) == moved | kept
    services.correction_undo(correction=correction, user=editor)
    assert differences(snapshot(seed_story), baseline) == set()
    reanalyse_twice(seed_story, monkeypatch)
    assert differences(snapshot(seed_story), baseline) == set()


def test_split_moves_exactly_the_chosen_quotes_for_good(seed_story, baseline, editor, monkeypatch):
    claim = shared_claim(seed_story)
    rows = list(claim.evidence.select_related("article").order_by("article__sha256", "start"))
    chosen = rows[-1]
    correction = services.claim_split(claim=claim, evidence_ids=[chosen.id], user=editor, text="ادعاء مفصول")
    new = correction.claim
    reanalyse_twice(seed_story, monkeypatch)
    assert [quote_of(e) for e in Evidence.objects.filter(claim=new).select_related("article")] == [
        quote_of(chosen)
    ]
    assert differences(snapshot(seed_story), baseline) == {quote_of(r) for r in rows}
    services.correction_undo(correction=correction, user=editor)
    assert differences(snapshot(seed_story), baseline) == set()
    new.refresh_from_db()
    assert new.merged_into_id is not None  # the split-off claim's permalink now leads to where its quote went
    reanalyse_twice(seed_story, monkeypatch)
    assert differences(snapshot(seed_story), baseline) == set()


@pytest.mark.parametrize("kind", ["copy", "off_topic"])
def test_article_marks_survive_reanalysis_and_undo(seed_story, baseline, editor, monkeypatch, kind):
    articles = list(Article.objects.filter(story=seed_story, duplicate_of__isnull=True).order_by("sha256"))
    article, original = articles[-1], articles[0]
    if kind == "copy":
        correction = services.article_mark_copy(article=article, original=original, user=editor)
        expected = (original.sha256, False)
    else:
        correction = services.article_mark_off_topic(article=article, off_topic=True, user=editor)
        expected = (None, True)
    reanalyse_twice(seed_story, monkeypatch)
    after = snapshot(seed_story)
    assert after["articles"][article.sha256] == expected
    assert differences(after, baseline) == {article.sha256}
    services.correction_undo(correction=correction, user=editor)
    reanalyse_twice(seed_story, monkeypatch)
    assert differences(snapshot(seed_story), baseline) == set()


def test_a_quote_whose_text_is_gone_leaves_its_correction_orphaned(seed_story, editor):
    article = multi_quote_article(seed_story)
    target = article.evidence.order_by("start").select_related("article").first()
    correction = services.stance_override(evidence=target, stance="denies", user=editor)
    Correction.objects.filter(pk=correction.pk).update(
        quotes=[{**correction.quotes[0], "text": correction.quotes[0]["text"] + " نص لم يعد موجودا"}]
    )
    services.story_reanalyse(story_id=seed_story.id)
    correction.refresh_from_db()
    assert correction.state == Correction.State.ORPHANED  # kept, shown, applied to nothing
    assert not Evidence.objects.filter(article=article, stance_by_editor=True).exists()
