"""Each story's claim index, kept in the database beside the evidence (models.ClaimPosting, ClaimTokenCount,
ClaimTokenUnion) and updated as quotes are saved and deleted, so every worker reads the same index and an upload
reads only what it matches against."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping

from django.db import connection
from django.db.models import BigIntegerField, Count, Q
from django.db.models.functions import Coalesce

from stories import selectors
from stories.models import ClaimPosting, ClaimTokenCount, Correction, Evidence, Story
from stories.nlp import match
from stories.nlp.similarity import key_entry

from .claim_unions import claim_unions_add, claim_unions_drop
from .story_keys import StoryKeys, live_quotes

# The row of the empty token counts the story's indexed quotes; without it the index is (re)built on first use.
QUOTES = ""


def story_keys(story_id: int) -> StoryKeys:
    """The story's stored keys; the index is built first if the story has none yet."""
    return StoryKeys(story_id, _story_index_size(story_id))


def story_claim_index(*, story_id: int, with_orphans: bool) -> match.ClaimIndex:
    """The story's live claims, ready to match against; callers must roll back whatever they add to it."""
    index = match.ClaimIndex(story_keys(story_id))
    if with_orphans and Story.objects.filter(id=story_id, claims_maybe_orphaned=True).exists():
        # Claims left without evidence (e.g. by this article's previous run) stay matchable so that their ids,
        # and the permalinks built on them, come back when the same text is analysed again.
        # A claim an editor split off holds exactly the quotes they chose: it is no orphan for the matcher to fill.
        split_off = Correction.objects.filter(story_id=story_id, kind=Correction.Kind.SPLIT).values(
            "claim_id"
        )
        orphans = selectors.story_orphan_claims(story_id=story_id).exclude(id__in=split_off)
        found = list(orphans.order_by("id").values_list("id", "key", "text"))
        for claim_id, key, text in found:
            index.add(claim_id, key, text)
        if not found:  # until a quote is taken away again, there is no need to look (a scan of every claim)
            Story.objects.filter(id=story_id).update(claims_maybe_orphaned=False)
    return index


def story_claims_maybe_orphaned(*, story_ids: Collection[int]) -> None:
    """Quotes were taken from some claims of these stories: the next matching looks for claims left empty."""
    Story.objects.filter(id__in=list(story_ids), claims_maybe_orphaned=False).update(
        claims_maybe_orphaned=True
    )


def story_evidence_create(
    *, story_id: int, rows: list[Evidence], matched: match.ClaimIndex | None = None
) -> list[Evidence]:
    """Store an article's quotes and add their keys to the story's index, as the matcher just added them
    (``matched``, the index they were matched with, saves reading the story's counts again)."""
    index = matched.stored_only() if matched is not None else match.ClaimIndex(story_keys(story_id))
    index.prefetch_keys(row.key for row in rows)
    stored = []
    for row in rows:
        stored.append(index.add(row.matched_claim_id or row.claim_id, row.key, row.proposition))
        row.index_key = stored[-1] if stored[-1] != row.key else []
    created = Evidence.objects.bulk_create(rows)
    matched_keys = zip(created, stored, strict=True)
    _postings_add(
        story_id, [(row.id, row.matched_claim_id or row.claim_id, key) for row, key in matched_keys]
    )
    return created


def articles_claim_index_forget(*, article_ids: list[int]) -> None:
    """Take the articles' quotes out of their stories' indexes before the quotes are deleted."""
    postings = ClaimPosting.objects.filter(evidence__article_id__in=article_ids)
    counts: dict[int, Counter[str]] = {}
    unions: dict[int, Counter[tuple[int, str]]] = {}
    matched = Coalesce("evidence__matched_claim_id", "evidence__claim_id", output_field=BigIntegerField())
    for story_id, claim_id, token, n in (
        postings.annotate(matched=matched).values_list("story_id", "matched", "token").annotate(n=Count("id"))
    ):
        counts.setdefault(story_id, Counter())[token] -= n
        unions.setdefault(story_id, Counter())[claim_id, token] -= n
    quotes = postings.values_list("story_id").annotate(n=Count("evidence_id", distinct=True))
    for story_id, n in quotes:
        counts[story_id][QUOTES] -= n
    for story_id, story_counts in counts.items():
        _counts_add(story_id, story_counts)
        claim_unions_add(story_id=story_id, counts=unions[story_id])
    if counts:
        postings.delete()
        story_claims_maybe_orphaned(story_ids=counts)


def story_claim_index_reset(*, story_id: int) -> None:
    """Drop the story's index; the next matching rebuilds it from the live quotes (after a change to which quotes
    are live that the index does not follow: a story reanalysis starting, an article's quotes coming back)."""
    ClaimTokenCount.objects.filter(story_id=story_id).delete()
    ClaimPosting.objects.filter(story_id=story_id).delete()
    claim_unions_drop(story_id=story_id)
    story_claims_maybe_orphaned(story_ids=[story_id])


