"""The claims one upload's quotes join, as the app stores them (services.claims) and the eval scores them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import match
from .headline import headline_end, join_headline


def upload_claims_matched(
    index: match.ClaimIndex, claims: Sequence, text: str, title: str | None, new_id: Callable[[], int]
) -> list[int]:
    """The claim each of ``claims`` joins: the best match in ``index`` or one the upload opens (``new_id``), with
    a headline that would open a claim of its own joined to the body claim it sums up. ``index`` is left as it
    was: the caller stores the keys under the ids returned."""
    opened: set[int] = set()

    def fresh() -> int:
        claim_id = new_id()
        opened.add(claim_id)
        return claim_id

    checkpoint = index.mark()
    try:
        assigned = match.assign(index, claims, fresh)
    finally:
        index.rollback(checkpoint)
    return join_headline(claims, assigned, headline_end(text, title), opened.__contains__)
