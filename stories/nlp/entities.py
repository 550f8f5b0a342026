"""Named entities and the epithets outlets attach to them, found without a model: the editor's gazetteer,
title + name patterns, quoted names, outlet and organisation nouns, place cues and a world place list."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_alef_ar, normalize_teh_marbuta_ar, normalize_unicode

from stories.nlp import camel
from stories.nlp import lexicon as lx
from stories.nlp.types import ENTITY_KINDS, EntityFound, GazetteerEntry, Mention

# Arabic letters with their diacritics and tatweel, or a Latin word; punctuation and digits separate tokens.
_TOKEN = re.compile(r"[\u0621-\u063a\u0640-\u065f\u0670-\u06d3]+|[A-Za-z][A-Za-z0-9]*")
_MARKS = re.compile(r"[\u0640\u064b-\u065f\u0670]")  # what camel.normalize deletes inside a word
_QUOTES = "«»“”\"„‘’‹›'"
_QUOTED = re.compile(r"[«“\"„”]([^«»“”\"„\n]{1,80}?)[»”\"“]")
_SOFT_GAP = re.compile(rf"[\s{_QUOTES}\u0640]*")
_APPOSITION_GAP = re.compile(r"\s*[،,]?\s*")
_MAX_CHAIN = 8  # tokens in a description between a title and the name


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    raw: str
    norm: str
    gap: str  # text between the previous token and this one

    @property
    def light(self) -> str:
        return camel.normalize_light(self.raw)


_Chains = tuple[dict[int, int], dict[int, int]]  # title descriptions: (name start -> title, surname -> title)


@dataclass
class _Entity:
    kind: str
    names: dict[tuple[str, ...], str] = field(default_factory=dict)  # normalised tokens -> display form
    key: str | None = None  # fixed for gazetteer entries
    display: str | None = None
    weak: set[tuple[str, ...]] = field(default_factory=set)  # surname variants, matched only when unambiguous
    derived: set[tuple[str, ...]] = field(default_factory=set)  # aliases, matched but never the key
    ambiguous: set[tuple[str, ...]] = field(default_factory=set)  # surnames that are also adjectives ("كامل")


# --- word classes -----------------------------------------------------------------------------------------


def _title_words() -> tuple[str, ...]:
    offices = lx.OFFICE_TITLES
    return (*lx.HONORIFICS, *offices, *("ال" + w for w in offices), *lx.PROFESSIONS)


def _stop_words() -> tuple[str, ...]:
    return (
        *lx.FUNCTION_WORDS, *lx.CALENDAR_WORDS, *lx.REPORTING_VERBS, *lx.COMMON_VERBS,
        *lx.ATTRIBUTION_MARKERS, *lx.RELATIONAL_WORDS, *lx.FRAMING_ADJECTIVES,
    )  # fmt: skip


def _block_words() -> tuple[str, ...]:
    """Every word that can never be part of a personal name."""
    return (
        *_stop_words(), *_title_words(), *lx.COMMON_WORDS, *lx.CHAIN_NOUNS, *lx.ORGANIZATION_HEADS,
        *lx.OUTLET_NOUNS, *lx.FRAMING_NOUNS, *lx.LOCATION_CUES, *lx.PERSON_CUES, *lx.GENERIC_COMPLEMENTS,
    )  # fmt: skip


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    n = lx.normalized
    titles = n(_title_words())
    return {
        "titles": titles,
        "offices": n(lx.OFFICE_TITLES) | frozenset("ال" + camel.normalize(w) for w in lx.OFFICE_TITLES),
        "stop": n(_stop_words()),
        "block": n(_block_words()),
        "light_block": _light_forms(_block_words()),
        "function": n(lx.FUNCTION_WORDS),
        "chain": n(lx.CHAIN_NOUNS) | titles,
        "org": n(lx.ORGANIZATION_HEADS),
        "named_org": n(("حركة", "حزب", "شركة", "منظمة", "جبهة", "تنظيم")),
        "outlet": n(lx.OUTLET_NOUNS),
        "outlet_ambiguous": n(lx.AMBIGUOUS_OUTLET_NOUNS),
        "framing": n(lx.FRAMING_NOUNS),
        "generic": n(lx.GENERIC_COMPLEMENTS) | n(lx.COMMON_WORDS),
        "cue": n(lx.PERSON_CUES),
        "place_cue": n(lx.LOCATION_CUES),
        "connector": n(lx.NAME_CONNECTORS),
        "ambiguous": n(lx.AMBIGUOUS_SURNAMES),
        "reporting": n(lx.REPORTING_VERBS),
        "relational": n(lx.RELATIONAL_WORDS),
        "generic_strong": n(lx.GENERIC_COMPLEMENTS),
        "anaphoric_org": n(("شركة", "سفارة", "قنصلية", "مصادر")),
        "descriptive_adjective": n(("الخاصة", "الخاص", "الحكومية", "الأمنية", "العسكرية", "الجديدة", "الجديد")),
        "event": n(lx.EVENT_HEADS),
        "weak_event": n(lx.WEAK_EVENT_HEADS),
        "strong_org": n(lx.STRONG_ORG_HEADS),
        "descriptive_org": n(lx.DESCRIPTIVE_ORG_HEADS),
        "droppable_org": n(lx.DROPPABLE_ORG_HEADS),
        "name_adjective": n(lx.NAME_ADJECTIVES),
        "facility": n(lx.FACILITY_CUES),
        "facility_adjective": n(lx.FACILITY_ADJECTIVES),
        "admin": n(lx.ADMIN_CUES),
        "direction": n(lx.DIRECTIONS),
        "toponym": n(lx.TOPONYM_PREFIXES),
    }


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names in light spelling, so "على" (on) is not "علي"; final ى also as ي ("مصطفي")."""
    forms = {camel.normalize_light(w) for w in lx.GIVEN_NAMES}
    return frozenset(forms | {f[:-1] + "ي" for f in forms if f.endswith("\u0649") and f[0] != "ي"})  # not "يحيي"


def _given_name(light: str) -> bool:
    """A listed given name, or a compound of عبد written as one word ("عبدالرحمن", "عبدالهادي")."""
    return light in _given_names() or (light.startswith("عبد") and len(light) >= 6 and "ال" in light[3:6])


