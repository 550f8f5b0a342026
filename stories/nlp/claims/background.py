"""Background adjuncts in a claim's key: "أقال الوزير المدير بعد ساعات من الحريق" dates the dismissal by an
event the reader already knows. The adjunct, an opener ("بعد", "إثر", "منذ"), an optional span of time with "من",
and one definite noun, names that known event by its bare definite name; its noun is when, not what, and stays
out of the key. An adjunct that identifies its event ("بعد محادثاته في أثينا", a possessed or indefinite noun) is
kept: it tells one act from another.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import camel, vocab
from ..scanner import iter_words
from .denied import derived_masdar
from .events import class_index
from .tokens import stem
from .wordlists import EVENT_NOUNS, STOPWORDS

_FROM = camel.normalize("من")
_COMMAS = "،,"
_EVENT_WORDS = 3


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(camel.normalize(w) for w in vocab.entries("background_openers"))


@lru_cache(maxsize=1)
def _durations() -> frozenset[str]:
    return frozenset(camel.normalize(w) for w in vocab.entries("adjunct_durations"))


@lru_cache(maxsize=1)
def _commentary() -> frozenset[tuple[str, ...]]:
    return frozenset(
        tuple(camel.normalize(w) for w in p.split()) for p in vocab.entries("commentary_openers")
    )


def mask_background(proposition: str) -> str:
    """``proposition`` with the words of each bare background adjunct, and of a comment on the act after a
    comma (see ``_commentary_start``), blanked out (offsets are kept)."""
    words = list(iter_words(proposition))
    out = proposition
    cut = _commentary_start(proposition, words)
    if cut is not None:
        out = out[:cut] + re.sub(r"\S", " ", out[cut:])
        words = [w for w in words if w.end <= cut]
    for k, w in enumerate(words):
        if w.bare not in _openers() and w.norm not in _openers():
            continue
        j = k + 1
        if j + 1 < len(words) and words[j].norm in _durations() and words[j + 1].norm == _FROM:
            j += 2
        elif j + 2 < len(words) and words[j + 1].norm in _durations() and words[j + 2].norm == _FROM:
            j += 3  # a counted span: "بعد ثلاثة أيام من"
        if (
            j < len(words)
            and _after_comma(proposition, words, k)
            and (_spanned(words, k, j) or _known_act(words, j))
        ):
            out = _blank_clause(out, proposition, w.start)
            continue
        if j < len(words) and k > 0 and _spanned(words, k, j) and not _sequenced(words[:k]):
            # "وقع انفجار بعد ساعات من إعادة تشغيلها": the counted span and the event it counts from
            for x in words[k : _event_end(proposition, words, j)]:
                out = out[: x.start] + " " * (x.end - x.start) + out[x.end :]
            continue
        if k > 0 and j == k + 1 and _known_event(words, j) and not _sequenced(words[:k]):
            # "قررت الحكومة التقنين بعد انفجار خط الأنابيب": an act noun in a definite construct is the event
            # every report already names
            for x in words[k : _event_end(proposition, words, j)]:
                out = out[: x.start] + " " * (x.end - x.start) + out[x.end :]
            continue
        if j >= len(words) or not words[j].norm.startswith("ال"):
            continue
        if any(c in proposition[w.end : words[j].start] for c in _COMMAS):
            continue
        for x in words[k : j + 1]:
            out = out[: x.start] + " " * (x.end - x.start) + out[x.end :]
    return out


def _after_comma(proposition: str, words: list, k: int) -> bool:
    return k > 0 and any(c in proposition[words[k - 1].end : words[k].start] for c in _COMMAS)


def _spanned(words: list, k: int, j: int) -> bool:
    """The adjunct counts a span of time back to its event ("، بعد يومين من مصادقة البرلمان عليه"): once the
    act is told, such an adjunct only dates it by an earlier event, whatever its noun."""
    return j > k + 1


def _known_event(words: list, j: int) -> bool:
    """An undefined act noun ("انفجار") whose construct chain ends in a definite noun ("خط الأنابيب")."""
    chain = words[j + 1 : j + _EVENT_WORDS]
    if j >= len(words) or words[j].norm.startswith("ال") or not any(x.norm.startswith("ال") for x in chain):
        return False
    if any(
        x.norm in STOPWORDS for x in chain[: next(i for i, x in enumerate(chain) if x.norm.startswith("ال"))]
    ):
        return False
    noun = words[j].norm
    return noun in EVENT_NOUNS or class_index().get(stem(noun)) is not None or derived_masdar(noun)


def _known_act(words: list, j: int) -> bool:
    """ "، بعد مفاوضات استمرت عامين": once the act is told, an adjunct after a comma opening on an act noun
    (singular or plural, undefined) dates it by the process that led to it."""
    noun = words[j].norm
    if noun.startswith("ال") or noun in STOPWORDS or len(noun) < 4:
        return False
    base = noun[:-2] if noun.endswith("ات") else noun
    return any(
        n in EVENT_NOUNS or class_index().get(stem(n)) is not None or derived_masdar(n)
        for n in (noun, base, base + "ه")
    )


def _sequenced(before: list) -> bool:
    return any(x.bare in _sequence_verbs() for x in before)


@lru_cache(maxsize=1)
def _sequence_verbs() -> frozenset[str]:
    return vocab.words("sequence_verbs")


def _event_end(proposition: str, words: list, j: int) -> int:
    """Index past the event noun at ``j`` and the nouns it governs, up to a preposition, a comma or
    _EVENT_WORDS words."""
    end = j + 1
    while end < min(len(words), j + _EVENT_WORDS) and words[end].norm not in STOPWORDS:
        if any(c in proposition[words[end - 1].end : words[end].start] for c in _COMMAS):
            break
        end += 1
    return end


def _blank_clause(out: str, proposition: str, start: int) -> str:
    ends = [i for i in (proposition.find(c, start) for c in _COMMAS) if i >= 0]
    end = min(ends) if ends else len(proposition)
    return out[:start] + re.sub(r"\S", " ", out[start:end]) + out[end:]


def _commentary_start(proposition: str, words: list) -> int | None:
    """Offset of the first listed comment opener that follows a comma ("، في خطوة وصفها ..."), or None."""
    phrases = _commentary()
    for k, w in enumerate(words):
        if k == 0 or not any(c in proposition[words[k - 1].end : w.start] for c in _COMMAS):
            continue
        for phrase in phrases:
            if tuple(x.norm for x in words[k : k + len(phrase)]) == phrase:
                return w.start
    return None
