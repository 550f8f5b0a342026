"""Editors upload through the admin: what is stored, what is refused, and that nothing is half-saved."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from stories.models import Article, Source, Story

# Real commits: the analysis is enqueued with transaction.on_commit, exactly as in production.
pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = (
    "وزير الخارجية يزور العاصمة\n\n"
    "قالت وكالة الأنباء الرسمية إن وزير الخارجية سامر الحلبي وصل إلى العاصمة صباح الاثنين في زيارة رسمية.\n\n"
    "وأضافت الوكالة أن الوزير التقى رئيس الحكومة وبحث معه ملف المياه.\n"
)
UPLOAD_URL = "admin:stories_article_upload"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def iso(name: str) -> str:
    """A file name as Arabic messages carry it: bidi-isolated, so "000_a.txt" is not shown as "a.txt_000"."""
    return f"\u2068{name}\u2069"


@pytest.fixture
def story():
    return Story.objects.create(slug="visit", title="زيارة")


def upload(client, story, *files, **extra):
    data = {"story": story.id, "files": list(files), **extra}
    return client.post(reverse(UPLOAD_URL), data)


def txt(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/plain")


def test_upload_form_is_reachable_from_the_article_list(editor_client):
    page = editor_client.get(reverse("admin:stories_article_changelist"))
    assert reverse(UPLOAD_URL) in page.content.decode()
    assert "رفع مقالات" in page.content.decode()
    form = editor_client.get(reverse(UPLOAD_URL))
    assert form.status_code == 200
    assert 'type="file"' in form.content.decode() and "multiple" in form.content.decode()
    assert "ارفع وحلّل" in form.content.decode() and "Upload and analyse" not in form.content.decode()


def test_upload_stores_the_original_and_analyses_it(editor_client, story):
    raw = ARTICLE.encode("utf-8")
    response = upload(editor_client, story, txt("visit.txt", raw), new_source="وكالة الأنباء")
    assert response.status_code == 302
    article = Article.objects.get()
    assert bytes(article.original) == raw
    assert article.origin == "visit.txt"
    assert article.source == Source.objects.get(name="وكالة الأنباء")
    assert article.status == Article.Status.DONE, article.error
    assert "سامر الحلبي" in article.text
    listing = editor_client.get(reverse("admin:stories_article_changelist")).content.decode()
    assert 'data-status="done"' in listing and ">اكتمل</span>" in listing


def test_many_files_and_windows_1256_in_one_upload(editor_client, story):
    files = [
        txt("a.txt", ARTICLE.encode("utf-8")),
        txt("b.txt", ARTICLE.replace("الاثنين", "الثلاثاء").encode("cp1256")),
        SimpleUploadedFile(
            "c.html",
            f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode(),
            content_type="text/html",
        ),
    ]
    response = upload(editor_client, story, *files)
    assert response.status_code == 302
    articles = {a.origin: a for a in Article.objects.all()}
    assert set(articles) == {"a.txt", "b.txt", "c.html"}
    assert "الثلاثاء" in articles["b.txt"].text
    assert all(a.status == "done" for a in articles.values()), [a.error for a in articles.values()]


def test_byte_identical_upload_is_refused_and_never_stored_twice(editor_client, story):
    upload(editor_client, story, txt("first.txt", ARTICLE.encode()))
    first = Article.objects.get()
    response = upload(editor_client, story, txt("again.txt", ARTICLE.encode()))
    assert response.status_code == 200
    expected = f"{iso('again.txt')} مطابق تمامًا للمقالة رقم {first.id} ({iso('first.txt')})، فلن يُخزَّن مرتين."
    assert escape(expected) in response.content.decode()
    assert Article.objects.count() == 1


def test_the_same_file_twice_in_one_batch_is_refused(editor_client, story):
    response = upload(editor_client, story, txt("a.txt", ARTICLE.encode()), txt("b.txt", ARTICLE.encode()))
    assert response.status_code == 200
    expected = f"{iso('b.txt')} مطابق تمامًا للملف {iso('a.txt')} في هذه الدفعة."
    assert escape(expected) in response.content.decode()
    assert Article.objects.count() == 0


def test_the_same_file_may_go_into_another_story(editor_client, story):
    other = Story.objects.create(slug="other", title="أخرى")
    upload(editor_client, story, txt("first.txt", ARTICLE.encode()))
    upload(editor_client, other, txt("first.txt", ARTICLE.encode()))
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "photo.txt",
            PNG,
            iso("photo.txt") + ": هذا الملف صورة PNG وليس مقالة. ارفع المقالة نصًا عاديًا أو صفحة HTML.",
        ),
        (
            "noise.txt",
            bytes(range(32)) * 64,
            iso("noise.txt") + ": هذا الملف ثنائي (فيه بايتات NUL) وليس مقالة نصية.",
        ),
        (
            "paper.txt",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(200),
            iso("paper.txt") + ": هذا الملف مستند PDF وليس مقالة. ارفع المقالة نصًا عاديًا أو صفحة HTML.",
        ),
        ("empty.txt", b"", iso("empty.txt") + ": الملف فارغ، ليس فيه نص للتحليل."),
        ("blank.txt", b"   \n\n  ", iso("blank.txt") + ": الملف فارغ، ليس فيه نص للتحليل."),
        ("big.txt", ("خبر " * 1_400_000).encode("utf-8"), iso("big.txt") + " أكبر من 5 ميغابايت."),
        ("article.pdf", ARTICLE.encode(), iso("article.pdf") + ": لا تُقبل إلا ملفات .txt و.html و.jsonl."),
    ],
)
def test_refused_files_get_a_clear_arabic_error_and_nothing_is_saved(
    editor_client, story, name, content, message
):
    good = txt("good.txt", ARTICLE.encode())
    response = upload(editor_client, story, good, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    body = response.content.decode()
    assert escape(message) in body
    assert Article.objects.count() == 0  # the good file of the same batch is not half-saved either


def test_editors_who_chose_english_read_the_refusal_in_english(editor_client, story):
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = upload(editor_client, story, SimpleUploadedFile("photo.txt", PNG))
    assert response.status_code == 200
    body = response.content.decode()
    expected = (
        "photo.txt: This file is a PNG image, not an article. "
        "Upload the article as plain text or an HTML page."
    )
    assert escape(expected) in body
    assert "صورة PNG" not in body and "Upload and analyse" in body
    assert Article.objects.count() == 0


def test_article_list_keeps_the_status_in_view(editor_client, story):
    long_title = "عنوان طويل جدا " * 20
    done = Article.objects.create(
        story=story, original=b"x", sha256="a" * 64, origin="a.txt", title=long_title, status="done"
    )
    Article.objects.create(
        story=story,
        original=b"y",
        sha256="b" * 64,
        origin="b.txt",
        status="failed",
        error="ValueError: broken <input>",
        duplicate_of=done,
    )
    listing = editor_client.get(reverse("admin:stories_article_changelist")).content.decode()
    assert f'title="{escape(long_title)}"' in listing  # the full title on hover,
    assert f">{escape(long_title)}<" not in listing  # but a shortened one in the cell
    assert 'data-status="failed" title="ValueError: broken &lt;input&gt;">فشل</span>' in listing
    copy_link = reverse("admin:stories_article_change", args=[done.id])
    assert f'<a href="{copy_link}">المقالة رقم {done.id}</a>' in listing
    assert "column-story" not in listing and "column-status_badge" in listing


def test_upload_requires_staff(client, django_user_model, story):
    django_user_model.objects.create_user("reader", password="pw-reader-123")
    client.login(username="reader", password="pw-reader-123")
    response = upload(client, story, txt("a.txt", ARTICLE.encode()))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_upload_enqueues_analysis_only_after_commit(editor_client, story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        upload(editor_client, story, txt("a.txt", ARTICLE.encode()))
    article = Article.objects.get()
    assert article.status == Article.Status.QUEUED  # saved first, analysed only once the commit is done
    assert len(callbacks) == 1
    callbacks[0]()
    article.refresh_from_db()
    assert article.status == Article.Status.DONE


def test_reanalyse_action_and_original_download(editor_client, story):
    upload(editor_client, story, txt("a.txt", ARTICLE.encode()))
    article = Article.objects.get()
    Article.objects.filter(id=article.id).update(text="", status="failed", error="old")
    response = editor_client.post(
        reverse("admin:stories_article_changelist"),
        {"action": "reanalyse", "_selected_action": [article.id]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "done" and article.error == "" and "سامر الحلبي" in article.text
    original = editor_client.get(reverse("admin:stories_article_original", args=[article.id]))
    assert original.content == ARTICLE.encode()


def test_refusal_without_a_known_code_keeps_the_pipeline_english():
    from stories.nlp.types import AnalysisError
    from stories.services import upload_refusal

    odd = AnalysisError("Odd input.", code="new-kind")
    with translation.override("en"):
        assert upload_refusal(odd, filename="x.txt") == "x.txt: Odd input."
    with translation.override("ar"):
        assert upload_refusal(odd, filename="x.txt") == iso("x.txt") + ": Odd input."
        undecodable = upload_refusal(AnalysisError("English.", code="undecodable"))
    assert undecodable.startswith("الملف المرفوع: تعذّر التعرّف على ترميز النص.")


@pytest.mark.django_db(transaction=True)
def test_story_action_reanalyses_only_failed_or_outdated_articles(editor_client, story):
    upload(
        editor_client,
        story,
        txt("a.txt", ARTICLE.encode()),
        txt("b.txt", ARTICLE.replace("صباح", "مساء").encode()),
    )
    upload(editor_client, story, txt("c.txt", ARTICLE.replace("صباح", "ظهر").encode()))
    a, b, c = Article.objects.order_by("origin")
    Article.objects.filter(id=a.id).update(status="failed", error="boom", text="")
    Article.objects.filter(id=b.id).update(pipeline_version="0.0", text="")
    Article.objects.filter(id=c.id).update(text="untouched")  # current version, done: must be left alone
    response = editor_client.post(
        reverse("admin:stories_story_changelist"),
        {"action": "reanalyse_failed_or_outdated", "_selected_action": [story.id]},
    )
    assert response.status_code == 302
    a.refresh_from_db(), b.refresh_from_db(), c.refresh_from_db()
    assert a.status == b.status == "done" and "سامر الحلبي" in a.text and "سامر الحلبي" in b.text
    assert c.text == "untouched"


@pytest.mark.django_db(transaction=True)
def test_the_outlet_named_by_the_page_replaces_the_file_name_stand_in(editor_client, story):
    page = (
        '<html><head><meta property="og:site_name" content="جريدة الميدان"><title>المطار</title></head>'
        f"<body><article><p>{ARTICLE}</p></article></body></html>"
    )
    credit = "حادث سير على الطريق الدولي\n\nالمرصد المحلي؛ قسم الأخبار\n\nقال الدفاع المدني إن ثلاثة أشخاص أصيبوا في حادث سير صباح اليوم.\n"
    upload(
        editor_client,
        story,
        SimpleUploadedFile("page.html", page.encode(), content_type="text/html"),
        txt("credit.txt", credit.encode()),
        txt("plain.txt", ARTICLE.replace("صباح", "ليل").encode()),
    )
    sources = dict(Article.objects.values_list("origin", "source__name"))
    assert sources == {"page.html": "جريدة الميدان", "credit.txt": "المرصد المحلي", "plain.txt": "plain"}
    assert not Source.objects.filter(
        name__in=["page", "credit"]
    ).exists()  # stand-ins left behind are removed
