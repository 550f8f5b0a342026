"""Name shapes built on particles and closings: a family name that opens with a particle ("بن ناصر",
"آل ثاني", "ولد الشيخ"), a name on the father's name, a nisba or a house after it, and what closes a name."""

from __future__ import annotations

from functools import lru_cache

from stories.nlp import lexicon as lx
from stories.nlp import vocab
from stories.nlp.entities.given import given_name
from stories.nlp.entities.words import (
    Token,
    clitic_reading,
    has_tanween,
    is_name_word,
    is_place,
    space_gap,
    verb_like,
    word_sets,
)
from stories.nlp.morph import conjunction_waw

_COMMA = "،,"


@lru_cache(maxsize=1)
def complementizers() -> frozenset[str]:
    return vocab.words("complementizers")


def comma(gap: str) -> bool:
    return any(c in gap for c in _COMMA)


def compound_family(tokens: list[Token], k: int, depth: int = 0) -> int | None:
    """End of a family name that opens with a particle at ``k`` ("بن عمار", "أبو زيد", "آل ثاني", "ولد الشيخ",
    "بن عبد العزيز"), or None. After the particles comes a name word, a definite word that is a title elsewhere
    ("ولد الشيخ"), or, after "عبد", any definite word ("عبد السلام")."""
    connectors, j = word_sets()["connector"], k
    while (
        j < len(tokens)
        and j - k < 3
        and tokens[j].norm in connectors
        and (j == k or space_gap(tokens[j].gap))
    ):
        j += 1
    if j == k or j >= len(tokens) or not space_gap(tokens[j].gap):
        return None
    tok, norm = tokens[j], tokens[j].norm
    divine = tokens[j - 1].norm == "عبد" and lx.is_definite(norm) and norm not in word_sets()["stop"]
    if divine or title_family(tok) or lx.is_definite(norm):
        return j + 1 if divine or is_name_word(tok, first=False) or title_family(tok) else None
    if not is_name_word(tok, first=False):
        return None
    return _family_after(tokens, j + 1, depth)


def _family_after(tokens: list[Token], k: int, depth: int) -> int:
    """End of a name whose last word at ``k - 1`` is the father's or grandfather's: the family name may still
    follow, as a nisba ("بن ناصر الحارثي", "أبو محمد العدناني") or a house ("بن راشد آل مكتوم")."""
    if k >= len(tokens) or not space_gap(tokens[k].gap) or depth >= 2:
        return k
    if tokens[k].norm in word_sets()["connector"] and tokens[k].norm not in ("عبد", "ولد", "بنت"):
        return compound_family(tokens, k, depth + 1) or k
    return k + 1 if nisba_family(tokens, k) else k


def nisba_family(tokens: list[Token], k: int) -> bool:
    """A definite nisba that is a family name ("الحارثي"); one that reads as a place's adjective ("الكندي",
    Canadian) only when punctuation or a complementiser closes the name after it."""
    tok, norm = tokens[k], tokens[k].norm
    return (
        lx.is_definite(norm)
        and norm.endswith("ي")
        and len(norm) >= 6
        and (closes(tokens, k) or not lx.is_place_adjective(norm))
        and norm not in word_sets()["stop"]
        and is_name_word(tok, first=False)
    )


_MAX_GIVEN = 3  # given words before a patronymic particle ("سيدي محمد ولد X", "محمد الأمين ولد X")


def patronymic_end(tokens: list[Token], k: int) -> int | None:
    """End of a name built on the father's name ("سيدي محمد ولد أحمدو", "عيشة بنت أحمد", "المختار ولد بلال")
    starting at ``k``, or None. The particle makes the words before it given names whatever their shape: a
    feminine "ة" or the article does not make them adjectives here."""
    patronymic, j = word_sets()["patronymic"], k
    while j < len(tokens) and j - k < _MAX_GIVEN and (j == k or space_gap(tokens[j].gap)):
        if tokens[j].norm in patronymic:
            break
        if not _given_word(tokens[j], j == k):
            return None
        j += 1
    if j == k or j >= len(tokens) or tokens[j].norm not in patronymic or not space_gap(tokens[j].gap):
        return None
    return compound_family(tokens, j)


def before_patronymic(tokens: list[Token], k: int) -> bool:
    """Whether the name of a title's holder starts at ``k``: the particle itself, or the given word before it."""
    if tokens[k].norm in word_sets()["patronymic"]:
        return True  # "ولد" is never read as و + a place
    nxt = k + 1
    return (
        nxt < len(tokens)
        and tokens[nxt].norm in word_sets()["patronymic"]
        and patronymic_end(tokens, k) is not None
    )


def _given_word(tok: Token, first: bool) -> bool:
    norm = tok.norm
    if (first and conjunction_waw(norm)) or verb_like(norm) or has_tanween(tok):
        return False
    return is_name_word(tok, first=False) and clitic_reading(norm, word_sets()["titles"], 0) is None


def title_family(tok: Token) -> bool:
    """A definite word that is a title elsewhere and a family name here ("الأمين", "القاضي", "الشيخ")."""
    norm = tok.norm
    return lx.is_definite(norm) and norm in word_sets()["titles"] and norm not in word_sets()["stop"]


