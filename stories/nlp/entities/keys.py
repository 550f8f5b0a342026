"""Keys that identify an entity across articles: the normalised merge key, name equivalence and the
story-level merge of entities found in separate articles (shared with the Django side)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from stories.nlp import camel, vocab
from stories.nlp import lexicon as lx
from stories.nlp.types import EntityFound


def key_tokens(text: str) -> tuple[str, ...]:
    return tuple(merge_key(text).split())


@lru_cache(maxsize=65536)
def merge_key(name: str) -> str:
    """Normalised key of a name: camel spelling folds, no punctuation or quotes, "عبد الله" written as one word."""
    words = re.findall(r"[^\W\d_]+|\d+", camel.normalize(name).lower())
    joined: list[str] = []
    for word in words:
        if joined and (joined[-1] == "عبد" or word == "الله"):
            joined[-1] += word  # "عبد الرحمن" = "عبدالرحمن", "نصر الله" = "نصرالله"
        else:
            joined.append(word)
    return " ".join(joined)


@lru_cache(maxsize=4096)
def epithet_key(epithet: str) -> str:
    """One key for the spellings of one epithet ("ميليشيات" / "ميلشيات" / "مليشيات"): the merge key with the long
    vowels inside each word dropped, since outlets write those variably in loanwords."""
    return " ".join(w[0] + re.sub("[اوي]", "", w[1:]) for w in merge_key(epithet).split())


def _drop_place_adjectives(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    kept = tuple(t for t in tokens if not lx.is_place_adjective(t))
    if len(kept) < 2:
        return tokens, frozenset()
    return kept, frozenset(t for t in tokens if t not in kept)


def _same_tokens(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    (core_a, adj_a), (core_b, adj_b) = _drop_place_adjectives(a), _drop_place_adjectives(b)
    if core_a == core_b and (adj_a <= adj_b or adj_b <= adj_a):
        return True  # "حكومة الوفاق" = "حكومة الوفاق الليبية", but the Syrian X is not the Libyan X
    short, long_ = sorted((a, b), key=len)
    if len(short) == len(long_):
        return False
    if short == long_[-len(short) :] and (len(short) == 1 or short[0] in vocab.words("name_connectors")):
        return True  # a surname alone, or "أبو الغيط" for "أحمد أبو الغيط"
    if short[0] != long_[0] or short[-1] != long_[-1]:
        return False
    rest = iter(long_)
    return all(token in rest for token in short)  # middle names may be left out


def same_entity(a: str, b: str) -> bool:
    """Whether two names of the same kind denote one entity: "حفتر", "خليفة حفتر" and "خليفة بلقاسم حفتر" do."""
    return _same_tokens(key_tokens(a), key_tokens(b))


def _compatible(a: str, b: str) -> bool:
    return a == b or "other" in (a, b)


def joinable(kind_a: str, a: tuple[str, ...], kind_b: str, b: tuple[str, ...]) -> bool:
    """Same entity by kind and name; a place joins an unkinded name only when spelled the same, so
    "برلين" never joins the conference "مؤتمر برلين"."""
    if {kind_a, kind_b} == {"location", "other"}:
        return a == b
    return _compatible(kind_a, kind_b) and _same_tokens(a, b)


def story_merge(entities: Sequence[EntityFound]) -> dict[str, str]:
    """Map every entity key seen across a story's articles to one canonical key.

    Longer names become canonical first; a shorter name joins the most frequent compatible one, so a lone
    surname lands on the full name most articles used.
    """
    counts = Counter(e.key for e in entities)
    by_key: dict[str, tuple[str, set[tuple[str, ...]]]] = {}
    for e in entities:
        kind, names = by_key.setdefault(e.key, (e.kind, set()))
        if kind == "other" and e.kind != "other":
            by_key[e.key] = (e.kind, names)
        names.update(key_tokens(n) for n in (e.key, e.name, *e.aliases))
    order = sorted(by_key, key=lambda k: (-max(len(n) for n in by_key[k][1]), -counts[k], k))
    canonical: dict[str, str] = {}
    heads: list[str] = []
    for key in order:
        kind, names = by_key[key]
        matches = [
            h for h in heads if any(joinable(kind, x, by_key[h][0], y) for x in names for y in by_key[h][1])
        ]
        if matches:
            canonical[key] = max(matches, key=lambda h: (counts[h], h))
        else:
            canonical[key] = key
            heads.append(key)
    return canonical
