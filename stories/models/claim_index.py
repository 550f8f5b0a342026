"""A story's claim index as rows: each live quote's tokens (postings), how many quotes hold each token, and each
claim's tokens taken together.

Kept in step with the evidence as it is saved and deleted, so every worker matches against the same index and
no upload reads more than the postings it needs.
"""

from __future__ import annotations

from django.db import models

from .analysis import Evidence
from .newsroom import Story


class ClaimPosting(models.Model):
    """One token of one quote's claim key (as the matcher stored it), for finding candidate claims."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+")
    token = models.TextField()
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["story", "token", "evidence"], name="claimposting_story_token")]

    def __str__(self) -> str:
        return f"{self.token} in quote {self.evidence_id}"


class ClaimTokenCount(models.Model):
    """How many of the story's live quotes hold ``token``; the empty token counts the quotes themselves, and its
    row marks the story's index as built."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+")
    token = models.TextField()
    quotes = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["story", "token"], name="claimtokencount_story_token")]

    def __str__(self) -> str:
        return f"{self.token}: {self.quotes} quotes of story {self.story_id}"


class ClaimTokenUnion(models.Model):
    """Every token of the story's live quotes matched to ``claim_id`` (the matcher's choice, before editors moved
    any), each with how many of those quotes hold it: a claim's tokens in one row, however many quotes it has."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+")
    claim_id = models.BigIntegerField()
    tokens = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "claim_id"], name="claimtokenunion_story_claim")
        ]

    def __str__(self) -> str:
        return f"{len(self.tokens)} tokens of claim {self.claim_id}"
