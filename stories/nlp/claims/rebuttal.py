"""Whether a negated act rebuts a report. "الوزير لم يزر أنقرة" denies a circulating claim when the article
says so: it leads the article, names the report ("وإن ما نُشر مجرد إشاعات"), answers the sentence before ("في
المقابل"), or carries on a denial already made. Elsewhere a negated act is told as a fact of its own ("ولم يحضر
نواب المعارضة الجلسة", "قال العميد إنه لم يطلع على القوائم"), reported like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .. import vocab
from ..scanner import iter_words
from ..stance import stance_of
from ..stance.words import NEGATIONS
from ..types import ClaimFound, Sentence

_LEAD = 0  # body sentences with claims before this one: none for the lead (the headline has no full stop)
_EMPHASIS = "اي"  # "لم يفرض أي قيود": the emphatic "any" of a flat denial
_EMPHASIS_REACH = 4


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    openers = tuple(" ".join(w.norm for w in iter_words(p)) for p in vocab.entries("rebuttal_openers"))
    return vocab.words("report_content_nouns"), openers, vocab.words("continuation_verbs")


def settle(
    text: str,
    sent: Sentence,
    found: Sequence[ClaimFound],
    earlier: Sequence[ClaimFound],
    order: int,
    context: str = "",
) -> list[ClaimFound]:
    """The sentence's claims, each denial that rests on a negated verb alone kept only where it rebuts;
    ``earlier``: the article's claims before the sentence, ``order``: how many sentences gave them."""
    out: list[ClaimFound] = []
    for claim in found:
        if claim.stance == "denies":
            plain = stance_of(text, claim.start, claim.end, context, negation_denies=False)[0]
            if plain != "denies" and not _rebuts(text, sent, claim, (*earlier, *out), order):
                claim = replace(claim, stance=plain)
        out.append(claim)
    return out


def _rebuts(text: str, sent: Sentence, claim: ClaimFound, before: Sequence[ClaimFound], order: int) -> bool:
    if order <= _LEAD:
        return True
    reports, openers, carry_on = _cues()
    words = list(iter_words(text, sent.start, sent.end))
    if any(w.norm in reports or w.bare in reports for w in words):
        return True
    opening = " ".join(w.norm for w in words[:3])
    if any(opening.startswith(o) for o in openers):
        return True
    if not any(c.stance == "denies" for c in before):
        return False
    same_sentence = any(c.stance == "denies" and c.start >= sent.start for c in before)
    return same_sentence or (bool(words) and words[0].bare in carry_on) or _emphatic(text, claim)


def _emphatic(text: str, claim: ClaimFound) -> bool:
    words = list(iter_words(text, claim.start, claim.end))
    for i, w in enumerate(words):
        if w.norm in NEGATIONS or w.bare in NEGATIONS:
            return any(x.norm == _EMPHASIS for x in words[i + 2 : i + 2 + _EMPHASIS_REACH])
    return False
