"""Entity and source profiles, an article's text with its quotes marked, live status and tracked claims."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Prefetch, Q, Value, When

from stories.models import (
    Article,
    Claim,
    Entity,
    Evidence,
    ImportBatch,
    ImportLine,
    Mention,
    Source,
    Story,
    StoryReanalysis,
    TrackedClaim,
    TrackedStance,
)
from stories.nlp.entities import epithet_key

from .articles import articles_stuck
from .claims import EVIDENCE_PER_PAGE
from .export import stance_overall
from .snippets import QUOTE_RADIUS, SENTENCE_END, _quote_window, snippet_from_window


def _epithets_by_source(used: list[dict]) -> dict[int | None, list[dict]]:
    """Each outlet's epithets, the spellings of one epithet ("ميليشيات" / "مليشيات") counted as one and shown in
    their most used spelling; "only_here" when no other outlet uses it in any spelling."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    counts: dict[int | None, Counter] = defaultdict(Counter)
    for row in used:
        key = epithet_key(row["epithet"]) or row["epithet"]
        spellings[key][row["epithet"]] += row["n"]
        counts[row["article__source_id"]][key] += row["n"]
    spread = Counter(key for per_source in counts.values() for key in per_source)
    return {
        source: [
            {"epithet": spellings[key].most_common(1)[0][0], "n": n, "only_here": spread[key] == 1}
            for key, n in sorted(per_source.items(), key=lambda item: (-item[1], item[0]))
        ]
        for source, per_source in counts.items()
    }


@dataclass
class EntityProfile:
    entity: Entity
    outlets: list[dict]
    epithets: list[dict]
    cooccurring: list[dict]


def entity_profile(*, entity: Entity) -> EntityProfile:
    """Mentions per outlet, the epithets each outlet uses for the entity side by side, and who appears with it."""
    mentions = Mention.objects.filter(entity=entity)
    outlets = list(
        mentions.values("article__source_id", "article__source__name", "article__source__file_hint")
        .annotate(mentions=Count("id"), articles=Count("article_id", distinct=True))
        .order_by("-mentions", "article__source__name")
    )
    used = list(
        mentions.exclude(epithet="")
        .values("article__source_id", "epithet")
        .annotate(n=Count("id"))
        .order_by("-n", "epithet")
    )
    by_source = _epithets_by_source(used)
    epithets = [
        {
            "source_id": o["article__source_id"],
            "source": o["article__source__name"] or "—",
            "hint": o["article__source__file_hint"] or "",
            "epithets": by_source.get(o["article__source_id"], [])[:10],
        }
        for o in outlets
    ]
    cooccurring = list(
        Mention.objects.filter(article_id__in=mentions.values("article_id"))
        .exclude(entity=entity)
        .values("entity_id", "entity__name", "entity__kind")
        .annotate(articles=Count("article_id", distinct=True))
        .order_by("-articles", "entity__name")[:20]
    )
    return EntityProfile(entity=entity, outlets=outlets, epithets=epithets, cooccurring=cooccurring)


@dataclass
class SourceProfile:
    source: Source
    articles: list[Article]
    page: int
    pages: int
    stances: list[dict]
    cites: list[dict]
    copied_by: list[dict]
    copies_from: list[dict]


