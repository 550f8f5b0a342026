"""People named without a title right before them: in apposition after a description set off by commas
("المتحدث باسم وزارة الداخلية، سامي العبيدي،") and as the subject right after a reporting verb ("قال نبيل الخطيب،",
"نفى ماهر الشريف أن"). The name's shape decides: one or two name words, closed by a comma or a complementiser."""

from __future__ import annotations

from functools import lru_cache

from stories.nlp import camel, vocab
from stories.nlp import lexicon as lx
from stories.nlp.entities.given import given_name
from stories.nlp.entities.particles import (
    closes,
    comma,
    complementizers,
    family_compound,
    patronymic_end,
    title_family,
    title_name_opens,
)
from stories.nlp.entities.words import (
    Candidate,
    Token,
    adjective_like,
    clitic_reading,
    has_tanween,
    is_name_word,
    make_candidate,
    space_gap,
    verb_like,
    word_sets,
)
from stories.nlp.morph import conjunction_waw

_MAX_DESCRIPTION = 7  # words between a title and the comma that opens the apposition


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return vocab.words("reporting_verbs") | vocab.words("denial_verbs")


@lru_cache(maxsize=1)
def _given_particles() -> frozenset[str]:
    return vocab.words("given_name_particles")


@lru_cache(maxsize=1)
def _partitives() -> frozenset[str]:
    return vocab.words("partitive_words")


def _first_name(tok: Token) -> bool:
    norm = tok.norm
    return (
        is_name_word(tok, first=True)
        and not lx.is_definite(norm)
        and norm not in _partitives()
        and not conjunction_waw(
            norm
        )  # "وعبدالهادي": a second subject joined by و, found with its clitic elsewhere
        and not (verb_like(norm) or adjective_like(norm) or has_tanween(tok))
        and clitic_reading(norm, word_sets()["titles"], 0) is None
    )


def _two_word_name(tokens: list[Token], k: int, closed: bool = False) -> int | None:
    """End of a "given family" pair at ``k`` (family name definite or not), or None. A compound given name
    ("عبد اللطيف") counts as one word. When a comma closes the name (``closed``), a definite family name may
    also be a word that heads titles elsewhere ("عبد اللطيف الأمين،", "سامي القاضي،")."""
    first = k
    if tokens[k].norm in _given_particles() and k + 1 < len(tokens) and space_gap(tokens[k + 1].gap):
        divine = tokens[k].norm == "عبد" and lx.is_definite(tokens[k + 1].norm)  # "عبد الملك"
        if not (
            is_name_word(tokens[k + 1], first=False)
            or divine
            and tokens[k + 1].norm not in word_sets()["stop"]
        ):
            return None
        first = k + 1
    elif not (_first_name(tokens[k]) or (closed and title_name_opens(tokens, k))):
        return None
    if first + 1 >= len(tokens) or not space_gap(tokens[first + 1].gap):
        return None
    if tokens[first + 1].norm in word_sets()["connector"]:
        return family_compound(tokens, first + 1)  # "سليم بن عمار", "حمد آل ثاني", "فخري عبد السلام"
    family = tokens[first + 1]
    if verb_like(family.norm) or has_tanween(family) or family.norm.startswith("لل"):
        return None  # "أبو نضال للصحفيين": ل fused with the article opens a complement
    if not is_name_word(family, first=False) and not (closed and title_family(family)):
        return None
    after = first + 2
    if family.norm in ("الدين", "الله") and after < len(tokens) and space_gap(tokens[after].gap):
        return after + 1 if is_name_word(tokens[after], first=False) else after  # "كمال الدين الحسيني"
    return after


def _closed(tokens: list[Token], end: int, definite_family: bool) -> bool:
    """A name in apposition or after a verb is closed by a comma or a colon; a definite family name also by
    "أن"/"إن" or by the preposition that opens the verb's next complement ("في تصريح", "خلال مؤتمر", "لـ")."""
    if end >= len(tokens):
        return True
    if comma(tokens[end].gap) or ":" in tokens[end].gap:
        return True
    if not definite_family or not space_gap(tokens[end].gap):
        return False
    nxt = tokens[end].norm
    return nxt in complementizers() or nxt in word_sets()["function"] or nxt.startswith("ل")


