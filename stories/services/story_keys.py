"""The stored claim keys of one story as the matcher reads them (the backing store of match.ClaimIndex): keys at
positions, candidate postings, token counts, each claim's token union and whether it holds denials only."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

from django.db import connection
from django.db.models import BigIntegerField, Count, Q
from django.db.models.functions import Coalesce

from stories.models import Article, Claim, ClaimPosting, ClaimTokenCount, Evidence
from stories.nlp.similarity import Entry, key_entry
from stories.nlp.types import Stance

from .claim_unions import claim_unions_read


class StoryKeys:
    """The stored claim keys of one story, read in batches (the backing store of match.ClaimIndex)."""

    def __init__(self, story_id: int, size: int) -> None:
        self.story_id = story_id
        self._size = size

    def size(self) -> int:
        return self._size

    def frequencies(self, tokens: Collection[str]) -> Mapping[str, int]:
        tokens = [t for t in tokens if t]
        if connection.vendor != "postgresql":
            rows = ClaimTokenCount.objects.filter(story_id=self.story_id, token__in=tokens)
            return dict(rows.values_list("token", "quotes"))
        # One array parameter: thousands of tokens cost no more to send than one.
        table = ClaimTokenCount._meta.db_table
        sql = f"SELECT token, quotes FROM {table} WHERE story_id = %s AND token = ANY(%s)"
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.story_id, tokens])
            return dict(cursor.fetchall())

    def postings(self, tokens: Collection[str], newest: int) -> Mapping[str, Sequence[int]]:
        # Per-token LIMITs: each reads its token's latest postings off the index, never them all.
        table = ClaimPosting._meta.db_table
        one = f"SELECT evidence_id FROM {table} WHERE story_id = %s AND token = {{}} ORDER BY evidence_id DESC LIMIT %s"
        if connection.vendor == "postgresql":
            sql = f"SELECT t, p.evidence_id FROM unnest(%s::text[]) AS t CROSS JOIN LATERAL ({one.format('t')}) AS p"
            batches = [(sql, [list(tokens), self.story_id, newest])]
        else:  # no LATERAL: a UNION of one SELECT per token, in chunks (SQLite caps compound SELECTs at 500)
            tokens, batches = list(tokens), []
            for i in range(0, len(tokens), 100):
                chunk = tokens[i : i + 100]
                part = f"SELECT * FROM (SELECT %s, evidence_id FROM ({one.format('%s')}))"
                params = [v for t in chunk for v in (t, self.story_id, t, newest)]
                batches.append((" UNION ALL ".join(part for _ in chunk), params))
        found: dict[str, list[int]] = {t: [] for t in tokens}
        with connection.cursor() as cursor:
            for sql, params in batches:
                cursor.execute(sql, params)
                for token, evidence_id in cursor.fetchall():
                    found[token].append(evidence_id)
        return {t: sorted(p) for t, p in found.items()}

    def entries(self, positions: Collection[int]) -> Mapping[int, Entry]:
        if connection.vendor == "postgresql":
            rows = _live_keys_pg(self.story_id, list(positions))
        else:
            rows = live_quotes(self.story_id).filter(id__in=list(positions))
            rows = rows.values_list("id", "matched", "index_key", "key", "proposition")
        return {
            pos: _entry(claim_id, stored, key, proposition)
            for pos, claim_id, stored, key, proposition in rows
        }

    def claim_tokens(self, claim_ids: Collection[int]) -> Mapping[int, set[str]]:
        return claim_unions_read(story_id=self.story_id, claim_ids=claim_ids)

    def denials_only(self, claim_ids: Collection[int]) -> Collection[int]:
        if connection.vendor == "postgresql":
            return _denials_only_pg(self.story_id, list(claim_ids))
        rows = live_quotes(self.story_id).filter(matched__in=list(claim_ids)).values("matched")
        rows = rows.annotate(reports=Count("id", filter=~Q(stance=Stance.DENIES.value)))
        return [row["matched"] for row in rows if not row["reports"]]


def _denials_only_pg(story_id: int, claim_ids: list[int]) -> list[int]:
    """``StoryKeys.denials_only``: each claim's first live quote, and its first live quote that is no denial, read
    through the index on the matched claim, so a claim with thousands of quotes costs what one with two does."""
    live = (
        f"SELECT 1 FROM {Evidence._meta.db_table} e JOIN {Article._meta.db_table} a ON a.id = e.article_id "
        f"JOIN {Claim._meta.db_table} c ON c.id = e.claim_id "
        "WHERE COALESCE(e.matched_claim_id, e.claim_id) = k AND a.story_id = %s "
        "AND NOT a.reanalysis_pending AND c.merged_into_id IS NULL"
    )
    sql = (
        f"SELECT k FROM unnest(%s::bigint[]) AS k WHERE EXISTS ({live}) "
        f"AND NOT EXISTS ({live} AND e.stance <> %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [claim_ids, story_id, story_id, Stance.DENIES.value])
        return [row[0] for row in cursor.fetchall()]


def _live_keys_pg(story_id: int, positions: list[int]) -> list[tuple]:
    """``live_quotes`` for the quotes at ``positions``, in one statement with one array parameter."""
    sql = (
        "SELECT e.id, COALESCE(e.matched_claim_id, e.claim_id), e.index_key, e.key, e.proposition "
        f"FROM {Evidence._meta.db_table} e JOIN {Article._meta.db_table} a ON a.id = e.article_id "
        f"JOIN {Claim._meta.db_table} c ON c.id = e.claim_id "
        "WHERE e.id = ANY(%s) AND a.story_id = %s AND NOT a.reanalysis_pending AND c.merged_into_id IS NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [positions, story_id])
        return cursor.fetchall()


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


@lru_cache(maxsize=131_072)
def _stored_entry(claim_id: int, stored: str | None, key: str | None, proposition: str) -> Entry:
    return key_entry(claim_id, _json(stored) or _json(key), proposition)


def _entry(claim_id: int, stored, key, proposition: str) -> Entry:
    """The matcher's entry for a stored quote; a worker reads the same popular quotes for upload after upload,
    and decodes each once (keyed by the stored text, so a rewritten key is decoded afresh)."""
    if isinstance(stored, str | None) and isinstance(key, str | None):
        return _stored_entry(claim_id, stored, key, proposition)
    return key_entry(claim_id, _json(stored) or _json(key), proposition)


def live_quotes(story_id: int):
    # Keys stand under the claim the matcher chose (editors' moves are applied after matching, see claims.py),
    # so a correction never changes where another quote goes. Articles waiting in a story reanalysis keep
    # their old quotes on show but out of matching.
    return Evidence.objects.filter(
        article__story_id=story_id, article__reanalysis_pending=False, claim__merged_into__isnull=True
    ).annotate(matched=Coalesce("matched_claim_id", "claim_id", output_field=BigIntegerField()))
