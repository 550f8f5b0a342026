"""Every analysis the pipeline gives on our articles, dumped as JSON, to prove a speed change changed no output.

Runs ``analyse`` on every file under tests/articles (all subdirectories), the shared seeds and the long bench
articles, once plain and once with the gold stories' gazetteer and outlet names (the way the service calls it).

    python -m tests.bench.snapshot before.json     # then change the code
    python -m tests.bench.snapshot after.json && cmp before.json after.json
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from stories.nlp.pipeline import analyse
from stories.nlp.types import AnalysisError, GazetteerEntry
from tests.bench.long_articles import article_files, long_articles
from tests.eval.gold import load_stories

SOURCES = ("الميزان", "أطلس", "أفق", "النبأ", "البوابة", "الرافدين", "صوت", "الراصد", "المدار", "الشرق")


def gazetteer() -> tuple[GazetteerEntry, ...]:
    entries = []
    for story in load_stories("articles"):
        for g in story.gazetteer:
            entries.append(GazetteerEntry(g["name"], g.get("kind", "other"), tuple(g.get("aliases", ()))))
    return tuple(entries)


def inputs() -> list[tuple[str, bytes | str, str | None]]:
    out: list[tuple[str, bytes | str, str | None]] = [
        (str(p), p.read_bytes(), p.name) for p in article_files()
    ]
    out += [(label, text, None) for label, text in long_articles()]
    return out


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def snapshot() -> dict[str, Any]:
    gz = gazetteer()
    out: dict[str, Any] = {}
    for label, data, name in inputs():
        for mode, kwargs in (("plain", {}), ("gazetteer", {"gazetteer": gz, "sources": SOURCES})):
            try:
                result: Any = dataclasses.asdict(analyse(data, filename=name, **kwargs))
            except AnalysisError as exc:
                result = {"error": str(exc)}
            out[f"{label} [{mode}]"] = result
    return out


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path("analysis-snapshot.json")
    data = snapshot()
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=_plain), encoding="utf-8")
    print(f"{len(data)} analyses written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
