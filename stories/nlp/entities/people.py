"""People: titles and the descriptions they head, given names, naming cues, surnames seen elsewhere
in the article, and the shapes (verbs, adjectives) that must not pass for a name after a title."""

from __future__ import annotations

from stories.nlp import lexicon as lx
from stories.nlp.dates import future_verb
from stories.nlp.entities.apposition import apposition_people, family_closes, reported_people
from stories.nlp.entities.given import given_name, given_reading
from stories.nlp.entities.particles import (
    abbreviated_titles,
    before_patronymic,
    closed_family,
    closes,
    compound_family,
    family_compound,
    patronymic_end,
    predicate,
    suffixed,
    title_name_opens,
    verb_object,
)
from stories.nlp.entities.words import (
    QUOTES,
    Candidate,
    Token,
    adjective_like,
    clitic_reading,
    has_tanween,
    is_name_word,
    is_place,
    make_candidate,
    org_head,
    soft_gap,
    space_gap,
    verb_like,
    word_sets,
)

_MAX_CHAIN = 8  # tokens in a description between a title and the name
Chains = tuple[dict[int, int], dict[int, int]]  # title descriptions: (name start -> title, surname -> title)


def chain_end(tokens: list[Token], j: int) -> int:
    """End (exclusive) of the description a title at ``j`` heads: definite words, office nouns, places."""
    s, k = word_sets(), j + 1
    while k < len(tokens) and k - j <= _MAX_CHAIN and soft_gap(tokens[k].gap):
        norm = tokens[k].norm
        if before_patronymic(tokens, k):
            break  # "الوزير الأول المختار ولد بلال": the given name before the particle opens the name
        if title_name_opens(tokens, k) and k > j + 1:
            break
        if _org_name(tokens, k):
            k += 1
            continue
        if norm in s["stop"]:
            if _chain_bridge(tokens, k):
                k += 2
                continue
            break
        if _possessed(norm):
            return k + 1  # "رئيس تحريرها", "المتحدث باسمه": the pronoun closes the description
        if not (lx.is_definite(norm) or clitic_reading(norm, s["chain"], 1) or is_place(norm)):
            if not _lam_genitive(tokens, k):
                break
        k += 1
    return k


def _org_name(tokens: list[Token], k: int) -> bool:
    """The proper name after a head that takes one, inside a description: an organisation's ("لحركة فتح") or
    a place's ("عن محافظة نينوى", "رئيس بلدية القبيات")."""
    s, head, tok = word_sets(), org_head(tokens[k - 1].norm), tokens[k]
    named = head is not None and head[1] in s["named_org"]
    return (
        (named or clitic_reading(tokens[k - 1].norm, s["place_cue"], 1) is not None)
        and tok.norm not in s["function"]
        and not given_name(tok.light)
        and not (verb_like(tok.norm) or has_tanween(tok) or lx.is_definite(tok.norm))
    )  # "فتح" is also a verb