def claims_redirect_index_follow(*, claim_ids: Collection[int]) -> None:
    """These claims were pointed elsewhere or back: the quotes they still hold (an editor pinned them there) left
    matching or came back to it, which the index does not follow, so their stories' indexes are rebuilt."""
    held = Evidence.objects.filter(claim_id__in=list(claim_ids)).values_list("article__story_id", flat=True)
    stories_claim_index_reset(story_ids=set(held.distinct()))


def evidence_moves_index_follow(*, evidence_ids: Collection[int]) -> None:
    """These quotes are about to move to a claim that points nowhere else. One leaving a redirected claim comes
    back to matching, and one whose matcher's claim was never kept would be indexed under another claim: the
    index does not follow either, so their stories' indexes are rebuilt."""
    moving = Evidence.objects.filter(id__in=list(evidence_ids))
    moving = moving.filter(Q(claim__merged_into__isnull=False) | Q(matched_claim_id__isnull=True))
    stories_claim_index_reset(story_ids=set(moving.values_list("article__story_id", flat=True).distinct()))


def stories_claim_index_reset(*, story_ids: Collection[int]) -> None:
    for story_id in sorted(set(story_ids)):
        story_claim_index_reset(story_id=story_id)


def _story_index_size(story_id: int) -> int:
    size = ClaimTokenCount.objects.filter(story_id=story_id, token=QUOTES).values_list("quotes", flat=True)
    for quotes in size:
        return quotes
    return _story_index_build(story_id)


def _story_index_build(story_id: int) -> int:
    """Index every live quote of the story, in the order they were stored, as the matcher first added them."""
    story_claim_index_reset(story_id=story_id)
    index = match.ClaimIndex()
    stored, changed = [], []
    for row in live_quotes(story_id).order_by("id").only("id", "key", "proposition", "index_key", "claim_id"):
        canonical = index.add(row.matched, row.key, row.proposition)
        if (canonical if canonical != row.key else []) != row.index_key:
            row.index_key = canonical if canonical != row.key else []
            changed.append(row)
        stored.append((row.id, row.matched, canonical))
    Evidence.objects.bulk_update(changed, ["index_key"], batch_size=1000)
    ClaimTokenCount.objects.create(story_id=story_id, token=QUOTES, quotes=0)
    _postings_add(story_id, stored)
    return ClaimTokenCount.objects.get(story_id=story_id, token=QUOTES).quotes


def _postings_add(story_id: int, rows: list[tuple[int, int, list[str]]]) -> None:
    """Postings, counts and claim unions for quotes (id, matched claim, stored key); a key without content is not
    indexed."""
    counts: Counter[str] = Counter()
    unions: Counter[tuple[int, str]] = Counter()
    postings: list[tuple[str, int]] = []
    for evidence_id, claim_id, key in rows:
        tokens = key_entry(0, key).tokens
        if tokens:
            counts[QUOTES] += 1
            counts.update(tokens)
            unions.update((claim_id, t) for t in tokens)
            postings += [(t, evidence_id) for t in tokens]
    if connection.vendor == "postgresql":
        table = ClaimPosting._meta.db_table
        sql = f"INSERT INTO {table} (story_id, token, evidence_id) SELECT %s, unnest(%s::text[]), unnest(%s::bigint[])"
        for i in range(0, len(postings), 20_000):
            chunk = postings[i : i + 20_000]
            with connection.cursor() as cursor:
                cursor.execute(sql, [story_id, [t for t, _ in chunk], [e for _, e in chunk]])
    else:
        ClaimPosting.objects.bulk_create(
            (ClaimPosting(story_id=story_id, token=t, evidence_id=e) for t, e in postings), batch_size=2000
        )
    _counts_add(story_id, counts)
    claim_unions_add(story_id=story_id, counts=unions)


def _counts_add(story_id: int, counts: Mapping[str, int]) -> None:
    table = ClaimTokenCount._meta.db_table
    upsert = f"ON CONFLICT (story_id, token) DO UPDATE SET quotes = {table}.quotes + excluded.quotes"
    rows = [(token, n) for token, n in counts.items() if n]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement whatever the number of tokens (rows sorted: concurrent upserts lock in one order).
            rows.sort()
            sql = f"INSERT INTO {table} (story_id, token, quotes) SELECT %s, unnest(%s::text[]), unnest(%s::int[]) "
            cursor.execute(sql + upsert, [story_id, [t for t, _ in rows], [n for _, n in rows]])
        else:
            sql = f"INSERT INTO {table} (story_id, token, quotes) VALUES (%s, %s, %s) "
            cursor.executemany(sql + upsert, [(story_id, t, n) for t, n in rows])
