"""Tokens, word classes and phrase helpers shared by the entity finders: what can be a name, a title,
a clitic reading, and how a span of tokens becomes a candidate name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from stories.nlp import camel, vocab
from stories.nlp import lexicon as lx
from stories.nlp.entities.keys import key_tokens

_TOKEN = re.compile(r"[\u0621-\u063a\u0640-\u065f\u0670-\u06d3]+|[A-Za-z][A-Za-z0-9]*")
_MARKS = re.compile(r"[\u0640\u064b-\u065f\u0670]")  # what camel.normalize deletes inside a word
QUOTES = "«»“”\"„‘’‹›'"
QUOTED = re.compile(r"[«“\"„”]([^«»“”\"„\n]{1,80}?)[»”\"“]")
_SOFT_GAP = re.compile(rf"[\s{QUOTES}\u0640]*")
APPOSITION_GAP = re.compile(r"\s*[،,]?\s*")


class Token(NamedTuple):
    start: int
    end: int
    raw: str
    norm: str
    gap: str  # text between the previous token and this one

    @property
    def light(self) -> str:
        return camel.normalize_light(self.raw)


def _title_words() -> tuple[str, ...]:
    offices = vocab.entries("office_titles")
    return (
        *vocab.entries("honorifics"),
        *offices,
        *("ال" + w for w in offices),
        *vocab.entries("professions"),
    )


# Lists whose words never continue a name, and the ones that never begin one (see _block_words).
_STOP_LISTS = (
    "function_words", "calendar_words", "reporting_verbs", "common_verbs", "attribution_markers",
    "relational_words", "framing_adjectives",
)  # fmt: skip
_VERB_LISTS = ("reporting_verbs", "common_verbs")
_BLOCK_LISTS = (
    "common_words", "chain_nouns", "organization_heads", "outlet_nouns", "framing_nouns", "location_cues",
    "person_cues", "generic_complements",
)  # fmt: skip


def _stop_words() -> tuple[str, ...]:
    return tuple(w for name in _STOP_LISTS for w in vocab.entries(name))


def _block_words() -> tuple[str, ...]:
    """Every word that can never be part of a personal name."""
    return (*_stop_words(), *_title_words(), *(w for name in _BLOCK_LISTS for w in vocab.entries(name)))


def _nominal_block_words() -> tuple[str, ...]:
    """The block words that are not only verbs: the article never goes on a finite verb ("الصادق", "صادق")."""
    verbs = {w for name in _VERB_LISTS for w in vocab.entries(name)}
    keep = {w for name in _STOP_LISTS + _BLOCK_LISTS if name not in _VERB_LISTS for w in vocab.entries(name)}
    return tuple(w for w in _block_words() if w not in verbs or w in keep or w in _title_words())


# Word classes read straight from one data file: key in ``word_sets()`` -> file name.
_FILE_SETS = {
    "function": "function_words",
    "org": "organization_heads",
    "named_org": "org_heads_named",
    "outlet": "outlet_nouns",
    "outlet_ambiguous": "outlet_nouns_ambiguous",
    "framing": "framing_nouns",
    "cue": "person_cues",
    "place_cue": "location_cues",
    "connector": "name_connectors",
    "patronymic": "patronymic_connectors",
    "ambiguous": "ambiguous_surnames",
    "reporting": "reporting_verbs",
    "relational": "relational_words",
    "ministry": "ministry_ellipses",
    "letters": "letter_names",
    "generic_strong": "generic_complements",
    "anaphoric_org": "org_heads_anaphoric",
    "descriptive_adjective": "descriptive_adjectives",
    "event": "event_heads",
    "weak_event": "event_heads_weak",
    "strong_org": "org_heads_strong",
    "descriptive_org": "org_heads_descriptive",
    "droppable_org": "org_heads_droppable",
    "name_adjective": "name_adjectives",
    "facility": "facility_cues",
    "facility_adjective": "facility_adjectives",
    "admin": "admin_cues",
    "direction": "directions",
    "toponym": "toponym_prefixes",
}


@lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset[str]]:
    n = vocab.normalized
    titles = n(_title_words())
    offices = vocab.entries("office_titles")
    return {
        **{key: vocab.words(name) for key, name in _FILE_SETS.items()},
        "titles": titles,
        "offices": n(offices) | frozenset("ال" + camel.normalize(w) for w in offices),
        "stop": n(_stop_words()),
        "block": n(_block_words()),
        "light_block": _light_forms(_block_words()),
        "definite_block": _light_forms(_nominal_block_words()),
        "chain": vocab.words("chain_nouns") | titles,
        "generic": vocab.words("generic_complements") | vocab.words("common_words"),
        "framing_epithet": vocab.words("framing_nouns") - vocab.words("neutral_group_nouns"),
    }


def _light_forms(words: tuple[str, ...]) -> frozenset[str]:
    """Light forms, plus the alef-maksura spelling of words ending in ya ("فى" for "في", "التى")."""
    forms = {_light(w) for w in words}
    return frozenset(forms | {f[:-1] + "\u0649" for f in forms if f.endswith("ي")})


def _light(word: str) -> str:
    """camel.normalize without folding alef maksura, which would make "على" (on) the name "علي"."""
    return camel.normalize_light(word)


@lru_cache(maxsize=8192)
def lemma_blocked(norm: str) -> bool:
    """Ask the morphological analyser, when installed, whether a word is a common word in disguise."""
    lemmas = camel.lemmatize([norm])
    return bool(lemmas) and camel.normalize(lemmas[0]) in word_sets()["block"]


@lru_cache(maxsize=65536)
def clitic_reading(norm: str, words: frozenset[str], max_prefix: int = 3) -> tuple[int, str] | None:
    """The first clitic reading of a token that is in ``words``."""
    for plen, stem in lx.stems(norm):
        if plen <= max_prefix and (stem in words):
            return plen, stem
    return None


def is_place(norm: str) -> bool:
    return clitic_reading(norm, single_places()) is not None


@lru_cache(maxsize=1)
def single_places() -> frozenset[str]:
    return frozenset(key[0] for key in lx.place_index() if len(key) == 1)


def is_blocked(tok: Token) -> bool:
    light = _light(tok.raw)
    if len(tok.norm) < 2 or light in word_sets()["light_block"]:
        return True
    # a common noun with a pronoun suffix ("زيارته", "منصبه") is still a common noun
    for suffix, repl in (("تها", "ه"), ("ته", "ه"), ("تهم", "ه"), ("ها", ""), ("هم", ""), ("ه", "")):
        if tok.norm.endswith(suffix) and len(tok.norm) - len(suffix) >= 3:
            return tok.norm[: -len(suffix)] + repl in word_sets()["block"]
    return False


def is_name_word(tok: Token, first: bool) -> bool:
    """Could this token be part of a personal name? Rejects function words, verbs, titles, common nouns."""
    s, norm = word_sets(), tok.norm
    if not norm or is_blocked(tok) or lemma_blocked(norm):
        return False
    if lx.is_place_adjective(norm):
        return not first  # "السويدي" after a first name is a family name, not "Swedish"
    if lx.is_definite(norm):  # "العلي" is a family name even though "على" folds to "علي"
        return not first and lx.without_article(_light(tok.raw)) not in s["definite_block"]
    if first and is_place(norm):
        return False
    # "لمدير", "بزيارة", "بوقف", "ولم": a clitic in front of a word that is never a name; و and ف are also
    # first letters of names, so after them only longer words count ("فيصل" is not ف + يصل)
    return not any(
        stem in s["function"]
        or (len(stem) >= (4 if plen == 1 and norm[0] in "وف" else 3) and stem in s["block"])
        for plen, stem in lx.stems(norm)[1:]
    )


def tokenize(text: str) -> list[Token]:
    tokens, last = [], 0
    for match in _TOKEN.finditer(text):
        raw, start = match.group(), match.start()
        tokens.append(Token(start, match.end(), raw, camel.normalize(raw).lower(), text[last:start]))
        last = match.end()
    return tokens


def soft_gap(gap: str) -> bool:
    return bool(_SOFT_GAP.fullmatch(gap))


def space_gap(gap: str) -> bool:
    return gap.isspace()


def raw_after(raw: str, plen: int) -> int:
    """Index in ``raw`` after its first ``plen`` letters (diacritics and tatweel do not count)."""
    count, i = 0, 0
    while i < len(raw) and count < plen:
        if not _MARKS.match(raw[i]):
            count += 1
        i += 1
    while i < len(raw) and _MARKS.match(raw[i]):
        i += 1
    return i


def dictionary_word(tok: Token, plen: int, stem: str) -> str:
    """The token as a dictionary word: clitics dropped, an article elided after ل restored ("للواء" -> "اللواء")."""
    rest = tok.raw[raw_after(tok.raw, plen) :]
    added = stem[: len(stem) - (len(tok.norm) - plen)]
    return added + rest


def token_phrase(tokens: list[Token], a: int, b: int, words: frozenset[str] | None = None) -> str:
    reading = clitic_reading(tokens[a].norm, words) if words else None
    head = dictionary_word(tokens[a], *reading) if reading else tokens[a].raw
    return " ".join([head, *(t.raw for t in tokens[a + 1 : b])])


@dataclass(frozen=True)
class Candidate:
    tokens: tuple[str, ...]  # normalised name tokens
    display: str
    kind: str
    aliases: tuple[tuple[tuple[str, ...], str], ...] = ()  # other names of the same thing, never its key
    end: int = -1  # token index after the name, where an acronym in brackets may follow


def verb_like(norm: str) -> bool:
    """Shape of an imperfective verb, the usual word after a title in headlines ("الرئيس يتهم", "يصفونها")."""
    if norm.startswith(("يت", "يست", "تت", "تست")) and len(norm) >= 4:
        return True
    return norm.startswith(("ي", "ت")) and len(norm) >= 5 and norm.endswith(("ون", "وا", "ونها", "ونه", "وه"))


def adjective_like(norm: str) -> bool:
    """An indefinite feminine or nisba adjective ("شابة", "صينية", "مصري"), not a proper name."""
    return not lx.is_definite(norm) and (
        (len(norm) >= 4 and norm.endswith("ه")) or lx.is_place_adjective("ال" + norm)
    )


def make_candidate(
    tokens: list[Token], a: int, b: int, kind: str, reading: tuple[int, str] | None = None
) -> Candidate:
    """A name over tokens ``a:b``; ``reading`` drops the first token's clitics ("للجيش" -> "الجيش")."""
    plen, stem = reading or (0, tokens[a].norm)
    head = dictionary_word(tokens[a], plen, stem)
    words = (stem, *(t.norm for t in tokens[a + 1 : b]))
    display = " ".join([head, *(t.raw for t in tokens[a + 1 : b])])
    return Candidate(key_tokens(" ".join(words)), display, kind, end=b)


