"""Reads about one tracked claim: each article's stance toward it, by outlet, with its quote and kept passages."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, QuerySet

from stories.models import TrackedClaim, TrackedStance
from stories.nlp.types import TRACK_STANCES

from .snippets import PARAGRAPH_RADIUS, Snippet, snippet_from_window

RESULTS_PER_PAGE = 40
PASSAGE_CHARS = 400  # a kept passage is a sentence; a run-on one is cut for the list


def tracked_claim_results(*, tracked: TrackedClaim) -> QuerySet[TrackedStance]:
    """Best-scoring articles first, with the article loaded for its origin and text."""
    return tracked.results.select_related("article").order_by("-score", "article_id")


def tracked_claim_for_story(*, story, pk: int) -> TrackedClaim | None:
    return TrackedClaim.objects.filter(story=story, pk=pk).first()


@dataclass
class TrackedRow:
    """One article's stance toward the tracked claim, its quote in its paragraph and its kept passages."""

    article_id: int
    article_title: str
    source_id: int | None
    source_name: str
    source_hint: str
    stance: str
    score: float
    quote: str
    snippet: Snippet
    passages: list[tuple[str, bool]]  # (text, is the quote)


@dataclass
class TrackedPage:
    tracked: TrackedClaim
    counts: dict[str, int]
    rows: list[TrackedRow]
    stance: str
    page: int
    pages: int

    @property
    def running(self) -> bool:
        return self.tracked.finished_at is None


def tracked_claim_page(*, tracked: TrackedClaim, stance: str = "", page: int = 1) -> TrackedPage:
    """Counts per stance and one page of results grouped by outlet; related stances only unless one is asked.

    Two queries whatever the story's size: the counts, then the page's rows with their articles' text (a page
    holds at most RESULTS_PER_PAGE articles, so their text is loaded rather than sliced in SQL).
    """
    counts = dict.fromkeys(TRACK_STANCES, 0)
    for value, n in tracked.results.order_by().values_list("stance").annotate(n=Count("id")):
        counts[value] = n
    wanted = [stance] if stance in TRACK_STANCES else [s for s in TRACK_STANCES if s != "unrelated"]
    total = sum(counts[s] for s in wanted)
    pages = max(1, -(-total // RESULTS_PER_PAGE))
    page = min(max(page, 1), pages)
    results = (
        tracked.results.filter(stance__in=wanted)
        .order_by(F("article__source__name").asc(nulls_last=True), "-score", "article_id")
        .values(
            "article_id",
            "stance",
            "score",
            "start",
            "end",
            "passages",
            "article__title",
            "article__origin",
            "article__text",
            "article__source_id",
            "article__source__name",
            "article__source__file_hint",
        )
    )
    rows = [_row(r) for r in results[(page - 1) * RESULTS_PER_PAGE : page * RESULTS_PER_PAGE]]
    return TrackedPage(tracked=tracked, counts=counts, rows=rows, stance=stance, page=page, pages=pages)


def _row(r: dict) -> TrackedRow:
    text, start, end = r["article__text"], r["start"], r["end"]
    offset = max(0, start - PARAGRAPH_RADIUS)
    window = text[offset : end + PARAGRAPH_RADIUS]
    passages = [
        (_cut(text[s:e]), [s, e] == [start, end]) for s, e in r["passages"] or [] if 0 <= s < e <= len(text)
    ]
    return TrackedRow(
        article_id=r["article_id"],
        article_title=r["article__title"] or r["article__origin"],
        source_id=r["article__source_id"],
        source_name=r["article__source__name"] or "",
        source_hint=r["article__source__file_hint"] or "",
        stance=r["stance"],
        score=r["score"],
        quote=text[start:end],
        snippet=snippet_from_window(window, start=start, end=end, radius=PARAGRAPH_RADIUS, stops="\n"),
        passages=passages,
    )


def _cut(passage: str) -> str:
    passage = passage.strip()
    if len(passage) <= PASSAGE_CHARS:
        return passage
    cut = passage.rfind(" ", 0, PASSAGE_CHARS)
    return passage[: cut if cut > 0 else PASSAGE_CHARS] + " …"
