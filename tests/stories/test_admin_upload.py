"""Editors upload through the admin: what is stored, what is refused, and that nothing is half-saved."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stories.models import Article, Source, Story

# Real commits: the analysis is enqueued with transaction.on_commit, exactly as in production.
pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = (
    "وزير الخارجية يزور العاصمة\n\n"
    "قالت وكالة الأنباء الرسمية إن وزير الخارجية سامر الحلبي وصل إلى العاصمة صباح الاثنين في زيارة رسمية.\n\n"
    "وأضافت الوكالة أن الوزير التقى رئيس الحكومة وبحث معه ملف المياه.\n"
)
UPLOAD_URL = "admin:stories_article_upload"


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
    form = editor_client.get(reverse(UPLOAD_URL))
    assert form.status_code == 200
    assert 'type="file"' in form.content.decode() and "multiple" in form.content.decode()


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
    assert "done" in listing


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
    response = upload(editor_client, story, txt("again.txt", ARTICLE.encode()))
    assert response.status_code == 200
    assert "identical to article" in response.content.decode()
    assert Article.objects.count() == 1


def test_the_same_file_may_go_into_another_story(editor_client, story):
    other = Story.objects.create(slug="other", title="أخرى")
    upload(editor_client, story, txt("first.txt", ARTICLE.encode()))
    upload(editor_client, other, txt("first.txt", ARTICLE.encode()))
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not an article"),
        ("noise.txt", bytes(range(32)) * 64, "not"),
        ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(200), "PDF"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("big.txt", ("خبر " * 1_400_000).encode("utf-8"), "larger than 5 MB"),
        ("article.pdf", ARTICLE.encode(), "only .txt and .html"),
    ],
)
def test_refused_files_get_a_clear_error_and_nothing_is_saved(editor_client, story, name, content, message):
    good = txt("good.txt", ARTICLE.encode())
    response = upload(editor_client, story, good, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    body = response.content.decode()
    assert name in body or message in body
    assert message.lower() in body.lower()
    assert Article.objects.count() == 0  # the good file of the same batch is not half-saved either


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