def _light_forms(words: tuple[str, ...]) -> frozenset[str]:
    """Light forms, plus the alef-maksura spelling of words ending in ya ("فى" for "في", "التى")."""
    forms = {_light(w) for w in words}
    return frozenset(forms | {f[:-1] + "\u0649" for f in forms if f.endswith("ي")})


def _light(word: str) -> str:
    """camel.normalize without folding alef maksura, which would make "على" (on) the name "علي"."""
    return normalize_teh_marbuta_ar(normalize_alef_ar(dediac_ar(normalize_unicode(word)))).replace(
        "\u0640", ""
    )


@lru_cache(maxsize=8192)
def _lemma_blocked(norm: str) -> bool:
    """Ask the morphological analyser, when installed, whether a word is a common word in disguise."""
    lemmas = camel.lemmatize([norm])
    return bool(lemmas) and camel.normalize(lemmas[0]) in _sets()["block"]


def _reading(norm: str, words: frozenset[str], max_prefix: int = 3) -> tuple[int, str] | None:
    """The first clitic reading of a token that is in ``words``."""
    for plen, stem in lx.stems(norm):
        if plen <= max_prefix and (stem in words):
            return plen, stem
    return None


def _is_place(norm: str) -> bool:
    return _reading(norm, _single_places()) is not None


@lru_cache(maxsize=1)
def _single_places() -> frozenset[str]:
    return frozenset(key[0] for key in lx.place_index() if len(key) == 1)


def _blocked(tok: _Token) -> bool:
    light = _light(tok.raw)
    if len(tok.norm) < 2 or light in _sets()["light_block"]:
        return True
    # a common noun with a pronoun suffix ("زيارته", "منصبه") is still a common noun
    for suffix, repl in (("تها", "ه"), ("ته", "ه"), ("تهم", "ه"), ("ها", ""), ("هم", ""), ("ه", "")):
        if tok.norm.endswith(suffix) and len(tok.norm) - len(suffix) >= 3:
            return tok.norm[: -len(suffix)] + repl in _sets()["block"]
    return False


def _name_word(tok: _Token, first: bool) -> bool:
    """Could this token be part of a personal name? Rejects function words, verbs, titles, common nouns."""
    s, norm = _sets(), tok.norm
    if not norm or _blocked(tok) or _lemma_blocked(norm):
        return False
    if lx.is_place_adjective(norm):
        return not first  # "السويدي" after a first name is a family name, not "Swedish"
    if lx.is_definite(norm):
        return not first and lx.without_article(norm) not in s["block"]
    if first and _is_place(norm):
        return False
    # "لمدير", "بزيارة", "ولم": a clitic in front of a word that is never a name ("فيصل" is not ف + يصل)
    return not any(
        stem in s["function"] or (len(stem) >= 4 and stem in s["block"]) for _, stem in lx.stems(norm)[1:]
    )


# --- tokens and phrases -----------------------------------------------------------------------------------


def _tokenize(text: str) -> list[_Token]:
    tokens, last = [], 0
    for match in _TOKEN.finditer(text):
        raw = match.group()
        tokens.append(
            _Token(match.start(), match.end(), raw, camel.normalize(raw).lower(), text[last : match.start()])
        )
        last = match.end()
    return tokens


def _soft(gap: str) -> bool:
    return bool(_SOFT_GAP.fullmatch(gap))


def _space(gap: str) -> bool:
    return gap.isspace()


def _raw_after(raw: str, plen: int) -> int:
    """Index in ``raw`` after its first ``plen`` letters (diacritics and tatweel do not count)."""
    count, i = 0, 0
    while i < len(raw) and count < plen:
        if not _MARKS.match(raw[i]):
            count += 1
        i += 1
    while i < len(raw) and _MARKS.match(raw[i]):
        i += 1
    return i


def _word(tok: _Token, plen: int, stem: str) -> str:
    """The token as a dictionary word: clitics dropped, an article elided after ل restored ("للواء" -> "اللواء")."""
    rest = tok.raw[_raw_after(tok.raw, plen) :]
    added = stem[: len(stem) - (len(tok.norm) - plen)]
    return added + rest


def _phrase(tokens: list[_Token], a: int, b: int, words: frozenset[str] | None = None) -> str:
    reading = _reading(tokens[a].norm, words) if words else None
    head = _word(tokens[a], *reading) if reading else tokens[a].raw
    return " ".join([head, *(t.raw for t in tokens[a + 1 : b])])


def _key_tokens(text: str) -> tuple[str, ...]:
    return tuple(merge_key(text).split())


# --- keys shared with the Django side ---------------------------------------------------------------------


@lru_cache(maxsize=65536)
def merge_key(name: str) -> str:
    """Normalised key of a name: camel spelling folds, no punctuation or quotes, "عبد الله" written as one word."""
    words = re.findall(r"[^\W\d_]+|\d+", camel.normalize(name).lower())
    joined: list[str] = []
    for word in words:
        if joined and (joined[-1] == "عبد" or word == "الله"):
            joined[-1] += word  # "عبد الرحمن" = "عبدالرحمن", "نصر الله" = "نصرالله"
        else:
            joined.append(word)
    return " ".join(joined)


