"""Reads about one story that its analysis needs: the gazetteer, the names speakers resolve to, claim merges."""

from __future__ import annotations

from django.db.models import QuerySet

from stories.models import Claim, Entity, Source, Story
from stories.nlp.types import GazetteerEntry


def story_by_slug(*, slug: str) -> Story | None:
    return Story.objects.filter(slug=slug).first()


def story_gazetteer(*, story: Story) -> list[GazetteerEntry]:
    return [
        GazetteerEntry(name=e.name, kind=e.kind, aliases=tuple(e.aliases))
        for e in Entity.objects.filter(story=story, curated=True)
    ]


def story_known_speakers(*, story_id: int) -> list[str]:
    """Outlets and the story's people and organisations, longest first, to name who a quote is attributed to."""
    names = set(Source.objects.values_list("name", flat=True))
    names |= set(
        Entity.objects.filter(story_id=story_id, kind__in=["person", "organization"]).values_list(
            "name", flat=True
        )
    )
    # Names of one length in a fixed order: a set's order follows the process's hash seed, and the first name
    # that fits a speaker wins, so two workers would otherwise credit one quote to different names.
    return sorted(names, key=lambda name: (-len(name), name))


def story_merges(*, story_id: int) -> dict[int, int]:
    """Claim id → the claim an editor merged it into, for every merged claim of the story."""
    return dict(
        Claim.objects.filter(story_id=story_id, merged_into__isnull=False).values_list("id", "merged_into_id")
    )


def story_orphan_claims(*, story_id: int) -> QuerySet[Claim]:
    """Live claims left without evidence, e.g. by an article's previous analysis."""
    return Claim.objects.filter(story_id=story_id, merged_into__isnull=True, evidence__isnull=True).exclude(
        key=[]
    )
