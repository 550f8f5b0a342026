"""An entity's page: how often each outlet names it and with which epithets, and who appears with it; paged."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count

from stories.models import Entity, Mention
from stories.nlp.entities import epithet_key

ENTITY_OUTLETS_PER_PAGE = 20
EPITHETS_SHOWN = 10  # per outlet; the rest are one click away on the same card
COOCCURRING_PER_PAGE = 20


@dataclass
class EntityProfile:
    entity: Entity
    outlets: list[dict]  # this page's outlets, most mentions first
    epithets: list[dict]  # the same outlets' epithets, each with the ones past EPITHETS_SHOWN as ``more``
    cooccurring: list[dict]
    outlet_count: int = 0
    page: int = 1
    pages: int = 1
    cooccurring_count: int = 0
    co_page: int = 1
    co_pages: int = 1

    @property
    def cooccurring_more(self) -> int:
        """Entities after this page of them."""
        return max(self.cooccurring_count - self.co_page * COOCCURRING_PER_PAGE, 0)


def _pages(count: int, page: int, size: int) -> tuple[int, int]:
    pages = max(1, -(-count // size))
    return min(max(page, 1), pages), pages


def entity_profile(*, entity: Entity, page: int = 1, co_page: int = 1) -> EntityProfile:
    """Mentions per outlet, the epithets each outlet uses for the entity side by side, and who appears with it;
    outlets and co-occurring entities a page at a time, each list saying how many there are."""
    mentions = Mention.objects.filter(entity=entity)
    # Every outlet's row in one read (a story has a few hundred outlets at most), paged here.
    every_outlet = list(
        mentions.values("article__source_id", "article__source__name", "article__source__file_hint")
        .annotate(mentions=Count("id"), articles=Count("article_id", distinct=True))
        .order_by("-mentions", "article__source__name", "article__source_id")
    )
    outlet_count = len(every_outlet)
    page, pages = _pages(outlet_count, page, ENTITY_OUTLETS_PER_PAGE)
    outlets = every_outlet[(page - 1) * ENTITY_OUTLETS_PER_PAGE : page * ENTITY_OUTLETS_PER_PAGE]
    used = list(
        mentions.exclude(epithet="")
        .values("article__source_id", "epithet")
        .annotate(n=Count("id"))
        .order_by("-n", "epithet")
    )
    by_source = _epithets_by_source(used)
    epithets = []
    for o in outlets:
        used_here = by_source.get(o["article__source_id"], [])
        epithets.append(
            {
                "source_id": o["article__source_id"],
                "source": o["article__source__name"] or "—",
                "hint": o["article__source__file_hint"] or "",
                "epithets": used_here[:EPITHETS_SHOWN],
                "more": used_here[EPITHETS_SHOWN:],
            }
        )
    together = (
        Mention.objects.filter(article_id__in=mentions.values("article_id"))
        .exclude(entity=entity)
        .values("entity_id", "entity__name", "entity__kind")
    )
    co_count = together.distinct().count()
    co_page, co_pages = _pages(co_count, co_page, COOCCURRING_PER_PAGE)
    cooccurring = list(
        together.annotate(articles=Count("article_id", distinct=True)).order_by(
            "-articles", "entity__name", "entity_id"
        )[(co_page - 1) * COOCCURRING_PER_PAGE : co_page * COOCCURRING_PER_PAGE]
    )
    return EntityProfile(
        entity=entity,
        outlets=outlets,
        epithets=epithets,
        cooccurring=cooccurring,
        outlet_count=outlet_count,
        page=page,
        pages=pages,
        cooccurring_count=co_count,
        co_page=co_page,
        co_pages=co_pages,
    )


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
