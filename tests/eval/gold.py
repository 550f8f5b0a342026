"""Gold-set loading and snippet location shared by the evaluation, the benchmark and the gold consistency test.

The gold schema is described in tests/gold/README.md.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold"
SHARED_FALLBACK = Path("/work/shared")
_WS = re.compile(r"\s+")
TATWEEL = "\u0640"
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


def shared_dir() -> Path:
    """The shared read-only data: ``../shared`` beside the project root, else /work/shared."""
    beside = ROOT.parent / "shared"
    return beside if beside.is_dir() else SHARED_FALLBACK


@dataclass(frozen=True)
class Evidence:
    group: str
    article: str
    snippet: str
    stance: str
    also_ok: tuple[str, ...] = ()


@dataclass
class Story:
    name: str
    corpus: Path
    articles: list[str]
    gazetteer: list[dict]
    entities: list[dict]
    claims: list[dict]
    copies: list[list[str]] = field(default_factory=list)  # [copy, original] article pairs
    gold: dict[str, dict] = field(default_factory=dict)  # article file -> per-article gold

    def path(self, article: str) -> Path:
        return self.corpus / article

    def evidence(self) -> list[Evidence]:
        return [
            Evidence(c["id"], e["article"], e["snippet"], e["stance"], tuple(e.get("also_ok", ())))
            for c in self.claims
            for e in c["evidence"]
        ]


def _corpus_path(spec: str) -> Path:
    if spec.startswith("shared:"):
        return shared_dir() / spec.removeprefix("shared:")
    return ROOT / spec


def load_story(directory: Path) -> Story:
    meta = json.loads((directory / "story.json").read_text(encoding="utf-8"))
    story = Story(
        name=directory.name,
        corpus=_corpus_path(meta["corpus"]),
        articles=list(meta["articles"]),
        gazetteer=list(meta.get("gazetteer", [])),
        entities=list(meta["entities"]),
        claims=list(meta["claims"]),
        copies=[list(pair) for pair in meta.get("copies", [])],
    )
    for article in story.articles:
        stem = article.split(".")[0]
        story.gold[article] = json.loads((directory / f"{stem}.json").read_text(encoding="utf-8"))
    return story


def load_stories(kind: str | None = None) -> list[Story]:
    """All gold stories, or only those whose story.json ``set`` equals ``kind`` ("seeds" or "articles")."""
    stories = []
    for directory in sorted(p for p in GOLD_DIR.iterdir() if (p / "story.json").is_file()):
        meta = json.loads((directory / "story.json").read_text(encoding="utf-8"))
        if kind is None or meta.get("set") == kind:
            stories.append(load_story(directory))
    return stories


def raw_text(story: Story, article: str) -> str:
    """The article as a human reads it: decoded with the gold's declared encoding, tags stripped for HTML."""
    gold = story.gold[article]
    text = story.path(article).read_bytes().decode(gold.get("encoding", "utf-8"))
    if article.endswith((".html", ".htm")):
        text = html.unescape(_TAG.sub("\n", text))
    return text


def collapse(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs made one space and tatweel dropped, and each kept character's offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group().isspace():
            out.append(" ")
            offsets.append(m.start())
        else:
            # Tatweel only stretches a letter; cleaners may drop it, so matching ignores it.
            kept = [(i, ch) for i, ch in enumerate(m.group(), m.start()) if ch != TATWEEL]
            out.extend(ch for _, ch in kept)
            offsets.extend(i for i, _ in kept)
    return "".join(out), offsets


def _squash(snippet: str) -> str:
    return _WS.sub(" ", snippet.strip()).replace(TATWEEL, "")


def locate_all(snippet: str, text: str) -> list[tuple[int, int]]:
    """Every (start, end) span of ``snippet`` in ``text``, comparing with whitespace runs collapsed."""
    flat, offsets = collapse(text)
    needle = _squash(snippet)
    spans = []
    start = flat.find(needle)
    while needle and start != -1:
        end = start + len(needle)
        spans.append((offsets[start], offsets[end - 1] + 1))
        start = flat.find(needle, start + 1)
    return spans


def locate(snippet: str, text: str) -> tuple[int, int] | None:
    """The first span of ``snippet`` in ``text`` (whitespace-insensitive), or None."""
    spans = locate_all(snippet, text)
    return spans[0] if spans else None


def name_forms(name: str) -> list[str]:
    """A name as written, plus its spelling after the preposition li- (ل + ال contracts to لل; للواء for اللواء)."""
    if not name.startswith("ال"):
        return [name]
    return [name, "ل" + name[2:] if name[2:3] == "ل" else "ل" + name[1:]]


def locate_name(name: str, text: str) -> list[tuple[int, int]]:
    """Spans of a gold surface or epithet, accepting the لل contraction (its span then includes the ل)."""
    return [span for form in name_forms(name) for span in locate_all(form, text)]


def has_line(line: str, text: str) -> bool:
    """True when ``line`` stands in ``text`` at the start or the end of a line (whitespace-insensitive).

    One edge is enough: a cleaner that joins a chrome line onto its neighbour has still kept it.
    """
    for start, end in locate_all(line, text):
        before = text[:start].rstrip(" \t\u00a0")
        after = text[end:].lstrip(" \t\u00a0")
        if not before or before.endswith(("\n", "\r")) or not after or after.startswith(("\n", "\r")):
            return True
    return False
