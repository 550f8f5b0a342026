"""Who a quote is attributed to: a raw speaker phrase named as one of the outlets or people the story knows."""

from __future__ import annotations

from collections.abc import Sequence

from stories.nlp.camel import normalize
from stories.nlp.entities import same_entity
from stories.nlp.entities.keys import key_tokens


class KnownSpeakers:
    """The names a story knows, in order, indexed by their words: a name can only fit a speaker that shares a
    word with it (spelled out inside the phrase, or as the same entity), so a story of thousands of names is
    looked through for the few that share one, in the same order."""

    def __init__(self, known: Sequence[str]) -> None:
        self.names = list(known)
        self.words = [" ".join(normalize(name).split()) for name in self.names]
        self._by_word: dict[str, list[int]] = {}
        self._by_key: dict[str, list[int]] = {}
        for i, (name, words) in enumerate(zip(self.names, self.words, strict=True)):
            for word in set(words.split()):
                self._by_word.setdefault(word, []).append(i)
            for token in set(key_tokens(name)):
                self._by_key.setdefault(token, []).append(i)

    def sharing(self, folded: str, speaker: str) -> list[int]:
        """Positions of the names sharing a word with the speaker, in order: the only ones that can fit."""
        found = {i for word in folded.split() for i in self._by_word.get(word, ())}
        found.update(i for token in key_tokens(speaker) for i in self._by_key.get(token, ()))
        return sorted(found)


def speaker_name(speaker: str, known: Sequence[str] | KnownSpeakers) -> str:
    """Normalise a raw speaker phrase («صحيفة الشرق الأوسط اللندنية») to a known Source or Entity name.

    ``known`` is tried in order, so pass it longest first: the most specific name that fits wins. Pass a
    ``KnownSpeakers`` to name many speakers against one list.
    """
    if not speaker:
        return ""
    if not isinstance(known, KnownSpeakers):
        known = KnownSpeakers(known)
    folded = f" {' '.join(normalize(speaker).split())} "
    for i in known.sharing(folded, speaker):
        name, words = known.names[i], known.words[i]
        if words and (f" {words} " in folded or same_entity(speaker, name)):
            return name
    return speaker
