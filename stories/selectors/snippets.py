"""Quotes cut out of their article inside the sentence or paragraph around them, sliced in SQL."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Greatest, Substr

from stories.models import Evidence

QUOTE_RADIUS = 160  # characters fetched either side of an event date, enough for its sentence
PARAGRAPH_RADIUS = 700  # characters fetched either side of a claim's quote, enough for its paragraph
SENTENCE_END = ".!?؟\n"


def _quote_window(field_text: str, start_field: str, end_field: str, radius: int) -> Substr:
    """A slice of the article text around [start, end), cut in SQL so that long articles never leave the database."""
    return Substr(
        field_text,
        Greatest(F(start_field) - Value(radius) + Value(1), Value(1)),
        F(end_field) - F(start_field) + Value(2 * radius),
    )


@dataclass
class Snippet:
    """A quote inside its sentence or paragraph; the three parts are escaped separately when drawn."""

    before: str
    quote: str
    after: str
    cut_before: bool = False
    cut_after: bool = False


def snippet_from_window(window: str, *, start: int, end: int, radius: int, stops: str) -> Snippet:
    """Cut ``window`` (fetched from ``max(0, start - radius)``) back to whole sentences or paragraphs."""
    offset = max(0, start - radius)
    q0, q1 = start - offset, end - offset
    head = window[:q0]
    cut = max(head.rfind(ch) for ch in stops)
    before = head[cut + 1 :] if cut >= 0 else head
    tail = window[q1:]
    ends = [i for i in (tail.find(ch) for ch in stops) if i >= 0]
    after = tail[: min(ends) + 1] if ends else tail
    cut_before = cut < 0 and offset > 0
    cut_after = not ends and len(window) >= q1 + radius
    if cut_before and " " in before:
        before = before[before.index(" ") + 1 :]  # start at a whole word when the window cut one in half
    if cut_after and " " in after:
        after = after[: after.rindex(" ")]
    return Snippet(
        before=before.lstrip(),
        quote=window[q0:q1],
        after=after.rstrip(),
        cut_before=cut_before,
        cut_after=cut_after,
    )


@dataclass
class Quote:
    """One piece of evidence drawn inside its sentence or paragraph."""

    id: int
    claim_id: int
    article_id: int
    article_title: str
    article_url: str
    source_id: int | None
    source_name: str
    source_hint: str
    published_at: object
    is_copy: bool
    stance: str
    stance_by_editor: bool
    attributed_to: str
    snippet: Snippet


def _quotes(evidence: QuerySet[Evidence], *, radius: int, stops: str) -> list[Quote]:
    rows = evidence.annotate(window=_quote_window("article__text", "start", "end", radius)).values(
        "id",
        "claim_id",
        "article_id",
        "start",
        "end",
        "stance",
        "stance_by_editor",
        "attributed_to",
        "window",
        "article__title",
        "article__url",
        "article__source_id",
        "article__source__name",
        "article__source__file_hint",
        "article__published_at",
        "article__duplicate_of_id",
    )
    return [
        Quote(
            id=r["id"],
            claim_id=r["claim_id"],
            article_id=r["article_id"],
            article_title=r["article__title"],
            article_url=r["article__url"],
            source_id=r["article__source_id"],
            source_name=r["article__source__name"] or "",
            source_hint=r["article__source__file_hint"] or "",
            published_at=r["article__published_at"],
            is_copy=r["article__duplicate_of_id"] is not None,
            stance=r["stance"],
            stance_by_editor=r["stance_by_editor"],
            attributed_to=r["attributed_to"],
            snippet=snippet_from_window(
                r["window"], start=r["start"], end=r["end"], radius=radius, stops=stops
            ),
        )
        for r in rows
    ]
