"""Analysis of long articles (about 1,400 words) against camel-tools normalise + tokenise of the same text.

Each sample runs in a fresh process that first analyses the five seeds (lexicons load, common words are
memoised, as in a worker that has been running), then analyses one long article it has never seen: the cost of
a new upload. The same process then times ``tokenize(normalize(text))`` on that text, and analysing the article
again (the figure the seed bench gives, where every sentence is met a second time).

Times are CPU seconds of the process (``time.process_time``), so other work on a shared machine inflates them
less than wall time; the wall figures are printed beside. Nothing here asserts a time.

    python -m tests.bench.bench_long [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from typing import Any

from tests.eval.gold import ROOT

RATIO_TARGET = 10.0

PROBE = """
import json, statistics, sys, time
from pathlib import Path
from stories.nlp.camel import normalize, tokenize
from stories.nlp.pipeline import analyse
from tests.bench.long_articles import long_articles
from tests.eval.gold import shared_dir

label, text = long_articles()[int(sys.argv[1])]
repeat = int(sys.argv[2])
for path in sorted((shared_dir() / "seeds").glob("*.txt")):
    analyse(path.read_bytes(), filename=path.name)
if sys.argv[3] == "preload":
    from stories.nlp.pipeline import preload
    preload()

def timed(fn):
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return 1000 * (time.process_time() - cpu), 1000 * (time.perf_counter() - wall)

first = timed(lambda: analyse(text))
camel = [timed(lambda: tokenize(normalize(text))) for _ in range(repeat)]
again = [timed(lambda: analyse(text)) for _ in range(repeat)]
med = lambda rows, i: statistics.median(r[i] for r in rows)
print(json.dumps({"article": label, "words": len(text.split()), "chars": len(text),
                  "first_cpu": first[0], "first_wall": first[1],
                  "camel_cpu": med(camel, 0), "camel_wall": med(camel, 1),
                  "again_cpu": med(again, 0), "again_wall": med(again, 1)}))
"""


def sample(index: int, repeat: int, mode: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(index), str(repeat), mode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(runs: int = 3, repeat: int = 10, articles: int = 4, mode: str = "worker") -> dict[str, Any]:
    """Median figures over ``runs`` fresh processes for each of the long articles.

    ``mode`` "worker" starts the process as a worker or a bulk import does (``pipeline.preload``); "plain" only
    warms up on the seeds.
    """
    samples = [
        sample(i, repeat, "preload" if mode == "worker" else "") for _ in range(runs) for i in range(articles)
    ]

    def med(key: str) -> float:
        return statistics.median(s[key] for s in samples)

    camel_cpu, camel_wall = med("camel_cpu"), med("camel_wall")
    return {
        "mode": mode,
        "articles": articles,
        "runs": runs,
        "words": round(statistics.mean(s["words"] for s in samples)),
        "first_cpu_ms": round(med("first_cpu"), 1),
        "first_wall_ms": round(med("first_wall"), 1),
        "again_cpu_ms": round(med("again_cpu"), 1),
        "camel_cpu_ms": round(camel_cpu, 2),
        "camel_wall_ms": round(camel_wall, 2),
        "ratio_first": round(med("first_cpu") / max(camel_cpu, 1e-6), 2),
        "ratio_first_wall": round(med("first_wall") / max(camel_wall, 1e-6), 2),
        "ratio_again": round(med("again_cpu") / max(camel_cpu, 1e-6), 2),
    }


def report(figures: dict[str, Any]) -> None:
    ok = figures["ratio_first"] <= RATIO_TARGET
    how = "as a worker starts" if figures["mode"] == "worker" else "no preload"
    print(
        f"  analyse / camel (long, ~{figures['words']} words, new text, {how}) {figures['ratio_first']:>5.1f} x (CPU)"
        f"    target <= {RATIO_TARGET:.0f}x: {'PASS' if ok else 'MISS'}"
        f"   [{figures['first_cpu_ms']} ms vs camel {figures['camel_cpu_ms']} ms;"
        f" wall {figures['ratio_first_wall']:.1f}x]"
    )
    print(
        f"  analyse / camel (long, same text again, {how}) {figures['ratio_again']:>5.1f} x (CPU)"
        f"   [{figures['again_cpu_ms']} ms; {figures['articles']} articles x {figures['runs']} processes]"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per long article")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    figures = [measure(args.runs, args.repeat, mode=mode) for mode in ("plain", "worker")]
    for f in figures:
        report(f)
    print(json.dumps({"long_articles": figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
