"""Speed and memory of the NLP pipeline on the seeds and our test articles (``make bench``).

Prints: per-article analyse time next to plain camel-tools normalise+tokenise (the seeds and our test articles,
then long articles of about 1,400 words: see bench_long), the cost of matching one article's claims into a
10,000-claim index, and the worker's peak memory without camel-tools data. Ends with one JSON line.
Figures are informative; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench import bench_long
from tests.eval.gold import ROOT, load_stories

try:
    from stories.nlp import match
    from stories.nlp.camel import normalize, tokenize
    from stories.nlp.pipeline import analyse
except ImportError as exc:  # written in parallel by other helpers: say what is missing
    raise SystemExit(
        f"bench_nlp: cannot import the NLP pipeline yet ({exc}).\n"
        "Needed: stories.nlp.pipeline.analyse, stories.nlp.match.{ClaimIndex,assign}, stories.nlp.camel."
    ) from exc

RATIO_TARGET = 15.0
MEMORY_TARGET_MB = 400.0
INDEX_SIZE = 10_000
SEED = 20240314

MEMORY_PROBE = """
import json, resource, sys
from pathlib import Path
from stories.nlp.pipeline import analyse
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    analyse(path.read_bytes(), filename=path.name)
print(json.dumps({"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "torch": "torch" in sys.modules, "transformers": "transformers" in sys.modules}))
"""


def articles() -> list[tuple[str, bytes]]:
    """(label, raw bytes) of every gold article: the five seeds first, then tests/articles."""
    out = []
    for story in load_stories("seeds") + load_stories("articles"):
        out.extend((f"{story.name}/{a}", story.path(a).read_bytes()) for a in story.articles)
    return out


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(1000 * (time.perf_counter() - start))
    return out


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench_analyse(items: list[tuple[str, bytes]], repeat: int) -> list[dict[str, Any]]:
    rows = []
    for label, data in items:
        name = label.split("/", 1)[1]
        text = analyse(data, filename=name).text  # warm-up: lexicons and lazy resources load here
        runs = timed(lambda d=data, n=name: analyse(d, filename=n), repeat)
        camel = timed(lambda t=text: tokenize(normalize(t)), repeat)
        median, camel_median = statistics.median(runs), statistics.median(camel)
        rows.append(
            {
                "article": label,
                "chars": len(text),
                "median_ms": round(median, 2),
                "p95_ms": round(p95(runs), 2),
                "camel_median_ms": round(camel_median, 3),
                "ratio": round(median / max(camel_median, 1e-6), 2),
            }
        )
    return rows


def vocabulary(items: list[tuple[str, bytes]]) -> tuple[list[str], list[list[str]]]:
    """Claim-key tokens and normalised words harvested from the articles, plus the real keys found."""
    words: set[str] = set()
    keys: list[list[str]] = []
    for label, data in items:
        result = analyse(data, filename=label.split("/", 1)[1])
        words.update(w for w in tokenize(normalize(result.text)) if len(w) > 2 and w.isalpha())
        for claim in result.claims:
            keys.append(list(claim.key))
            words.update(t for t in claim.key if t != getattr(match, "HEAD_SEP", None))
    return sorted(words), keys


def synthetic_keys(
    words: list[str], real: list[list[str]], n: int, rng: random.Random
) -> list[tuple[str, ...]]:
    """``n`` varied keys: random words with Zipf-like frequencies, half of them shaped like real keys."""
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(words))]
    rng.shuffle(words)
    sep = getattr(match, "HEAD_SEP", None)
    out = []
    for i in range(n):
        if real and i % 2:
            # a real key with a few words swapped: near-duplicates are what the matcher has to tell apart
            key = [
                t if t == sep or rng.random() > 0.4 else rng.choices(words, weights)[0]
                for t in rng.choice(real)
            ]
        else:
            body = rng.choices(words, weights, k=rng.randint(4, 10))
            key = ([*rng.choices(words, weights, k=rng.randint(1, 2)), sep] if sep else []) + body
        out.append(tuple(key))
    return out


def bench_match(items: list[tuple[str, bytes]], repeat: int) -> dict[str, Any]:
    rng = random.Random(SEED)
    words, real = vocabulary(items)
    index = match.ClaimIndex()
    started = time.perf_counter()
    for claim_id, key in enumerate(synthetic_keys(words, real, INDEX_SIZE, rng)):
        index.add(claim_id, key)
    build_ms = 1000 * (time.perf_counter() - started)
    frozen = pickle.dumps(index)
    claims = [analyse(data, filename=label.split("/", 1)[1]).claims for label, data in items]
    samples = []
    for _ in range(repeat):
        for found in claims:
            fresh = pickle.loads(frozen)  # untimed: every article meets the same 10,000-claim index
            counter = iter(range(INDEX_SIZE, 10 * INDEX_SIZE))
            start = time.perf_counter()
            match.assign(fresh, found, lambda c=counter: next(c))
            samples.append(1000 * (time.perf_counter() - start))
    return {
        "index_claims": len(index),
        "vocabulary": len(words),
        "build_ms": round(build_ms, 1),
        "claims_per_article": round(statistics.mean(len(c) for c in claims), 1),
        "median_ms": round(statistics.median(samples), 3),
        "p95_ms": round(p95(samples), 3),
    }


def bench_memory(seeds_dir: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "CAMELTOOLS_DATA": empty, "PYTHONPATH": str(ROOT)}
        proc = subprocess.run(
            [sys.executable, "-c", MEMORY_PROBE, str(seeds_dir)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if proc.returncode:
        return {
            "error": proc.stderr.strip().splitlines()[-1]
            if proc.stderr.strip()
            else f"exit {proc.returncode}"
        }
    return json.loads(proc.stdout.strip().splitlines()[-1])


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report(
    rows: list[dict[str, Any]], matching: dict[str, Any], memory: dict[str, Any], long: dict[str, Any]
) -> dict[str, Any]:
    print(f"{'article':<46}{'chars':>7}{'median':>9}{'p95':>9}{'camel':>8}{'ratio':>7}")
    for r in rows:
        print(
            f"{r['article'][:45]:<46}{r['chars']:>7}{r['median_ms']:>8.1f}m{r['p95_ms']:>8.1f}m"
            f"{r['camel_median_ms']:>7.2f}m{r['ratio']:>6.1f}x"
        )
    total = sum(r["median_ms"] for r in rows) / max(sum(r["camel_median_ms"] for r in rows), 1e-6)
    worst = max(rows, key=lambda r: r["ratio"])
    rss = memory.get("maxrss_mb")
    summary = {
        "analyse_median_ms": round(statistics.median(r["median_ms"] for r in rows), 2),
        "analyse_p95_ms": round(max(r["p95_ms"] for r in rows), 2),
        "camel_ratio_total": round(total, 2),
        "camel_ratio_worst": round(worst["ratio"], 2),
        "long_articles": long,
        "match_10k": matching,
        "memory": memory,
        "targets": {
            "camel_ratio_total<=15": total <= RATIO_TARGET,
            "long_ratio<=10": long["ratio_first"] <= bench_long.RATIO_TARGET,
            "peak_rss_mb<=400": rss is not None and rss <= MEMORY_TARGET_MB,
            "no_torch": memory.get("torch") is False,
        },
    }
    print(
        f"\n  analyse median of medians    {summary['analyse_median_ms']:>8} ms   worst p95 {summary['analyse_p95_ms']} ms"
    )
    print(
        f"  analyse / camel (all text)   {total:>8.1f} x    target <= {RATIO_TARGET:.0f}x: {verdict(total <= RATIO_TARGET)}"
        f"   (worst {worst['ratio']:.1f}x on {worst['article']})"
    )
    bench_long.report(long)
    print(
        f"  match into {matching['index_claims']} claims  median {matching['median_ms']} ms  p95 {matching['p95_ms']} ms"
        f" per article (~{matching['claims_per_article']} claims; index built in {matching['build_ms']} ms)"
    )
    if rss is None:
        print(f"  worker peak memory           probe failed: {memory.get('error')}   target <= 400 MB: MISS")
    else:
        print(
            f"  worker peak memory           {rss:>8.1f} MB   target <= {MEMORY_TARGET_MB:.0f} MB: {verdict(rss <= MEMORY_TARGET_MB)}"
        )
        print(
            f"  torch imported               {memory.get('torch')!s:>8}      target False: {verdict(not memory.get('torch'))}"
        )
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--long-runs", type=int, default=3, help="fresh processes per long article")
    args = parser.parse_args(argv)
    items = articles()
    long = bench_long.measure(args.long_runs, mode="worker")
    rows = bench_analyse(items, args.repeat)
    matching = bench_match(items, args.repeat)
    memory = bench_memory(load_stories("seeds")[0].corpus)
    summary = report(rows, matching, memory, long)
    print(json.dumps({"articles": rows, **summary}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
