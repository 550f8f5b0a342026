"""Where an article's headline ends in its cleaned text, so a headline claim can join the body claim it sums up."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .paraphrase import opposed
from .similarity import claim_similarity


def headline_end(text: str, title: str | None) -> int:
    """End of the headline when the cleaned text opens with it as its own paragraph, else 0."""
    end = text.find("\n\n")
    if title and end > 0 and text[:end].strip() == title.strip():
        return end
    return 0


HEADLINE_JOIN = 0.2  # a headline shares few words with the body sentence it summarises


def join_headline(
    claims: Sequence, ids: list[int], headline_end: int, is_new: Callable[[int], bool]
) -> list[int]:
    """A headline restates the article's main claim in fewer words. When it would open a claim of its own,
    it joins the body claim of the same article it most resembles, unless the two say contrary things."""
    out = list(ids)
    body = [j for j, c in enumerate(claims) if c.start >= headline_end]
    for i, claim in enumerate(claims):
        if claim.end > headline_end or not is_new(ids[i]) or ids.count(ids[i]) > 1:
            continue
        scored = [
            (claim_similarity(claim.key, claims[j].key), -j)
            for j in body
            if not opposed(claim.proposition, claims[j].proposition)
        ]
        if scored and max(scored)[0] >= HEADLINE_JOIN:
            out[i] = ids[-max(scored)[1]]
    return out
