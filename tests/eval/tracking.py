"""Score claim tracking on whole articles: our own set in tests/gold/tracking (10 claims, 6-8 articles each).

Two figures per step: passage retrieval (is the gold passage among the passages the tracker kept) and the
stance over agree / disagree / discuss / unrelated (macro-F1 and per-class F1), with milliseconds per pair.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stories.nlp import track

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold" / "tracking"
# Written after the first rules were tuned on GOLD_DIR and before any rule was changed again: a check, never tuned on.
HELDOUT_DIR = GOLD_DIR / "heldout"
LABELS = ("agree", "disagree", "discuss", "unrelated")


@dataclass(frozen=True)
class Pair:
    claim_id: str
    claim: str
    file: str
    text: str
    label: str
    passage: tuple[int, int] | None  # gold best passage, offsets into text; None for unrelated


def load_pairs(root: Path = GOLD_DIR) -> list[Pair]:
    pairs = []
    for folder in sorted(p for p in root.iterdir() if (p / "claim.json").is_file()):
        spec = json.loads((folder / "claim.json").read_text(encoding="utf-8"))
        for row in spec["articles"]:
            text = (folder / row["file"]).read_text(encoding="utf-8")
            span = None
            if row.get("passage"):
                start = text.find(row["passage"])
                if start < 0:
                    raise ValueError(f"{folder.name}/{row['file']}: gold passage not in the text")
                span = (start, start + len(row["passage"]))
            pairs.append(Pair(folder.name, spec["claim"], row["file"], text, row["label"], span))
    return pairs


def _kept(result: Any) -> list[tuple[int, int]]:
    passages = result.extra.get("passages") if result.extra else None
    return [tuple(p[:2]) for p in passages] if passages else [(result.start, result.end)]


def _covers(kept: list[tuple[int, int]], gold: tuple[int, int]) -> bool:
    """A kept passage holds at least half of the gold passage."""
    need = (gold[1] - gold[0]) / 2
    return any(min(e, gold[1]) - max(s, gold[0]) >= need for s, e in kept)


def evaluate_tracking(say=lambda _m: None) -> dict[str, Any]:
    """The figures on our set, with the held-out set's own figures under ``heldout``."""
    figs = _evaluate(load_pairs(GOLD_DIR), say)
    say("  -- held-out set --")
    figs["heldout"] = _evaluate(load_pairs(HELDOUT_DIR), say)
    return figs


def _evaluate(pairs: list[Pair], say) -> dict[str, Any]:
    confusion = {g: Counter() for g in LABELS}
    found = related = 0
    started = time.perf_counter()
    for pair in pairs:
        result = track.track(pair.claim, pair.text)
        confusion[pair.label][result.stance] += 1
        if pair.label != result.stance:
            say(f"  {pair.claim_id}/{pair.file}: gold {pair.label}, got {result.stance} ({result.score:.2f})")
        if pair.passage is not None:
            related += 1
            hit = _covers(_kept(result), pair.passage)
            found += hit
            if not hit:
                say(f"  {pair.claim_id}/{pair.file}: gold passage not kept")
    seconds = time.perf_counter() - started
    f1 = {}
    for label in LABELS:
        tp = confusion[label][label]
        predicted = sum(confusion[g][label] for g in LABELS)
        gold = sum(confusion[label].values())
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        f1[label] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {
        "pairs": len(pairs),
        "passage_retrieval": round(found / related, 4) if related else None,
        "macro_f1": round(sum(f1.values()) / len(f1), 4),
        "f1": f1,
        "confusion": {g: dict(confusion[g]) for g in LABELS},
        "ms_per_pair": round(1000 * seconds / max(1, len(pairs)), 2),
    }
