"""The write API that callers outside the services package use: enqueueing, gazetteer keys, refusals, batches."""

from __future__ import annotations

from unittest import mock

import pytest
from django.utils import translation

from stories import services
from stories.models import Article, Entity
from tests.factories import make_story

pytestmark = pytest.mark.django_db

TEXT = "أعلن وزير الزراعة كريم الناصر خطة لإصلاح شبكات الري في الجنوب.\n".encode()


def test_story_reanalysis_is_queued_only_when_the_transaction_commits(django_capture_on_commit_callbacks):
    story = make_story()
    with mock.patch("stories.tasks.reanalyse_story.delay") as delay:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            services.story_reanalyse_enqueue(story_id=story.id)
            delay.assert_not_called()
    assert len(callbacks) == 1
    delay.assert_called_once_with(story.id)


def test_an_entity_key_follows_its_name_only_when_renamed_or_missing():
    story = make_story()
    entity = services.entity_save(entity=Entity(story=story, name="خليفة حفتر", kind="person"), renamed=False)
    assert entity.key
    keyed = entity.key
    entity.key = "kept"
    services.entity_save(entity=entity, renamed=False)
    assert Entity.objects.get(id=entity.id).key == "kept"
    services.entity_save(entity=entity, renamed=True)
    assert Entity.objects.get(id=entity.id).key == keyed


def test_a_correction_refusal_speaks_the_language_active_when_it_is_raised():
    with translation.override("en"):
        english = str(services.correction_refused("reword_empty"))
    with translation.override("ar"):
        arabic = str(services.correction_refused("reword_empty"))
    assert arabic == "الادعاء يحتاج إلى صياغة."
    assert english and english != arabic
    assert isinstance(services.correction_refused("stance_unknown"), services.ReviewError)


def test_a_batch_is_stored_all_or_nothing(django_capture_on_commit_callbacks):
    story = make_story()
    uploads = [("a.txt", TEXT), ("b.txt", b"")]  # the empty file is refused after a.txt was stored
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(services.IngestError):
        services.articles_ingest(story=story, uploads=uploads)
    assert not Article.objects.exists() and not callbacks
