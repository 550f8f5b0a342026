"""Realistic-length Arabic articles for the scale benches, recombined from the seed and test articles' sentences.

Each generated article is about 1,400 words: sentences drawn from the real articles (so claims, quotes and
attributions overlap between articles as they do across outlets), with the people and places of each sentence
swapped for others found in the corpus and every number changed, in paragraphs of two to four sentences.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tests.conftest import ROOT, SEEDS

WORDS = 1_400
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Pool:
    sentences: tuple[tuple[str, tuple[str, ...]], ...]  # (sentence, the names it mentions)
    names: tuple[str, ...]


def _sources() -> list[Path]:
    own = sorted((ROOT / "tests" / "articles").glob("*.txt"))
    unseen = sorted((ROOT / "tests" / "articles" / "unseen").glob("*.txt"))
    return [*SEEDS, *own, *unseen]


@lru_cache(maxsize=1)
def pool() -> Pool:
    from stories.nlp.pipeline import analyse

    sentences: list[tuple[str, tuple[str, ...]]] = []
    names: set[str] = set()
    for path in _sources():
        try:
            result = analyse(path.read_bytes(), filename=path.name)
        except ValueError:
            continue
        for s in result.sentences:
            text = " ".join(result.text[s.start : s.end].split())
            if len(text.split()) < 6:
                continue
            found = tuple(
                {
                    m.surface
                    for m in result.mentions
                    if s.start <= m.start and m.end <= s.end and len(m.surface) > 2
                }
            )
            names.update(found)
            sentences.append((text, found))
    return Pool(sentences=tuple(sentences), names=tuple(sorted(names)))


def article(n: int, *, seed: int = 7, words: int = WORDS) -> bytes:
    """The ``n``-th generated article of a series: deterministic for (n, seed)."""
    rng = random.Random(f"{seed}:{n}")
    p = pool()
    picked: list[str] = []
    count = 0
    while count < words:
        text = _spliced(rng, p)
        picked.append(text)
        count += len(text.split())
    title = " ".join(picked[0].split()[:9])
    paragraphs, i = [], 0
    while i < len(picked):
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(picked[i : i + size]))
        i += size
    return (title + "\n\n" + "\n\n".join(paragraphs) + "\n").encode()


def _spliced(rng: random.Random, p: Pool) -> str:
    """One sentence: thirds of three corpus sentences joined, names swapped, numbers changed, and a word in four
    dropped, as outlets rewrite what they copy; so articles share names, quotes and claims, not whole pages."""
    parts = [rng.choice(p.sentences) for _ in range(3)]
    words: list[str] = []
    for i, (sentence, _names) in enumerate(parts):
        split = sentence.split()
        third = max(2, len(split) // 3)
        words += split[i * third : (i + 1) * third] if i < 2 else split[2 * third :]
    text = " ".join(words)
    for name in {n for _sentence, names in parts for n in names}:
        if name in text and rng.random() < 0.35:
            text = text.replace(name, rng.choice(p.names))
    text = _DIGITS.sub(lambda m: str(rng.randint(2, 99 if len(m.group()) < 3 else 2030)), text)
    return " ".join(w for w in text.split() if rng.random() > 0.25)
