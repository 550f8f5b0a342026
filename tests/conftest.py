"""Shared fixtures: paths to the shared seeds, an editor, and the seed story imported through the real path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    for candidate in (ROOT.parent / "shared", Path("/work/shared")):
        if (candidate / "seeds").is_dir():
            return candidate
    return None


SHARED = shared_dir()
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if SHARED else []


def require_or_skip(condition: bool, reason: str) -> None:
    """Skip on a developer's machine that lacks something; in CI the same gap is a failure."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must provide this: {reason}")
    pytest.skip(reason)


@pytest.fixture
def seed_paths() -> list[Path]:
    require_or_skip(len(SEEDS) == 5, "../shared/seeds with the five seed articles")
    return SEEDS


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password="pw-editor-123", is_staff=True, is_superuser=True
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def seed_story(transactional_db, seed_paths):
    """The five seeds imported and analysed exactly as `import_articles` does it."""
    from stories import services

    story = services.story_get_or_create(slug="seed", title="Seed story", is_public=True)
    for path in seed_paths:
        services.article_ingest(
            story=story,
            data=path.read_bytes(),
            origin=path.name,
            source=services.source_resolve(name=path.stem.split("_")[0]),
        )
    return story
