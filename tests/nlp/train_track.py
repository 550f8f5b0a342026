"""Re-learn stories/nlp/track_weights.py from the ANS stance corpus and print train/dev figures.

Run from the project root: ``.venv/bin/python tests/nlp/train_track.py [--write] [--cv]``.
Only learned numbers are written to the repository, never ANS text.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from stories.nlp import track as tr  # noqa: E402

ANS = ROOT.parent / "shared" / "eval" / "ans"
WEIGHTS_FILE = ROOT / "stories" / "nlp" / "track_weights.py"
L2 = 1.0
# "other" is 2% of ANS: classes are weighted by (inverse frequency) ** CLASS_POWER, a half-way house
# between ignoring the rare class and fully balancing it (chosen by 5-fold CV on train).
CLASS_POWER = 0.3


def load(split: str) -> list[tuple[str, str, str]]:
    with open(ANS / f"stance_{split}.csv", encoding="utf-8") as fh:
        return [(r["s1"], r["s2"], r["stance"]) for r in csv.DictReader(fh)]


def featurise(rows: list[tuple[str, str, str]]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([tr.pair_features(s1, s2) for s1, s2, _ in rows], dtype=float)
    y = np.array([tr.LABELS.index(label) for *_, label in rows])
    return x, y


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 3000) -> tuple[np.ndarray, ...]:
    """Multinomial logistic regression by full-batch gradient descent on standardised features."""
    mean, scale = x.mean(0), x.std(0)
    mean[0], scale[0] = 0.0, 1.0
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    k = len(tr.LABELS)
    counts = np.bincount(y, minlength=k).astype(float)
    sample_w = ((len(y) / (k * counts)) ** CLASS_POWER)[y]
    onehot = np.eye(k)[y]
    w = np.zeros((k, x.shape[1]))
    lr = 0.5
    for _ in range(steps):
        logits = z @ w.T
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(1, keepdims=True)
        grad = ((p - onehot) * sample_w[:, None]).T @ z / sample_w.sum()
        reg = l2 * w / len(y)
        reg[:, 0] = 0.0
        w -= lr * (grad + reg)
    return w, mean, scale


def write_weights(w: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> None:
    def row(values: np.ndarray) -> str:
        return "(" + ", ".join(f"{v:.6f}" for v in values) + ")"

    lines = [
        '"""Learned numbers for stories/nlp/track.py; regenerate with tests/nlp/train_track.py --write."""',
        "",
        f"# Features: {', '.join(tr.FEATURES)}",
        f"# Rows of WEIGHTS: {', '.join(tr.LABELS)}",
        f"MEAN = {row(mean)}",
        f"SCALE = {row(scale)}",
        "WEIGHTS = (",
        *(f"    {row(r)}," for r in w),
        ")",
        "",
    ]
    WEIGHTS_FILE.write_text("\n".join(lines), encoding="utf-8")


def predict(rows: list[tuple[str, str, str]]) -> tuple[list[str], float]:
    """Run the real track() on each pair: discuss and unrelated count as ANS "other"."""
    fold = {"agree": "agree", "disagree": "disagree", "discuss": "other", "unrelated": "other"}
    t0 = time.perf_counter()
    out = [fold[tr.track(s1, s2).stance] for s1, s2, _ in rows]
    return out, (time.perf_counter() - t0) * 1000 / max(len(rows), 1)


def scores(gold: list[str], pred: list[str]) -> tuple[float, list[float], list[list[int]]]:
    """Macro-F1, per-class F1 and the confusion matrix (rows gold, columns predicted) over tr.LABELS."""
    confusion = [[0] * len(tr.LABELS) for _ in tr.LABELS]
    for g, p in zip(gold, pred, strict=True):
        confusion[tr.LABELS.index(g)][tr.LABELS.index(p)] += 1
    f1s = []
    for i in range(len(tr.LABELS)):
        tp = confusion[i][i]
        wrong = sum(confusion[i]) + sum(row[i] for row in confusion) - 2 * tp
        f1s.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return sum(f1s) / len(f1s), f1s, confusion


def report(name: str, gold: list[str], pred: list[str], ms: float | None = None) -> float:
    macro, f1s, confusion = scores(gold, pred)
    per = ", ".join(f"{lab} {f:.3f}" for lab, f in zip(tr.LABELS, f1s, strict=True))
    timing = f", {ms:.2f} ms/pair" if ms is not None else ""
    print(f"{name}: macro-F1 {macro:.3f} ({per}){timing}")
    print("  confusion (rows gold, cols pred):", *tr.LABELS)
    for label, row in zip(tr.LABELS, confusion, strict=True):
        print(f"  {label:>9}", row)
    return macro


def cross_validate(rows: list[tuple[str, str, str]], folds: int = 5) -> None:
    """Develop on train only: k-fold figures of the bare classifier (no article rules)."""
    x, y = featurise(rows)
    order = np.random.default_rng(0).permutation(len(y))
    pred = np.empty(len(y), dtype=int)
    for k in range(folds):
        test = order[k::folds]
        train = np.setdiff1d(order, test)
        w, mean, scale = fit(x[train], y[train])
        z = (x[test] - mean) / scale
        z[:, 0] = 1.0
        pred[test] = (z @ w.T).argmax(1)
    report("train 5-fold CV (classifier only)", [tr.LABELS[i] for i in y], [tr.LABELS[i] for i in pred])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="write stories/nlp/track_weights.py")
    parser.add_argument("--cv", action="store_true", help="5-fold cross-validation on train")
    parser.add_argument("--dev", action="store_true", help="also print the dev figure")
    args = parser.parse_args()
    train = load("train")
    if args.cv:
        cross_validate(train)
    if args.write:
        w, mean, scale = fit(*featurise(train))
        write_weights(w, mean, scale)
        for name, value in zip(tr.FEATURES, w.T, strict=True):
            print(f"  {name:>16}", " ".join(f"{v:+.2f}" for v in value))
    pred, ms = predict(train)
    report("train (track)", [r[2] for r in train], pred, ms)
    if args.dev:
        dev = load("dev")
        pred, ms = predict(dev)
        report("dev (track)", [r[2] for r in dev], pred, ms)


if __name__ == "__main__":
    main()
