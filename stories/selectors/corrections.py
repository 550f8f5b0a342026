"""Reads for editors' review: every correction of a story with what it touched and whether it still holds, and
the claims and articles an editor picks from when merging or marking a copy."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from stories.models import Article, Claim, Correction, Evidence, Story

PICK_LIMIT = 30
# The same normalisation the correction services store quotes with (tatweel and harakat out, spaces collapsed).
_MARKS = re.compile("[\u0640\u064b-\u0652\u0670]")


def _normalised(text: str) -> str:
    return " ".join(_MARKS.sub("", text).split())


@dataclass
class QuoteTouched:
    text: str
    article: Article | None
    found: bool  # still in the story's current evidence; an orphan otherwise


@dataclass
class CorrectionRow:
    correction: Correction
    state: str
    quotes: list[QuoteTouched] = field(default_factory=list)


def story_corrections(*, story: Story) -> list[CorrectionRow]:
    """Newest first, each with the quotes it names and whether each is found now (a few queries in all)."""
    corrections = list(
        Correction.objects.filter(story=story)
        .select_related("created_by", "undone_by", "claim", "other_claim", "article", "original")
        .order_by("-id")
    )
    shas = {q["sha256"] for c in corrections for q in c.quotes}
    articles = {
        a.sha256: a for a in Article.objects.filter(story=story, sha256__in=shas).select_related("source")
    }
    present: set[tuple[str, str]] = set()
    by_id = {a.id: a for a in articles.values()}
    for article_id, start, end in Evidence.objects.filter(article__in=by_id).values_list(
        "article_id", "start", "end"
    ):
        article = by_id[article_id]
        present.add((article.sha256, _normalised(article.text[start:end])))
    rows = []
    for c in corrections:
        quotes = [
            QuoteTouched(
                text=q["text"], article=articles.get(q["sha256"]), found=(q["sha256"], q["text"]) in present
            )
            for q in c.quotes
        ]
        state = c.state
        if state != Correction.State.UNDONE and not all(q.found for q in quotes):
            state = Correction.State.ORPHANED
        rows.append(CorrectionRow(correction=c, state=state, quotes=quotes))
    return rows


def claims_to_pick(*, story: Story, query: str = "", exclude: int | None = None) -> QuerySet[Claim]:
    """Live claims of the story whose text contains the query, for the merge list."""
    claims = Claim.objects.filter(story=story, merged_into__isnull=True, evidence__isnull=False).distinct()
    if exclude:
        claims = claims.exclude(id=exclude)
    if query.strip():
        words = query.split()
        condition = Q()
        for word in words:
            condition &= Q(text__icontains=word)
        claims = claims.filter(condition | Q(id=int(query)) if query.strip().isdigit() else condition)
    return claims.order_by("id").only("id", "text", "slug")[:PICK_LIMIT]


def articles_to_pick(*, story: Story, exclude: int | None = None) -> QuerySet[Article]:
    """The story's articles, for the "copy of" list."""
    articles = Article.objects.filter(story=story).select_related("source").order_by("published_at", "id")
    return articles.exclude(id=exclude) if exclude else articles
