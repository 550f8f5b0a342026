"""State institutions a clause names, however it names them: "البرلمان", "مجلس النواب" and "مجلس الشعب" are one
parliament (data/institution_names.txt). Each becomes one entity token in the claim key, and a subject that is
such an institution carries it in its head, so two outlets naming the parliament differently do not conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .. import camel, vocab
from ..keymarks import ENTITY_MARK
from ..scanner import iter_words
from .tokens import stem


@lru_cache(maxsize=1)
def _names() -> dict[tuple[str, ...], str]:
    """Stemmed words of each listed name -> its entity token; longest names first."""
    table = {
        _stems(camel.normalize(name).split()): ENTITY_MARK + camel.normalize(canonical)
        for name, canonical in vocab.pairs("institution_names")
    }
    return dict(sorted(table.items(), key=lambda item: -len(item[0])))


def _stems(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(stem(w) for w in words)


def institution_tokens(proposition: str) -> list[str]:
    """The institution token of every listed name in the clause, in order, each once."""
    words = _stems(w.norm for w in iter_words(proposition))
    return list(dict.fromkeys(_find(words)))


def head_institutions(head: Iterable[str]) -> list[str]:
    """Institution tokens of a subject head ("=مجلس النواب اللبناني", "برلم")."""
    found: list[str] = []
    for token in head:
        found += _find(_stems(camel.normalize(token.removeprefix(ENTITY_MARK)).split()))
    return list(dict.fromkeys(found))


def _find(words: tuple[str, ...]) -> list[str]:
    out = []
    i = 0
    while i < len(words):
        for name, token in _names().items():
            if words[i : i + len(name)] == name:
                out.append(token)
                i += len(name) - 1
                break
        i += 1
    return out


@lru_cache(maxsize=1)
def name_words() -> dict[str, frozenset[str]]:
    """Institution token -> the stems of every word of every name listed for it ("=البرلمان": "برلم", "مجلس",
    "نواب", ...): once two keys share the token, these words only spell it."""
    out: dict[str, set[str]] = {}
    for words, token in _names().items():
        out.setdefault(token, set()).update(words)
    return {k: frozenset(v) for k, v in out.items()}
