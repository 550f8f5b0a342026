"""Corrections as constraints on every (re)analysis: a quote an editor moved is pinned to its claim (must-link),
a quote whose stance an editor set keeps it; each is found again by its identity, or left orphaned."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from stories.models import Correction

from .common import evidence_located, live_corrections
from .identity import quote_locate, quotes_in

Kind = Correction.Kind


@dataclass
class QuoteFixes:
    """By position among the article's found claims: the claim an editor pinned it to, the stance they set."""

    pins: dict[int, int] = field(default_factory=dict)
    stances: dict[int, str] = field(default_factory=dict)


def article_fixes(*, story_id: int, sha256: str, text: str, spans: Sequence[tuple[int, int]]) -> QuoteFixes:
    fixes = QuoteFixes()
    # Oldest first, so the latest live correction of a quote wins.
    for correction in live_corrections(story_id=story_id, kinds=[Kind.STANCE, Kind.MERGE, Kind.SPLIT]):
        for identity in quotes_in(correction.quotes, sha256):
            at = quote_locate(identity, spans, text)
            if at is None:
                continue
            if correction.kind == Kind.STANCE:
                fixes.stances[at] = correction.payload["stance"]
            elif correction.kind == Kind.SPLIT and correction.claim_id:
                fixes.pins[at] = correction.claim_id
            elif correction.kind == Kind.MERGE and correction.other_claim_id:
                fixes.pins[at] = correction.other_claim_id
    return fixes


def corrections_refresh(*, story_id: int, sha256: str | None = None) -> None:
    """Mark each live correction (those naming a quote of ``sha256``'s article, or all) applied when everything it
    names is found now, orphaned when not; an orphaned one is kept and applies again once its text is back."""
    for correction in live_corrections(story_id=story_id, kinds=Kind.values):
        if sha256 is not None and not quotes_in(correction.quotes, sha256):
            continue
        if correction.quotes:
            found = len(evidence_located(story_id=story_id, identities=correction.quotes)) == len(
                correction.quotes
            )
        elif correction.kind in (Kind.COPY, Kind.OFF_TOPIC):
            found = correction.article_id is not None
        else:
            found = correction.claim_id is not None
        state = Correction.State.APPLIED if found else Correction.State.ORPHANED
        if state != correction.state:
            Correction.objects.filter(id=correction.pk).update(state=state)