def apposition_people(tokens: list[Token]) -> list[Candidate]:
    """ "TITLE ...، NAME NAME،": a description headed by a title, a comma, a two-word name (a nationality may
    stand before it), a comma."""
    titles, found = word_sets()["titles"], []
    for j, tok in enumerate(tokens):
        if clitic_reading(tok.norm, titles) is None:
            continue
        k = j + 1
        while k < len(tokens) and k - j <= _MAX_DESCRIPTION and space_gap(tokens[k].gap):
            k += 1
        if k >= len(tokens) or k - j > _MAX_DESCRIPTION or not comma(tokens[k].gap):
            continue
        if nationality_before(tokens, k + 1):
            k += 1  # "المدير الفني للنادي، التونسي فلان،"
        end = patronymic_end(tokens, k) or _two_word_name(tokens, k, closed=True)
        if end is not None and end < len(tokens) and comma(tokens[end].gap):
            found.append(make_candidate(tokens, k, end, "person"))
    return found


def nationality_before(tokens: list[Token], i: int) -> bool:
    """A nationality set off by a comma right before the name at ``i`` ("، التونسي فلان،")."""
    return (
        0 < i < len(tokens)
        and space_gap(tokens[i].gap)
        and comma(tokens[i - 1].gap)
        and lx.is_place_adjective(tokens[i - 1].norm)
    )


def description_title(tokens: list[Token], i: int) -> int | None:
    """The title opening a description set off by a comma before the name at ``i`` when the description runs
    through words a title's chain does not ("مدير مستشفى الأم والطفل بتيارت، X،", "محافظ كرمانشاه، X،"): nouns,
    a place after a preposition, "في"; never a verb or another function word."""
    if i == 0 or not comma(tokens[i].gap) or "\n" in tokens[i].gap:
        return None
    titles, stop = word_sets()["titles"], word_sets()["stop"]
    for j in range(i - 1, max(-1, i - 1 - _MAX_DESCRIPTION), -1):
        if j < i - 1 and not space_gap(tokens[j + 1].gap):
            return None
        reading = clitic_reading(tokens[j].norm, titles, 1)
        if reading is not None and not (reading[0] and tokens[j].norm[0] == "ل"):  # "للفريق" is a genitive
            return j if j < i - 1 else None
        norm = tokens[j].norm
        if (norm in stop and not _bridge(tokens, j)) or verb_like(norm) or has_tanween(tokens[j]):
            return None
    return None


def _bridge(tokens: list[Token], j: int) -> bool:
    """Whether the function word at ``j`` opens a preposition the description runs through ("في", "من أجل")."""
    bridges = _bridges()
    nxt = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    return tokens[j].norm in bridges or f"{tokens[j].norm} {nxt}" in bridges


@lru_cache(maxsize=1)
def _bridges() -> frozenset[str]:
    return frozenset(
        " ".join(camel.normalize(w) for w in e.split()) for e in vocab.entries("description_bridges")
    )


def reported_people(tokens: list[Token]) -> list[Candidate]:
    """ "قال نبيل الخطيب، ..." / "نفى ماهر الشريف أن ...": a two-word name as the reporting verb's subject;
    "بحسب نبيل الخطيب، ..." after an attribution word; "عن نبيل الخطيب قوله" relayed with a speech noun."""
    verbs, markers, found = _speech_verbs(), _attribution(), []
    for j, tok in enumerate(tokens[:-2]):
        if not space_gap(tokens[j + 1].gap):
            continue
        relayed = tok.norm == "عن"
        if not relayed and clitic_reading(tok.norm, verbs, 2) is None and tok.norm not in markers:
            continue
        end = (
            patronymic_end(tokens, j + 1)
            or _two_word_name(tokens, j + 1)
            or _given_and_definite(tokens, j + 1)
        )
        if end is None:
            continue
        if relayed:
            closed = end < len(tokens) and space_gap(tokens[end].gap) and tokens[end].norm in _relay_nouns()
        else:
            # a family name with its particle ("بن عمار") is as plainly a name as a definite one ("الخطيب")
            particle = end - j > 3 and tokens[end - 2].norm in word_sets()["connector"]
            closed = _closed(tokens, end, lx.is_definite(tokens[end - 1].norm) or particle)
        if closed:
            found.append(make_candidate(tokens, j + 1, end, "person"))
    return found


