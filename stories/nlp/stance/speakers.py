"""Who stands behind a speaker phrase: a known source, a quoted outlet name, or the outlet named earlier."""

from __future__ import annotations

import re

from .. import camel, vocab
from ..scanner import looks_like_verb, strip_conjunction
from .words import COMPLEMENTIZERS, OUTLET_NOUNS, SPEAKER_STOPS

_QUOTED = re.compile(r"[\"“”«»]\s*([^\"“”«»]{2,40}?)\s*(?:[\"“”«»]|$)")


def resolve_outlet(text: str, pos: int, speaker: str, sources: tuple[str, ...] | list[str] = ()) -> str:
    """Name behind a speaker phrase: a known source inside it, a quoted outlet name, or for a bare generic
    noun ("الصحيفة") the outlet most recently named before ``pos``."""
    known = _known_source(speaker, sources)
    if known:
        return known
    named = _outlet_name(speaker)
    if named:
        return _known_source(named, sources) or named
    words = speaker.split()
    if len(words) <= 2 and camel.normalize(words[0]).removeprefix("ال") in OUTLET_NOUNS:
        earlier = _last_outlet(text[:pos])
        if earlier:
            return _known_source(earlier, sources) or earlier
    return speaker


def _known_source(phrase: str, sources) -> str | None:
    norm = " " + " ".join(_no_article(w) for w in camel.normalize(phrase).split()) + " "
    best = None
    for name in sources:
        key = " ".join(_no_article(w) for w in camel.normalize(name).split())
        if key and f" {key} " in norm and (best is None or len(name) > len(best)):
            best = name
    return best


def _no_article(word: str) -> str:
    word = word.strip("\"“”«»'")
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _outlet_name(phrase: str) -> str | None:
    quoted = _QUOTED.search(phrase)
    if quoted:
        return quoted.group(1).strip()
    words = phrase.split()
    if len(words) >= 2 and camel.normalize(words[0]) in OUTLET_NOUNS:
        first = camel.normalize(words[1])
        if not first.startswith("ال") and first.endswith(("يه", "ي")):
            return None  # "صحيفة محلية", "وكالة فرنسية": an adjective, not the outlet's name
        return _name_words(words[1:])
    return None


def _name_words(words: list[str]) -> str | None:
    """Unquoted outlet name: "الحياة اللندنية" -> "الحياة" (a nisba adjective is the city or country)."""
    name: list[str] = []
    for w in words[:4]:
        n = camel.normalize(w.strip("\"“”«»'،,:"))
        if name and (not n.startswith("ال") or (n.endswith(("يه", "ي")) and len(n) > 5)):
            break  # unquoted names run over definite words only: "الوطن خبر" -> "الوطن"
        if n in SPEAKER_STOPS or n in COMPLEMENTIZERS or looks_like_verb(strip_conjunction(n)):
            break
        name.append(w.strip("\"“”«»'،,:"))
    return " ".join(name) or None


_OUTLET_MENTION = re.compile(
    rf"(?:{vocab.alternation('outlet_mention_nouns')})\s*"
    r"(?:[\"“”«»]\s*([^\"“”«»]{2,40}?)\s*[\"“”«»]|((?:[\w\u064B-\u065F]+\s*){1,3}))"
)


def _last_outlet(before: str) -> str | None:
    last = None
    for m in _OUTLET_MENTION.finditer(before):
        name = m.group(1) or _name_words(m.group(2).split())
        if name:
            last = name.strip()
    return last
