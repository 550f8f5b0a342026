"""End to end: tracking started from the story page and a new article's re-track, run by a real Celery worker
process on PostgreSQL + Redis."""

from __future__ import annotations

import time

import pytest
from django.db import transaction
from django.db.models import Count
from django.urls import reverse

from stories import services
from stories.models import TrackedClaim, TrackedStance
from tests.factories import make_article, make_source, make_story
from tests.stories.test_tracking import AGREE, CLAIM, DISAGREE, UNRELATED
from tests.stories.test_worker import log_text, worker  # noqa: F401 -- the worker process fixture

ARTICLES = 60  # more than one progress batch (services.tracking.PROGRESS_EVERY)


def wait_for(proc, log, done, what: str) -> None:
    deadline = time.monotonic() + 180
    while not done() and time.monotonic() < deadline:
        assert proc.poll() is None, "the worker died: " + log_text(log)
        time.sleep(0.5)
    assert done(), f"{what} did not finish\n{log_text(log)}"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_tracks_a_claim_to_the_end_then_a_new_article(worker, editor_client):  # noqa: F811
    proc, log = worker
    story = make_story()
    texts = [AGREE, DISAGREE, UNRELATED]
    for n in range(ARTICLES):
        make_article(story=story, source=make_source(), text=texts[n % 3])
    response = editor_client.post(
        reverse("stories:claim_track", kwargs={"slug": story.slug}), {"text": CLAIM, "next": "/"}
    )
    assert response.status_code == 302
    tracked = TrackedClaim.objects.get(story=story)

    def finished() -> bool:
        tracked.refresh_from_db()
        return tracked.finished_at is not None

    wait_for(proc, log, finished, "tracking")
    assert tracked.done == tracked.total == ARTICLES
    stances = dict(
        TrackedStance.objects.filter(tracked=tracked).values_list("stance").order_by().annotate(n=Count("id"))
    )
    assert stances == {"agree": 20, "disagree": 20, "unrelated": 20}
    assert "stories.tasks.track_claim" in log_text(log)  # the separate worker process did the work
    page = editor_client.get(reverse("stories:tracked_claim", kwargs={"slug": story.slug, "pk": tracked.pk}))
    assert 'data-running="false"' in page.content.decode() and 'data-count="20"' in page.content.decode()

    late = make_article(story=story, source=make_source(), text=AGREE)
    with transaction.atomic():
        services.article_track_enqueue(article_id=late.id)
    wait_for(
        proc, log, lambda: TrackedStance.objects.filter(article=late).exists(), "the new article's re-track"
    )
    assert TrackedStance.objects.get(article=late).stance == "agree"
    tracked.refresh_from_db()
    assert tracked.done == tracked.total == ARTICLES + 1
    assert "stories.tasks.track_article" in log_text(log)