def _given_and_definite(tokens: list[Token], k: int) -> int | None:
    """A listed given name and a definite word that is a common adjective elsewhere ("محمد الكبير"): a name
    when it stands as the reporting verb's subject (the caller checks what closes it)."""
    if k + 1 >= len(tokens) or not space_gap(tokens[k + 1].gap) or tokens[k].light not in _given_light():
        return None
    family = tokens[k + 1].norm
    if not lx.is_definite(family) or family in word_sets()["stop"] or verb_like(family[2:]):
        return None
    return k + 2


@lru_cache(maxsize=1)
def _given_light() -> frozenset[str]:
    return frozenset(camel.normalize_light(w) for w in vocab.entries("given_names"))


@lru_cache(maxsize=1)
def _attribution() -> frozenset[str]:
    return vocab.words("attribution_markers") | vocab.words("source_prepositions_extra")


@lru_cache(maxsize=1)
def _relay_nouns() -> frozenset[str]:
    return vocab.words("relay_speech_nouns")


def definite_closes(tokens: list[Token], i: int) -> bool:
    """ "وزير المالية محمد الجديد إن": after a title and a listed given name, a definite word that closes the
    name is the family name even when it is a common adjective elsewhere."""
    if i >= len(tokens) or not space_gap(tokens[i].gap) or not lx.is_definite(tokens[i].norm):
        return False
    return (
        tokens[i].norm not in word_sets()["stop"] and not verb_like(tokens[i].norm[2:]) and closes(tokens, i)
    )


def family_closes(tokens: list[Token], i: int, given: bool) -> bool:
    """Whether token ``i`` closes a one-word name as its family name: a title word ("الأمين") anywhere, a
    definite common word after a listed given name."""
    if i >= len(tokens) or not space_gap(tokens[i].gap):
        return False
    return (title_family(tokens[i]) and closes(tokens, i)) or (given and definite_closes(tokens, i))


def joined_people(tokens: list[Token], people: list[Candidate]) -> list[Candidate]:
    """ "سامي الأحمد ونبيل الخطيب": a second given-and-family name joined by و right after a person, closed as
    a name is (punctuation, a complementiser, a preposition)."""
    found = []
    for c in people:
        k = c.end
        if c.kind != "person" or not 0 < k < len(tokens) or not space_gap(tokens[k].gap):
            continue
        tok = tokens[k]
        if not conjunction_waw(tok.norm):
            continue
        bare = [*tokens[:k], tok._replace(raw=tok.raw[1:], norm=tok.norm[1:]), *tokens[k + 1 :]]
        end = _two_word_name(bare, k)
        if end is not None and _closed(bare, end, lx.is_definite(bare[end - 1].norm)):
            found.append(make_candidate(tokens, k, end, "person", (1, tok.norm[1:])))
    return found


def group_led_people(tokens: list[Token]) -> list[Candidate]:
    """ "وفد حكومة عبد الحميد الدبيبة", "قوات بشار الأسد": a listed given name (or "عبد" + a name) and a family
    name after a neutral group noun is the person the group belongs to; the noun is not the person's epithet."""
    groups, found = vocab.words("neutral_group_nouns"), []
    for i, tok in enumerate(tokens[:-2]):
        k = i + 1
        if clitic_reading(tok.norm, groups, 2) is None or not space_gap(tokens[k].gap):
            continue
        if not (given_name(tokens[k].light) or tokens[k].norm in _given_particles()):
            continue
        end = patronymic_end(tokens, k) or _two_word_name(tokens, k)
        if end is not None and end - k >= 2:
            found.append(make_candidate(tokens, k, end, "person"))
    return found
