"""Time to track one claim against a 1,000-article story (printed, not asserted).

Run: ``.venv/bin/python -m tests.bench.bench_track``. The articles are the hand-written tracking set
(tests/gold/tracking) repeated to 1,000, so the figure is the NLP cost per claim; the service adds one
bulk insert.
"""

from __future__ import annotations

import itertools
import time

from stories.nlp.track import track
from tests.eval.tracking import load_pairs

ARTICLES = 1000


def main() -> None:
    pairs = load_pairs()
    texts = [p.text for p in itertools.islice(itertools.cycle(pairs), ARTICLES)]
    claim = pairs[0].claim
    started = time.perf_counter()
    stances = [track(claim, text).stance for text in texts]
    seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    print(f"track one claim x {ARTICLES} articles ({words} words): {seconds:.2f} s")
    print(f"  stances: { {s: stances.count(s) for s in sorted(set(stances))} }")


if __name__ == "__main__":
    main()
