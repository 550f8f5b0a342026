"""Negation, denial and doubt inside the reported proposition; only the main clause counts."""

from __future__ import annotations

from functools import lru_cache

from ..scanner import Word, iter_words, looks_like_verb, without_article_clitics
from .words import (
    CONFIRM_VERBS,
    DENIAL_PHRASES,
    DENIAL_VERBS,
    DOUBT_PHRASES,
    DOUBT_WORDS,
    INFO_NOUNS,
    NEGATIONS,
    SUBORDINATORS,
)


@lru_cache(maxsize=4096)
def _main_clause_words(body: str) -> tuple[Word, ...]:
    """Words of the body outside subordinate clauses (relative and adverbial ones, up to the next comma)."""
    out: list[Word] = []
    skipping = False
    prev_end = 0
    for w in iter_words(body):
        if skipping and ("،" in body[prev_end : w.start] or "," in body[prev_end : w.start]):
            skipping = False
        if w.bare in SUBORDINATORS or w.norm in SUBORDINATORS:
            skipping = True
        if not skipping:
            out.append(w)
        prev_end = w.end
    return tuple(out)


@lru_cache(maxsize=4096)
def _normalized(body: str) -> str:
    """The body's normalised words joined by spaces, padded, for finding whole phrases in it."""
    return " " + " ".join(w.norm for w in iter_words(body)) + " "


def denies(body: str) -> bool:
    return denies_outright(body) or _negated_main_verb(_main_clause_words(body))


def denies_outright(body: str) -> bool:
    """A denial phrase ("لا صحة") or a denial verb opening the body: a denial whatever the article around it."""
    norm = _normalized(body)
    if any(f" {p} " in norm for p in DENIAL_PHRASES):
        return True
    main = _main_clause_words(body)
    return bool(main) and (main[0].bare in DENIAL_VERBS or main[0].norm in DENIAL_VERBS)


def _negated_main_verb(main: list[Word]) -> bool:
    """Negation early in the main clause ("الوزير لم يزر المدينة") negates the proposition."""
    for k, w in enumerate(main[:7]):
        if looks_like_verb(w.bare) or looks_like_verb(w.norm):
            return False  # the main verb came first: a later "لم" belongs to a clause about its object
        if w.norm in NEGATIONS or w.bare in NEGATIONS:
            nxt = main[k + 1] if k + 1 < len(main) else None
            if nxt is None or nxt.bare in CONFIRM_VERBS or _any_information(main, k):
                return False
            if w.norm in {"ما", "لا"} and k > 0:
                return False  # "ما" / "لا" mid-clause is more often relative or partitive than negation
            if k > 0 and w.norm != w.bare:
                return (
                    False  # "منشغلة بالانتخابات وليس بتغيير أعضائها": "و" + negation coordinates a contrast
                )
            return True
    return False


def non_confirmation(body: str) -> bool:
    """ "لم ينف أو يؤكد أي مصدر", "لم تقدم الصحيفة أي معلومات": absence of confirmation, not a denial."""
    main = _main_clause_words(body)
    for k, w in enumerate(main[:-1]):
        if (w.norm in NEGATIONS or w.bare in NEGATIONS) and k < 7:
            if main[k + 1].bare in CONFIRM_VERBS or _any_information(main, k):
                return True
    return False


def _any_information(main: list[Word], k: int) -> bool:
    """ "لم ... أي معلومات": a negation at ``k`` followed closely by "أي" + a noun of information."""
    window = main[k + 2 : k + 6]
    return any(
        x.norm == "اي" and j + 1 < len(window) and without_article_clitics(window[j + 1].norm) in INFO_NOUNS
        for j, x in enumerate(window)
    )


def doubts(body: str) -> bool:
    norm = _normalized(body)
    if any(f" {p} " in norm for p in DOUBT_PHRASES):
        return True
    return any(w.bare in DOUBT_WORDS or w.norm in DOUBT_WORDS for w in _main_clause_words(body)[:8])
