"""Writes: taking uploads in, analysing articles and storing their claims, tracked claims, editors' corrections.

The modules are split by noun; this package re-exports the services callers use, as ``services.<name>``; the steps
of an analysis (saving its entities, claims and outlet) stay reachable only through their modules.
"""

from __future__ import annotations

from .analysis import (
    article_mark_failed,
    article_reanalyse,
)
from .batches import (
    Item,
    import_batch_create,
    import_batch_step,
    item_ingest,
    item_refusal,
    jsonl_line_item,
    jsonl_lines,
    parse_published,
)
from .claim_index import articles_claim_index_forget, claims_redirect_index_follow, stories_claim_index_reset
from .claim_stats import (
    claim_stats_refresh,
    claim_stats_tracked,
    outlet_renamed_stats_rebuild,
    story_claim_stats_rebuild,
)
from .claims import (
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
    correction_undo,
    corrections_refresh,
    review_log,
    stance_override,
)
from .enqueue import (
    analysis_in_process,
    analysis_preload,
    article_enqueue,
    story_reanalyse_enqueue,
)
from .entities import entity_save
from .reanalysis import story_reanalyse, story_reanalysis_step
from .refusals import (
    IngestError,
    ReviewError,
    analysis_waiting_message,
    batch_refusal,
    correction_refused,
    upload_batch_duplicate_message,
    upload_duplicate_message,
    upload_name,
    upload_refusal,
    upload_suffix_message,
    upload_too_big_message,
)
from .removal import articles_delete, claims_delete
from .sequencer import article_analyse
from .sweeper import analysis_sweep, analysis_sweep_if_due
from .tracking import (
    article_track,
    article_track_enqueue,
    claim_track,
    story_tracked_claims_enqueue,
    tracked_claim_enqueue,
    tracked_claim_refresh,
)
from .uploads import (
    article_ingest,
    articles_ingest,
    known_outlet_apply,
    source_resolve,
    story_get_or_create,
    upload_name_check,
    upload_validate,
    web_url_check,
)
from .versions import story_version_bump

__all__ = [
    "Item",
    "import_batch_create",
    "import_batch_step",
    "item_ingest",
    "item_refusal",
    "jsonl_line_item",
    "jsonl_lines",
    "parse_published",
    "known_outlet_apply",
    "IngestError",
    "ReviewError",
    "analysis_in_process",
    "analysis_preload",
    "analysis_sweep",
    "analysis_waiting_message",
    "batch_refusal",
    "analysis_sweep_if_due",
    "article_analyse",
    "article_enqueue",
    "article_ingest",
    "article_mark_copy",
    "article_mark_failed",
    "article_mark_off_topic",
    "article_reanalyse",
    "articles_ingest",
    "articles_claim_index_forget",
    "claims_redirect_index_follow",
    "stories_claim_index_reset",
    "articles_delete",
    "claims_delete",
    "claim_merge",
    "claim_stats_refresh",
    "claim_stats_tracked",
    "outlet_renamed_stats_rebuild",
    "story_claim_stats_rebuild",
    "claim_merge_target",
    "claim_reword",
    "claim_split",
    "article_track",
    "article_track_enqueue",
    "claim_track",
    "claims_first_reported",
    "claims_redirect_emptied",
    "correction_undo",
    "corrections_refresh",
    "correction_refused",
    "entity_save",
    "review_log",
    "source_resolve",
    "stance_override",
    "story_get_or_create",
    "story_reanalyse",
    "story_reanalyse_enqueue",
    "story_tracked_claims_enqueue",
    "story_version_bump",
    "tracked_claim_enqueue",
    "story_reanalysis_step",
    "tracked_claim_refresh",
    "upload_batch_duplicate_message",
    "upload_duplicate_message",
    "upload_name",
    "upload_refusal",
    "upload_suffix_message",
    "upload_too_big_message",
    "upload_name_check",
    "upload_validate",
    "web_url_check",
]
