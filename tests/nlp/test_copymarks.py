"""The copy index's guarantee: every pair ``dedup.is_copy`` accepts passes ``copymarks.may_copy``.

Pairs are generated from the repository's Arabic test articles: excerpts of every length from the start and the
middle, edited copies (a word replaced every k words), re-wrapped copies with changed punctuation, longer versions,
mixes of these, and unrelated articles; many land near dedup's thresholds, where a loose proof would show.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

import pytest

from stories.nlp import camel, copymarks, dedup
from tests.conftest import ROOT, SEEDS

_ONE_WORD = re.compile(r"[^\W\d_]{3,}")
_PUNCT = re.compile(r"[،,.؛:!؟\"«»()-]")


@lru_cache(maxsize=1)
def texts() -> tuple[str, ...]:
    paths = [*SEEDS, *sorted((ROOT / "tests" / "articles").rglob("*.txt"))]
    found = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if len(dedup.shingles(text)) >= 60:
            found.append(text)
    return tuple(found)


def _paragraphs(text: str) -> list[str]:
    return dedup.passages(text)


def excerpt(text: str, rng: random.Random) -> str:
    paras = _paragraphs(text)
    if not paras:
        return text
    start = 0 if rng.random() < 0.5 else rng.randrange(len(paras))
    end = rng.randrange(start + 1, len(paras) + 1)
    head = "عنوان جديد من موقعنا\n" if rng.random() < 0.5 else ""
    return head + "\n".join(paras[start:end])


def word_excerpt(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) < 12:
        return text
    size = rng.randrange(12, len(words) + 1)
    start = 0 if rng.random() < 0.5 else rng.randrange(len(words) - size + 1)
    return " ".join(words[start : start + size])


def edited(text: str, rng: random.Random) -> str:
    every = rng.randrange(2, 12)
    other = rng.choice(texts()).split()
    lines = []
    n = 0
    for line in text.split("\n"):
        words = line.split()
        for i in range(len(words)):
            n += 1
            if n % every == 0:
                words[i] = rng.choice(other)
        lines.append(" ".join(words))
    return "\n".join(lines)


def rewrapped(text: str, rng: random.Random) -> str:
    words = _PUNCT.sub(lambda m: rng.choice(["", m.group(), "،", "."]), text).split()
    width = rng.randrange(3, 40)
    return "\n".join(" ".join(words[i : i + width]) for i in range(0, len(words), width))


def longer(text: str, rng: random.Random) -> str:
    extra = _paragraphs(rng.choice(texts())) or [""]
    return text + "\n" + "\n".join(extra[: rng.randrange(1, len(extra) + 1)])


VARIANTS = (excerpt, word_excerpt, edited, rewrapped, longer)


def variant(text: str, rng: random.Random) -> str:
    for _ in range(rng.randrange(1, 4)):
        text = rng.choice(VARIANTS)(text, rng)
    return text


def pairs(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        base = rng.choice(texts())
        roll = rng.random()
        if roll < 0.1:
            out.append((base, rng.choice(texts())))
        elif roll < 0.4:
            out.append((variant(base, rng), variant(base, rng)))
        else:
            out.append((base, variant(base, rng)))
    return out


def passes(a: str, b: str) -> bool:
    new = copymarks.profile(a, dedup.signature(a))
    return copymarks.may_copy(new, copymarks.shared(new, copymarks.profile(b, dedup.signature(b))))


@pytest.mark.parametrize("seed", range(4))
def test_every_pair_the_exact_check_accepts_passes_the_filter(seed):
    if len(texts()) < 10:
        pytest.skip("needs the repository's test articles")
    accepted = 0
    for a, b in pairs(150, seed):
        for new, old in ((a, b), (b, a)):
            if dedup.is_copy(new, dedup.signature(new), old, dedup.signature(old)):
                accepted += 1
                assert passes(new, old), (new[:200], old[:200])
    assert accepted >= 100  # the generated pairs really exercise the accepted side


def test_borderline_edits_pass_on_both_sides_of_the_threshold():
    base = max(texts(), key=len)
    near = []
    for every in range(3, 9):
        rng = random.Random(every)
        copy = edited(base, rng)
        score = dedup.containment(copy, base)
        near.append(score)
        if score >= dedup.CONTAINMENT_THRESHOLD:
            assert passes(copy, base) and passes(base, copy)
    assert min(near) < dedup.CONTAINMENT_THRESHOLD <= max(near)


def test_signature_marks_agree_exactly_where_the_signatures_do():
    a, b = texts()[0], texts()[0] + "\nفقرة إضافية قصيرة عن الموضوع نفسه"
    sa, sb = dedup.signature(a), dedup.signature(b)
    agree = copymarks.shared(copymarks.profile(a, sa), copymarks.profile(b, sb)).agree
    assert agree == sum(x == y for x, y in zip(sa, sb, strict=True))


def test_the_filter_turns_away_different_reports():
    rows = texts()
    kept = sum(passes(a, b) for i, a in enumerate(rows) for b in rows[i + 1 :])
    copies = sum(
        dedup.is_copy(a, dedup.signature(a), b, dedup.signature(b))
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
    )
    total = len(rows) * (len(rows) - 1) // 2
    assert kept >= copies
    assert kept < total / 10


def test_a_copy_exactly_at_both_thresholds_passes():
    """Six of ten passages with exactly half their shingles in the longer text: containment 0.6, overlap 0.3."""
    forms = {camel.normalize(w).lower(): w for t in texts() for w in t.split() if _ONE_WORD.fullmatch(w)}
    vocab = sorted(forms.values())
    words = iter(random.Random(5).sample(vocab, 400))
    passages = [[next(words) for _ in range(20)] for _ in range(10)]  # 18 shingles each
    short = "\n".join(" ".join(p) for p in passages)
    halves = [" ".join(p[:11]) for p in passages[:6]]  # 9 of each passage's 18 shingles
    long_ = "\n".join([*halves, " ".join(next(words) for _ in range(150))])
    assert len(dedup.shingles(short)) < len(dedup.shingles(long_))
    assert dedup.containment(short, long_) == pytest.approx(0.6)
    for new, old in ((short, long_), (long_, short)):
        assert dedup.is_copy(new, dedup.signature(new), old, dedup.signature(old))
        assert passes(new, old)
