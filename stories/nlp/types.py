"""Dataclasses the pipeline returns: the only shapes the Django side reads.

Every start/end is a character offset into ``Analysis.text`` (the cleaned text that gets stored),
so ``text[start:end]`` is the quote forever.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Stance(StrEnum):
    """How an outlet stands toward a claim it carries. The values are an export contract."""

    ASSERTS = "asserts"  # states it as fact
    ATTRIBUTES = "attributes"  # reports it as someone else's
    DENIES = "denies"
    DOUBTS = "doubts"

    @property
    def polarity(self) -> str:
        """``positive`` for a stance that carries the claim, ``negative`` for one that disputes it."""
        return "positive" if self in (Stance.ASSERTS, Stance.ATTRIBUTES) else "negative"


class TrackStance(StrEnum):
    """An article's stance toward a claim an editor tracks (the ANS / FNC label set)."""

    AGREE = "agree"
    DISAGREE = "disagree"
    DISCUSS = "discuss"
    UNRELATED = "unrelated"


STANCES = tuple(Stance)
TRACK_STANCES = tuple(TrackStance)
ENTITY_KINDS = ("person", "organization", "location", "other")


class AnalysisError(ValueError):
    """Input the pipeline cannot read (binary, empty, undecodable); the message is shown to editors.

    ``code`` is a stable key ("empty", "binary:PNG image", "undecodable", ...) that the Django side maps
    to a translated message; the English message stays the fallback, since this package has no gettext.
    """

    def __init__(self, message: str = "", code: str = "") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class GazetteerEntry:
    """An editor-maintained name for the story: the canonical name, its kind and its variants."""

    name: str
    kind: str = "other"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cleaned:
    """Main text of an upload with page chrome removed and hard-wrapped lines joined."""

    text: str
    title: str | None
    published_at: datetime | None
    published_has_time: bool = False
    removed: tuple[str, ...] = ()  # chrome lines dropped, for the gold check and for debugging
    site_name: str | None = None  # the outlet, from page metadata or a desk credit ("X؛ قسم الأخبار")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity; ``epithet`` is the title/description the outlet put before it."""

    start: int
    end: int
    surface: str
    entity_key: str  # normalised canonical key; equal keys are the same entity within and across articles
    epithet: str | None = None


@dataclass(frozen=True)
class EntityFound:
    key: str
    name: str  # best display name (longest full name seen, or the gazetteer name)
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateMention:
    """A date the text talks about, resolved against the publication date; ``date`` is YYYY[-MM[-DD]]."""

    start: int
    end: int
    date: str
    precision: str  # "day" | "month" | "year"


@dataclass(frozen=True)
class ClaimFound:
    """One checkable proposition in the article.

    ``start``/``end`` cover the quote shown to editors (the sentence or clause);
    ``proposition`` is the claim wording without the attribution ("قالت الصحيفة إن ...");
    ``key`` is the normalised token signature the matcher compares across articles.
    """

    start: int
    end: int
    proposition: str
    key: tuple[str, ...]
    stance: str  # one of STANCES
    attributed_to: str | None = None


@dataclass(frozen=True)
class Analysis:
    text: str
    title: str | None
    published_at: datetime | None
    published_has_time: bool
    sentences: tuple[Sentence, ...]
    entities: tuple[EntityFound, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[ClaimFound, ...]
    dates: tuple[DateMention, ...]
    removed: tuple[str, ...] = ()
    version: str = ""
    site_name: str | None = None


@dataclass(frozen=True)
class TrackResult:
    """Stance of one article toward a claim an editor typed."""

    stance: str  # one of TRACK_STANCES
    start: int
    end: int
    score: float
    extra: dict = field(default_factory=dict, compare=False, hash=False)