def closes(tokens: list[Token], i: int) -> bool:
    """Punctuation or a complementiser right after token ``i`` (or the end): a name may end there."""
    if i + 1 >= len(tokens):
        return True
    gap, nxt = tokens[i + 1].gap, tokens[i + 1].norm
    return comma(gap) or any(c in gap for c in ".؛;:") or (space_gap(gap) and nxt in complementizers())


@lru_cache(maxsize=1)
def _title_names() -> frozenset[str]:
    """Words listed both as a title and as a personal name ("أمين": secretary, and the name Amin)."""
    names = vocab.words("ambiguous_surnames") | vocab.words("given_names")
    return frozenset(w for w in word_sets()["titles"] & names if not lx.is_definite(w))


def title_name_opens(tokens: list[Token], k: int) -> bool:
    """A bare title word that is also a given name opens a name at ``k`` when a family name follows and closes
    it ("الكاتب العام للنقابة أمين بوزيد إن", "..., أمين بوزيد،"): an indefinite noun after a definite
    description cannot continue it, and a name word that closes the phrase is no office's complement."""
    if tokens[k].norm not in _title_names() or k + 1 >= len(tokens) or not space_gap(tokens[k + 1].gap):
        return False
    family = tokens[k + 1]
    return (
        is_name_word(family, first=False)
        and not is_place(family.norm)
        and not verb_like(family.norm)
        and closes(tokens, k + 1)
    )


def family_compound(tokens: list[Token], k: int) -> int | None:
    """End of a family part that opens with a particle at ``k`` after a given name, with the family nisba
    that may follow a father's name built on "عبد" ("مصطفى عبد الله الحمادي")."""
    end = compound_family(tokens, k)
    if end is not None and tokens[k].norm == "عبد" and end < len(tokens) and space_gap(tokens[end].gap):
        return end + 1 if nisba_family(tokens, end) else end
    return end


def verb_object(tokens: list[Token], k: int) -> bool:
    """A four-letter imperfect verb with its object or complement after it ("تفوز بجائزة", "تقطف الجائزة")."""
    norm = tokens[k].norm
    if len(norm) != 4 or norm[0] not in "يتن" or k + 1 >= len(tokens) or not space_gap(tokens[k + 1].gap):
        return False
    nxt = tokens[k + 1].norm
    return lx.is_definite(nxt) or (nxt[0] in "بل" and len(nxt) > 3)


def predicate(tokens: list[Token], k: int) -> bool:
    """A one-word adjective after a title ("الرئيس غاضب من", "الوزير متفائل"): participle or fa'il/fa'il shape,
    followed by a preposition, punctuation or the end, as a nominal sentence's predicate is."""
    norm = tokens[k].norm
    shaped = (len(norm) == 4 and (norm[1] == "ا" or norm[2] == "ي")) or norm.startswith(("مت", "مست"))
    if not shaped:
        return False
    if k + 1 >= len(tokens) or not space_gap(tokens[k + 1].gap):
        return True
    nxt = tokens[k + 1].norm
    return nxt in word_sets()["function"] or (nxt[0] in "بل" and not lx.is_definite(nxt) and len(nxt) > 3)


def suffixed(tok: Token) -> bool:
    """A noun with a possessive pronoun ("قوله", "نجلها"): written with ه, unlike the ة a name may end in."""
    raw = tok.raw.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return len(tok.norm) >= 4 and raw.endswith(("ه", "ها", "هم")) and not given_name(tok.light)


def closed_family(tokens: list[Token], i: int) -> bool:
    """A family name that starts like a clitic or a verb ("سمير بناني،", "أحمد يوسف إن") but closes the name:
    punctuation or a complementiser follows, and it is shaped like neither a verb nor a possessed noun."""
    norm = tokens[i].norm
    if norm[0] not in "بلي" or verb_like(norm) or verb_object(tokens, i) or suffixed(tokens[i]):
        return False
    return closes(tokens, i) or _phrase_follows(tokens, i)


def _phrase_follows(tokens: list[Token], i: int) -> bool:
    """A title opening the next noun phrase ("أقال الوزير X Y مدير المستشفى") or a particle opening the verb
    phrase ("الوزير X Y قد وصل") right after token ``i``: the name ends there."""
    if i + 1 >= len(tokens) or not space_gap(tokens[i + 1].gap):
        return False
    nxt = tokens[i + 1].norm
    return nxt in vocab.words("verb_particles") or nxt in word_sets()["titles"]


def abbreviated_titles(tokens: list[Token], ends: dict[int, int]) -> dict[int, int]:
    """Name starts after a title abbreviated to a letter and a dot ("د. فلان"), each with the start of the
    description the letter closes ("الخبير الاقتصادي د. فلان") or the letter itself."""
    found, letters = {}, vocab.words("title_abbreviations")
    for i, tok in enumerate(tokens[:-1]):
        if tok.norm in letters and tokens[i + 1].gap.strip() == "." and "\n" not in tokens[i + 1].gap:
            found[i + 1] = ends.get(i, i)
    return found
