"""A JSONL file uploaded from the admin is imported by a task, line by line, with its progress and refused lines
on the story's status page; a killed import resumes at the next line and never stores a line twice."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from stories import services
from stories.models import Article, ImportBatch, ImportLine, Story

pytestmark = pytest.mark.django_db(transaction=True)

BODIES = [
    "أعلنت وزارة الزراعة يوم الأحد بدء حملة وطنية لتلقيح المواشي في المحافظات الشمالية.",
    "قال المتحدث باسم الوزارة إن الحملة تشمل أكثر من مليون رأس من الأغنام والماعز.",
    "نفت الوزارة ما تداولته صفحات عن نقص في اللقاحات، مؤكدة أن المخزون يكفي الحملة كاملة.",
]


def line(body: str, **fields) -> str:
    return json.dumps({"text": body, **fields}, ensure_ascii=False)


def jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


MIXED = jsonl(
    line(BODIES[0], title="حملة التلقيح", url="https://example.org/news/1.html", source="صحيفة الريف"),
    "{not json",
    line(BODIES[1], published_at="2021-02-30"),
    json.dumps({"title": "بلا نص"}),
    line(BODIES[2], url="https://example.org/news/3.html"),
)


@pytest.fixture
def story():
    return Story.objects.create(slug="vaccines", title="تلقيح المواشي", is_public=True)


def upload(client, story, name: str, data: bytes):
    files = [SimpleUploadedFile(name, data, content_type="application/x-ndjson")]
    return client.post(reverse("admin:stories_article_upload"), {"story": story.id, "files": files})


def test_a_jsonl_upload_imports_its_good_lines_and_shows_each_refusal(editor_client, story):
    response = upload(editor_client, story, "feed.jsonl", MIXED)
    assert response.status_code == 302
    assert response["Location"] == reverse("stories:status", args=[story.slug])
    batch = ImportBatch.objects.get()
    assert bytes(batch.original) == MIXED  # the upload is kept whole
    assert (batch.status, batch.total, batch.done, batch.imported, batch.refused) == ("done", 5, 5, 2, 3)
    lines = {row.number: row for row in ImportLine.objects.filter(batch=batch)}
    assert sorted(lines) == [1, 2, 3, 4, 5]
    assert lines[2].refused.startswith("not JSON")
    assert "published_at '2021-02-30' is not a date" in lines[3].refused
    assert lines[4].refused == "neither 'text' nor 'html' holds any text"
    # Plain text under a URL ending in .html is text, not a page to extract (issue 9 item 1).
    stored = {a.url: a for a in Article.objects.filter(story=story)}
    assert set(stored) == {"https://example.org/news/1.html", "https://example.org/news/3.html"}
    assert {a.status for a in stored.values()} == {"done"}
    assert stored["https://example.org/news/1.html"].source.name == "صحيفة الريف"
    assert lines[1].article_id == stored["https://example.org/news/1.html"].id

    page = editor_client.get(response["Location"]).content.decode()
    assert "feed.jsonl" in page
    assert '<progress max="5" value="5">' in page
    assert "استورد منها 2 ورُفض 3" in page
    assert "feed.jsonl:2" in page and "not JSON" in page
    assert "neither &#x27;text&#x27; nor &#x27;html&#x27; holds any text" in page


def test_a_killed_import_resumes_at_the_next_line_and_stores_nothing_twice(
    story, django_capture_on_commit_callbacks
):
    lines = [line(f"{body} (النشرة {n})") for n in range(4) for body in BODIES]
    with override_settings(CELERY_TASK_ALWAYS_EAGER=False, CELERY_BROKER_URL="memory://localhost/"):
        with django_capture_on_commit_callbacks(execute=False):
            batch = services.import_batch_create(story=story, filename="long.jsonl", data=jsonl(*lines))
    # A first task imports one line and is then killed; a stale duplicate message runs a step too.
    assert services.import_batch_step(batch_id=batch.id, budget_seconds=0) is True
    assert services.import_batch_step(batch_id=batch.id, budget_seconds=0) is True
    batch.refresh_from_db()
    assert (batch.status, batch.done) == ("running", 2)
    assert services.import_batch_step(batch_id=batch.id) is False
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.imported, batch.refused) == ("done", 12, 12, 0)
    assert Article.objects.filter(story=story).count() == 12
    assert ImportLine.objects.filter(batch=batch).count() == 12
    assert services.import_batch_step(batch_id=batch.id) is False  # a late message changes nothing
    assert Article.objects.filter(story=story).count() == 12


def test_the_sweeper_resumes_an_import_whose_worker_died(story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        batch = services.import_batch_create(
            story=story, filename="feed.jsonl", data=jsonl(*(line(b) for b in BODIES))
        )
    long_ago = timezone.now() - timedelta(hours=1)
    ImportBatch.objects.filter(id=batch.id).update(status="running", touched_at=long_ago)
    report = services.analysis_sweep()
    assert report.batches_resumed == 1
    batch.refresh_from_db()
    assert (batch.status, batch.imported) == ("done", 3)


@pytest.mark.parametrize(
    ("data", "limit", "expected"),
    [
        (b"\n  \n", 200 * 1024 * 1024, "لا أسطر في الملف"),
        (jsonl(line(BODIES[0])), 10, "الملف أكبر من"),
    ],
)
def test_a_jsonl_file_that_cannot_be_imported_is_refused_whole(editor_client, story, data, limit, expected):
    with override_settings(NEWSDESK_BATCH_MAX_BYTES=limit):
        response = upload(editor_client, story, "feed.jsonl", data)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not ImportBatch.objects.exists() and not Article.objects.exists()


def test_a_line_the_command_refuses_is_refused_the_same_way_from_the_page(editor_client, story, tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "feed.jsonl"
    path.write_bytes(MIXED)
    other = Story.objects.create(slug="cli", title="cli")
    out = []
    with pytest.raises(CommandError):  # the command exits 1 when anything is refused
        call_command("import_articles", str(path), "--story", other.slug, stdout=_Sink(out))
    upload(editor_client, story, "feed.jsonl", MIXED)
    from_page = {f"feed.jsonl:{row.number}": row.refused for row in ImportLine.objects.exclude(refused="")}
    from_command = dict(
        text.removeprefix("refused ").split(": ", 1) for text in out if text.startswith("refused ")
    )
    assert from_page == from_command and len(from_page) == 3


class _Sink:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def write(self, text: str) -> None:
        self.lines.extend(t for t in text.splitlines() if t)

    def flush(self) -> None:
        pass
