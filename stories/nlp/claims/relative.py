"""Relative clauses in a claim's key: after the predicate, a clause that describes a noun ("وقّعت تونس اتفاقاً
ينهي إضراباً", "بحث مع السفير آليات تنفيذ الاتفاقية التي وقعها البلدان") tells another event, which must not
carry its act and its words into the claim's key.

A relative clause opens with a relative pronoun, or, without one, with an imperfect verb right after an
indefinite accusative noun ("اتفاقاً ينهي"); it runs to the next comma. Its words but its dates are masked, and
only when a verb came before it (the claim's own predicate), so a relative clause on the subject ("الاتفاق الذي
... يمثل") is kept.
"""

from __future__ import annotations

from functools import lru_cache

from .. import camel, vocab
from ..scanner import Word, iter_words, looks_like_verb
from .events import event_index
from .tokens import stem
from .wordlists import LIGHT_VERBS

_TANWEEN_FATH = "\u064b"
_COMMAS = "،,"
_MIN_KEPT = 3  # words the key keeps before the masked clause
_OBJECT_REACH = 8  # "اتفاقاً مع الجامعة العامة للتعليم الثانوي ينهي": the noun may sit a few words back


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    return frozenset(camel.normalize(w) for w in vocab.entries("relative_pronouns"))


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    return frozenset(camel.normalize(w) for w in vocab.entries("calendar_words"))


def mask_relatives(proposition: str) -> str:
    """``proposition`` with each relative clause after the predicate blanked out (offsets are kept)."""
    words = list(iter_words(proposition))
    out = proposition
    seen_verb = False
    k = 0
    while k < len(words):
        w = words[k]
        aside = (seen_verb or _opens_imperfect(words[0])) and _parenthetical(proposition, words, k)
        if (seen_verb and k >= _MIN_KEPT or aside) and _opens_relative(proposition, words, k):
            end = _clause_end(proposition, w.start)
            while k < len(words) and words[k].start < end:
                x = words[k]
                if not _setting(x):
                    out = out[: x.start] + " " * (x.end - x.start) + out[x.end :]
                k += 1
            continue
        seen_verb = seen_verb or _verb(w) or (k == 0 and _opening_predicate(w))
        k += 1
    return out


def _opening_predicate(w: Word) -> bool:
    """ "وتظاهر الطلبة ...": "و" + an undefined word opening the clause is its verb (news sentences open verb first)."""
    return w.norm != w.bare and not w.bare.startswith("ال") and len(w.bare) >= 3


def _parenthetical(text: str, words: list[Word], k: int) -> bool:
    """A relative pronoun set off by commas on both sides after the predicate ("يرفع القانون، الذي صادقت عليه
    الجمعية، عدد المقاعد"): an aside on the noun before it, whose act is not the claim's, however early."""
    w = words[k]
    before = text[words[k - 1].end : w.start] if k else ""
    return (
        w.norm in _pronouns() and any(c in before for c in _COMMAS) and _clause_end(text, w.start) < len(text)
    )


def _opens_imperfect(w: Word) -> bool:
    """A sentence opening on an imperfect verb, with or without its conjunction ("ويرفع القانون")."""
    return w.bare[:1] == "ي" and len(w.bare) >= 4 and w.bare not in _calendar()


def _setting(w: Word) -> bool:
    """When: a date word the relative clause names still dates the claim ("بعد الاجتماعات التي عقدها في أثينا
    في نهاية شهر يناير"). Places are not kept: "ضمن الصفقة التي تعاقدت عليها مع رومانيا" names the deal's."""
    bare = w.bare[1:] if w.bare[:1] in "بل" and len(w.bare) > 3 else w.bare
    return bare in _calendar()


def _verb(w: Word) -> bool:
    return (
        looks_like_verb(w.bare) or event_index().get(stem(w.norm)) is not None and not w.bare.startswith("ال")
    )


def _opens_relative(text: str, words: list[Word], k: int) -> bool:
    w = words[k]
    if w.norm in _pronouns():
        return True
    if not _imperfect(w) and not _resumed(words, k):
        return False
    return any(_indefinite_object(text, x) for x in words[max(0, k - _OBJECT_REACH) : k])


def _resumed(words: list[Word], k: int) -> bool:
    """A verb followed by a preposition with a pronoun ("قررت فيه"): the pronoun is the noun just described. A
    light verb ("زيارة قام بها رئيس الجهاز") names who did the noun's act, which is the claim's own."""
    w = words[k]
    return (
        k + 1 < len(words)
        and looks_like_verb(w.bare)
        and w.bare not in LIGHT_VERBS
        and stem(w.bare) not in LIGHT_VERBS
        and words[k + 1].norm in _resumptive()
    )


@lru_cache(maxsize=1)
def _resumptive() -> frozenset[str]:
    return frozenset(camel.normalize(w) for w in vocab.entries("resumptive_prepositions"))


def _imperfect(w: Word) -> bool:
    """An imperfect verb by shape ("ينهي") or an event form that starts like one ("تنهي")."""
    if w.norm != w.bare or len(w.bare) < 4 or w.norm in _calendar():
        return False  # "ويعود": a conjunction joins a second predicate, not a description; "يناير" is a month
    return w.bare[:1] == "ي" or (w.bare[:1] == "ت" and event_index().get(stem(w.norm)) is not None)


def _indefinite_object(text: str, x: Word) -> bool:
    """An indefinite accusative noun: tanween fath ("اتفاقاً"), or its undotted spelling ("اتفاقا")."""
    surface = text[x.start : x.end]
    if surface.endswith(_TANWEEN_FATH):
        return True
    return (
        x.norm.endswith("ا")
        and not x.norm.endswith("وا")
        and len(x.norm) >= 5
        and not x.norm.startswith("ال")
    )


def _clause_end(text: str, start: int) -> int:
    found = [i for i in (text.find(c, start) for c in _COMMAS) if i >= 0]
    return min(found) if found else len(text)
