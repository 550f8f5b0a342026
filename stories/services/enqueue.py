"""Handing analysis to the Celery worker, always after the surrounding transaction commits."""

from __future__ import annotations

from django.db import transaction

from stories.models import Article


def article_enqueue(*, article_id: int) -> None:
    """Queue analysis after the surrounding transaction commits, so the worker always finds the row."""
    from stories.tasks import analyse_article  # stories.tasks imports the services: import it when called

    Article.objects.filter(id=article_id).update(status=Article.Status.QUEUED, error="")
    transaction.on_commit(lambda: analyse_article.delay(article_id))


def story_reanalyse_enqueue(*, story_id: int) -> None:
    """Queue a reanalysis of the whole story after the surrounding transaction commits."""
    from stories.tasks import reanalyse_story

    transaction.on_commit(lambda: reanalyse_story.delay(story_id))
