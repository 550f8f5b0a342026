"""The corrections JSON API: staff only, CSRF-checked, each action answers with what changed; refusals are 400s
that change nothing."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from stories.models import Claim, Correction, Evidence
from tests.factories import make_story_with_matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return make_story_with_matrix(sources=3, claims=3)


def post(client, url: str, body) -> tuple[int, dict]:
    response = client.post(url, json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


def test_stance_changes_one_quote_and_undo_restores_it(editor_client, story):
    claim = Claim.objects.filter(story=story).order_by("id").first()
    quote, other = list(Evidence.objects.filter(claim=claim).order_by("id"))[:2]
    before = dict(Evidence.objects.filter(claim__story=story).values_list("id", "stance"))
    status, body = post(editor_client, f"/api/evidence/{quote.id}/stance", {"stance": "doubts"})
    assert status == 200
    assert body["evidence"]["id"] == quote.id and body["evidence"]["stance"] == "doubts"
    assert body["evidence"]["stance_by_editor"] is True and body["correction"]["kind"] == "stance"
    after = dict(Evidence.objects.filter(claim__story=story).values_list("id", "stance"))
    assert {k for k in after if after[k] != before[k]} == (
        {quote.id} if before[quote.id] != "doubts" else set()
    )
    status, body = post(editor_client, f"/api/corrections/{body['correction']['id']}/undo", {})
    assert status == 200 and body["correction"]["state"] == "undone"
    assert dict(Evidence.objects.filter(claim__story=story).values_list("id", "stance")) == before
    assert Evidence.objects.get(id=other.id).stance == before[other.id]


def test_reword_merge_split_and_copy(editor_client, story):
    first, second, third = Claim.objects.filter(story=story).order_by("id")
    status, body = post(editor_client, f"/api/claims/{first.id}/reword", {"text": "صياغة جديدة"})
    assert status == 200 and body["claim"]["text"] == "صياغة جديدة"
    ids = list(third.evidence.order_by("id").values_list("id", flat=True))
    status, body = post(editor_client, f"/api/claims/{third.id}/split", {"evidence": ids[:1]})
    assert status == 200 and [e["id"] for e in body["new"]["evidence"]] == ids[:1]
    assert Claim.objects.get(id=body["claim"]).evidence.count() == 1
    status, body = post(editor_client, f"/api/claims/{second.id}/merge", {"into": first.id})
    assert status == 200 and body["merged"]["merged_into"] == first.id
    assert {e["claim"] for e in body["claim"]["evidence"]} == {first.id}
    a, b = story.articles.order_by("id")[:2]
    status, body = post(editor_client, f"/api/articles/{b.id}/copy-of", {"original": a.id})
    assert status == 200 and body["article"] == {"id": b.id, "duplicate_of": a.id, "off_topic": False}
    assert Correction.objects.filter(story=story).count() == 4


@pytest.mark.parametrize(
    "url, body",
    [
        ("/api/evidence/{quote}/stance", {"stance": "maybe"}),
        ("/api/evidence/{quote}/stance", ["doubts"]),
        ("/api/claims/{claim}/reword", {"text": "   "}),
        ("/api/claims/{claim}/merge", {"into": "{claim}"}),
        ("/api/claims/{claim}/merge", {"into": None}),
        ("/api/claims/{claim}/split", {"evidence": []}),
        ("/api/claims/{claim}/split", {"evidence": "all"}),
        ("/api/articles/{article}/copy-of", {"original": "{article}"}),
    ],
)
def test_refused_input_is_a_400_and_changes_nothing(editor_client, story, url, body):
    claim = Claim.objects.filter(story=story).order_by("id").first()
    ids = {"quote": claim.evidence.first().id, "claim": claim.id, "article": story.articles.first().id}
    body = json.loads(
        json.dumps(body).replace('"{claim}"', str(claim.id)).replace('"{article}"', str(ids["article"]))
    )
    before = list(Evidence.objects.order_by("id").values_list("id", "claim_id", "stance"))
    texts = list(Claim.objects.order_by("id").values_list("text", "merged_into"))
    response = editor_client.post(url.format(**ids), json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]
    assert list(Evidence.objects.order_by("id").values_list("id", "claim_id", "stance")) == before
    assert list(Claim.objects.order_by("id").values_list("text", "merged_into")) == texts
    assert not Correction.objects.exists()


def test_anonymous_non_staff_and_csrf_less_callers_are_refused(client, story, django_user_model, editor):
    quote = Evidence.objects.filter(claim__story=story).first()
    url = f"/api/evidence/{quote.id}/stance"
    assert post(client, url, {"stance": "denies"})[0] == 403
    client.force_login(django_user_model.objects.create_user("reader", password="pw-reader-1"))
    assert post(client, url, {"stance": "denies"})[0] == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert (
        strict.post(url, json.dumps({"stance": "denies"}), content_type="application/json").status_code == 403
    )
    assert not Correction.objects.exists()
    assert client.get(url).status_code == 405


def test_the_export_names_each_quote(story):
    from stories import selectors

    export = selectors.story_export(story=story)
    ids = [e["id"] for c in export["claims"] for e in c["evidence"]]
    assert sorted(ids) == sorted(Evidence.objects.filter(claim__story=story).values_list("id", flat=True))
