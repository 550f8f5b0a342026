"""Naming a quote's speaker after a name the story knows, looked up among the names sharing a word with it."""

from __future__ import annotations

from stories.nlp.camel import normalize
from stories.nlp.entities import same_entity
from stories.nlp.pipeline import analyse
from stories.nlp.speakers import KnownSpeakers, speaker_name


def _every_name_tried(speaker: str, known: list[str]) -> str:
    """The oracle: each known name tried in turn, as the lookup did before it was indexed."""
    if not speaker:
        return ""
    folded = f" {' '.join(normalize(speaker).split())} "
    for name in known:
        words = " ".join(normalize(name).split())
        if words and (f" {words} " in folded or same_entity(speaker, name)):
            return name
    return speaker


def test_the_indexed_lookup_names_every_speaker_as_trying_every_name_does(seed_paths):
    speakers, names = set(), {"وكالة الأنباء", "صحيفة الشرق الأوسط", "عبد الله", ""}
    for path in seed_paths:
        result = analyse(path.read_bytes(), filename=path.name)
        speakers |= {c.attributed_to for c in result.claims if c.attributed_to}
        names |= {e.name for e in result.entities} | {a for e in result.entities for a in e.aliases}
    # Phrases outlets credit: a name inside a longer phrase, a surname alone, a name with a middle name added.
    for name in sorted(names):
        words = name.split()
        speakers |= {f"المتحدث باسم {name}", words[-1] if words else ""} - {""}
        if len(words) >= 2:
            speakers.add(" ".join([words[0], "بن", *words[1:]]))
            speakers.add(f"«{words[-1]}»")  # quoted: only the entity keys, free of punctuation, share a word
    speakers |= {"عبدالله", "قال عبدالله"}
    known = sorted(names, key=lambda n: (-len(n), n))
    index = KnownSpeakers(known)
    named = [speaker_name(s, index) for s in sorted(speakers)]
    assert named == [_every_name_tried(s, known) for s in sorted(speakers)]
    assert sum(a != b for a, b in zip(named, sorted(speakers), strict=True)) >= 10  # names were found
    assert speaker_name("", index) == ""
