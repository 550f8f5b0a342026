"""Which claims matter: independent outlets, contest, headline or lede, editors' attention; one grouped read per story.

Copies (``Article.duplicate_of``) and relays (an outlet whose only evidence credits another outlet of the story)
count once, with the outlet they repeat. The matrix and the story page open on the key claims; the rest stay
one click away.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet

from stories.models import Claim, Correction, Evidence, Source, Story, TrackedStance
from stories.nlp.types import Stance
from stories.stances import MIXED, stance_polarity

from .export import stance_overall
from .search import arabic_fold

LEDE_CHARS = 400  # a quote starting this close to the top of the cleaned text is in the headline or the lede
ROW_SETS = ("key", "single", "all")
STANCE_ORDER = ("asserts", "attributes", "denies", "doubts", MIXED)


@dataclass
class ClaimRank:
    claim_id: int
    outlets: int = 0  # outlets carrying the claim, copies included
    independent: int = 0  # copies and relays folded into the outlet they repeat
    contested: bool = False  # some outlet denies or doubts it (or contradicts itself)
    lead: bool = False  # quoted in a headline or lede
    tracked: bool = False  # overlaps an article's answer to an editor's tracked claim
    pinned: bool = False  # an editor reworded it, split it out or corrected a stance on it
    stances: dict[str, int] = field(default_factory=dict)  # outlets per overall stance of their own report
    relays: list[tuple[int, int]] = field(default_factory=list)  # (relaying outlet, credited outlet)

    @property
    def key(self) -> bool:
        return self.independent >= 2 or self.contested or self.tracked or self.pinned

    def order(self) -> tuple:
        return (
            not self.key,
            -self.independent,
            not self.contested,
            not self.lead,
            -self.outlets,
            self.claim_id,
        )


@dataclass
class Ranking:
    ranks: dict[int, ClaimRank]
    own: dict[tuple[int, int], str]  # (claim, outlet) -> overall stance of the outlet's own report
    coverage: dict[int, int]  # outlet -> claims it carries
    names: dict[int, str]  # the story's outlets
    relays: dict[tuple[int, int], int] = field(default_factory=dict)  # (relay, credited outlet) -> claims
    hints: dict[int, str] = field(default_factory=dict)  # unnamed outlets -> the file they are named after
    carriers: dict[int, list[int]] = field(default_factory=dict)  # claim -> the outlets carrying it

    def ordered(self, rows: str = "all") -> list[int]:
        ranks = sorted(self.ranks.values(), key=ClaimRank.order)
        if rows == "key":
            return [r.claim_id for r in ranks if r.key]
        if rows == "single":
            return [r.claim_id for r in ranks if not r.key]
        return [r.claim_id for r in ranks]

    @property
    def key_count(self) -> int:
        return sum(1 for r in self.ranks.values() if r.key)


def _live_evidence(story: Story) -> QuerySet[Evidence]:
    return Evidence.objects.filter(
        claim__story=story,
        claim__merged_into__isnull=True,
        article__source__isnull=False,
        article__off_topic=False,
    ).order_by()


def outlet_name_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", arabic_fold(name)).split())


def outlet_credited(credit: str | None, names: dict[str, int]) -> int | None:
    """The story outlet a speaker names, matched on whole words so «الشرق الأوسط» finds «صحيفة الشرق الأوسط»."""
    said = outlet_name_key(credit or "")
    if not said:
        return None
    if said in names:
        return names[said]
    for name, source_id in names.items():
        if len(name) >= 4 and (f" {name} " in f" {said} " or f" {said} " in f" {name} "):
            return source_id
    return None


@dataclass
class _Group:
    stances: set[str] = field(default_factory=set)
    credits: set[str] = field(default_factory=set)
    only_attributes: bool = True
    copied_from: set[int] = field(default_factory=set)  # outlets whose article this outlet copied
    own: bool = False


def story_ranking(*, story: Story, claim_ids: Iterable[int] | None = None) -> Ranking:
    """Every live claim's rank (or only those of ``claim_ids``), from one grouped evidence read plus the editors'
    marks (three more queries): the computation services.claim_stats stores and the pages read back."""
    tracked = TrackedStance.objects.filter(
        article_id=OuterRef("article_id"), start__lt=OuterRef("end"), end__gt=OuterRef("start")
    ).exclude(stance="unrelated")
    attributes = Q(stance=Stance.ATTRIBUTES.value)
    evidence = _live_evidence(story)
    if claim_ids is not None:
        claim_ids = list(claim_ids)
        evidence = evidence.filter(claim_id__in=claim_ids)
    rows = (
        evidence.values("claim_id", "article__source_id", "article__duplicate_of__source_id")
        .annotate(
            low=Min("stance"),
            high=Max("stance"),
            credit_low=Min("attributed_to", filter=attributes),
            credit_high=Max("attributed_to", filter=attributes),
            others=Count("id", filter=~attributes),
            first=Min("start"),
            edited=Count("id", filter=Q(stance_by_editor=True)),
            tracked=Count("id", filter=Q(Exists(tracked))),
        )
        .values_list(
            "claim_id",
            "article__source_id",
            "article__duplicate_of__source_id",
            "low",
            "high",
            "credit_low",
            "credit_high",
            "others",
            "first",
            "edited",
            "tracked",
        )
    )
    groups: dict[int, dict[int, _Group]] = defaultdict(lambda: defaultdict(_Group))
    ranks: dict[int, ClaimRank] = {}
    for claim_id, source_id, original, low, high, c_low, c_high, others, first, edited, on_track in rows:
        rank = ranks.setdefault(claim_id, ClaimRank(claim_id))
        rank.lead |= first < LEDE_CHARS
        rank.pinned |= bool(edited)
        rank.tracked |= bool(on_track)
        group = groups[claim_id][source_id]
        if original is None or original == source_id:
            group.own = True
            group.stances |= {low, high}
            group.only_attributes &= not others
            group.credits |= {c for c in (c_low, c_high) if c}
        else:
            group.copied_from.add(original)
    outlets = Source.objects.filter(articles__story=story).distinct().values_list("id", "name", "file_hint")
    names = {i: n for i, n, _ in outlets}
    hints = {i: h for i, _, h in outlets if h}
    by_name = {outlet_name_key(n): i for i, n in names.items() if outlet_name_key(n) and i not in hints}
    for claim_id in _editor_marked(story, claim_ids):
        if claim_id in ranks:
            ranks[claim_id].pinned = True
    ranking = Ranking(ranks=ranks, own={}, coverage={}, names=names, relays=defaultdict(int), hints=hints)
    for claim_id, outlets in groups.items():
        _fold_claim(ranking, claim_id, outlets, by_name)
        for source_id in outlets:
            ranking.coverage[source_id] = ranking.coverage.get(source_id, 0) + 1
    return ranking


def _editor_marked(story: Story, claim_ids: list[int] | None) -> list[int]:
    """Claims an editor reworded, split out, merged another into, or corrected a quote's stance on."""
    live = Correction.objects.filter(story=story).exclude(state=Correction.State.UNDONE)
    claims = Claim.objects.filter(story=story, merged_into__isnull=True)
    if claim_ids is not None:
        claims = claims.filter(id__in=claim_ids)
    return list(
        claims.filter(
            Q(text_by_editor=True)
            | Q(evidence__stance_by_editor=True)
            | Q(id__in=live.filter(kind=Correction.Kind.SPLIT).values("claim_id"))
            | Q(id__in=live.filter(kind=Correction.Kind.MERGE).values("other_claim_id"))
        )
        .values_list("id", flat=True)
        .distinct()
    )


def _fold_claim(ranking: Ranking, claim_id: int, outlets: dict[int, _Group], by_name: dict[str, int]) -> None:
    rank, own = ranking.ranks[claim_id], ranking.own
    roots = set()
    stances: dict[str, int] = defaultdict(int)
    for source_id, group in outlets.items():
        if not group.own:
            roots |= group.copied_from
            continue
        # Min and max per group stand for the whole set: exact for the four stances (matrix._overall_from_range).
        overall = stance_overall(group.stances)
        own[(claim_id, source_id)] = overall
        stances[overall] += 1
        rank.contested |= stance_polarity(overall) != "positive"
        root = source_id
        if group.only_attributes and len(group.credits) == 1:
            credited = outlet_credited(next(iter(group.credits)), by_name)
            if credited not in (None, source_id):
                root = credited
                ranking.relays[(source_id, credited)] += 1
                rank.relays.append((source_id, credited))
        roots.add(root)
    rank.outlets = len(outlets)
    ranking.carriers[claim_id] = sorted(outlets)
    rank.independent = len(roots)
    rank.stances = dict(stances)
    rank.relays.sort()
