"""Newsroom data: stories, outlets, uploaded articles, the rows the analysis derives, and editors' corrections."""

from .analysis import Claim, Entity, Event, Evidence, Mention
from .claim_index import ClaimPosting, ClaimTokenCount
from .corrections import Correction, ReviewLog
from .newsroom import Article, ArticleQuerySet, KnownOutlet, Source, Story, StoryReanalysis
from .tracking import TrackedClaim, TrackedStance

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Claim",
    "ClaimPosting",
    "ClaimTokenCount",
    "Correction",
    "Entity",
    "Event",
    "Evidence",
    "KnownOutlet",
    "Mention",
    "ReviewLog",
    "Source",
    "Story",
    "StoryReanalysis",
    "TrackedClaim",
    "TrackedStance",
]
