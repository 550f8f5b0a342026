"""Reads: what a reader may see, and the shapes pages and exports are built from, in a bounded number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse

from stories.models import Article, Claim, Entity, Event, Evidence, Mention, Source, Story

POSITIVE = {"asserts", "attributes"}


def stories_visible(*, user) -> QuerySet[Story]:
    stories = Story.objects.annotate(article_count=Count("articles"))
    if user.is_authenticated:
        return stories
    return stories.filter(is_public=True)


def story_can_read(*, story: Story, user) -> bool:
    return story.is_public or user.is_authenticated


def stance_overall(stances: set[str] | list[str]) -> str:
    """One outlet's stance on one claim from all its evidence: ``mixed`` when its own evidence disagrees."""
    found = set(stances)
    polarities = {("positive" if s in POSITIVE else s) for s in found}
    if len(polarities) > 1:
        return "mixed"
    if polarities == {"positive"}:
        return "asserts" if "asserts" in found else "attributes"
    return next(iter(found))


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
    return {
        "story": {"slug": story.slug, "title": story.title},
        "sources": [{"id": s.id, "name": s.name, "domain": s.domain} for s in sources],
        "articles": [
            {
                "id": a.id, "source_id": a.source_id, "origin": a.origin, "url": a.url, "title": a.title,
                "published_at": a.published_iso(), "status": a.status, "error": a.error, "text": a.text,
                "duplicate_of": a.duplicate_of_id,
            }
            for a in articles
        ],
        "entities": [
            {
                "id": e.id, "name": e.name, "kind": e.kind, "aliases": list(e.aliases),
                "mentions": [
                    {"article_id": m.article_id, "start": m.start, "end": m.end, "epithet": m.epithet or None}
                    for m in e.mentions.all()
                ],
            }
            for e in entities
        ],
        "claims": [
            {
                "id": c.id, "text": c.text, "permalink": c.get_absolute_url(),
                "first_reported_in": c.first_reported_in_id,
                "evidence": [
                    {
                        "article_id": ev.article_id, "start": ev.start, "end": ev.end,
                        "quote": texts[ev.article_id][ev.start : ev.end], "stance": ev.stance,
                        "attributed_to": ev.attributed_to or None,
                    }
                    for ev in c.evidence.all()
                ],
            }
            for c in claims
        ],
        "events": [
            {"date": v.date, "article_id": v.article_id, "start": v.start, "end": v.end,
             "quote": texts[v.article_id][v.start : v.end]}
            for v in events
        ],
        "agreement": story_agreement(story=story),
    }


@dataclass
class MatrixRow:
    claim: Claim
    cells: list[dict] = field(default_factory=list)
    contested: bool = False
    source_count: int = 0


def story_matrix(*, story: Story) -> tuple[list[Source], list[MatrixRow]]:
    """Claims × sources, each cell the outlet's overall stance (or None when silent)."""
    evidence = list(
        Evidence.objects.filter(article__story=story, claim__merged_into__isnull=True)
        .select_related("claim", "claim__first_reported_in", "article__source")
        .only(
            "stance", "claim__id", "claim__text", "claim__slug", "claim__first_reported_in__published_at",
            "claim__first_reported_in__id", "article__id", "article__source__id", "article__source__name",
        )
    )
    sources: dict[int, Source] = {}
    claims: dict[int, Claim] = {}
    cells: dict[tuple[int, int], set[str]] = defaultdict(set)
    for ev in evidence:
        source = ev.article.source
        claims[ev.claim.id] = ev.claim
        if source is None:
            continue
        sources[source.id] = source
        cells[(ev.claim.id, source.id)].add(ev.stance)
    ordered_sources = sorted(sources.values(), key=lambda s: s.name)
    rows = []
    for claim in claims.values():
        row = MatrixRow(claim=claim)
        for source in ordered_sources:
            stances = cells.get((claim.id, source.id))
            row.cells.append({"source": source, "stance": stance_overall(stances) if stances else None})
        overall = {c["stance"] for c in row.cells if c["stance"]}
        row.source_count = sum(1 for c in row.cells if c["stance"])
        row.contested = bool(overall & {"denies", "mixed"}) and bool(overall & POSITIVE | (overall & {"mixed"}))
        rows.append(row)
    rows.sort(key=lambda r: (-r.source_count, r.claim.id))
    return ordered_sources, rows


def claim_evidence(*, claim: Claim, source_id: int | None = None) -> list[Evidence]:
    evidence = Evidence.objects.filter(claim=claim).select_related("article", "article__source")
    if source_id is not None:
        evidence = evidence.filter(article__source_id=source_id)
    return list(evidence.order_by("article__published_at", "article_id", "start"))


def story_articles(*, story: Story) -> list[Article]:
    return list(Article.objects.filter(story=story).for_story_page().order_by("published_at", "id"))


def story_first_claims(*, story: Story) -> dict[int, list[Claim]]:
    """Claims keyed by the article that first reported them."""
    by_article: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims_live(story=story).filter(~Q(first_reported_in=None)).only("id", "text", "slug",
                                                                                  "first_reported_in_id"):
        by_article[claim.first_reported_in_id].append(claim)
    return by_article


def claim_permalink_url(claim: Claim) -> str:
    return reverse("stories:claim", kwargs={"pk": claim.pk, "slug": claim.slug or "claim"})
