"""The story's claim ranks as the pages read them: a page of rows at a time from the stored ClaimStats (an index
range), or, for a story whose rows are not built yet, from the evidence itself (``ranking.story_ranking``).

Both readers answer the same questions the same way; tests/stories/test_claim_stats.py holds them to it.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, F, Q
from django.db.models.functions import Least

from stories.models import Claim, ClaimOutlet, ClaimStats, Source, Story

from .ranking import ClaimRank, Ranking, story_ranking

FIRST_REPORTED = (F("first_reported_in__published_at").asc(nulls_last=True), "id")


def story_ranks(*, story: Story) -> StoredRanks | ComputedRanks:
    """The reader for this story: the stored rows once they are built, else the ranking computed now."""
    if story.claim_stats_ready:
        return StoredRanks(story)
    return ComputedRanks(story, story_ranking(story=story))


def _outlets(ids) -> dict[int, tuple[str, str]]:
    return {i: (n, h) for i, n, h in Source.objects.filter(id__in=ids).values_list("id", "name", "file_hint")}


class StoredRanks:
    """Ranks read from ClaimStats: counts and pages in the database, never a pass over the story's evidence."""

    def __init__(self, story: Story):
        self.story = story
        counts = ClaimStats.objects.filter(story=story).aggregate(
            total=Count("pk"), key=Count("pk", filter=Q(key=True))
        )
        self.total, self.key_count = counts["total"], counts["key"]

    def _stats(self, rows: str):
        stats = ClaimStats.objects.filter(story=self.story)
        return stats.filter(key=rows == "key") if rows in ("key", "single") else stats

    # The story's claim list in first-report order, read along the claimstats_first index.
    first_order = (F("stats__first_reported_at").asc(nulls_last=True), "stats__claim_id")

    def claims(self, rows: str) -> Q:
        """The claims of a row set, as a filter on Claim."""
        if rows in ("key", "single"):
            return Q(stats__key=rows == "key", stats__story=self.story)
        return Q(stats__story=self.story)

    def count(self, rows: str) -> int:
        return {"key": self.key_count, "single": self.total - self.key_count}.get(rows, self.total)

    def ordered(self, rows: str, sort: str, start: int, stop: int) -> list[int]:
        if sort == "first":
            claims = Claim.objects.filter(story=self.story, merged_into__isnull=True).filter(
                self.claims(rows)
            )
            return list(claims.order_by(*self.first_order).values_list("id", flat=True)[start:stop])
        stats = self._stats(rows)
        if sort == "contested":
            positive, negative = F("asserts") + F("attributes"), F("denies") + F("doubts")
            stats = stats.annotate(
                weight=2 * Least(positive, negative) + F("mixed"), own=positive + negative + F("mixed")
            ).order_by("-weight", "-own", "claim_id")
        else:
            stats = stats.order_by("-key", "-independent", "-contested", "-lead", "-outlets", "claim_id")
        return list(stats.values_list("claim_id", flat=True)[start:stop])

    def ranks(self, ids) -> dict[int, ClaimRank]:
        return {s.claim_id: _rank(s) for s in ClaimStats.objects.filter(claim_id__in=list(ids))}

    def every(self) -> dict[int, ClaimRank]:
        return {s.claim_id: _rank(s) for s in ClaimStats.objects.filter(story=self.story)}

    def digest(self, n: int) -> list[ClaimRank]:
        """The first ``n`` key claims, contested ones first, then in the ranking's order."""
        stats = self._stats("key").order_by("-contested", "-independent", "-lead", "-outlets", "claim_id")
        return [_rank(s) for s in stats[:n]]

    def relays(self) -> dict[tuple[int, int], int]:
        relays: dict[tuple[int, int], int] = defaultdict(int)
        for pairs in ClaimStats.objects.filter(story=self.story, relayed=True).values_list(
            "relays", flat=True
        ):
            for relay, credited in pairs:
                relays[(relay, credited)] += 1
        return relays

    def coverage(self) -> dict[int, int]:
        """Outlet -> live claims it carries, copies included."""
        rows = ClaimOutlet.objects.filter(story=self.story).values("source_id").annotate(n=Count("pk"))
        return {r["source_id"]: r["n"] for r in rows}

    def own(self, source_ids) -> dict[tuple[int, int], str]:
        rows = ClaimOutlet.objects.filter(story=self.story, source_id__in=list(source_ids)).exclude(stance="")
        return {(c, s): stance for c, s, stance in rows.values_list("claim_id", "source_id", "stance")}

    def outlets(self, ids) -> dict[int, tuple[str, str]]:
        return _outlets(ids)


def _rank(stats: ClaimStats) -> ClaimRank:
    counts = {column: getattr(stats, column) for column in ClaimStats.STANCE_COLUMNS}
    return ClaimRank(
        claim_id=stats.claim_id,
        outlets=stats.outlets,
        independent=stats.independent,
        contested=stats.contested,
        lead=stats.lead,
        tracked=stats.tracked,
        pinned=stats.pinned,
        stances={k: v for k, v in counts.items() if v},
        relays=[tuple(pair) for pair in stats.relays],
    )


class ComputedRanks:
    """Ranks of a story whose stored rows are not built yet, computed from its evidence for this one request."""

    first_order = FIRST_REPORTED

    def __init__(self, story: Story, ranking: Ranking):
        self.story, self.ranking = story, ranking
        self.total, self.key_count = len(ranking.ranks), ranking.key_count

    def claims(self, rows: str) -> Q:
        return Q(id__in=self.ranking.ordered(rows))

    def count(self, rows: str) -> int:
        return len(self.ranking.ordered(rows))

    def ordered(self, rows: str, sort: str, start: int, stop: int) -> list[int]:
        order = self.ranking.ordered(rows)
        if sort == "contested":
            ranks = self.ranking.ranks

            def weight(claim_id: int) -> tuple:
                s = ranks[claim_id].stances
                positive = s.get("asserts", 0) + s.get("attributes", 0)
                negative = s.get("denies", 0) + s.get("doubts", 0)
                mixed = s.get("mixed", 0)
                return (-(2 * min(positive, negative) + mixed), -(positive + negative + mixed), claim_id)

            order = sorted(order, key=weight)
        elif sort == "first":
            wanted = set(order)
            claims = Claim.objects.filter(story=self.story, merged_into__isnull=True).order_by(
                *FIRST_REPORTED
            )
            order = [c for c in claims.values_list("id", flat=True) if c in wanted]
        return order[start:stop]

    def ranks(self, ids) -> dict[int, ClaimRank]:
        return {i: self.ranking.ranks[i] for i in ids if i in self.ranking.ranks}

    def every(self) -> dict[int, ClaimRank]:
        return self.ranking.ranks

    def digest(self, n: int) -> list[ClaimRank]:
        ranks = (r for r in self.ranking.ranks.values() if r.key)
        return sorted(ranks, key=lambda r: (not r.contested, *r.order()))[:n]

    def relays(self) -> dict[tuple[int, int], int]:
        return dict(self.ranking.relays)

    def coverage(self) -> dict[int, int]:
        return self.ranking.coverage

    def own(self, source_ids) -> dict[tuple[int, int], str]:
        shown = set(source_ids)
        return {key: stance for key, stance in self.ranking.own.items() if key[1] in shown}

    def outlets(self, ids) -> dict[int, tuple[str, str]]:
        names, hints = self.ranking.names, self.ranking.hints
        return {i: (names[i], hints.get(i, "")) for i in ids if i in names}
