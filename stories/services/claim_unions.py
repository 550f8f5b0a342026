"""Each claim's tokens taken together (models.ClaimTokenUnion), counted by quotes and kept in step with the postings
of the story's claim index (claim_index.py), so reading a claim's tokens costs one row whatever the number of its
quotes."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping

from django.db import connection

from stories.models import ClaimTokenUnion

# A token's count is summed over the stored and the added quotes; a token no quote holds any more goes.
_MERGED = {
    "postgresql": (
        "(SELECT COALESCE(jsonb_object_agg(k, n), '{{}}'::jsonb) FROM (SELECT k, SUM(v::int) AS n FROM ("
        "SELECT * FROM jsonb_each_text({table}.tokens) UNION ALL SELECT * FROM jsonb_each_text(excluded.tokens)"
        ") AS e(k, v) GROUP BY k HAVING SUM(v::int) > 0) AS s)"
    ),
    "sqlite": (
        "(SELECT COALESCE(json_group_object(k, n), '{{}}') FROM (SELECT key AS k, SUM(value) AS n FROM ("
        "SELECT key, value FROM json_each({table}.tokens) UNION ALL SELECT key, value FROM json_each(excluded.tokens)"
        ") GROUP BY key HAVING SUM(value) > 0))"
    ),
}


def claim_unions_read(*, story_id: int, claim_ids: Collection[int]) -> dict[int, set[str]]:
    """Every token of each claim's live quotes (a claim without any is left out)."""
    if connection.vendor == "postgresql":
        table = ClaimTokenUnion._meta.db_table
        sql = f"SELECT claim_id, tokens FROM {table} WHERE story_id = %s AND claim_id = ANY(%s)"
        with connection.cursor() as cursor:
            cursor.execute(sql, [story_id, list(claim_ids)])
            rows = cursor.fetchall()
    else:
        rows = ClaimTokenUnion.objects.filter(story_id=story_id, claim_id__in=list(claim_ids))
        rows = rows.values_list("claim_id", "tokens")
    return {claim_id: set(json.loads(t) if isinstance(t, str) else t) for claim_id, t in rows}


def claim_unions_add(*, story_id: int, counts: Mapping[tuple[int, str], int]) -> None:
    """Add ``counts`` quotes to each (claim, token), in one statement; a claim left without tokens goes."""
    by_claim: dict[int, dict[str, int]] = {}
    for (claim_id, token), n in counts.items():
        if n:
            by_claim.setdefault(claim_id, {})[token] = n
    if not by_claim:
        return
    table = ClaimTokenUnion._meta.db_table
    # Sorted: concurrent upserts of one story lock their rows in one order.
    claim_ids = sorted(by_claim)
    emptied = [c for c in claim_ids if any(n < 0 for n in by_claim[c].values())]
    tokens = [json.dumps(by_claim[c], ensure_ascii=False) for c in claim_ids]
    merged = _MERGED[connection.vendor].format(table=table)
    upsert = f"ON CONFLICT (story_id, claim_id) DO UPDATE SET tokens = {merged}"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            insert = f"INSERT INTO {table} (story_id, claim_id, tokens) "
            cursor.execute(
                insert + "SELECT %s, unnest(%s::bigint[]), unnest(%s::jsonb[]) " + upsert,
                [story_id, claim_ids, tokens],
            )
            if emptied:
                drop = f"DELETE FROM {table} WHERE story_id = %s AND claim_id = ANY(%s) AND tokens = '{{}}'::jsonb"
                cursor.execute(drop, [story_id, emptied])
        else:
            insert = f"INSERT INTO {table} (story_id, claim_id, tokens) VALUES (%s, %s, %s) "
            cursor.executemany(
                insert + upsert, [(story_id, c, t) for c, t in zip(claim_ids, tokens, strict=True)]
            )
            drop = f"DELETE FROM {table} WHERE story_id = %s AND claim_id = %s AND tokens = '{{}}'"
            cursor.executemany(drop, [(story_id, c) for c in emptied])


def claim_unions_drop(*, story_id: int) -> None:
    ClaimTokenUnion.objects.filter(story_id=story_id).delete()
