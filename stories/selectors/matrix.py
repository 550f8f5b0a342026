"""The agreement matrix: claims × outlets, paginated both ways, with pair agreement, CSV and each cell's quotes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, QuerySet

from stories.models import Claim, Evidence, Source, Story
from stories.stances import MIXED, stance_polarity

from .export import stance_overall
from .ranking import ROW_SETS, ClaimRank
from .ranks import story_ranks
from .snippets import QUOTE_RADIUS, SENTENCE_END, Quote, _quotes

MATRIX_ROWS = 25
MATRIX_COLUMNS = 12
MATRIX_SORTS = ("sources", "contested", "first")


@dataclass
class MatrixCell:
    source: Source
    stance: str | None
    copied: bool = False  # this outlet's only evidence comes from copies of another outlet's article
    copiers: int = 0  # outlets that carried this outlet's report as a copy


@dataclass
class MatrixPageRow:
    claim: Claim
    cells: list[MatrixCell]
    positive: int
    negative: int
    mixed: int
    rank: ClaimRank

    @property
    def contested(self) -> bool:
        return self.rank.contested

    @property
    def silent(self) -> int:
        """Shown outlets that do not carry the claim."""
        return sum(1 for c in self.cells if not c.stance)


@dataclass
class PairAgreement:
    first: Source
    second: Source
    shared: int
    agree: int

    @property
    def percent(self) -> int:
        return round(100 * self.agree / self.shared) if self.shared else 0


@dataclass
class MatrixPage:
    sources: list[Source]
    rows: list[MatrixPageRow]
    pairs: list[PairAgreement]
    sort: str
    page: int
    pages: int
    col_page: int
    col_pages: int
    claim_count: int  # in the shown row set
    source_count: int
    row_set: str = "key"
    key_count: int = 0  # claims that matter: shared by independent outlets, contested, tracked or pinned
    detail_count: int = 0  # the rest: single-outlet details


@dataclass
class _Cells:
    own: dict[tuple[int, int], set[str]] = field(default_factory=lambda: defaultdict(set))
    copied: dict[tuple[int, int], set[str]] = field(default_factory=lambda: defaultdict(set))
    copiers: dict[tuple[int, int], set[int]] = field(default_factory=lambda: defaultdict(set))

    def stance(self, claim_id: int, source_id: int) -> tuple[str | None, bool]:
        if own := self.own.get((claim_id, source_id)):
            return stance_overall(own), False
        if copied := self.copied.get((claim_id, source_id)):
            return stance_overall(copied), True
        return None, False


def _matrix_evidence(story: Story) -> QuerySet[Evidence]:
    """The evidence the matrix counts: live claims, articles with an outlet, nothing an editor marked off-topic."""
    # Filtering through the claim lets the database start from the claim index when a page names its claims.
    return Evidence.objects.filter(
        claim__story=story,
        claim__merged_into__isnull=True,
        article__source__isnull=False,
        article__off_topic=False,
    ).order_by()


def _matrix_cells(story: Story, *, claim_ids: list[int] | None = None) -> _Cells:
    """(claim, outlet) stances in one query; evidence from copies is kept apart from the outlet's own."""
    evidence = _matrix_evidence(story)
    if claim_ids is not None:
        evidence = evidence.filter(claim_id__in=claim_ids)
    rows = evidence.values_list(
        "claim_id", "article__source_id", "stance", "article__duplicate_of__source_id"
    ).distinct()
    cells = _Cells()
    for claim_id, source_id, stance, original_source in rows:
        if original_source is None:
            cells.own[(claim_id, source_id)].add(stance)
        else:
            cells.copied[(claim_id, source_id)].add(stance)
            if original_source != source_id:
                cells.copiers[(claim_id, original_source)].add(source_id)
    return cells


def _tally(rank: ClaimRank) -> list[int]:
    """Outlets asserting or attributing, denying or doubting, mixed, and covering with their own report."""
    s = rank.stances
    tally = [
        s.get("asserts", 0) + s.get("attributes", 0),
        s.get("denies", 0) + s.get("doubts", 0),
        s.get(MIXED, 0),
    ]
    return [*tally, sum(tally)]


