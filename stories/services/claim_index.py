"""The per-process cache of each story's claim index, extended with new evidence instead of rebuilt."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import BigIntegerField, Count, Max, QuerySet
from django.db.models.functions import Coalesce

from stories import selectors
from stories.models import Claim, Correction, Evidence, ReviewLog
from stories.nlp import match


@dataclass
class _CachedIndex:
    stamp: tuple
    last_id: int
    count: int
    index: match.ClaimIndex


# Per worker process: the story's claim index, extended with each new upload's evidence instead of being rebuilt
# from every stored key (half a second at 10,000 claims). Any other change to the story's evidence rebuilds it.
_INDEXES: OrderedDict[int, _CachedIndex] = OrderedDict()
_INDEXES_KEPT = 16


def story_claim_index(*, story_id: int, with_orphans: bool) -> match.ClaimIndex:
    """The story's live claims, ready to match against; callers must roll back whatever they add to it."""
    # Keys stand under the claim the matcher chose (editors' moves are applied after matching, see claims.py),
    # so a correction never changes where another quote goes. Articles waiting in a story reanalysis keep
    # their old quotes on show but out of matching.
    live = Evidence.objects.filter(
        article__story_id=story_id, article__reanalysis_pending=False, claim__merged_into__isnull=True
    ).annotate(matched=Coalesce("matched_claim_id", "claim_id", output_field=BigIntegerField()))
    if with_orphans and selectors.story_orphan_claims(story_id=story_id).exists():
        return _claim_index_build(story_id, live, with_orphans=True)
    stats = live.aggregate(count=Count("id"), last=Max("id"))
    count, last = stats["count"], stats["last"] or 0
    # Merges and every other editor's correction (each is logged) change which claim a key leads to.
    stamp = (
        Claim.objects.filter(story_id=story_id, merged_into__isnull=False).count(),
        ReviewLog.objects.filter(story_id=story_id).count(),
        Correction.objects.filter(story_id=story_id).exclude(state=Correction.State.UNDONE).count(),
    )
    cached = _INDEXES.get(story_id)
    if cached is not None and cached.stamp == stamp and cached.last_id <= last:
        fresh = list(
            live.filter(id__gt=cached.last_id).order_by("id").values_list("matched", "key", "proposition")
        )
        if cached.count + len(fresh) == count:
            for claim_id, key, proposition in fresh:
                cached.index.add(claim_id, key, proposition)
            cached.last_id, cached.count = last, count
            _INDEXES.move_to_end(story_id)
            return cached.index
    index = _claim_index_build(story_id, live, with_orphans=False)
    _INDEXES[story_id] = _CachedIndex(stamp=stamp, last_id=last, count=count, index=index)
    while len(_INDEXES) > _INDEXES_KEPT:
        _INDEXES.popitem(last=False)
    return index


def _claim_index_build(story_id: int, live: QuerySet[Evidence], *, with_orphans: bool) -> match.ClaimIndex:
    index = match.ClaimIndex()
    for claim_id, key, proposition in live.order_by("id").values_list("matched", "key", "proposition"):
        index.add(claim_id, key, proposition)
    if with_orphans:
        # Claims left without evidence (e.g. by this article's previous run) stay matchable so that their ids,
        # and the permalinks built on them, come back when the same text is analysed again.
        # A claim an editor split off holds exactly the quotes they chose: it is no orphan for the matcher to fill.
        split_off = Correction.objects.filter(story_id=story_id, kind=Correction.Kind.SPLIT).values(
            "claim_id"
        )
        orphans = selectors.story_orphan_claims(story_id=story_id).exclude(id__in=split_off)
        for claim_id, key, text in orphans.order_by("id").values_list("id", "key", "text"):
            index.add(claim_id, key, text)
    return index
