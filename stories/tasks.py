"""Celery tasks: each takes ids, re-fetches, and calls one service."""

from __future__ import annotations

from celery import shared_task
from django.db import DatabaseError

from stories import services


@shared_task(
    acks_late=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=120,
    max_retries=5,
)
def analyse_article(article_id: int) -> None:
    services.article_analyse(article_id=article_id)


@shared_task(acks_late=True)
def reanalyse_story(story_id: int) -> None:
    from stories.models import Story

    story = Story.objects.filter(id=story_id).first()
    if story is not None:
        services.story_reanalyse(story=story)