def story_matrix_page(
    *, story: Story, sort: str = "sources", page: int = 1, col_page: int = 1, rows: str = "key"
) -> MatrixPage:
    """One page of claims × one page of outlets, plus how often each pair of the shown outlets agrees.

    The rows open on the key claims (see ``ranking``); ``rows="single"`` lists the rest, ``"all"`` everything.
    The ranks are read a page at a time (``ranks``); only the page's claims are read cell by cell.
    """
    sort = sort if sort in MATRIX_SORTS else "sources"
    ranks = story_ranks(story=story)
    key_count = ranks.key_count
    rows = rows if rows in ROW_SETS else "key"
    if rows == "key" and not key_count:
        rows = "all"  # nothing is shared or contested yet: every claim is a detail, show them all
    claim_count = ranks.count(rows)
    pages = max(1, -(-claim_count // MATRIX_ROWS))
    page = min(max(page, 1), pages)
    coverage = ranks.coverage()
    col_pages = max(1, -(-len(coverage) // MATRIX_COLUMNS))
    col_page = min(max(col_page, 1), col_pages)
    ranked = sorted(coverage, key=lambda s: (-coverage[s], s))
    column_ids = ranked[(col_page - 1) * MATRIX_COLUMNS : col_page * MATRIX_COLUMNS]
    names = ranks.outlets(column_ids)
    columns = [Source(id=s, name=names[s][0], file_hint=names[s][1]) for s in column_ids]
    page_ids = ranks.ordered(rows, sort, (page - 1) * MATRIX_ROWS, page * MATRIX_ROWS)
    claims = (
        Claim.objects.filter(id__in=page_ids)
        .select_related("first_reported_in__source")
        .only(
            "id",
            "text",
            "slug",
            "first_reported_in__published_at",
            "first_reported_in__source__name",
            "first_reported_in__source__file_hint",
        )
    )
    claims_by_id = {c.id: c for c in claims}
    cells = _matrix_cells(story, claim_ids=page_ids)
    page_ranks = ranks.ranks(page_ids)
    page_rows = [
        _matrix_row(claims_by_id[c], cells, columns, _tally(page_ranks[c]), page_ranks[c])
        for c in page_ids
        if c in claims_by_id and c in page_ranks
    ]
    return MatrixPage(
        sources=columns,
        rows=page_rows,
        pairs=_pair_agreement(ranks.own(column_ids), columns),
        sort=sort,
        page=page,
        pages=pages,
        col_page=col_page,
        col_pages=col_pages,
        claim_count=claim_count,
        source_count=len(coverage),
        row_set=rows,
        key_count=key_count,
        detail_count=ranks.total - key_count,
    )


def _matrix_row(
    claim: Claim, cells: _Cells, columns: list[Source], tally: list[int], rank: ClaimRank
) -> MatrixPageRow:
    row_cells = []
    for source in columns:
        stance, copied = cells.stance(claim.id, source.id)
        row_cells.append(
            MatrixCell(
                source=source,
                stance=stance,
                copied=copied,
                copiers=len(cells.copiers.get((claim.id, source.id), ())),
            )
        )
    return MatrixPageRow(
        claim=claim, cells=row_cells, positive=tally[0], negative=tally[1], mixed=tally[2], rank=rank
    )


def _pair_agreement(own: dict[tuple[int, int], str], columns: list[Source]) -> list[PairAgreement]:
    """Share of claims two outlets both covered (with their own reports) on which their polarity agrees."""
    shown = {s.id for s in columns}
    by_claim: dict[int, dict[int, str]] = defaultdict(dict)
    for (claim_id, source_id), stance in own.items():
        if source_id in shown:
            by_claim[claim_id][source_id] = stance_polarity(stance)
    tally: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for outlets in by_claim.values():
        ids = sorted(outlets)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                tally[(a, b)][0] += 1
                tally[(a, b)][1] += outlets[a] == outlets[b] != "mixed"
    by_id = {s.id: s for s in columns}
    pairs = [PairAgreement(by_id[a], by_id[b], shared, agree) for (a, b), (shared, agree) in tally.items()]
    return sorted(pairs, key=lambda p: (-p.shared, -p.agree, p.first.name, p.second.name))[:60]


def matrix_csv_rows(*, story: Story) -> list[list[str]]:
    """The whole matrix for download: one row per claim, one column per outlet."""
    cells = _matrix_cells(story)
    order = story_ranks(story=story).ordered("all", "sources", 0, None)
    source_ids = sorted({s for _, s in set(cells.own) | set(cells.copied)})
    sources = {s.id: s.name for s in Source.objects.filter(id__in=source_ids)}
    texts = dict(Claim.objects.filter(id__in=order).values_list("id", "text"))
    header = ["claim_id", "claim", *[sources[s] for s in source_ids]]
    body = []
    for claim_id in order:
        stances = []
        for source_id in source_ids:
            stance, copied = cells.stance(claim_id, source_id)
            stances.append(f"{stance} (copy)" if copied else stance or "silent")
        body.append([str(claim_id), texts.get(claim_id, ""), *stances])
    return [header, *body]


def matrix_cell_quotes(*, story: Story, claim_id: int, source_id: int) -> list[Quote]:
    evidence = Evidence.objects.filter(claim_id=claim_id, claim__story=story, article__source_id=source_id)
    return _quotes(
        evidence.order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start"),
        radius=QUOTE_RADIUS,
        stops=SENTENCE_END,
    )
