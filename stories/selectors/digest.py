"""The story page's claims: the digest (the state of the story in ten seconds) and the paged list of claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F

from stories.models import Article, Claim, Story

from .ranking import ROW_SETS, ClaimRank
from .ranks import ComputedRanks, StoredRanks
from .timeline import StoryFilters, articles_filtered

DIGEST_CLAIMS = 8
DIGEST_UPLOADS = 5
DIGEST_RELAYS = 10

Ranks = StoredRanks | ComputedRanks


@dataclass
class DigestClaim:
    claim: Claim
    rank: ClaimRank
    silent: int  # the story's outlets that do not carry it


@dataclass
class Digest:
    articles: int
    outlets: int
    key_count: int
    claims: list[DigestClaim]
    first: Article | None  # the earliest dated article
    copies: list[dict]  # copier outlet -> original outlet, with how many articles
    relays: list[dict]  # relaying outlet -> credited outlet, with how many claims
    newest: list[Article] = field(default_factory=list)


def story_digest(*, story: Story, ranks: Ranks) -> Digest:
    """Key claims (contested first), who reported first, who repeats whom, the newest uploads and the counts."""
    counts = Article.objects.filter(story=story).aggregate(
        articles=Count("id"), outlets=Count("source_id", distinct=True)
    )
    top = ranks.digest(DIGEST_CLAIMS)
    texts = Claim.objects.filter(id__in=[r.claim_id for r in top]).only("id", "text", "slug")
    by_id = {c.id: c for c in texts}
    outlets = counts["outlets"]  # the story's outlets, whether or not they carry a claim
    claims = [
        DigestClaim(by_id[r.claim_id], r, max(outlets - r.outlets, 0)) for r in top if r.claim_id in by_id
    ]
    articles = Article.objects.filter(story=story).for_story_page()
    first = articles.filter(published_at__isnull=False).order_by("published_at", "id").first()
    copies = list(
        articles.filter(duplicate_of__isnull=False, source__isnull=False)
        .values(
            copier=F("source__name"),
            copier_hint=F("source__file_hint"),
            copied=F("duplicate_of__source__name"),
            copied_hint=F("duplicate_of__source__file_hint"),
        )
        .annotate(n=Count("id"))
        .order_by("-n", "copier")[:DIGEST_RELAYS]
    )
    pairs = ranks.relays()
    names = ranks.outlets({s for pair in pairs for s in pair})
    relays = sorted(
        (
            {
                "relay": names[a][0],
                "relay_hint": names[a][1],
                "credited": names[b][0],
                "credited_hint": names[b][1],
                "n": n,
            }
            for (a, b), n in pairs.items()
        ),
        key=lambda r: (-r["n"], r["relay"]),
    )[:DIGEST_RELAYS]
    newest = list(articles.order_by("-created_at", "-id")[:DIGEST_UPLOADS])
    return Digest(
        articles=counts["articles"],
        outlets=counts["outlets"],
        key_count=ranks.key_count,
        claims=claims,
        first=first,
        copies=copies,
        relays=relays,
        newest=newest,
    )


CLAIMS_PER_PAGE = 30


@dataclass
class ClaimList:
    claims: list[Claim]
    count: int  # in the shown row set, after the filters
    page: int
    pages: int
    row_set: str  # "key", "single" or "all" (see ranking)
    key_count: int
    detail_count: int

    @property
    def start(self) -> int:
        """The number of the page's first claim, for the list's numbering."""
        return (self.page - 1) * CLAIMS_PER_PAGE + 1


def story_first_claims_listed(
    *, story: Story, filters: StoryFilters, ranks: Ranks, rows: str = "key", page: int = 1
) -> ClaimList:
    """Claims in the order they were first reported (undated last), with who reported them first, a page at a time.

    The list opens on the key claims; the single-outlet details are the other row set, never dropped.
    """
    rows = rows if rows in ROW_SETS else "key"
    if rows == "key" and not ranks.key_count:
        rows = "all"
    claims = Claim.objects.filter(ranks.claims(rows), story=story, merged_into__isnull=True)
    if filters.claim_id:
        claims = claims.filter(id=filters.claim_id)
    if filters.source_id or filters.entity_id:
        claims = claims.filter(first_reported_in__in=articles_filtered(story=story, filters=filters))
    count = (
        ranks.count(rows)
        if not filters.claim_id and not filters.source_id and not filters.entity_id
        else claims.count()
    )
    pages = max(1, -(-count // CLAIMS_PER_PAGE))
    page = min(max(page, 1), pages)
    listed = list(
        claims.select_related("first_reported_in__source")
        .only(
            "id",
            "text",
            "slug",
            "first_reported_in__published_at",
            "first_reported_in__published_has_time",
            "first_reported_in__title",
            "first_reported_in__source__name",
            "first_reported_in__source__file_hint",
        )
        .order_by(*ranks.first_order)[(page - 1) * CLAIMS_PER_PAGE : page * CLAIMS_PER_PAGE]
    )
    return ClaimList(
        claims=listed,
        count=count,
        page=page,
        pages=pages,
        row_set=rows,
        key_count=ranks.key_count,
        detail_count=ranks.total - ranks.key_count,
    )
