"""Track a claim an editor typed: each article's stance toward it (agree/disagree/discuss/unrelated) and its best quote.

Each sentence is compared with the claim by the paraphrase classifier (see ``paraphrase``); the rules below turn
the sentence scores into one stance and pick the quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .paraphrase import (
    FEATURES,
    LABELS,
    Bag,
    bag,
    features,
    pair_features,
    paraphrase_probability,
    probabilities,
)
from .sentences import split_sentences
from .tracking import article_stance, rank_passages
from .types import Sentence, TrackResult

# The classifier's names stay readable here for the training script (tests/nlp/train_track.py).
__all__ = ["FEATURES", "LABELS", "pair_features", "paraphrase_probability", "track", "track_many"]

# Below this relatedness an article does not talk about the claim at all.
UNRELATED_BELOW = 0.5


@dataclass(frozen=True)
class _Candidate:
    sentence: Sentence
    bag: Bag
    probs: dict
    related: float  # 1 - P(other): the sentence talks about the claim
    match: float  # how much of the claim's wording it carries, to pick the quote among related sentences


# In an article most sentences are other statements about the same story: there a sentence only counts as
# disagreement when it carries most of the claim. A one-sentence text (a headline) is the statement itself,
# so there the classifier's verdict stands.
DISAGREE_COVER = 0.5


def _candidate(claim: Bag, sentence: Sentence, bag: Bag) -> _Candidate:
    x = features(claim, bag)
    cover, grams = x[FEATURES.index("cover_claim")], x[FEATURES.index("grams")]
    if not claim.stems or not bag.stems or cover == 0:
        # Nothing of the claim in the sentence: the classifier never saw such pairs (fragments, datelines).
        return _Candidate(sentence, bag, {"agree": 0.0, "disagree": 0.0, "other": 1.0}, 0.0, 0.0)
    probs = probabilities(x)
    return _Candidate(sentence, bag, probs, 1 - probs["other"], 0.7 * cover + 0.3 * grams)


def _judge(claim: Bag, candidates: Sequence[tuple[Sentence, Bag]]) -> TrackResult:
    if not candidates:
        return TrackResult("unrelated", 0, 0, 0.0, {"probs": {}})
    scored = [_candidate(claim, sentence, bag) for sentence, bag in candidates]
    best = max(scored, key=lambda c: (c.related >= UNRELATED_BELOW, c.match, c.related))
    stance, quote = _stance(claim, scored, best)
    # An article the rules call unrelated although the classifier saw the topic scores by how little of the
    # claim it carries, so score >= 0.5 always means "talks about the claim".
    score = best.related if stance != "unrelated" else min(best.related, best.match)
    extra = {"probs": quote.probs, "related_sentences": sum(c.related >= UNRELATED_BELOW for c in scored)}
    return TrackResult(stance, quote.sentence.start, quote.sentence.end, round(score, 4), extra)


def _stance(claim: Bag, scored: Sequence[_Candidate], best: _Candidate) -> tuple[str, _Candidate]:
    """A denial about the claim wins, then an unhedged assertion, then attribution/doubt, then contradiction."""
    if best.related < UNRELATED_BELOW:
        return "unrelated", best
    denials = _denials(claim, scored)
    if denials:
        return "disagree", max(denials, key=lambda c: c.related)
    related = [c for c in scored if c.related >= UNRELATED_BELOW]
    agreeing = [c for c in related if c.probs["agree"] >= c.probs["disagree"]]
    plain = [c for c in agreeing if not _hedged(claim, c.bag)]
    if plain:
        return "agree", max(plain, key=lambda c: c.match)
    if agreeing:
        return "discuss", max(agreeing, key=lambda c: c.match)
    if len(scored) == 1 or best.match >= DISAGREE_COVER:
        return "disagree", best
    return "unrelated", best


def _denials(claim: Bag, scored: Sequence[_Candidate]) -> list[_Candidate]:
    """Denial sentences about the claim: related themselves, or just after a related one and pointing back
    to it ("ونفى المتحدث صحة هذه الأنباء")."""
    if claim.denial:
        return []
    out = []
    for i, c in enumerate(scored):
        if not c.bag.denial:
            continue
        after_related = any(p.related >= UNRELATED_BELOW for p in scored[max(0, i - 2) : i])
        if c.related >= UNRELATED_BELOW or (after_related and c.bag.backref):
            out.append(c)
    return out


def _hedged(claim: Bag, bag: Bag) -> bool:
    """Attributed to media/sources, alleged or questioned, while the claim itself is not."""
    if claim.doubt or claim.question or claim.media:
        return False
    return bag.doubt or bag.question or (bag.reporting and bag.media)


def track(claim: str, text: str, sentences: Sequence[Sentence] | None = None) -> TrackResult:
    """Stance of ``text`` toward ``claim`` with the best quote; ``text[result.start:result.end]`` is the quote."""
    return track_many([claim], text, sentences)[0]


def track_many(
    claims: Sequence[str], text: str, sentences: Sequence[Sentence] | None = None
) -> list[TrackResult]:
    """Track several claims against one text, analysing the text's sentences once."""
    spans = list(sentences) if sentences is not None else list(split_sentences(text))
    candidates = [(s, bag(text[s.start : s.end])) for s in spans if s.end > s.start]
    if len(candidates) <= 1:
        # A headline pair: the statement itself, judged by the sentence classifier (ANS).
        return [_judge(bag(claim), candidates) for claim in claims]
    return [_article(claim, text, candidates) for claim in claims]


def _article(claim: str, text: str, candidates: Sequence[tuple[Sentence, Bag]]) -> TrackResult:
    """A whole article: passages about the claim first, then the stance they take (see ``tracking``)."""
    claim_bag = bag(claim)
    texts = [text[s.start : s.end] for s, _ in candidates]
    ranked = rank_passages(claim_bag, [(s.start, s.end, b) for s, b in candidates])
    stance, quote, kept = article_stance(claim, claim_bag, texts, ranked)
    passages = [(p.start, p.end, p.score) for p in kept]
    # score: the quote's coverage of the claim for related articles (>= RELATED_AT), the best coverage
    # (< RELATED_AT) for unrelated ones, so score >= 0.5 always means "talks about the claim".
    score = max(quote.score, ranked[0].score) if stance != "unrelated" else ranked[0].score
    extra = {"passages": passages, "related_sentences": sum(p.score >= 0.5 for p in ranked)}
    return TrackResult(stance, quote.start, quote.end, round(score, 4), extra)
