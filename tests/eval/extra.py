"""Figures added for issue 9 (analysis on outlets never seen): denials in the row they deny, excerpt copies,
persons recall, fragment share and import failures. Each takes what run_eval already computed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from stories.nlp import dedup
from stories.nlp.fragments import is_fragment

POSITIVE = ("asserts", "attributes")


def denials_in_row(items: Sequence[Any], say: Callable[[str], None]) -> Counter:
    """A gold denial is in its row when the pipeline stance is ``denies`` and its claim is the one that carries
    a positive (asserts/attributes) evidence of the same gold group from another article.

    Groups with no positive evidence elsewhere have no row to join and are not counted.
    """
    counts = Counter()
    for denial in items:
        if denial.stance != "denies":
            continue
        rows = {
            i.claim_id
            for i in items
            if i.group == denial.group and i.article != denial.article and i.stance in POSITIVE
        }
        if not rows:
            continue
        counts["row_denials"] += 1
        ok = denial.pred_stance == "denies" and denial.claim_id in rows - {None}
        counts["row_denials_right"] += ok
        if not ok:
            say(f"  denial not in its row ({denial.pred_stance}): {denial.snippet[:50]}")
    return counts


def _order(article: str, analysis: Any) -> tuple:
    return dedup.copy_order(analysis.published_at, analysis.text, article)


def predicted_copies(articles: Sequence[str], analyses: dict[str, Any]) -> set[tuple[str, str]]:
    """(copy, original) pairs as the service finds them: each article against the earlier non-copies, in
    ``dedup.copy_order`` (earlier, then longer, then first uploaded), through ``dedup.original_index``."""
    ordered = sorted((a for a in articles if analyses.get(a)), key=lambda a: _order(a, analyses[a]))
    found: set[tuple[str, str]] = set()
    originals: list[str] = []
    for article in ordered:
        text = analyses[article].text
        earlier = [(i, analyses[a].text, dedup.signature(analyses[a].text)) for i, a in enumerate(originals)]
        index = dedup.original_index(text, dedup.signature(text), earlier)
        if index is None:
            originals.append(article)
        else:
            found.add((article, originals[index]))
    return found


def score_copies(
    gold: Sequence[Sequence[str]], found: set[tuple[str, str]], say: Callable[[str], None]
) -> Counter:
    wanted = {tuple(pair) for pair in gold}
    unordered = {frozenset(p) for p in found}
    counts = Counter(copies=len(wanted), copies_predicted=len(found))
    for pair in wanted:
        hit = frozenset(pair) in unordered
        counts["copies_found"] += hit
        counts["copies_right_way"] += pair in found
        if not hit:
            say(f"  copy missed: {pair[0]} of {pair[1]}")
    gold_unordered = {frozenset(p) for p in wanted}
    for pair in found:
        if frozenset(pair) not in gold_unordered:
            counts["copies_spurious"] += 1
            say(f"  copy spurious: {pair[0]} of {pair[1]}")
    return counts


def score_fragments(analyses: dict[str, Any], say: Callable[[str], None]) -> Counter:
    counts = Counter()
    for article, analysis in analyses.items():
        for claim in analysis.claims if analysis else ():
            quote = analysis.text[claim.start : claim.end]
            counts["claims_shown"] += 1
            if is_fragment(quote):
                counts["claims_fragment"] += 1
                say(f"  fragment [{article[:16]}] {quote[:60]}")
    return counts


def persons(mapping_values: Sequence[str], kinds: dict[str, str]) -> Counter:
    hit = set(mapping_values)
    gold = [g for g, kind in kinds.items() if kind == "person"]
    return Counter(persons=len(gold), persons_found=sum(g in hit for g in gold))
