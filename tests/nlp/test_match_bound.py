"""The matcher skips a candidate that similarity_below says cannot reach its lowest cut: that must never be said of
a pair whose similarity reaches the cut, on real claim keys (with the verb forms and acts that raise scores) and on
generated ones, or matching would change."""

from __future__ import annotations

import random
from pathlib import Path

from stories.nlp.claims import claim_key
from stories.nlp.match import BAND, THRESHOLD, ClaimIndex
from stories.nlp.pipeline import analyse
from stories.nlp.similarity import key_entry, similarity
from stories.nlp.similarity_bound import similarity_below
from tests.bench.bench_index import Generator

ARTICLES = Path(__file__).resolve().parents[1] / "articles"
# Verbal nouns and their verbs (kindred pairs), a delegation's visit and a counted act: the rules that raise scores.
RAISED = [
    "قرر البنك المركزي تجميد الودائع بالعملات الأجنبية",
    "جمد البنك المركزي الودائع الدولارية",
    "زار وفد من وزارة الخارجية العاصمة والتقى رئيس الحكومة",
    "استقبل رئيس الحكومة وفدا من وزارة الخارجية",
    "أفرجت السلطات عن 14 محتجزا من أبناء البلدة",
    "أطلقت السلطات سراح 14 شابا من أبناء البلدة",
    "وقع الوزير اتفاقية لتسريح الموظفين",
    "سرح الوزير الموظفين بعد توقيع الاتفاقية",
]


def _real_keys() -> list[list[str]]:
    keys = [claim_key(text) for text in RAISED]
    for path in sorted(ARTICLES.glob("**/*.txt")):
        try:
            keys += [list(c.key) for c in analyse(path.read_bytes(), filename=path.name).claims]
        except ValueError:  # a page the importer refuses
            continue
    return keys


def _check(keys: list, pairs: int) -> int:
    """Bound >= similarity on ``pairs`` random pairs sharing a token (with IDF weights of an index of ``keys``);
    how many of them reached BAND."""
    index = ClaimIndex()
    for n, key in enumerate(keys):
        index.add(n, key)
    entries = [key_entry(n, key) for n, key in enumerate(keys)]
    rng = random.Random(3)
    reached = checked = 0
    while checked < pairs:
        a, b = rng.choice(entries), rng.choice(entries)
        if a.tokens.isdisjoint(b.tokens):
            continue
        checked += 1
        _agree(a, b, index.weight)
        reached += similarity(a, b, index.weight) >= BAND
    for a in entries[: len(RAISED)]:  # every pair of the raised examples, both ways
        for b in entries[: len(RAISED)]:
            _agree(a, b, index.weight)
    return reached


def _agree(a, b, weight) -> None:
    score = similarity(a, b, weight)
    for cut in CUTS:
        assert not (similarity_below(a, b, weight, cut) and score >= cut), (a, b, cut, score)


CUTS = (0.1, BAND, 0.3, THRESHOLD, 0.6)


def test_the_bound_holds_on_real_claim_keys():
    keys = _real_keys()
    assert len(keys) > 100
    assert _check(keys, 20_000) > 50


def test_the_bound_holds_on_generated_claim_keys():
    gen = Generator(5)
    keys = [list(key) for _ in range(40) for _, key in gen.article()]
    assert _check(keys, 20_000) > 50