def _lam_genitive(tokens: list[Token], k: int) -> bool:
    """A ل genitive between two definite words ("الاتحاد العراقي لكرة القدم"), not a given name in ل ("ليلى")
    whose definite family name closes the phrase."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        tokens[k].norm.startswith("ل")
        and len(tokens[k].norm) > 3
        and lx.is_definite(tokens[k - 1].norm)
        and not given_name(tokens[k].light)
        and nxt is not None
        and space_gap(nxt.gap)
        and lx.is_definite(nxt.norm)
        and not closes(tokens, k + 1)
    )


def _chain_bridge(tokens: list[Token], k: int) -> bool:
    """A function word a description runs through: "في" + a place ("مدير الدفاع المدني في محافظة الشمال"),
    "غير" + an adjective ("القوات غير الشرعية"), "التابع" + ل ("التابع للنظام السوري")."""
    if k + 1 >= len(tokens) or not space_gap(tokens[k + 1].gap):
        return False
    s, norm, nxt = word_sets(), tokens[k].norm, tokens[k + 1].norm
    if norm in ("في", "عن"):  # "النائب عن محافظة البصرة"
        return (
            is_place(nxt) or clitic_reading(nxt, s["place_cue"], 0) is not None or org_head(nxt) is not None
        )
    if norm == "غير":
        return nxt.startswith("ال")
    return norm in s["relational"] and nxt.startswith("ل")


def _possessed(norm: str) -> bool:
    """An office noun with a possessive pronoun ("تحريرها", "مكتبه"), which makes the description definite."""
    chain = word_sets()["chain"]
    for suffix in ("هما", "هم", "ها", "ه"):
        base = norm[: -len(suffix)]
        if (
            norm.endswith(suffix)
            and len(base) >= 3
            and (base in chain or base.endswith("ت") and base[:-1] + "ه" in chain)
        ):
            return True
    return False


def apposition_title(tokens: list[Token], i: int) -> int | None:
    """The title heading a description set off by a comma right before the name at ``i`` ("المتحدث باسم وزارة
    الداخلية، سامي العبيدي،"): the description is the name's epithet."""
    if i == 0 or not any(c in tokens[i].gap for c in "،,") or "\n" in tokens[i].gap:
        return None
    titles, found = word_sets()["titles"], None
    for j in range(i - 1, max(-1, i - 1 - _MAX_CHAIN), -1):
        reading = clitic_reading(tokens[j].norm, titles)
        if reading is not None and chain_end(tokens, j) == i and _definite_description(tokens, j, i, reading):
            found = (
                j  # the farthest title reaching the name heads the whole description ("المدير الفني للفريق")
            )
        if j < i - 1 and not soft_gap(tokens[j + 1].gap):
            break
    return found


def _definite_description(tokens: list[Token], j: int, k: int, reading: tuple[int, str]) -> bool:
    """ "رئيس الوزراء", "الرئيس", "المتحدث باسمه" are definite; a bare "مستشار" is not."""
    return reading[1].startswith("ال") or any(
        lx.is_definite(t.norm) or is_place(t.norm) or _possessed(t.norm) or _org_name(tokens, x)
        for x, t in enumerate(tokens[j + 1 : k], j + 1)
    )


def chain_ends(tokens: list[Token]) -> tuple[dict[int, int], dict[int, int]]:
    """For each token that a title description ends before, the earliest title token starting it; and for
    each definite last word of a description ("الوزير العطار"), the title it follows (a surname after it)."""
    titles, ends, absorbed = word_sets()["titles"], {}, {}
    for j, tok in enumerate(tokens):
        reading = clitic_reading(tok.norm, titles)
        if reading is None:
            continue
        k = chain_end(tokens, j)
        # A bare construct ("مستشار X", "رئيس تحرير X") makes X the possessor, not the title holder;
        # "رئيس الوزراء X", "الرئيس X" and "رئيس وزراء إسرائيل X" are definite and describe X.
        definite = _definite_description(tokens, j, k, reading)
        if definite and k < len(tokens) and soft_gap(tokens[k].gap):  # "رئيس الشركة، X" does not name X
            ends.setdefault(k, j)
        if k - 1 > j and tokens[k - 1].norm.startswith("ال"):
            absorbed.setdefault(k - 1, j)
    for k, j in abbreviated_titles(tokens, ends).items():
        ends.setdefault(k, j)
    return ends, absorbed


def name_end(tokens: list[Token], k: int) -> int | None:
    """End (exclusive) of a personal name starting at token ``k``: one or two words, more inside quotes.

    A name ends after a family name with the article ("بشار الأسد"), before a conjunction, a clitic-led
    word or punctuation; compounds ("أبو الغيط", "عبد الرحمن", "نصر الله") count as one word.
    """
    if k >= len(tokens):
        return None
    first, quoted = tokens[k].norm, any(q in tokens[k].gap for q in QUOTES)
    given = given_name(tokens[k].light)
    if not quoted and not given and (first.startswith(("و", "ل")) or verb_like(first) or future_verb(first)):
        return None  # "رئيس البرلمان ونواب", "المدير السابق لصوت العرب", "الرئيس يتهم"; not "وليد"
    patronymic = patronymic_end(tokens, k)
    if patronymic is not None:
        return patronymic
    core, i = 0, k
    while i < len(tokens) and core < (3 if quoted else 2) and (i == k or space_gap(tokens[i].gap)):
        part = _name_part(tokens, i, i == k, quoted)
        if part is None:
            break
        core, i = core + 1, part[0]
        if part[1]:
            break
    if core == 1 and not quoted and family_closes(tokens, i, given):
        core, i = 2, i + 1  # "مدير المؤسسة عبد اللطيف الأمين أن": a title word closing the name is its family
    if core == 0 or quoted:
        return i if core else None
    if (
        core == 1
        and not given
        and (first.startswith("ي") or adjective_like(first) or predicate(tokens, k) or verb_object(tokens, k))
    ):
        return None  # a lone "يلوح" or "شابة" after a title is a verb or an adjective; "الرئيس غاضب من"
    if core == 2 and first.startswith("ي") and not lx.is_definite(tokens[i - 1].norm):
        return None  # "يهدد حماس"
    return i


def _name_part(tokens: list[Token], i: int, first: bool, quoted: bool) -> tuple[int, bool] | None:
    """One word of a name at ``i`` with its particles and a trailing "الله": (end, whether it ends the name)."""
    connectors, norm = word_sets()["connector"], tokens[i].norm
    if norm in connectors:
        end = (
            compound_family(tokens, i) if first else family_compound(tokens, i)
        )  # "بن عبد العزيز", "عبد السلام"
        if end is None:
            return None
        # a family compound ("أبو الغيط", "آل ثاني") closes the name; "عبد الرحمن" is a given name
        return end, lx.is_definite(tokens[end - 1].norm) and norm != "عبد"
    if not is_name_word(tokens[i], first=first) and not (first and title_name_opens(tokens, i)):
        return None
    if not first and not quoted and (norm[0] in "وبلي" or verb_object(tokens, i) or suffixed(tokens[i])):
        if not closed_family(tokens, i):
            return None  # "عباس كامل وعلي", "أوباما بضرب", "أوكتار يواجه", "محجوب قوله": not a family name
    end = i + 1
    if end < len(tokens) and tokens[end].norm in ("الله", "الدين") and space_gap(tokens[end].gap):
        return end + 1, False  # "نصر الله", "كمال الدين"
    return end, lx.is_definite(norm)


def find_people(tokens: list[Token], ends: dict[int, int]) -> list[Candidate]:
    found = []
    cues = word_sets()["cue"]
    starts = set(ends) | {i + 1 for i, t in enumerate(tokens) if clitic_reading(t.norm, cues)}
    for k in sorted(starts):
        end = name_end(tokens, k)
        if end is not None:
            found.append(make_candidate(tokens, k, end, "person"))
    return found + _given_people(tokens) + apposition_people(tokens) + reported_people(tokens)


def _given_people(tokens: list[Token]) -> list[Candidate]:
    """A common given name, possibly behind a clitic ("وعبدالهادي"), followed by a family name."""
    found = []
    patronymic = word_sets()["patronymic"]
    for i, tok in enumerate(tokens[:-1]):
        if i and tokens[i - 1].norm in patronymic and space_gap(tok.gap):
            continue  # "ولد بلال قدّم": after the particle a given name is the father's, closing the name
        reading = given_reading(tok.norm, tok.raw)
        if reading is not None:
            end = _family_end(tokens, i + 1)
            if end is not None:
                found.append(make_candidate(tokens, i, end, "person", reading))
    return found


def _family_end(tokens: list[Token], k: int) -> int | None:
    """End of the one or two name words after a given name; None when no family name follows."""
    end = k
    while end < len(tokens) and end - k < 2 and space_gap(tokens[end].gap):
        part = _name_part(tokens, end, False, False)
        if part is None:
            break
        end = part[0]
        if part[1]:
            break
    return end if end > k else None


def surname_people(tokens: list[Token], candidates: list[Candidate]) -> list[Candidate]:
    """ "بشار الأسد" once "الأسد" is known as a name here: a first-name-shaped word before a known
    definite surname completes the name."""
    s = word_sets()
    surnames = {
        c.tokens[-1]
        for c in candidates
        if c.kind in ("person", "other") and c.tokens[-1].startswith("ال") and len(c.tokens[-1]) > 4
    }
    names = {t for c in candidates for t in c.tokens}
    found = []
    for j in range(1, len(tokens)):
        first = tokens[j - 1]
        if tokens[j].norm not in surnames or not space_gap(tokens[j].gap):
            continue
        norm = first.norm
        if (
            lx.is_definite(norm)
            or norm.endswith(("ه", "ها", "هم"))
            or any(w in s["stop"] for _, w in lx.stems(norm))
        ):
            continue  # "وأكد الدباغ", "زوجها السادس"
        if norm[0] in "وبلف" and (norm[1:] in names or given_name(first.light[1:])):
            continue  # "وحفتر الأسد", "وعلي الأسد": a clitic on a name, not a first name
        if is_name_word(first, True) and not (verb_like(norm) or adjective_like(norm) or has_tanween(first)):
            found.append(make_candidate(tokens, j - 1, j + 1, "person"))
    return found
