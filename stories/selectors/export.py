"""The export contract: the story as JSON, the outlet × claim agreement and how one outlet's stances combine.

Behaviour here is a contract with export consumers; every quote equals text[start:end] of its article.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Prefetch, QuerySet

from stories.models import Article, Claim, Entity, Event, Evidence, Mention, Story
from stories.nlp.types import Stance
from stories.stances import MIXED

POSITIVE = {s for s in Stance if s.polarity == "positive"}


def stance_overall(stances: set[str] | list[str]) -> str:
    """One outlet's stance on one claim from all its evidence: ``mixed`` when its own evidence disagrees."""
    found = set(stances)
    if len(found) == 1:
        return next(iter(found))
    # Only the two carrying stances combine (the outlet's own voice wins); denying and doubting stay apart.
    return Stance.ASSERTS.value if found == POSITIVE else MIXED


def claims_live(*, story: Story) -> QuerySet[Claim]:
    """Claims with at least one piece of evidence, not merged into another."""
    return Claim.objects.filter(story=story, merged_into__isnull=True, evidence__isnull=False).distinct()


def story_agreement(*, story: Story) -> list[dict]:
    cells: dict[tuple[int, int], set[str]] = defaultdict(set)
    rows = Evidence.objects.filter(
        article__story=story, claim__merged_into__isnull=True, article__source__isnull=False
    ).values_list("claim_id", "article__source_id", "stance")
    for claim_id, source_id, stance in rows:
        cells[(claim_id, source_id)].add(stance)
    return [
        {"claim_id": claim_id, "source_id": source_id, "stance": stance_overall(stances)}
        for (claim_id, source_id), stances in sorted(cells.items())
    ]


def story_export(*, story: Story) -> dict:
    """The export contract: every quote equals text[start:end] of its article."""
    from .ranks import story_ranks  # ranking reads stance_overall from here

    articles = list(Article.objects.filter(story=story).select_related("source").order_by("id"))
    texts = {a.id: a.text for a in articles}
    sources = sorted({a.source for a in articles if a.source}, key=lambda s: s.id)
    entities = Entity.objects.filter(story=story).prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.order_by("article_id", "start"))
    )
    claims = (
        claims_live(story=story)
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("article_id", "start")))
        .order_by("id")
    )
    events = Event.objects.filter(article__story=story).order_by("date", "article_id", "start")
    ranks = story_ranks(story=story).every()
    return {
        "story": {"slug": story.slug, "title": story.title},
        "sources": [{"id": s.id, "name": s.name, "domain": s.domain} for s in sources],
        "articles": [
            {
                "id": a.id,
                "source_id": a.source_id,
                "origin": a.origin,
                "url": a.url,
                "title": a.title,
                "published_at": a.published_iso(),
                "status": a.status,
                "error": a.error,
                "text": a.text,
                "duplicate_of": a.duplicate_of_id,
            }
            for a in articles
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "mentions": [
                    {"article_id": m.article_id, "start": m.start, "end": m.end, "epithet": m.epithet or None}
                    for m in e.mentions.all()
                ],
            }
            for e in entities
        ],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "permalink": c.get_absolute_url(),
                "first_reported_in": c.first_reported_in_id,
                # Copies and relays of one report count once; contested: some outlet denies or doubts it.
                "independent_sources": ranks[c.id].independent if c.id in ranks else 0,
                "contested": ranks[c.id].contested if c.id in ranks else False,
                "evidence": [
                    {
                        "id": ev.id,  # as of now: a reanalysis replaces evidence rows (and their ids)
                        "article_id": ev.article_id,
                        "start": ev.start,
                        "end": ev.end,
                        "quote": texts[ev.article_id][ev.start : ev.end],
                        "stance": ev.stance,
                        "attributed_to": ev.attributed_to or None,
                    }
                    for ev in c.evidence.all()
                ],
            }
            for c in claims
        ],
        "events": [
            {
                "date": v.date,
                "article_id": v.article_id,
                "start": v.start,
                "end": v.end,
                "quote": texts[v.article_id][v.start : v.end],
            }
            for v in events
        ],
        "agreement": story_agreement(story=story),
    }