def source_profile(*, story: Story, source: Source, page: int = 1) -> SourceProfile:
    """An outlet within one story: its articles, its stance per claim, whom it cites, who copies it."""
    articles = Article.objects.filter(story=story, source=source)
    total = articles.count()
    pages = max(1, -(-total // EVIDENCE_PER_PAGE))
    page = min(max(page, 1), pages)
    listed = list(
        articles.for_story_page().order_by(F("published_at").asc(nulls_last=True), "id")[
            (page - 1) * EVIDENCE_PER_PAGE : page * EVIDENCE_PER_PAGE
        ]
    )
    evidence = Evidence.objects.filter(
        article__story=story, article__source=source, claim__merged_into__isnull=True
    )
    found: dict[int, dict] = {}
    for claim_id, text, slug, stance in evidence.order_by("claim_id").values_list(
        "claim_id", "claim__text", "claim__slug", "stance"
    )[:2000]:
        entry = found.setdefault(
            claim_id, {"id": claim_id, "text": text, "slug": slug or "claim", "stances": set()}
        )
        entry["stances"].add(stance)
    stances = [{**e, "stance": stance_overall(e["stances"])} for e in found.values()][:200]
    cites = list(
        evidence.exclude(attributed_to="")
        .values("attributed_to")
        .annotate(n=Count("id"))
        .order_by("-n", "attributed_to")[:20]
    )
    copied_by = list(
        Article.objects.filter(story=story, duplicate_of__source=source)
        .exclude(source=source)
        .values("source_id", "source__name", "source__file_hint")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    copies_from = list(
        articles.filter(duplicate_of__isnull=False)
        .values("duplicate_of__source_id", "duplicate_of__source__name", "duplicate_of__source__file_hint")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    return SourceProfile(
        source=source,
        articles=listed,
        page=page,
        pages=pages,
        stances=stances,
        cites=cites,
        copied_by=copied_by,
        copies_from=copies_from,
    )


STATUS_LISTED = 50


@dataclass
class StoryStatus:
    counts: dict[str, int]
    articles: list[Article]
    waiting_for_queue: int = 0  # stored and queued, but the broker could not take the message yet
    stuck: int = 0  # queued or processing with nothing going to pick it up until the sweeper sends it again
    reanalysis: tuple[int, int] | None = None  # (done, total) while a story reanalysis is under way
    imports: list[ImportBatch] = field(default_factory=list)  # the latest JSONL imports, unfinished first

    @property
    def pending(self) -> bool:
        running = any(batch.unfinished for batch in self.imports)
        return bool(self.counts.get("queued") or self.counts.get("processing") or self.reanalysis or running)


def story_status(*, story: Story) -> StoryStatus:
    """Counts per status, what waits for the queue or is stuck, and the latest uploads, unfinished ones first."""
    in_story = Article.objects.filter(story=story).order_by()
    tally = in_story.aggregate(
        **{name: Count("id", filter=Q(status=name)) for name in Article.Status.values},
        waiting=Count("id", filter=Q(status=Article.Status.QUEUED, enqueued_at__isnull=True)),
        stuck=Count("id", filter=articles_stuck()),
        left=Count("id", filter=Q(reanalysis_pending=True)),
    )
    counts = {name: tally[name] for name in Article.Status.values if tally[name]}
    unfinished = Q(status__in=[Article.Status.QUEUED, Article.Status.PROCESSING, Article.Status.FAILED])
    articles = list(
        Article.objects.filter(story=story)
        .for_story_page()
        .alias(finished=Case(When(unfinished, then=Value(0)), default=Value(1)))
        .order_by("finished", "-created_at", "-id")[:STATUS_LISTED]
    )
    reanalysis = None
    if tally["left"]:
        total = StoryReanalysis.objects.filter(story=story).values_list("total", flat=True).first()
        reanalysis = (total - tally["left"], total) if total else None
    return StoryStatus(
        counts=counts,
        articles=articles,
        waiting_for_queue=tally["waiting"],
        stuck=tally["stuck"],
        reanalysis=reanalysis,
        imports=story_imports(story=story),
    )


IMPORTS_LISTED = 5
REFUSALS_LISTED = 100


def story_imports(*, story: Story) -> list[ImportBatch]:
    """The story's latest JSONL imports, unfinished first, each with its first refused lines (``shown_refusals``)."""
    live = Q(status__in=[ImportBatch.Status.QUEUED, ImportBatch.Status.RUNNING])
    refusals = ImportLine.objects.exclude(refused="").order_by("number")[:REFUSALS_LISTED]
    batches = list(
        ImportBatch.objects.filter(story=story)
        .defer("original")
        .alias(finished=Case(When(live, then=Value(0)), default=Value(1)))
        .order_by("finished", "-created_at", "-id")
        .prefetch_related(Prefetch("lines", queryset=refusals, to_attr="shown_refusals"))[:IMPORTS_LISTED]
    )
    return batches


@dataclass
class Segment:
    text: str
    evidence_id: int | None = None
    stance: str = ""
    claim: Claim | None = None


def article_segments(*, article: Article) -> list[Segment]:
    """The article text cut at its quotes, so the template escapes each piece and marks the quotes."""
    evidence = list(
        Evidence.objects.filter(article=article)
        .select_related("claim")
        .only("id", "start", "end", "stance", "claim__id", "claim__text", "claim__slug", "claim__merged_into")
        .order_by("start", "-end")
    )
    text, at, out = article.text, 0, []
    for ev in evidence:
        if ev.start < at:
            continue  # overlapping quotes: the first one is marked, the other stays listed on its claim's page
        if ev.start > at:
            out.append(Segment(text=text[at : ev.start]))
        out.append(Segment(text=text[ev.start : ev.end], evidence_id=ev.id, stance=ev.stance, claim=ev.claim))
        at = ev.end
    if at < len(text):
        out.append(Segment(text=text[at:]))
    return out


TRACKED_SHOWN = 20  # outlets' answers listed per tracked claim; the counts say how many there are in all


def story_tracked(*, story: Story) -> list[dict]:
    """Tracked claims: how many articles agree, disagree or discuss, and each answering outlet's quote (two reads)."""
    tracked = {
        t.id: {"claim": t, "counts": {}, "answers": [], "total": 0}
        for t in TrackedClaim.objects.filter(story=story)
    }
    if not tracked:
        return []
    answers = (
        TrackedStance.objects.filter(tracked__story=story)
        .exclude(stance="unrelated")
        .annotate(window=_quote_window("article__text", "start", "end", QUOTE_RADIUS))
        .values(
            "tracked_id",
            "stance",
            "start",
            "end",
            "window",
            "article_id",
            "article__title",
            "article__source_id",
            "article__source__name",
            "article__source__file_hint",
            "article__published_at",
        )
        .order_by("tracked_id", "stance", "-score", "article_id")
    )
    for row in answers:
        entry = tracked[row["tracked_id"]]
        entry["counts"][row["stance"]] = entry["counts"].get(row["stance"], 0) + 1
        entry["total"] += 1
        if len(entry["answers"]) < TRACKED_SHOWN:
            row["snippet"] = snippet_from_window(
                row.pop("window"), start=row["start"], end=row["end"], radius=QUOTE_RADIUS, stops=SENTENCE_END
            )
            entry["answers"].append(row)
    return list(tracked.values())
