"""Long articles (about 1,400 words) for the analysis benches, built from the real articles we hold.

A real wire story runs to 1,000-2,000 words: a lead, then background, quotes from several sides and earlier
reporting. Our test articles are 150-400 words, so each long article here takes the cleaned text of one story's
articles and keeps adding their paragraphs, round robin, then those of the next story, until it reaches the
target length. The order is fixed, so every run measures the same texts. The seeds are left out: the benches
warm up on them, and a long article must be text the process has not analysed yet.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.eval.gold import ROOT, shared_dir

TARGET_WORDS = 1_400
ARTICLES = ROOT / "tests" / "articles"

# Stories of tests/articles by file prefix, in the order a long article draws them in after its own.
GROUPS = (
    ("heldout", "resig"),
    ("heldout", "xing"),
    ("heldout2", "air"),
    ("heldout2", "bud"),
    ("unseen", "cons"),
    ("unseen", "power"),
    ("unseen", "pris"),
    ("", "flood"),
    ("", "harbour"),
)


def article_files() -> list[Path]:
    """Every article file under tests/articles (all subdirectories) and the shared seeds, sorted."""
    found = [p for p in ARTICLES.rglob("*") if p.suffix in (".txt", ".html") and p.parent.name != "src"]
    return sorted(found) + sorted((shared_dir() / "seeds").glob("*.txt"))


def _paragraphs(paths: list[Path]) -> list[list[str]]:
    # clean() alone, not analyse(): the benches must meet these sentences for the first time
    from stories.nlp.clean import clean
    from stories.nlp.decode import decode_bytes

    out = []
    for path in paths:
        raw, is_html = decode_bytes(path.read_bytes(), path.name)
        text = clean(raw, is_html=is_html).text
        out.append([p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()])
    return out


def _group(directory: str, prefix: str) -> list[Path]:
    return sorted((ARTICLES / directory).glob(f"{prefix}_*"))


def long_articles(count: int = 4, target: int = TARGET_WORDS) -> list[tuple[str, str]]:
    """(label, text) of ``count`` long articles, each opening with the full text of a different story's lead."""
    stories = [_paragraphs(_group(d, p)) for d, p in GROUPS]
    out = []
    for n in range(count):
        order = stories[2 * n :] + stories[: 2 * n]
        lead, *rest = order[0]
        chosen = list(lead)
        words = sum(len(p.split()) for p in chosen)
        for story in [rest, *(s for s in order[1:])]:
            # round robin over the story's articles, skipping each one's headline line
            queues = [list(a[1:]) for a in story]
            while words < target and any(queues):
                for queue in queues:
                    if queue and words < target:
                        chosen.append(queue.pop(0))
                        words += len(chosen[-1].split())
            if words >= target:
                break
        out.append((f"long/{n + 1}", "\n\n".join(chosen) + "\n"))
    return out


if __name__ == "__main__":
    for label, text in long_articles():
        print(label, len(text.split()), "words", len(text), "chars")
