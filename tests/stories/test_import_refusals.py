"""import_articles never aborts a batch: each bad line, file or name gets its exact refusal, and the good
inputs around it are imported; the run ends with a summary and exits non-zero."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from stories.models import Article, Source
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db(transaction=True)

LINE_A = "قال الوزير إن الوفد وصل إلى العاصمة صباح اليوم."
LINE_B = "وأضاف أن المحادثات ستستمر حتى نهاية الأسبوع المقبل."
MIXED_HINT = (
    "the file mixes text encodings, and some of its lines are in an encoding that could not be recognised."
)


def good(n: int) -> str:
    """A valid line whose text differs from every other, so none is a duplicate."""
    return json.dumps(
        {"text": f"{LINE_A} الفقرة رقم {n}.\n{LINE_B}", "source": "وكالة الاختبار"}, ensure_ascii=False
    )


def line(**row) -> str:
    return json.dumps({"text": LINE_A + " سطر سيئ.", **row}, ensure_ascii=False)


# (a bad JSONL line as written in the file, the exact reason printed after "refused batch.jsonl:N: ")
BAD_LINES: list[tuple[str, str]] = [
    ("[1, 2, 3]", "not a JSON object but an array"),
    ("42", "not a JSON object but a number"),
    ('"just a string"', "not a JSON object but str"),
    ("{not json", "not JSON (Expecting property name enclosed in double quotes, column 2)"),
    (json.dumps({"text": 12}), "'text' must be a string, not a number"),
    (json.dumps({"html": ["<p>x</p>"]}), "'html' must be a string, not an array"),
    (line(title={"ar": "x"}), "'title' must be a string, not an object"),
    (line(source=7), "'source' must be a string, not a number"),
    (line(url=True), "'url' must be a string, not true/false"),
    (line(published_at=20210502), "'published_at' must be a string, not a number"),
    (json.dumps({"title": "بلا نص"}, ensure_ascii=False), "neither 'text' nor 'html' holds any text"),
    (json.dumps({"text": "   \n  "}), "neither 'text' nor 'html' holds any text"),
    (
        line(url="javascript:alert(document.cookie)"),
        "The URL javascript:alert(document.cookie) is not a web link: only http:// and https:// URLs are accepted.",
    ),
    (
        line(url="data:text/html,<script>alert(1)</script>"),
        "The URL data:text/html,<script>alert(1)</script> is not a web link: only http:// and https:// URLs "
        "are accepted.",
    ),
    (
        line(url="ftp://files.example/a.txt"),
        "The URL ftp://files.example/a.txt is not a web link: only http:// and https:// URLs are accepted.",
    ),
    (line(url="https://news.example/" + "a" * 1000), "The URL is longer than 1000 characters (1021)."),
    (line(source="م" * 201), "The outlet name is longer than 200 characters (201)."),
    (
        line(published_at="2021-02-30"),
        "published_at '2021-02-30' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
    ),
    (
        line(published_at="yesterday"),
        "published_at 'yesterday' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
    ),
    (
        json.dumps({"text": LINE_A.encode().decode("cp1256") * 2}, ensure_ascii=False),
        'batch.jsonl:{n}: the text is garbled: UTF-8 Arabic was read in another encoding (it shows as "Ø§Ù„" or '
        '"ط§ظ„"). Save the original as UTF-8 and upload it again.',
    ),
]
# Raw bytes that are not UTF-8 inside an otherwise UTF-8 file (a line pasted from a windows-1256 editor).
CP1256_LINE = ('{"text": "' + LINE_B + '"}').encode("cp1256")


def run(*args: str) -> tuple[list[str], CommandError | None]:
    out = StringIO()
    try:
        call_command("import_articles", *args, stdout=out)
    except CommandError as exc:
        return out.getvalue().splitlines(), exc
    return out.getvalue().splitlines(), None


def test_every_bad_line_is_refused_exactly_and_every_good_line_around_it_imported(tmp_path):
    raw: list[bytes] = [good(0).encode()]
    expected: list[str | None] = [None]  # None: an imported line
    for number, (text, reason) in enumerate(BAD_LINES, start=1):
        raw += [text.encode(), good(number).encode()]
        expected += [reason, None]
    raw += [CP1256_LINE, good(99).encode()]
    expected += ["not UTF-8 (byte 0xe6 at column 11)", None]
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(raw) + b"\n")

    lines, error = run("--story", "table", str(path))

    assert len(lines) == len(expected) + 1
    for number, (printed, reason) in enumerate(zip(lines, expected, strict=False), start=1):
        if reason is None:
            article_id, status, origin = printed.split(" ", 2)
            assert (status, origin) == ("done", f"batch.jsonl:{number}"), printed
        elif reason.startswith("batch.jsonl:"):  # a refusal by the upload checks names its origin itself
            assert printed == f"refused batch.jsonl:{number}: {reason.format(n=number)}"
        else:
            assert printed == f"refused batch.jsonl:{number}: {reason}"
    goods = expected.count(None)
    assert lines[-1] == f"imported {goods}, refused {len(expected) - goods}"
    assert error is not None and error.returncode == 1
    assert Article.objects.filter(story__slug="table", status="done").count() == goods
    assert not Source.objects.filter(name__startswith="ممم").exists()


def test_bad_files_are_refused_and_the_files_around_them_imported(tmp_path):
    def write(name: str, data: bytes) -> Path:
        (tmp_path / name).write_bytes(data)
        return tmp_path / name

    latin = "Le ministre est arriv\u00e9 \u00e0 Damas.".encode("latin-1")
    files = [
        (write("1.txt", f"{LINE_A}\n1".encode()), None),
        (
            write("mixed.txt", LINE_A.encode() + b"\n" + latin),
            f"mixed.txt: {MIXED_HINT} Save the whole file as UTF-8 and upload it again.",
        ),
        (write("2.txt", f"{LINE_A}\n2".encode()), None),
        (
            write("garbled.txt", LINE_A.encode().decode("cp1252", errors="ignore").encode()),
            'garbled.txt: the text is garbled: UTF-8 Arabic was read in another encoding (it shows as "Ø§Ù„" or '
            '"ط§ظ„"). Save the original as UTF-8 and upload it again.',
        ),
        (
            write("lossy.txt", (LINE_A + "\n" + LINE_A.encode().decode("ascii", errors="replace")).encode()),
            "lossy.txt: the text has lost characters (it holds \ufffd replacement marks from an earlier failed "
            "conversion). Upload the original file.",
        ),
        (
            write("report.txt", b"%PDF-1.4 binary"),
            "report.txt: This file is a PDF document, not an article. Upload the article as plain text or an HTML "
            "page.",
        ),
        (write("empty.txt", b"  \n"), "empty.txt: The file is empty: there is no text to analyse."),
        (tmp_path / "missing.txt", "no such file or folder"),
        (Path("/proc/self/mem"), "cannot be read (Input/output error)"),
        (write("latin.jsonl", b'{"text": "' + latin + b'"}\n'), "not UTF-8 (byte 0xe9 at column 32)"),
        (write("3.txt", f"{LINE_A}\n3".encode()), None),
        (write("mixed-ok.txt", LINE_A.encode() + b"\n" + LINE_B.encode("cp1256")), None),
    ]
    lines, error = run("--story", "files", *[str(path) for path, _ in files])

    origins = {"missing.txt": str(tmp_path / "missing.txt"), "mem": "mem", "latin.jsonl": "latin.jsonl:1"}
    assert len(lines) == len(files) + 1
    for printed, (path, reason) in zip(lines, files, strict=False):
        origin = origins.get(path.name, path.name)
        if reason is None:
            assert printed.split(" ", 2)[1:] == ["done", origin], printed
        elif reason.startswith(path.name):
            assert printed == f"refused {origin}: {reason}"
        else:
            assert printed == f"refused {origin}: {reason}"
    assert lines[-1] == "imported 4, refused 8" and error is not None
    mixed = Article.objects.get(origin="mixed-ok.txt")
    assert mixed.text.split() == f"{LINE_A}\n{LINE_B}".split()  # decoded line by line, no garbling


def test_a_jsonl_text_whose_url_ends_in_html_is_text(tmp_path):
    path = tmp_path / "plain.jsonl"
    url = "https://news.example/2021/05/minister.html"
    path.write_text(json.dumps({"text": f"{LINE_A}\n{LINE_B}", "url": url}, ensure_ascii=False))
    lines, error = run("--story", "plain", str(path))
    assert error is None and lines[0].split(" ", 2)[1:] == ["done", url]
    assert Article.objects.get(url=url).text.split() == f"{LINE_A}\n{LINE_B}".split()


def test_a_failed_article_is_retried_by_a_reimport_with_corrected_metadata(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"{LINE_A}\n{LINE_B}")
    first, _ = run("--story", "retry", str(path))
    article = Article.objects.get()
    # As a worker leaves it after a failure (a broken date, an outage, a bug since fixed).
    Article.objects.filter(id=article.id).update(status="failed", error="boom", text="")

    again, error = run("--story", "retry", "--source", "جريدة مصححة", str(path))

    assert error is None and again == [f"{article.id} done a.txt", "imported 1, refused 0"]
    article.refresh_from_db()
    assert Article.objects.count() == 1 and article.error == "" and LINE_B in article.text
    assert article.source.name == "جريدة مصححة"
    # A done article is still a duplicate, refused as before.
    third, error = run("--story", "retry", str(path))
    assert third[0].startswith("refused a.txt: a.txt is identical to article #") and error is not None


def test_the_exit_code_says_whether_anything_was_refused(tmp_path):
    good_file = tmp_path / "good.txt"
    good_file.write_text(LINE_A)
    bad_file = tmp_path / "bad.jsonl"
    bad_file.write_text("[1]\n")
    env_db = f"sqlite:///{tmp_path / 'db.sqlite3'}"

    def manage(*args: str) -> subprocess.CompletedProcess:
        env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": env_db, "HOME": str(tmp_path)}
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert manage("migrate", "-v", "0").returncode == 0
    ok = manage("import_articles", "--story", "x", str(good_file))
    assert ok.returncode == 0 and ok.stdout.splitlines()[-1] == "imported 1, refused 0"
    refused = manage("import_articles", "--story", "x", str(bad_file))
    assert refused.returncode == 1 and refused.stdout.splitlines() == [
        "refused bad.jsonl:1: not a JSON object but an array",
        "imported 0, refused 1",
    ]
    assert "Traceback" not in refused.stderr
