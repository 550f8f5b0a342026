"""Newsroom data: stories, outlets, uploaded articles, the rows the analysis derives, and editors' corrections."""

from .analysis import Claim, Entity, Event, Evidence, Mention
from .claim_index import ClaimPosting, ClaimTokenCount, ClaimTokenUnion
from .copies import CopyMark, CopyProfile
from .corrections import Correction, ReviewLog
from .imports import ImportBatch, ImportLine
from .newsroom import Article, ArticleQuerySet, KnownOutlet, Source, Story, StoryReanalysis
from .stats import ClaimOutlet, ClaimStats
from .tracking import TrackedClaim, TrackedStance

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Claim",
    "ClaimOutlet",
    "ClaimStats",
    "CopyMark",
    "CopyProfile",
    "ClaimPosting",
    "ClaimTokenUnion",
    "ClaimTokenCount",
    "Correction",
    "Entity",
    "Event",
    "Evidence",
    "ImportBatch",
    "ImportLine",
    "KnownOutlet",
    "Mention",
    "ReviewLog",
    "Source",
    "Story",
    "StoryReanalysis",
    "TrackedClaim",
    "TrackedStance",
]
