"""Newsroom data: stories, outlets, uploaded articles, the rows the analysis derives, and editors' corrections."""

from .analysis import Claim, Entity, Event, Evidence, Mention
from .corrections import ClaimPin, ReviewLog, StanceOverride
from .newsroom import Article, ArticleQuerySet, Source, Story, StoryReanalysis
from .tracking import TrackedClaim, TrackedStance

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Claim",
    "ClaimPin",
    "Entity",
    "Event",
    "Evidence",
    "Mention",
    "ReviewLog",
    "Source",
    "StanceOverride",
    "Story",
    "StoryReanalysis",
    "TrackedClaim",
    "TrackedStance",
]
