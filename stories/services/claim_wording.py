"""The wording a claim is shown in: the most central, neutral one among its first quotes in publication order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import F, Q, Value, Window
from django.db.models.functions import RowNumber, StrIndex, Substr

from stories.models import Article, Claim, Evidence
from stories.models.analysis import claim_slug
from stories.nlp.wording import Wording, neutral_text, shown_wording

# The shown wording is chosen among a claim's first quotes (in publication order): enough to find the common
# formulation, and a claim carried by thousands of articles costs no more to word than one carried by sixty.
WORDING_QUOTES = 60


def claims_quoted_early(*, article: Article, claim_ids: Iterable[int]) -> set[int]:
    """Those of ``claim_ids`` whose first WORDING_QUOTES quotes include the article's: fewer than that many come
    from articles published before it. Each count stops at WORDING_QUOTES."""
    claim_ids = list(claim_ids)
    if connection.vendor == "postgresql" and claim_ids:
        return _claims_quoted_early_pg(article, claim_ids)
    if article.published_at is None:
        before = Q(article__published_at__isnull=False) | Q(
            article__published_at__isnull=True, article__sha256__lt=article.sha256
        )
    else:
        before = Q(article__published_at__lt=article.published_at) | Q(
            article__published_at=article.published_at, article__sha256__lt=article.sha256
        )
    quotes = Evidence.objects.filter(before)
    return {
        claim_id
        for claim_id in claim_ids
        if quotes.filter(claim_id=claim_id).values("id")[:WORDING_QUOTES].count() < WORDING_QUOTES
    }


def claims_wording_refresh(*, claim_ids: Iterable[int]) -> None:
    """Show each claim in the most central, neutral wording among its quotes (nlp.wording); an editor's wording
    stays."""
    claims = {
        c.id: c for c in Claim.objects.filter(id__in=claim_ids, text_by_editor=False).only("id", "text")
    }
    if not claims:
        return
    quotes: dict[int, list[Wording]] = defaultdict(list)
    for claim_id, proposition, quote, end, paragraph, title, stance in _wording_rows(list(claims)):
        # A quote that ends before the first paragraph break of a titled article is in its headline.
        headline = bool(title) and 0 < end < paragraph
        quotes[claim_id].append(Wording(text=proposition or quote, headline=headline, stance=stance))
    changed = []
    for claim_id, claim in claims.items():
        chosen = shown_wording(quotes[claim_id])
        text = neutral_text(quotes[claim_id][chosen].text) if chosen >= 0 else ""
        if text and text != claim.text:
            claim.text = text
            claim.slug = claim_slug(text)
            changed.append(claim)
    # One statement for the article's few dozen rewordings (Claim.save would send one each).
    Claim.objects.bulk_update(changed, ["text", "slug"], batch_size=500)


def _wording_rows(claim_ids: list[int]):
    if connection.vendor == "postgresql":
        return _wording_rows_pg(claim_ids)
    return _wording_rows_orm(claim_ids)


def _wording_rows_orm(claim_ids: list[int]):
    first = Window(
        RowNumber(),
        partition_by=[F("claim_id")],
        order_by=[
            F("article__published_at").asc(nulls_last=True),
            F("article__sha256").asc(),
            F("start").asc(),
        ],
    )
    return (
        Evidence.objects.filter(claim_id__in=claim_ids)
        .annotate(
            n=first,
            quote=Substr("article__text", F("start") + 1, F("end") - F("start")),
            paragraph=StrIndex("article__text", Value("\n\n")),
        )
        .filter(n__lte=WORDING_QUOTES)
        .order_by("claim_id", "n")
        .values_list("claim_id", "proposition", "quote", "end", "paragraph", "article__title", "stance")
    )


def _claims_quoted_early_pg(article: Article, claim_ids: list[int]) -> set[int]:
    """``claims_quoted_early`` in one statement (undated articles last, then by hash, as PUBLISHED_FIRST)."""
    before = (
        "(a.published_at IS NOT NULL AND (%(at)s::timestamptz IS NULL OR a.published_at < %(at)s)) "
        "OR (a.published_at IS NOT DISTINCT FROM %(at)s::timestamptz AND a.sha256 < %(sha)s)"
    )
    sql = (
        "SELECT c FROM unnest(%(ids)s::bigint[]) AS c WHERE (SELECT count(*) FROM (SELECT 1 "
        f"FROM {Evidence._meta.db_table} e JOIN {Article._meta.db_table} a ON a.id = e.article_id "
        f"WHERE e.claim_id = c AND ({before}) LIMIT %(n)s) AS q) < %(n)s"
    )
    params = {"ids": claim_ids, "at": article.published_at, "sha": article.sha256, "n": WORDING_QUOTES}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


def _wording_rows_pg(claim_ids: list[int]) -> list[tuple]:
    """``_wording_rows`` taking each claim's first quotes before cutting them out of the texts: a claim quoted by
    thousands of articles costs its first WORDING_QUOTES cuts, not one per quote."""
    evidence, articles = Evidence._meta.db_table, Article._meta.db_table
    first = (
        'SELECT e.proposition, e.start, e."end", e.stance, e.article_id, row_number() OVER (ORDER BY '
        "a.published_at ASC NULLS LAST, a.sha256 ASC, e.start ASC) AS n "
        f"FROM {evidence} e JOIN {articles} a ON a.id = e.article_id WHERE e.claim_id = u.c "
        "ORDER BY a.published_at ASC NULLS LAST, a.sha256 ASC, e.start ASC LIMIT %(n)s"
    )
    sql = (
        'SELECT u.c, q.proposition, substr(a.text, q.start + 1, q."end" - q.start), q."end", '
        "strpos(a.text, E'\\n\\n'), a.title, q.stance "
        f"FROM unnest(%(ids)s::bigint[]) AS u(c) CROSS JOIN LATERAL ({first}) AS q "
        f"JOIN {articles} a ON a.id = q.article_id ORDER BY u.c, q.n"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"ids": sorted(set(claim_ids)), "n": WORDING_QUOTES})
        return cursor.fetchall()