def _drop_place_adjectives(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    kept = tuple(t for t in tokens if not lx.is_place_adjective(t))
    if len(kept) < 2:
        return tokens, frozenset()
    return kept, frozenset(t for t in tokens if t not in kept)


def _same_tokens(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    (core_a, adj_a), (core_b, adj_b) = _drop_place_adjectives(a), _drop_place_adjectives(b)
    if core_a == core_b and (adj_a <= adj_b or adj_b <= adj_a):
        return True  # "حكومة الوفاق" = "حكومة الوفاق الليبية", but the Syrian X is not the Libyan X
    short, long_ = sorted((a, b), key=len)
    if len(short) == len(long_):
        return False
    if short == long_[-len(short) :] and (len(short) == 1 or short[0] in _sets()["connector"]):
        return True  # a surname alone, or "أبو الغيط" for "أحمد أبو الغيط"
    if short[0] != long_[0] or short[-1] != long_[-1]:
        return False
    rest = iter(long_)
    return all(token in rest for token in short)  # middle names may be left out


def same_entity(a: str, b: str) -> bool:
    """Whether two names of the same kind denote one entity: "حفتر", "خليفة حفتر" and "خليفة بلقاسم حفتر" do."""
    return _same_tokens(_key_tokens(a), _key_tokens(b))


def _compatible(a: str, b: str) -> bool:
    return a == b or "other" in (a, b)


def story_merge(entities: Sequence[EntityFound]) -> dict[str, str]:
    """Map every entity key seen across a story's articles to one canonical key.

    Longer names become canonical first; a shorter name joins the most frequent compatible one, so a lone
    surname lands on the full name most articles used.
    """
    counts = Counter(e.key for e in entities)
    by_key: dict[str, tuple[str, set[tuple[str, ...]]]] = {}
    for e in entities:
        kind, names = by_key.setdefault(e.key, (e.kind, set()))
        if kind == "other" and e.kind != "other":
            by_key[e.key] = (e.kind, names)
        names.update(_key_tokens(n) for n in (e.key, e.name, *e.aliases))
    order = sorted(by_key, key=lambda k: (-max(len(n) for n in by_key[k][1]), -counts[k], k))
    canonical: dict[str, str] = {}
    heads: list[str] = []
    for key in order:
        kind, names = by_key[key]
        matches = [
            h
            for h in heads
            if _compatible(kind, by_key[h][0])
            and any(_same_tokens(x, y) for x in names for y in by_key[h][1])
        ]
        if matches:
            canonical[key] = max(matches, key=lambda h: (counts[h], h))
        else:
            canonical[key] = key
            heads.append(key)
    return canonical


# --- discovery --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    tokens: tuple[str, ...]  # normalised name tokens
    display: str
    kind: str
    aliases: tuple[tuple[tuple[str, ...], str], ...] = ()  # other names of the same thing, never its key


def _chain_end(tokens: list[_Token], j: int) -> int:
    """End (exclusive) of the description a title at ``j`` heads: definite words, office nouns, places."""
    s, k = _sets(), j + 1
    while k < len(tokens) and k - j <= _MAX_CHAIN and _soft(tokens[k].gap):
        norm = tokens[k].norm
        if norm in s["stop"]:
            if _chain_bridge(tokens, k):
                k += 2
                continue
            break
        if _possessed(norm):
            return k + 1  # "رئيس تحريرها", "المتحدث باسمه": the pronoun closes the description
        if not (lx.is_definite(norm) or _reading(norm, s["chain"], 1) or _is_place(norm)):
            break
        k += 1
    return k


def _chain_bridge(tokens: list[_Token], k: int) -> bool:
    """A function word a description runs through: "في" + a place ("مدير الدفاع المدني في محافظة الشمال"),
    "غير" + an adjective ("القوات غير الشرعية"), "التابع" + ل ("التابع للنظام السوري")."""
    if k + 1 >= len(tokens) or not _space(tokens[k + 1].gap):
        return False
    s, norm, nxt = _sets(), tokens[k].norm, tokens[k + 1].norm
    if norm == "في":
        return _is_place(nxt) or _reading(nxt, s["place_cue"], 0) is not None
    if norm == "غير":
        return nxt.startswith("ال")
    return norm in s["relational"] and nxt.startswith("ل")


def _possessed(norm: str) -> bool:
    """An office noun with a possessive pronoun ("تحريرها", "مكتبه"), which makes the description definite."""
    chain = _sets()["chain"]
    for suffix in ("هما", "هم", "ها", "ه"):
        base = norm[: -len(suffix)]
        if norm.endswith(suffix) and len(base) >= 3 and (base in chain or base.endswith("ت") and base[:-1] + "ه" in chain):
            return True
    return False


def _chain_ends(tokens: list[_Token]) -> tuple[dict[int, int], dict[int, int]]:
    """For each token that a title description ends before, the earliest title token starting it; and for
    each definite last word of a description ("الوزير العطار"), the title it follows (a surname after it)."""
    titles, ends, absorbed = _sets()["titles"], {}, {}
    for j, tok in enumerate(tokens):
        reading = _reading(tok.norm, titles)
        if reading is None:
            continue
        k = _chain_end(tokens, j)
        # A bare construct ("مستشار X", "رئيس تحرير X") makes X the possessor, not the title holder;
        # "رئيس الوزراء X", "الرئيس X" and "رئيس وزراء إسرائيل X" are definite and describe X.
        definite = reading[1].startswith("ال") or any(
            lx.is_definite(t.norm) or _is_place(t.norm) or _possessed(t.norm) for t in tokens[j + 1 : k]
        )
        if definite and k < len(tokens) and _soft(tokens[k].gap):  # "رئيس الشركة، X" does not name X
            ends.setdefault(k, j)
        if k - 1 > j and tokens[k - 1].norm.startswith("ال"):
            absorbed.setdefault(k - 1, j)
    return ends, absorbed


def _verb_like(norm: str) -> bool:
    """Shape of an imperfective verb, the usual word after a title in headlines ("الرئيس يتهم", "يصفونها")."""
    if norm.startswith(("يت", "يست", "تت", "تست")) and len(norm) >= 4:
        return True
    return norm.startswith(("ي", "ت")) and len(norm) >= 5 and norm.endswith(("ون", "وا", "ونها", "ونه", "وه"))


def _adjective_like(norm: str) -> bool:
    """An indefinite feminine or nisba adjective ("شابة", "صينية", "مصري"), not a proper name."""
    return not lx.is_definite(norm) and (
        (len(norm) >= 4 and norm.endswith("ه")) or lx.is_place_adjective("ال" + norm)
    )


def _name_end(tokens: list[_Token], k: int) -> int | None:
    """End (exclusive) of a personal name starting at token ``k``: one or two words, more inside quotes.

    A name ends after a family name with the article ("بشار الأسد"), before a conjunction, a clitic-led
    word or punctuation; compounds ("أبو الغيط", "عبد الرحمن", "نصر الله") count as one word.
    """
    if k >= len(tokens):
        return None
    first, quoted = tokens[k].norm, any(q in tokens[k].gap for q in _QUOTES)
    given = _given_name(tokens[k].light)
    if not quoted and not given and (first.startswith(("و", "ل")) or _verb_like(first)):
        return None  # "رئيس البرلمان ونواب", "المدير السابق لصوت العرب", "الرئيس يتهم"; not "وليد"
    core, i = 0, k
    while i < len(tokens) and core < (3 if quoted else 2) and (i == k or _space(tokens[i].gap)):
        part = _name_part(tokens, i, i == k, quoted)
        if part is None:
            break
        core, i = core + 1, part[0]
        if part[1]:
            break
    if core == 0 or quoted:
        return i if core else None
    if core == 1 and not given and (first.startswith("ي") or _adjective_like(first) or _predicate(tokens, k)):
        return None  # a lone "يلوح" or "شابة" after a title is a verb or an adjective; "الرئيس غاضب من"
    if core == 2 and first.startswith("ي") and not lx.is_definite(tokens[i - 1].norm):
        return None  # "يهدد حماس"
    return i


def _predicate(tokens: list[_Token], k: int) -> bool:
    """A one-word adjective after a title ("الرئيس غاضب من", "الوزير متفائل"): participle or fa'il/fa'il shape,
    followed by a preposition, punctuation or the end, as a nominal sentence's predicate is."""
    norm = tokens[k].norm
    shaped = (len(norm) == 4 and (norm[1] == "ا" or norm[2] == "ي")) or norm.startswith(("مت", "مست"))
    if not shaped:
        return False
    if k + 1 >= len(tokens) or not _space(tokens[k + 1].gap):
        return True
    nxt = tokens[k + 1].norm
    return nxt in _sets()["function"] or (nxt[0] in "بل" and not lx.is_definite(nxt) and len(nxt) > 3)


def _name_part(tokens: list[_Token], i: int, first: bool, quoted: bool) -> tuple[int, bool] | None:
    """One word of a name at ``i`` with its particles and a trailing "الله": (end, whether it ends the name)."""
    connectors, norm = _sets()["connector"], tokens[i].norm
    if norm in connectors:
        j = i + 1
        while j < len(tokens) and tokens[j].norm in connectors and _space(tokens[j].gap):
            j += 1  # "بن عبد العزيز"
        if j >= len(tokens) or not _space(tokens[j].gap) or not _name_word(tokens[j], first=False):
            return None
        # a family compound ("أبو الغيط", "آل ثاني") closes the name; "عبد الرحمن" is a given name
        return j + 1, lx.is_definite(tokens[j].norm) and norm != "عبد"
    if not _name_word(tokens[i], first=first):
        return None
    if not first and not quoted and norm[0] in "وبلي":
        return None  # "عباس كامل وعلي", "أوباما بضرب", "أوكتار يواجه": a new phrase, not a family name
    end = i + 1
    if end < len(tokens) and tokens[end].norm == "الله" and _space(tokens[end].gap):
        return end + 1, False  # "نصر الله"
    return end, lx.is_definite(norm)


def _candidate(
    tokens: list[_Token], a: int, b: int, kind: str, reading: tuple[int, str] | None = None
) -> _Candidate:
    """A name over tokens ``a:b``; ``reading`` drops the first token's clitics ("للجيش" -> "الجيش")."""
    plen, stem = reading or (0, tokens[a].norm)
    head = _word(tokens[a], plen, stem)
    words = (stem, *(t.norm for t in tokens[a + 1 : b]))
    display = " ".join([head, *(t.raw for t in tokens[a + 1 : b])])
    return _Candidate(_key_tokens(" ".join(words)), display, kind)


def _people(tokens: list[_Token], ends: dict[int, int]) -> list[_Candidate]:
    found = []
    cues = _sets()["cue"]
    starts = set(ends) | {i + 1 for i, t in enumerate(tokens) if _reading(t.norm, cues)}
    for k in sorted(starts):
        end = _name_end(tokens, k)
        if end is not None:
            found.append(_candidate(tokens, k, end, "person"))
    return found + _given_people(tokens)


def _given_people(tokens: list[_Token]) -> list[_Candidate]:
    """A common given name, possibly behind a clitic ("وعبدالهادي"), followed by a family name."""
    found = []
    for i, tok in enumerate(tokens[:-1]):
        light = tok.light
        for plen, stem in lx.stems(tok.norm):
            if plen > 2 or stem != tok.norm[plen:] or not _given_name(light[plen:]):
                continue
            end = _family_end(tokens, i + 1)
            if end is not None:
                found.append(_candidate(tokens, i, end, "person", (plen, stem)))
            break
    return found


def _family_end(tokens: list[_Token], k: int) -> int | None:
    """End of the one or two name words after a given name; None when no family name follows."""
    end = k
    while end < len(tokens) and end - k < 2 and _space(tokens[end].gap):
        part = _name_part(tokens, end, False, False)
        if part is None:
            break
        end = part[0]
        if part[1]:
            break
    return end if end > k else None


def _surname_people(tokens: list[_Token], candidates: list[_Candidate]) -> list[_Candidate]:
    """"بشار الأسد" once "الأسد" is known as a name here: a first-name-shaped word before a known
    definite surname completes the name."""
    s = _sets()
    surnames = {
        c.tokens[-1]
        for c in candidates
        if c.kind in ("person", "other") and c.tokens[-1].startswith("ال") and len(c.tokens[-1]) > 4
    }
    names = {t for c in candidates for t in c.tokens}
    found = []
    for j in range(1, len(tokens)):
        first = tokens[j - 1]
        if tokens[j].norm not in surnames or not _space(tokens[j].gap):
            continue
        norm = first.norm
        if lx.is_definite(norm) or norm.endswith("ه") or any(w in s["stop"] for _, w in lx.stems(norm)):
            continue  # "وأكد الدباغ"
        if norm[0] in "وبلف" and (norm[1:] in names or _given_name(first.light[1:])):
            continue  # "وحفتر الأسد", "وعلي الأسد": a clitic on a name, not a first name
        if _name_word(first, True) and not (_verb_like(norm) or _adjective_like(norm) or _tanween(first)):
            found.append(_candidate(tokens, j - 1, j + 1, "person"))
    return found


def _org_chain(tokens: list[_Token], i: int, known: set[str]) -> int:
    """End of the complements after an organisation head: an idafa chain ("نقابة عمال الموانئ"), then
    adjectives ("الأمم المتحدة") and ل-genitives ("الهيئة العامة للموانئ"); prepositions and verbs end it."""
    s, k = _sets(), i + 1
    definite = tokens[i].norm.startswith(("ال", "لل")) or _org_head(tokens[i].norm)[1].startswith("ال")
    complete = i + 1  # end of the longest prefix that is a whole name (an idafa chain ends definite)
    while k < len(tokens) and k - i <= 5 and _soft(tokens[k].gap):
        norm = tokens[k].norm
        if norm in s["stop"] or norm in known:
            break
        head = _org_head(norm)
        if head is not None and not (definite and norm.startswith("لل")):
            break  # "الجيش السوري الجيش الليبي"; but "القيادة العامة للجيش" goes on
        if norm.startswith("لل") and definite:
            pass  # a genitive with ل after a definite name
        elif norm.startswith("ال"):
            if definite and not _definite_adjective(norm):
                break  # "الوكالة التحقق": two definite nouns do not make one name
        elif _is_place(norm) or (k == i + 1 and _named(tokens, i)):
            pass
        elif not definite and k - i <= 2 and _idafa_middle(tokens[k]):
            k += 1
            continue  # "أنباء" in "وكالة أنباء الساحل": kept only if a definite word follows
        else:
            break
        definite, k = True, k + 1
        complete = k
    return complete


def _named(tokens: list[_Token], i: int) -> bool:
    """"حركة حماس", "شركة أرامكو": one proper-name word right after a head that takes a name."""
    tok = tokens[i + 1]
    return (
        _reading(tokens[i].norm, _sets()["named_org"]) is not None
        and _name_word(tok, True)
        and not _adjective_like(tok.norm)
        and not _verb_like(tok.norm)
        and not _tanween(tok)
    )


def _idafa_middle(tok: _Token) -> bool:
    """An indefinite noun inside a construct chain: no clitic, verb, adjective or accusative shape."""
    norm = tok.norm
    return (
        len(norm) >= 3
        and norm[0] not in "وفبك"
        and not _verb_like(norm)
        and not _adjective_like(norm)
        and not _tanween(tok)
        and norm not in _sets()["titles"]
    )


def _definite_adjective(norm: str) -> bool:
    """A definite word shaped like an adjective: nisba ("الوطني"), participle ("المتحدة"), or a listed one."""
    if norm in _sets()["name_adjective"] or lx.is_place_adjective(norm):
        return True
    body = norm[2:]
    return body.endswith(("ي", "يه", "يون", "يين", "يات")) or (body.startswith("م") and len(body) >= 4)


def _org_head(norm: str) -> tuple[int, str] | None:
    """Clitic reading of an organisation head, with or without the article ("الجيش", "للجيش", "وزارة")."""
    heads = _sets()["org"]
    for plen, stem in lx.stems(norm):
        if stem in heads or (stem.startswith("ال") and stem[2:] in heads):
            return plen, stem
    return None


def _organizations(tokens: list[_Token], known: set[str]) -> list[_Candidate]:
    found, s = [], _sets()
    for i, tok in enumerate(tokens):
        head = _org_head(tok.norm)
        if head is None or _reading(tok.norm, s["titles"]):
            continue  # "اللواء" is a rank before a name, not the brigade
        if i + 1 < len(tokens) and _reading(tok.norm, s["named_org"]) and _quote_opens(tokens[i + 1]):
            found.append(_candidate(tokens, i + 1, _quoted_end(tokens, i + 1), "organization"))
            continue  # "منظمة «X»": the quoted name is the organisation's name
        end = _org_chain(tokens, i, known)
        if end == i + 1 or _generic_org(tokens, i, end, head):
            continue
        if end == i + 2 and _named(tokens, i):
            whole = _candidate(tokens, i, end, "organization", head)
            found.append(replace(_candidate(tokens, i + 1, end, "organization"), aliases=((whole.tokens, whole.display),)))
            continue
        cand = _candidate(tokens, i, end, "organization", head)
        bare = head[1] in s["droppable_org"] and end - i >= 3 and tokens[i + 1].norm.startswith("ال")
        if bare:  # "مديرية الدفاع المدني" is also "الدفاع المدني"
            short = _candidate(tokens, i + 1, end, "organization")
            cand = replace(cand, aliases=((short.tokens, short.display),))
        found.append(cand)
    return found


def _generic_org(tokens: list[_Token], i: int, end: int, head: tuple[int, str]) -> bool:
    """"قوات الحكومة", "جيش النظام", "السفارة الليبية", "الشركة المشغلة": descriptions, not names."""
    s, stem = _sets(), head[1]
    bare_head = stem[2:] if stem.startswith("ال") else stem
    words = [t.norm for t in tokens[i + 1 : end]]
    generic = s["generic_strong"] if bare_head in s["strong_org"] else s["generic"]
    if len(words) == 1 and (words[0] in generic or lx.without_article(words[0]) in generic):
        return True
    if stem.startswith("ال") and bare_head in s["descriptive_org"]:
        return bare_head in s["anaphoric_org"] or all(w in s["descriptive_adjective"] or lx.is_place_adjective(w) for w in words)
    return False


def _quote_opens(tok: _Token) -> bool:
    return any(q in tok.gap for q in _QUOTES)


def _quoted_end(tokens: list[_Token], k: int) -> int:
    """End of a quoted name starting at ``k``: up to four words, closed by the next quote or punctuation."""
    end = k + 1
    while end < len(tokens) and end - k < 4 and _space(tokens[end].gap):
        end += 1
    return end


def _outlet_name(tokens: list[_Token], i: int) -> int | None:
    """End of an outlet's name after its type noun: quoted, Latin, or a definite phrase."""
    s, k = _sets(), i + 1
    if k >= len(tokens) or not _soft(tokens[k].gap):
        return None
    if any(q in tokens[k].gap for q in _QUOTES):
        end = k + 1
        while end < len(tokens) and end - k < 4 and _space(tokens[end].gap):
            end += 1
        return end
    if tokens[k].norm.isascii():
        end = k + 1
        while end < len(tokens) and tokens[end].norm.isascii() and _space(tokens[end].gap):
            end += 1
        return end
    if _reading(tokens[i].norm, s["outlet_ambiguous"]):
        return None
    if not (_name_word(tokens[k], True) or lx.is_definite(tokens[k].norm)) or tokens[k].norm in s["block"]:
        return None
    if _adjective_like(tokens[k].norm) or _verb_like(tokens[k].norm):
        return None  # "مجلة شهيرة", "صحيفة تتهم"
    end = k + 1
    while end < len(tokens) and end - k < 3 and _space(tokens[end].gap):
        norm = tokens[end].norm
        if not lx.is_definite(norm) or norm in s["block"] or _org_head(norm):
            break
        end += 1
    while end - k > 1 and lx.is_place_adjective(tokens[end - 1].norm):
        end -= 1  # "صحيفة الشرق الأوسط اللندنية": the city is not part of the name
    return end


def _outlets(tokens: list[_Token]) -> list[_Candidate]:
    found, s = [], _sets()
    for i, tok in enumerate(tokens):
        reading = _reading(tok.norm, s["outlet"], 1)
        end = _outlet_name(tokens, i) if reading else None
        if end is None:
            continue
        words = [t.norm for t in tokens[i + 1 : end]]
        if not _quote_opens(tokens[i + 1]) and any(w in s["stop"] for w in words):
            continue  # a quoted name may hold any word («روسيا اليوم»)
        if len(words) == 1 and lx.without_article(words[0]) in s["generic"]:
            found.append(_candidate(tokens, i, end, "organization", reading))  # "وكالة الأنباء"
        else:
            found.append(_candidate(tokens, i + 1, end, "organization"))
    return found


def _place_name(tokens: list[_Token], k: int) -> int | None:
    """End of a place name at ``k`` after a cue: one word, or a toponym prefix and its word ("وادي السدر")."""
    if k >= len(tokens) or not _soft(tokens[k].gap):
        return None
    s, norm = _sets(), tokens[k].norm
    if norm in s["toponym"] and k + 1 < len(tokens) and _space(tokens[k + 1].gap):
        nxt = tokens[k + 1]
        if not _blocked(nxt) and (lx.is_definite(nxt.norm) or _name_word(nxt, True)):
            return k + 2
    plain = lx.without_article(norm)
    # "ولاية رئاسية" is a term of office; place names may end in ة ("معيتيقة") but not in ية
    shaped = norm.endswith("يه") or _verb_like(norm) or _blocked(tokens[k]) or _tanween(tokens[k])
    if plain in s["block"] or lx.is_place_adjective(norm) or shaped:
        return None
    return k + 1 if _name_word(tokens[k], True) or lx.is_definite(norm) else None


def _tanween(tok: _Token) -> bool:
    """An accusative indefinite ending ("شقوقاً"): a common noun or adverb, never a name."""
    return "\u064b" in tok.raw


def _facility(tokens: list[_Token], i: int, reading: tuple[int, str]) -> _Candidate | None:
    """"مطار X الدولي", "ميناء X": the facility noun belongs to the name; the bare name is an alias."""
    end = _place_name(tokens, i + 1)
    if end is None:
        return None
    bare = _candidate(tokens, i + 1, end, "location")
    while end < len(tokens) and _space(tokens[end].gap) and tokens[end].norm in _sets()["facility_adjective"]:
        end += 1
    return replace(_candidate(tokens, i, end, "location", reading), aliases=((bare.tokens, bare.display),))


def _places(tokens: list[_Token]) -> list[_Candidate]:
    found, s = [], _sets()
    for i, tok in enumerate(tokens):
        facility = _reading(tok.norm, s["facility"], 2)
        if facility is not None:
            cand = _facility(tokens, i, facility)
            found.extend([cand] if cand else [])
            continue
        cue = _reading(tok.norm, s["place_cue"])
        if cue is None:
            continue
        nxt = i + 1 < len(tokens) and _soft(tokens[i + 1].gap) and tokens[i + 1].norm
        if cue[1] in s["admin"] and nxt in s["direction"]:
            found.append(_candidate(tokens, i, i + 2, "location", cue))  # "محافظة الشمال"
            continue
        k = i + 1
        while k < len(tokens) and _soft(tokens[k].gap) and lx.is_place_adjective(tokens[k].norm):
            k += 1  # "العاصمة الليبية طرابلس"
        end = _place_name(tokens, k)
        if end is not None:
            found.append(_candidate(tokens, k, end, "location"))
    return found


def _events(tokens: list[_Token]) -> list[_Candidate]:
    """Conferences, treaties and laws named by a place or a proper name ("مؤتمر برلين", "اتفاقية X")."""
    found, s = [], _sets()
    for i, tok in enumerate(tokens[:-1]):
        reading = _reading(tok.norm, s["event"], 2)
        nxt = tokens[i + 1]
        if reading is None or not _soft(nxt.gap):
            continue
        if _quote_opens(nxt):
            end = _quoted_end(tokens, i + 1)
        elif _is_place(nxt.norm) and not lx.is_place_adjective(nxt.norm):
            end = i + 2
        elif reading[1] not in s["weak_event"] and _event_name(nxt):
            end = i + 2
        else:
            continue
        found.append(_candidate(tokens, i, end, "other", reading))
    return found


def _event_name(tok: _Token) -> bool:
    """An indefinite proper name after an event head; a final ي is allowed ("سوتشي"), nisba adjectives
    of news prose ("نهائي", "دولي") are in the common-word list."""
    norm = tok.norm
    return (
        not lx.is_definite(norm)
        and _name_word(tok, True)
        and not (_verb_like(norm) or _adjective_like(norm) or _tanween(tok) or norm[0] in "يت")
    )


def _quoted(text: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names an outlet put in quotes: organisations by their head noun, a name after a framing noun
    («مرتزقة X»), events («قانون X»), otherwise one to four name words."""
    found, s = [], _sets()
    starts = [t.start for t in tokens]
    for match in _QUOTED.finditer(text):
        a = bisect_left(starts, match.start(1))
        b = a
        while b < len(tokens) and tokens[b].end <= match.end(1):
            b += 1
        if not 1 <= b - a <= 4 or not all(_space(tokens[i].gap) for i in range(a + 1, b)):
            continue
        head = _org_head(tokens[a].norm)
        if head is not None and b - a > 1:
            found.append(_candidate(tokens, a, b, "organization", head))
        elif b - a > 1 and _reading(tokens[a].norm, s["event"], 1):
            found.append(_candidate(tokens, a, b, "other", _reading(tokens[a].norm, s["event"], 1)))
        elif b - a > 2 and _reading(tokens[a].norm, s["framing"], 1) and _quoted_name(tokens, a + 1, b):
            found.append(_candidate(tokens, a + 1, b, "other"))  # «مرتزقة فاغنر»: the framing is the outlet's
        elif b - a == 2 and _reading(tokens[a].norm, s["framing"], 1) and _single_name(tokens[a + 1]):
            found.append(_candidate(tokens, a + 1, b, "other"))
        elif (b - a == 1 and _single_name(tokens[a])) or (b - a > 1 and _quoted_name(tokens, a, b)):
            found.append(_candidate(tokens, a, b, "other"))
    return found


def _quoted_name(tokens: list[_Token], a: int, b: int) -> bool:
    """Words that can make a name: no clitic-led word after the first ("سليم ويعمل"), no accusative or
    adjective ending ("شقوقاً واضحة")."""
    connectors = _sets()["connector"]
    if not _name_word(tokens[a], True) or any(_tanween(t) for t in tokens[a:b]):
        return False
    for t in tokens[a + 1 : b]:
        if not _name_word(t, False) or (t.norm[0] in "وبلف" and t.norm not in connectors):
            return False
    return not _adjective_like(tokens[b - 1].norm)


def _single_name(tok: _Token) -> bool:
    """One quoted word that reads as a name («أردوغان», "الأسد"), not a scare-quoted word («توغل», "مفصلي")."""
    norm = tok.norm
    bare = lx.without_article(norm)
    if len(bare) < 3 or _blocked(tok) or _tanween(tok) or bare in _sets()["block"] or _lemma_blocked(norm):
        return False
    if lx.is_definite(norm):
        return norm.startswith("ال") and not _definite_adjective(norm) and not _verb_like(bare)
    shaped = _verb_like(norm) or _adjective_like(norm) or norm.endswith(("ي", "ت")) or norm[0] in "يت"
    return not shaped and _name_word(tok, True)


def _model(tokens: list[_Token]) -> list[_Candidate]:
    """B-/I- spans from camel's NER model, sentence by sentence; nothing when the model is not installed."""
    kinds = {"PERS": "person", "ORG": "organization", "LOC": "location", "MISC": "other"}
    found: list[_Candidate] = []
    for a, b in _sentences(tokens):
        labels = camel.ner_labels([t.raw for t in tokens[a:b]])
        if labels is None:
            return []
        i = 0
        while i < len(labels):
            if not labels[i].startswith("B-"):
                i += 1
                continue
            end = i + 1
            while end < len(labels) and labels[end] == "I-" + labels[i][2:]:
                end += 1
            found.append(_candidate(tokens, a + i, a + end, kinds.get(labels[i][2:], "other")))
            i = end
    return found


def _sentences(tokens: list[_Token]) -> list[tuple[int, int]]:
    """Token ranges between sentence punctuation or line breaks: the NER model reads one sentence at a time."""
    bounds, start = [], 0
    for i in range(1, len(tokens)):
        if any(mark in tokens[i].gap for mark in ".!?؟\n"):
            bounds.append((start, i))
            start = i
    return [*bounds, (start, len(tokens))] if tokens else []


def _place_at(tokens: list[_Token], i: int) -> str | None:
    """Canonical spelling of a listed place starting at token ``i`` (longest spelling first)."""
    index = lx.place_index()
    for length in (3, 2, 1):
        rest = tokens[i + 1 : i + length]
        if len(rest) != length - 1 or not all(_space(t.gap) for t in rest):
            continue
        for _plen, stem in lx.stems(tokens[i].norm):
            canonical = index.get((stem, *(t.norm for t in rest)))
            if canonical:
                return canonical
    return None


def _place_hits(tokens: list[_Token]) -> list[_Candidate]:
    """Countries, continents and major cities from the general list, with attached clitics."""
    hits = (_place_at(tokens, i) for i in range(len(tokens)))
    return [_Candidate(_key_tokens(name), name, "location") for name in hits if name]


# --- grouping, mentions, epithets -------------------------------------------------------------------------


def _from_gazetteer(gazetteer: Sequence[GazetteerEntry]) -> list[_Entity]:
    entities = []
    for entry in gazetteer:
        names = {_key_tokens(n): n for n in (*entry.aliases, entry.name) if _key_tokens(n)}
        if names:
            kind = entry.kind if entry.kind in ENTITY_KINDS else "other"
            entities.append(_Entity(kind, names, key=merge_key(entry.name), display=entry.name))
    return entities


def _group(candidates: list[_Candidate], entities: list[_Entity]) -> list[_Entity]:
    """Merge candidates into entities; longer names first, so a lone surname joins the full name."""
    near: dict[str, list[int]] = {}  # first or last name token -> entities holding such a name
    for n, e in enumerate(entities):
        for tokens in e.names:
            _near_add(near, tokens, n)
    for cand in sorted(candidates, key=lambda c: -len(c.tokens)):
        home = next(
            (
                entities[n]
                for n in sorted({*near.get(cand.tokens[0], ()), *near.get(cand.tokens[-1], ())})
                if _compatible(entities[n].kind, cand.kind)
                and any(_same_tokens(cand.tokens, t) for t in entities[n].names)
            ),
            None,
        )
        if home is None:
            home = _Entity(cand.kind, {cand.tokens: cand.display})
            entities.append(home)
        n = entities.index(home)
        _near_add(near, cand.tokens, n)
        home.names.setdefault(cand.tokens, cand.display)
        for tokens, display in cand.aliases:
            if tokens not in home.names:
                home.names[tokens] = display
                home.derived.add(tokens)
        if home.kind == "other":
            home.kind = cand.kind
    for e in entities:
        _settle(e)
    return entities


def _near_add(near: dict[str, list[int]], tokens: tuple[str, ...], n: int) -> None:
    """Every way ``_same_tokens`` can match shares the first or the last token, so those index the names."""
    for token in {tokens[0], tokens[-1]}:
        if n not in near.setdefault(token, []):
            near[token].append(n)


def _settle(e: _Entity) -> None:
    """Pick the key and display name; persons by their fullest name, organisations by their shortest."""
    s = _sets()
    if e.key is None:
        pick = min if e.kind == "organization" else max
        tokens = pick((n for n in e.names if n not in e.derived), key=len)
        e.key, e.display = " ".join(tokens), e.names[tokens]
    if e.kind in ("person", "other"):
        for tokens in list(e.names):
            last = tokens[-1]
            if len(tokens) < 2 or len(last) < 3 or last in s["block"]:
                continue
            (e.ambiguous if last in s["ambiguous"] else e.weak).add((last,))


_FULL, _WEAK, _AMBIGUOUS = 2, 1, 0  # how a variant may match: always, when unambiguous, in context only


def _index(entities: list[_Entity]) -> dict[str, list[tuple[tuple[str, ...], int, int]]]:
    index: dict[str, list[tuple[tuple[str, ...], int, int]]] = {}
    for n, e in enumerate(entities):
        for tokens in e.names:
            index.setdefault(tokens[0], []).append((tokens, n, _FULL))
        for tokens in e.weak - set(e.names):
            index.setdefault(tokens[0], []).append((tokens, n, _WEAK))
        for tokens in e.ambiguous - set(e.names):
            index.setdefault(tokens[0], []).append((tokens, n, _AMBIGUOUS))
    return index


def _match_at(
    tokens: list[_Token], i: int, index: dict, last_seen: dict[int, int], context: bool
) -> tuple[int, str, int, int] | None:
    """(prefix length, first-token stem, token count, entity) of the best variant starting at token ``i``."""
    for plen, stem in lx.stems(tokens[i].norm):
        hits = []
        for variant, entity, rank in index.get(stem, ()):
            if rank == _AMBIGUOUS and not context:
                continue
            rest = tokens[i + 1 : i + len(variant)]
            if len(rest) == len(variant) - 1 and all(
                _space(t.gap) and merge_key(t.norm) == v for t, v in zip(rest, variant[1:], strict=True)
            ):
                hits.append((len(variant), min(rank, _WEAK), last_seen.get(entity, -1), -entity, entity))
        if hits:
            best = max(hits)
            rivals = {h[4] for h in hits if h[0] == best[0] and h[1] == best[1]}
            if best[1] < _FULL and len(rivals) > 1 and all(last_seen.get(e, -1) < 0 for e in rivals):
                return None  # a surname shared by two people, neither named yet: leave it unattributed
            return plen, stem, best[0], best[4]
    return None


def _epithet(tokens: list[_Token], chains: _Chains, i: int, end: int) -> str | None:
    """The title before the name, a framing noun before it ("ميليشيات"), or a description after it."""
    s = _sets()
    j = chains[0].get(i)
    if j is None and end == i + 1:
        j = chains[1].get(i)  # "الوزير العطار": the surname closed the title's description
    if j is not None and j < i:
        return _phrase(tokens, j, i, s["titles"])
    if i > 0 and _soft(tokens[i].gap):
        framing = _reading(tokens[i - 1].norm, s["framing"])
        if framing is not None:
            return _word(tokens[i - 1], *framing)
    if end < len(tokens) and _APPOSITION_GAP.fullmatch(tokens[end].gap):
        if _reading(tokens[end].norm, s["offices"], 0) is not None:
            after = _chain_end(tokens, end)
            named = after < len(tokens) and _soft(tokens[after].gap) and _name_end(tokens, after) is not None
            if after > end + 1 and not named:
                return _phrase(tokens, end, after)
    return None


def _mentions(
    text: str, tokens: list[_Token], entities: list[_Entity], chains: _Chains
) -> list[tuple[Mention, str]]:
    """Every occurrence of every entity's names, with the name as a word (elided article restored)."""
    index, last_seen, found, i, person_end = _index(entities), {}, [], 0, -1
    while i < len(tokens):
        hit = _match_at(tokens, i, index, last_seen, _ambiguous_ok(tokens, i, person_end))
        if hit is None:
            i += 1
            continue
        plen, stem, count, n = hit
        entity, end_tok = entities[n], i + count
        # ل + ال fuse ("للجيش"): the span keeps the preposition's lam, since the article's alef is gone
        fused = plen and len(stem) > len(tokens[i].norm) - plen
        start = tokens[i].start + _raw_after(tokens[i].raw, plen - 1 if fused else plen)
        end = tokens[end_tok - 1].end
        epithet = _epithet(tokens, chains, i, end_tok) if entity.kind in ("person", "other") else None
        word = " ".join([_word(tokens[i], plen, stem), *(t.raw for t in tokens[i + 1 : end_tok])])
        found.append((Mention(start, end, text[start:end], entity.key or "", epithet), word))
        last_seen[n] = i
        person_end = end_tok if entity.kind == "person" else person_end
        i = end_tok
    return found


def _ambiguous_ok(tokens: list[_Token], i: int, person_end: int) -> bool:
    """Whether a surname that is also an adjective ("كامل", "منصور") may stand alone at ``i``: as the subject
    of a reporting verb ("وأضاف منصور") or joined by و to a person just named ("بين مملوك وكامل")."""
    if i == 0 or not _space(tokens[i].gap):
        return False
    if i == person_end and tokens[i].norm.startswith("و"):
        return True
    return _reading(tokens[i - 1].norm, _sets()["reporting"], 2) is not None


def _found(entities: list[_Entity], mentions: list[tuple[Mention, str]]) -> tuple[EntityFound, ...]:
    out, by_key = [], {}
    for m, word in mentions:
        by_key.setdefault(m.entity_key, []).append(word)
    for e in entities:
        words = by_key.get(e.key or "")
        if not words:
            continue
        aliases = {merge_key(n): n for n in (*e.names.values(), *words)}
        aliases.pop(merge_key(e.display or ""), None)
        out.append(EntityFound(e.key or "", e.display or "", e.kind, tuple(sorted(aliases.values()))))
    return tuple(out)


def find_entities(
    text: str, gazetteer: Sequence[GazetteerEntry] = ()
) -> tuple[tuple[EntityFound, ...], tuple[Mention, ...]]:
    """Entities in ``text`` and every mention of them, with offsets into ``text`` and the outlet's epithet."""
    tokens = _tokenize(text)
    if not tokens:
        return (), ()
    ends, absorbed = _chain_ends(tokens)
    people = _people(tokens, ends)
    known = {t for c in people for t in c.tokens}
    candidates = [
        *_model(tokens),
        *people,
        *_quoted(text, tokens),
        *_outlets(tokens),
        *_organizations(tokens, known),
        *_places(tokens),
        *_events(tokens),
        *_place_hits(tokens),
    ]
    candidates += _surname_people(tokens, candidates)
    entities = _group(candidates, _from_gazetteer(gazetteer))
    mentions = _mentions(text, tokens, entities, (ends, absorbed))
    return _found(entities, mentions), tuple(m for m, _ in mentions)
