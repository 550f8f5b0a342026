"""What an operator or editor does, run in its own process against the fault tests' private services.

Usage: python -m tests.faults.drive COMMAND [ARGS...]; prints one JSON object on its last line.
"""

from __future__ import annotations

import io
import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from stories import services  # noqa: E402
from stories.models import Article, Claim, Story  # noqa: E402

EDITOR = "faults-editor"


def setup() -> dict:
    from django.contrib.auth.models import User

    call_command("migrate", verbosity=0)
    User.objects.create_superuser(EDITOR, password="pw-faults-123")
    services.story_get_or_create(slug="faults", title="اختبار الأعطال", is_public=True)
    return {"ok": True}


def editor_client() -> Client:
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.get(username=EDITOR))
    return client


def upload(*paths: str) -> dict:
    """Upload files through the admin page, as an editor does, and read the messages it shows."""
    client = editor_client()
    story = Story.objects.get(slug="faults")
    files = [SimpleUploadedFile(os.path.basename(p), open(p, "rb").read()) for p in paths]
    response = client.post(
        reverse("admin:stories_article_upload"), {"story": story.id, "files": files}, follow=True
    )
    first = response.redirect_chain[0][1] if response.redirect_chain else response.status_code
    return {"status": first, "html": response.content.decode()}


def import_jsonl(path: str) -> dict:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", path, "--story", "faults", stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    except Exception as exc:  # the test reports what the command did, a crash included
        return {"code": 1, "out": out.getvalue(), "error": f"{type(exc).__name__}: {exc}"}
    return {"code": code, "out": out.getvalue(), "error": err.getvalue()}


def ingest(*paths: str) -> dict:
    story = Story.objects.get(slug="faults")
    ids = [
        services.article_ingest(story=story, data=open(p, "rb").read(), origin=os.path.basename(p)).id
        for p in paths
    ]
    return {"ids": ids}


def status_page(language: str = "ar") -> dict:
    from django.conf import settings

    client = editor_client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language  # the site's language switch sets this cookie
    story = Story.objects.get(slug="faults")
    response = client.get(reverse("stories:status", kwargs={"slug": story.slug}))
    return {"code": response.status_code, "html": response.content.decode()}


def reanalyse() -> dict:
    services.story_reanalyse_enqueue(story_id=Story.objects.get(slug="faults").id)
    return {"ok": True}


def reanalyse_now() -> dict:
    """The whole story reanalysed in this process, start to end: the uninterrupted run to compare with."""
    return {"ids": services.story_reanalyse(story_id=Story.objects.get(slug="faults").id)}


def claims() -> dict:
    rows = Claim.objects.filter(story__slug="faults").values_list("id", "merged_into_id")
    return {"claims": {str(i): m for i, m in rows}, "articles": Article.objects.count()}


COMMANDS = {
    "setup": setup,
    "upload": upload,
    "import": import_jsonl,
    "ingest": ingest,
    "status_page": status_page,
    "reanalyse": reanalyse,
    "reanalyse_now": reanalyse_now,
    "claims": claims,
}

if __name__ == "__main__":
    result = COMMANDS[sys.argv[1]](*sys.argv[2:])
    print(json.dumps(result, ensure_ascii=False))
