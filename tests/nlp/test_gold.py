"""Consistency of the hand-written gold set (tests/gold): every quote is locatable, ids are unique, values valid."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime

import pytest

from stories.nlp.types import ENTITY_KINDS, STANCES
from tests.eval.gold import Story, has_line, load_stories, locate_all, locate_name, raw_text

STORIES = load_stories()
ARTICLES = [(story, article) for story in STORIES for article in story.articles]
IDS = [f"{story.name}/{article}" for story, article in ARTICLES]
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _parse_date(value: str) -> date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def test_both_sets_present() -> None:
    sets = {s.name for s in load_stories("seeds")}, {s.name for s in load_stories("articles")}
    assert sets[0] and sets[1], sets
    assert sum(len(s.articles) for s in load_stories("seeds")) == 5
    assert 4 <= sum(len(s.articles) for s in load_stories("articles")) <= 6


@pytest.mark.parametrize(("story", "article"), ARTICLES, ids=IDS)
def test_article_gold_fields(story: Story, article: str) -> None:
    gold = story.gold[article]
    text = raw_text(story, article)
    assert gold["file"] == article
    if gold["published"] is not None:
        fmt = "%Y-%m-%dT%H:%M" if "T" in gold["published"] else "%Y-%m-%d"
        datetime.strptime(gold["published"], fmt)
    assert len(locate_all(gold["title"], text)) >= 1, gold["title"]
    for item in gold["chrome"] + gold["body"]:
        assert locate_all(item, text), item
    for line in gold["chrome_lines"]:
        assert has_line(line, text), line
    for item in gold["body"]:
        assert not any(chrome in item for chrome in gold["chrome"]), item


@pytest.mark.parametrize(("story", "article"), ARTICLES, ids=IDS)
def test_article_entities_occur(story: Story, article: str) -> None:
    names = {e["id"]: {e["name"], *e["aliases"]} for e in story.entities}
    text = raw_text(story, article)
    seen = set()
    for item in story.gold[article]["entities"]:
        assert item["id"] in names, item["id"]
        assert item["id"] not in seen, f"entity listed twice: {item['id']}"
        seen.add(item["id"])
        assert item["surfaces"], item["id"]
        for surface in item["surfaces"]:
            assert surface in names[item["id"]], (item["id"], surface)
            assert locate_name(surface, text), (item["id"], surface)
        for epithet in item["epithets"]:
            assert locate_name(epithet, text), (item["id"], epithet)


@pytest.mark.parametrize(("story", "article"), ARTICLES, ids=IDS)
def test_article_dates_unique_and_valid(story: Story, article: str) -> None:
    text = raw_text(story, article)
    for item in story.gold[article]["dates"]:
        assert DATE_RE.match(item["date"]), item
        _parse_date(item["date"])
        assert len(locate_all(item["snippet"], text)) == 1, item["snippet"]


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_story_ids_unique_and_kinds_valid(story: Story) -> None:
    entity_ids = [e["id"] for e in story.entities]
    claim_ids = [c["id"] for c in story.claims]
    assert len(entity_ids) == len(set(entity_ids))
    assert len(claim_ids) == len(set(claim_ids))
    assert all(e["kind"] in ENTITY_KINDS for e in story.entities)
    assert all(g["kind"] in ENTITY_KINDS for g in story.gazetteer)
    assert all(story.path(a).is_file() for a in story.articles)


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_evidence_snippets_locatable_once_and_disjoint(story: Story) -> None:
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for ev in story.evidence():
        assert ev.article in story.articles, ev
        assert ev.stance in STANCES and set(ev.also_ok) <= set(STANCES), ev
        assert 4 <= len(ev.snippet.split()) <= 12, ev.snippet
        found = locate_all(ev.snippet, raw_text(story, ev.article))
        assert len(found) == 1, (ev.article, ev.snippet, found)
        spans.setdefault(ev.article, []).append((*found[0], ev.snippet))
    for article, items in spans.items():
        items.sort()
        for (_, end_a, a), (start_b, _, b) in itertools.pairwise(items):
            assert end_a <= start_b, (article, a, b)


def test_shared_claims_span_outlets() -> None:
    """The seed story's cross-outlet groups really have evidence from the outlets the brief names."""
    seeds = load_stories("seeds")[0]
    outlets = {c["id"]: {e["article"][:3] for e in c["evidence"]} for c in seeds.claims}
    assert outlets["haftar_visit"] >= {"000", "001", "002", "004"}
    assert outlets["kamel_mamlouk_visit"] == {"000", "001", "002"}
    assert outlets["mou_missions"] == {"003", "004"}
    denials = [e for e in seeds.evidence() if e.stance == "denies"]
    assert [e.article[:3] for e in denials] == ["004"]


@pytest.mark.parametrize(("story", "article"), ARTICLES, ids=IDS)
def test_quotes_survive_cleaning(story: Story, article: str) -> None:
    """Body snippets and claim evidence must still be in the pipeline's cleaned text."""
    pipeline = pytest.importorskip("stories.nlp.pipeline")
    text = pipeline.analyse(story.path(article).read_bytes(), filename=article).text
    wanted = story.gold[article]["body"] + [e.snippet for e in story.evidence() if e.article == article]
    missing = [snippet for snippet in wanted if not locate_all(snippet, text)]
    assert not missing