def definite_adjective(norm: str) -> bool:
    """A definite word shaped like an adjective: nisba ("الوطني"), participle ("المتحدة"), or a listed one."""
    if norm in word_sets()["name_adjective"] or lx.is_place_adjective(norm):
        return True
    body = norm[2:]
    return body.endswith(("ي", "يه", "يون", "يين", "يات")) or (body.startswith("م") and len(body) >= 4)


def org_head(norm: str) -> tuple[int, str] | None:
    """Clitic reading of an organisation head, with or without the article ("الجيش", "للجيش", "وزارة")."""
    heads = word_sets()["org"]
    for plen, stem in lx.stems(norm):
        if stem in heads or (stem.startswith("ال") and stem[2:] in heads):
            return plen, stem
    return None


def quote_opens(tok: Token) -> bool:
    return any(q in tok.gap for q in QUOTES)


def quoted_end(tokens: list[Token], k: int) -> int:
    """End of a quoted name starting at ``k``: up to four words, closed by the next quote or punctuation."""
    end = k + 1
    while end < len(tokens) and end - k < 4 and space_gap(tokens[end].gap):
        end += 1
    return end


def has_tanween(tok: Token) -> bool:
    """An accusative indefinite ending ("شقوقاً"): a common noun or adverb, never a name."""
    return "\u064b" in tok.raw
