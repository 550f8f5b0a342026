"""The command contract users script against: import_articles, export_story, track_claim."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from stories.models import Article, Story, TrackedClaim

# Real commits: the analysis is enqueued with transaction.on_commit, exactly as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def run_refusing(*args) -> str:
    """An import that refuses something: its lines are printed, then it fails."""
    out = StringIO()
    with pytest.raises(CommandError, match=r"input\(s\) refused") as failed:
        call_command(*args, stdout=out)
    assert failed.value.returncode == 1
    return out.getvalue()


@pytest.fixture
def exported(seed_paths):
    lines = run("import_articles", "--story", "haftar", "--title", "حفتر", "--public", *map(str, seed_paths))
    return lines, json.loads(run("export_story", "haftar"))


def test_import_prints_one_line_per_article(exported, seed_paths):
    lines, _ = exported
    *rows, summary = lines.strip().splitlines()
    assert len(rows) == 5 and summary == "imported 5, refused 0"
    for row, path in zip(rows, seed_paths, strict=True):
        article_id, status, origin = row.split(" ", 2)
        assert status == "done" and origin.startswith(path.name)
        assert Article.objects.get(id=int(article_id)).origin == path.name
    story = Story.objects.get(slug="haftar")
    assert story.is_public and story.title == "حفتر"


def test_export_on_the_seed_story_meets_the_contract(exported):
    _, export = exported
    assert export["story"] == {"slug": "haftar", "title": "حفتر"}
    assert [a["status"] for a in export["articles"]] == ["done"] * 5
    texts = {a["id"]: a["text"] for a in export["articles"]}
    haftar = [e for e in export["entities"] if "حفتر" in e["name"]]
    assert haftar, [e["name"] for e in export["entities"]]
    assert {m["article_id"] for m in haftar[0]["mentions"]} == set(texts)
    for entity in export["entities"]:
        for m in entity["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(texts[m["article_id"]])
    assert len(export["claims"]) >= 8
    for claim in export["claims"]:
        assert claim["permalink"].startswith(f"/claims/{claim['id']}-")
        for ev in claim["evidence"]:
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["quote"]
    article_source = {a["id"]: a["source_id"] for a in export["articles"]}
    widest = max(
        len({article_source[ev["article_id"]] or ev["article_id"] for ev in c["evidence"]})
        for c in export["claims"]
    )
    assert widest >= 3
    for event in export["events"]:
        assert texts[event["article_id"]][event["start"] : event["end"]] == event["quote"]


def test_reimporting_is_refused_line_by_line(exported, seed_paths):
    again = run_refusing("import_articles", "--story", "haftar", str(seed_paths[0]))
    assert again.startswith(f"refused {seed_paths[0].name}: ") and "identical" in again
    assert again.splitlines()[-1] == "imported 0, refused 1"
    assert Article.objects.count() == 5


def test_jsonl_lines_take_their_source_from_the_url(tmp_path):
    rows = [
        {
            "text": "قال الوزير إن المطار سيفتح غدا أمام الرحلات الدولية.",
            "url": "https://www.example-news.com/a/1",
            "title": "المطار",
            "published_at": "2021-05-02T10:30",
        },
        {
            "html": "<html><body><p>أعلنت الشركة أنها ستبني مصنعا جديدا في المدينة الصناعية.</p></body></html>",
            "source": "جريدة الصباح",
        },
        {"title": "بلا نص"},
        "not json",
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows))
    lines = run_refusing("import_articles", "--story", "mixed", str(path)).strip().splitlines()
    assert len(lines) == 5 and lines[4] == "imported 2, refused 2"
    assert lines[2].startswith("refused batch.jsonl:3") and lines[3].startswith("refused batch.jsonl:4")
    first = Article.objects.get(url="https://www.example-news.com/a/1")
    assert first.source.name == "example-news.com" and first.source.domain == "example-news.com"
    assert first.published_iso() == "2021-05-02T10:30" and first.title == "المطار"
    second = Article.objects.exclude(id=first.id).get()
    assert second.source.name == "جريدة الصباح" and "مصنعا" in second.text


def test_import_of_a_missing_path_fails_clearly(tmp_path):
    lines = run_refusing("import_articles", "--story", "x", str(tmp_path / "missing.txt"))
    assert lines.splitlines() == [
        f"refused {tmp_path / 'missing.txt'}: no such file or folder",
        "imported 0, refused 1",
    ]


def test_export_of_an_unknown_story_fails_clearly():
    with pytest.raises(CommandError, match="no story"):
        run("export_story", "nope")


def test_track_claim_prints_a_stance_for_every_article(exported, tmp_path):
    out = json.loads(run("track_claim", "haftar", "زار حفتر دمشق سرا"))
    (claim,) = out["claims"]
    assert TrackedClaim.objects.get(id=claim["id"]).text == "زار حفتر دمشق سرا"
    assert len(claim["results"]) == 5
    texts = dict(Article.objects.values_list("id", "text"))
    for result in claim["results"]:
        assert result["stance"] in {"agree", "disagree", "discuss", "unrelated"}
        assert texts[result["article_id"]][result["start"] : result["end"]] == result["quote"]
    assert {r["stance"] for r in claim["results"]} - {"unrelated"}, "the seeds are about this very claim"
    listing = tmp_path / "claims.txt"
    listing.write_text("زار حفتر دمشق سرا\n\nأعيد افتتاح السفارة الليبية في دمشق\n", encoding="utf-8")
    out = json.loads(run("track_claim", "haftar", "--file", str(listing)))
    assert [c["text"] for c in out["claims"]] == ["زار حفتر دمشق سرا", "أعيد افتتاح السفارة الليبية في دمشق"]


def test_reanalyse_outdated_touches_only_failed_or_older_articles(exported):
    first, second, *rest = Article.objects.order_by("id")
    Article.objects.filter(id=first.id).update(pipeline_version="0.1")
    Article.objects.filter(id=second.id).update(status="failed", error="boom")
    lines = run("reanalyse", "haftar", "--outdated").strip().splitlines()
    assert sorted(lines) == sorted([f"{first.id} done", f"{second.id} done"])
    assert {a.status for a in Article.objects.all()} == {"done"}
    everything = run("reanalyse", "haftar").strip().splitlines()
    assert len(everything) == 5 and all(line.endswith(" done") for line in everything)
