"""Who may read what: visible stories, read permission, and a claim's permalink followed through merges."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from stories.models import Claim, Story


def user_reads_private(user) -> bool:
    """Private stories are the newsroom's: staff read them; a logged-in account without staff status does not
    (anyone may have such an account, e.g. a reader who signed up or an old contributor)."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def stories_visible(*, user) -> QuerySet[Story]:
    stories = Story.objects.annotate(article_count=Count("articles"))
    if user_reads_private(user):
        return stories
    return stories.filter(is_public=True)


def story_can_read(*, story: Story, user) -> bool:
    return story.is_public or user_reads_private(user)


def story_readable(*, slug: str, user) -> Story | None:
    """The story named by ``slug`` if this user may read it; None for a wrong slug or a private story."""
    story = Story.objects.filter(slug=slug).first()
    if story is None or not story_can_read(story=story, user=user):
        return None
    return story


def claim_for_permalink(*, pk: int) -> Claim | None:
    """The claim, followed through editors' merges (bounded, in case of a cycle)."""
    claim = Claim.objects.select_related("story", "first_reported_in__source").filter(pk=pk).first()
    for _ in range(10):
        if claim is None or claim.merged_into_id is None:
            return claim
        claim = (
            Claim.objects.select_related("story", "first_reported_in__source")
            .filter(pk=claim.merged_into_id)
            .first()
        )
    return claim
