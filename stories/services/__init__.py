"""Writes: taking uploads in, analysing articles and storing their claims, tracked claims, editors' corrections.

The modules are split by noun; this package re-exports the public services so callers keep using ``services.<name>``.
"""

from __future__ import annotations

from .analysis import (
    article_analyse,
    article_mark_failed,
    article_reanalyse,
    story_reanalyse,
)
from .claims import (
    article_claims_save,
    claim_merge_target,
    claims_first_reported,
    claims_redirect_emptied,
)
from .corrections import (
    article_mark_copy,
    article_mark_off_topic,
    claim_merge,
    claim_reword,
    claim_split,
    review_log,
    stance_override,
)
from .enqueue import (
    article_enqueue,
    story_reanalyse_enqueue,
)
from .entities import (
    article_entities_save,
    entity_save,
)
from .refusals import (
    IngestError,
    ReviewError,
    correction_refused,
    upload_batch_duplicate_message,
    upload_duplicate_message,
    upload_name,
    upload_refusal,
    upload_suffix_message,
    upload_too_big_message,
)
from .tracking import (
    claim_track,
    tracked_claim_refresh,
)
from .uploads import (
    article_ingest,
    article_source_from_site,
    articles_ingest,
    source_resolve,
    story_get_or_create,
    upload_validate,
)

__all__ = [
    "IngestError",
    "ReviewError",
    "article_analyse",
    "article_claims_save",
    "article_enqueue",
    "article_entities_save",
    "article_ingest",
    "article_mark_copy",
    "article_mark_failed",
    "article_mark_off_topic",
    "article_reanalyse",
    "article_source_from_site",
    "articles_ingest",
    "claim_merge",
    "claim_merge_target",
    "claim_reword",
    "claim_split",
    "claim_track",
    "claims_first_reported",
    "claims_redirect_emptied",
    "correction_refused",
    "entity_save",
    "review_log",
    "source_resolve",
    "stance_override",
    "story_get_or_create",
    "story_reanalyse",
    "story_reanalyse_enqueue",
    "tracked_claim_refresh",
    "upload_batch_duplicate_message",
    "upload_duplicate_message",
    "upload_name",
    "upload_refusal",
    "upload_suffix_message",
    "upload_too_big_message",
    "upload_validate",
]
