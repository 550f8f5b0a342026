"""Uploads matched one by one against the story's stored index group their quotes exactly as the eval's matcher
held in memory groups them (nlp.upload_match over the same analyses, in upload order): what `make eval` scores is
what editors see, denials included (a claim that so far holds only denials stays one across uploads)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from stories import services
from stories.models import Article, Evidence
from stories.nlp import match
from stories.nlp.upload_match import upload_claims_matched
from stories.services.analysis import article_analysis_run

ROOT = Path(__file__).resolve().parents[2]
# Stories whose denials come in several uploads, some before the report they deny is matched.
STORIES = ["currency", "quake", "visas", "derailment"]


def groups(quotes) -> set[frozenset]:
    by_claim: dict[int, set] = {}
    for place, claim_id in quotes:
        by_claim.setdefault(claim_id, set()).add(place)
    return {frozenset(g) for g in by_claim.values()}


@pytest.mark.parametrize("name", STORIES)
def test_the_app_groups_an_uploaded_story_as_the_eval_matcher_does(transactional_db, name):
    gold = json.loads((ROOT / "tests/gold" / name / "story.json").read_text(encoding="utf-8"))
    story = services.story_get_or_create(slug=name, title=name)
    analyses = {}
    for file in gold["articles"]:
        path = ROOT / gold["corpus"] / file
        source = services.source_resolve(name=file.split("_")[-1].split(".")[0])
        services.article_ingest(story=story, data=path.read_bytes(), origin=file, source=source)
        article = Article.objects.get(story=story, origin=file)
        analyses[article.id] = article_analysis_run(article=article)[0]  # what the upload was given
    articles = list(Article.objects.filter(story=story, status="done").order_by("id"))
    assert len(articles) == len(gold["articles"])
    stored = Evidence.objects.filter(article__story=story).values_list(
        "article_id", "start", "end", "matched_claim_id", "stance"
    )
    app = groups(((a, s, e), c) for a, s, e, c, _ in stored)
    assert any(stance == "denies" for *_, stance in stored)

    index, fresh, quotes = match.ClaimIndex(), itertools.count(1), []
    for article in articles:
        analysis = analyses[article.id]
        keys = (
            Evidence.objects.filter(article=article)
            .order_by("start", "end")
            .values_list("start", "end", "key")
        )
        assert sorted((c.start, c.end, list(c.key)) for c in analysis.claims) == list(keys)
        ids = upload_claims_matched(index, analysis.claims, analysis.text, analysis.title, fresh.__next__)
        for claim, claim_id in zip(analysis.claims, ids, strict=True):
            index.add(claim_id, claim.key, claim.proposition)
            quotes.append(((article.id, claim.start, claim.end), claim_id))
    assert app == groups(quotes)


ACT = "~dismiss"  # an event class mark (keymarks.EVENT_MARK + a listed act)
R = ["وزير", "|", ACT, "اقال", "مدير", "مستشفى", "الكرامة", "بغداد", "فساد", "تحقيق"]
D1 = [ACT, "اقال", "شائعات", "مواقع", "تواصل"]
D2 = [ACT, "اقال", "مدير", "مستشفى", "الكرامة", "شائعات", "مواقع", "تواصل"]


def _upload(story, n: int, quotes: list[tuple[list[str], str, str]]) -> None:
    """One stored upload whose quotes (key, stance, proposition) open claims of their own or join the given ids."""
    from stories.models import Claim, Source
    from stories.services.claim_index import story_evidence_create

    text = " ".join(p for _, _, p in quotes)
    article = Article.objects.create(
        story=story,
        source=Source.objects.get_or_create(name=f"outlet {n}")[0],
        original=text.encode(),
        sha256=f"{n:064x}",
        origin=f"{n}.txt",
        text=text,
        status=Article.Status.DONE,
    )
    rows = []
    for key, stance, proposition in quotes:
        claim = Claim.objects.create(story=story, text=proposition, key=key, first_reported_in=article)
        rows.append(
            Evidence(
                claim=claim, article=article, start=0, end=1, stance=stance, key=key, proposition=proposition
            )
        )
    story_evidence_create(story_id=story.id, rows=rows)


def test_a_claim_that_so_far_holds_only_denials_yields_to_the_report_in_a_later_upload(db):
    """Upload 1 reports a dismissal, upload 2 denies it in words of its own (a claim of denials alone), upload 3
    denies it in words close to upload 2's: it joins the report's row, as it would had all three come in one
    upload, not the row of denials."""
    from stories.models import Story
    from stories.nlp.keymarks import HEAD_SEP
    from stories.services.claim_index import story_claim_index

    r, d1, d2 = ([HEAD_SEP if t == "|" else t for t in key] for key in (R, D1, D2))
    story = Story.objects.create(slug="dismissal", title="dismissal")
    filler = [([f"خبر{i}", f"عام{i}", f"نص{i % 5}"], "asserts", f"خبر {i}") for i in range(40)]
    _upload(story, 0, filler)
    _upload(story, 1, [(r, "asserts", "أقال الوزير مدير مستشفى الكرامة")])
    report = Evidence.objects.get(article__origin="1.txt").claim_id
    index = story_claim_index(story_id=story.id, with_orphans=False)
    assert index.best(d1, "نفى المدير إقالته", denial=True) is None  # too little of it: a row of its own
    _upload(story, 2, [(d1, "denies", "نفى المدير إقالته")])
    denials = Evidence.objects.get(article__origin="2.txt").claim_id

    index = story_claim_index(story_id=story.id, with_orphans=False)
    assert index.best(d2, "نفى المدير إقالته من مستشفى الكرامة")[0] == denials  # closest in words
    assert index.best(d2, "نفى المدير إقالته من مستشفى الكرامة", denial=True)[0] == report

    _upload(story, 3, [(r, "asserts", "أقال الوزير مدير مستشفى الكرامة")])
    Evidence.objects.filter(article__origin="3.txt").update(matched_claim_id=denials)  # a report joins it
    index = story_claim_index(story_id=story.id, with_orphans=False)
    assert index.best(d2, "نفى المدير إقالته من مستشفى الكرامة", denial=True)[0] == denials
