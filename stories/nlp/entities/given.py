"""Given names: the listed names in light spelling, and a token read as one behind a clitic."""

from __future__ import annotations

from functools import lru_cache

from stories.nlp import camel, vocab
from stories.nlp import lexicon as lx


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names in light spelling, so "على" (on) is not "علي"; final ى also as ي ("مصطفي")."""
    forms = {camel.normalize_light(w) for w in vocab.entries("given_names")}
    return frozenset(
        forms | {f[:-1] + "ي" for f in forms if f.endswith("\u0649") and f[0] != "ي"}
    )  # not "يحيي"


def given_name(light: str) -> bool:
    """A listed given name, or a compound of عبد written as one word ("عبدالرحمن", "عبدالهادي")."""
    return light in _given_names() or (light.startswith("عبد") and len(light) >= 6 and "ال" in light[3:6])


@lru_cache(maxsize=65536)
def given_reading(norm: str, raw: str) -> tuple[int, str] | None:
    """(clitic length, stem) of a token read as a given name, once per spelling."""
    light = camel.normalize_light(raw)
    for plen, stem in lx.stems(norm):
        if plen > 2 or stem != norm[plen:] or not given_name(light[plen:]):
            continue
        if plen and len(stem) < 4:
            return None  # "لجان" is committees, not ل + "جان"
        return plen, stem
    return None
