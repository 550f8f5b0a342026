"""A second act coordinated by "و" + its verbal noun ("قررت الحكومة إلغاء النتائج وإعادة المناظرة"): the
clause then tells two acts, and the second one's words would let it join claims about that act alone. The key
keeps the first act; the second, up to the next comma, is blanked out (offsets are kept).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..scanner import Word, iter_words
from .denied import derived_masdar
from .events import event_index
from .tokens import drop_article, stem
from .wordlists import EVENT_NOUNS, STATE_NOUNS

_COMMAS = "،,"
_FIRST_ACT_REACH = 8  # the first act's verbal noun sits within the clause's opening words


def mask_second_act(proposition: str) -> str:
    words = list(iter_words(proposition))
    first = next((k for k, w in enumerate(words[1:_FIRST_ACT_REACH], start=1) if _act_noun(w.norm)), None)
    if first is None:
        return proposition
    for k in range(first + 2, len(words) - 1):
        w = words[k]
        second = _coordinated(w) and _act_noun(w.bare) and _governs(w, words[k + 1])
        if not second and any(c in proposition[words[first].end : w.start] for c in _COMMAS):
            return proposition  # past a comma only the second act itself ("، وإعادة المناظرة") is read
        if second:
            end = min((i for i in (proposition.find(c, w.start) for c in _COMMAS) if i >= 0), default=-1)
            end = len(proposition) if end < 0 else end
            return proposition[: w.start] + re.sub(r"\S", " ", proposition[w.start : end]) + proposition[end:]
    return proposition


def _act_noun(norm: str) -> bool:
    """An undefined verbal noun of a listed act, or of form II, VII, VIII or X by its pattern (form IV's إفعال
    is left out: it is also the plural أفعال), and no place name ("تركيا")."""
    if drop_article(norm) != norm or (norm,) in lexicon.place_index():
        return False
    if norm in EVENT_NOUNS or event_index().get(stem(norm)) is not None:
        return True
    return derived_masdar(norm) and not (len(norm) == 5 and norm[0] == "ا" and norm[3] == "ا")


def _coordinated(w: Word) -> bool:
    """ "و" + a word, and not a word of its own that opens with و ("وزارة")."""
    return w.norm != w.bare and w.norm[:1] == "و" and w.norm not in STATE_NOUNS


def _governs(noun: Word, nxt: Word) -> bool:
    """The verbal noun takes its object as a genitive: a definite noun follows ("وإعادة المناظرة")."""
    return nxt.norm.startswith("ال")
