"""Whether two claims say contrary things about one matter, so the matcher never merges them: opposite acts
("أقرّ المجلس الموازنة" / "رفض المجلس الموازنة"), an act and its plan ("ستعيد فتح" / "أعادت فتح"), or opposite
words in the predicates (see paraphrase.opposed).
"""

from __future__ import annotations

from functools import lru_cache

from . import camel, morph, vocab
from .claims.tense import is_planned, planned_roots
from .claims.tokens import stem
from .keymarks import EVENT_MARK, ROOT_MARK
from .paraphrase import opposed
from .scanner import iter_words
from .stance.words import COMPLEMENTIZERS


@lru_cache(maxsize=1)
def _opposites() -> dict[str, frozenset[str]]:
    """Event class -> its opposite classes (data/opposite_events.txt, read both ways)."""
    out: dict[str, set[str]] = {}
    for a, b in vocab.pairs("opposite_events"):
        out.setdefault(EVENT_MARK + a, set()).add(EVENT_MARK + b)
        out.setdefault(EVENT_MARK + b, set()).add(EVENT_MARK + a)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _background() -> frozenset[str]:
    return frozenset(camel.normalize(w) for w in vocab.entries("background_openers"))


def contrary(a_tokens: frozenset[str], a_text: str, b_tokens: frozenset[str], b_text: str) -> bool:
    """Two claims (key tokens, proposition) that must stay apart. When they share an act, antonyms in the
    background of either ("بعد توقف دام ثلاثة أشهر") are the state before the act, not a contrary predicate."""
    if not (a_text and b_text):
        return False
    acts = {t for t in a_tokens & b_tokens if t.startswith(EVENT_MARK)}
    if is_planned(a_text) != is_planned(b_text) and (
        acts or _planned_verb_done(a_text, b_tokens, b_text, a_tokens)
    ):
        return True
    if _opposite_acts(a_tokens, b_tokens) or _opposite_acts(b_tokens, a_tokens):
        return True
    if acts:
        return opposed(foreground(a_text), foreground(b_text))
    return opposed(a_text, b_text)


def _planned_verb_done(a_text: str, b_tokens: frozenset[str], b_text: str, a_tokens: frozenset[str]) -> bool:
    """The planned side's future verb has its root in a word of the other side ("سيعودون" / "وعاد"), even a
    verb the key leaves out ("عاد" is also the auxiliary "again")."""
    planned, other, other_text = (
        (a_text, b_tokens, b_text) if is_planned(a_text) else (b_text, a_tokens, a_text)
    )
    roots = {t[len(ROOT_MARK) :] for t in other if t.startswith(ROOT_MARK)}
    roots |= {morph.skeleton(stem(w.bare)) for w in iter_words(other_text)}
    return not roots.isdisjoint(planned_roots(planned))


def _opposite_acts(a: frozenset[str], b: frozenset[str]) -> bool:
    """``a`` names an act whose opposite only ``b`` names, and ``b`` does not name the act itself."""
    table = _opposites()
    return any(t in table and t not in b and not (table[t] & a) and table[t] & b for t in a)


@lru_cache(maxsize=65536)
def foreground(text: str) -> str:
    """The clause up to its first background opener ("بعد", "إثر", "منذ"), from after the complementizer of a
    reporting frame left in it ("تداولت صفحات على مواقع التواصل أن ..."): the frame's words are no predicate."""
    openers = _background()
    words = list(iter_words(text))
    start = next((w.end for w in words[:_FRAME_REACH] if w.norm in COMPLEMENTIZERS), 0)
    for word in words:
        if word.norm in openers and word.start > start:
            return text[start : word.start]
    return text[start:]


_FRAME_REACH = 12  # a reporting frame is a verb, a source and a few words of where it was said
