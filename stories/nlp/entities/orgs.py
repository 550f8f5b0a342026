"""Organisations: heads with their idafa chains ("نقابة عمال الموانئ", "الهيئة العامة للموانئ"), names after
a head that takes one ("حركة حماس"), ministries named by their portfolio, and acronyms in brackets."""

from __future__ import annotations

from dataclasses import replace

from stories.nlp import lexicon as lx
from stories.nlp import vocab
from stories.nlp.entities.given import given_name
from stories.nlp.entities.words import (
    Candidate,
    Token,
    adjective_like,
    clitic_reading,
    definite_adjective,
    has_tanween,
    is_blocked,
    is_name_word,
    is_place,
    make_candidate,
    org_head,
    quote_opens,
    quoted_end,
    single_places,
    soft_gap,
    space_gap,
    verb_like,
    word_sets,
)


def _org_chain(tokens: list[Token], i: int, known: set[str]) -> int:
    """End of the complements after an organisation head: an idafa chain ("نقابة عمال الموانئ"), then
    adjectives ("الأمم المتحدة") and ل-genitives ("الهيئة العامة للموانئ"); prepositions and verbs end it."""
    s, k = word_sets(), i + 1
    definite = tokens[i].norm.startswith(("ال", "لل")) or org_head(tokens[i].norm)[1].startswith("ال")
    complete = i + 1  # end of the longest prefix that is a whole name (an idafa chain ends definite)
    while k < len(tokens) and k - i <= 5 and soft_gap(tokens[k].gap):
        norm = tokens[k].norm
        if norm in s["stop"] or norm in known or norm == "عبد" or given_name(tokens[k].light):
            break  # "حكومة عبد الحميد الدبيبة": a person's name ends the organisation
        head = org_head(norm)
        if head is not None and not definite and k - i <= 2 and _idafa_middle(tokens[k]):
            k += 1
            continue  # "هيئة تنظيم الاتصالات"
        if head is not None and not (definite and norm.startswith("لل")):
            break  # "الجيش السوري الجيش الليبي"; but "القيادة العامة للجيش" goes on
        if norm.startswith("لل") and definite:
            if lx.is_place_adjective(tokens[k - 1].norm):
                break  # "الجيش السوري للرحيل": after the nationality a ل phrase is no longer the name
            # a genitive with ل after a definite name ("الهيئة العامة للموانئ")
        elif norm.startswith("ال"):
            if definite and not definite_adjective(norm):
                break  # "الوكالة التحقق": two definite nouns do not make one name
        elif norm in single_places() or (k == i + 1 and _named(tokens, i)):
            pass  # a bare place ("قوات سوريا الديمقراطية"); "بالسعودية" starts a new phrase
        elif not definite and k - i <= 2 and _idafa_middle(tokens[k]):
            k += 1
            continue  # "أنباء" in "وكالة أنباء الساحل": kept only if a definite word follows
        else:
            break
        definite, k = True, k + 1
        complete = k
    return complete


def _named(tokens: list[Token], i: int) -> bool:
    """ "حركة حماس", "شركة أرامكو": one proper-name word right after a head that takes a name."""
    tok = tokens[i + 1]
    if i + 2 < len(tokens) and space_gap(tokens[i + 2].gap) and tokens[i + 2].norm.startswith("ال"):
        return False  # "منظمة حظر الأسلحة": a construct chain, not a name
    return (
        clitic_reading(tokens[i].norm, word_sets()["named_org"]) is not None
        and is_name_word(tok, True)
        and not adjective_like(tok.norm)
        and not verb_like(tok.norm)
        and not has_tanween(tok)
    )


def _idafa_middle(tok: Token) -> bool:
    """An indefinite noun inside a construct chain: no clitic, verb, adjective or accusative shape."""
    norm = tok.norm
    return (
        len(norm) >= 3
        and not norm.startswith("ال")
        and norm[0] not in "وفبكل"
        and not verb_like(norm)
        and not adjective_like(norm)
        and not has_tanween(tok)
        and norm not in word_sets()["titles"]
    )


def organizations(tokens: list[Token], known: set[str]) -> list[Candidate]:
    found, s = [], word_sets()
    for i, tok in enumerate(tokens):
        head = org_head(tok.norm)
        if head is None or clitic_reading(tok.norm, s["titles"]):
            continue  # "اللواء" is a rank before a name, not the brigade
        if i + 1 < len(tokens) and clitic_reading(tok.norm, s["named_org"]):
            end = quoted_end(tokens, i + 1) if quote_opens(tokens[i + 1]) else _letters_end(tokens, i + 1)
            if end is not None:  # "منظمة «X»", "منظمة بي كا كا": the name without the type noun
                found.append(make_candidate(tokens, i + 1, end, "organization"))
                continue
        end = _org_chain(tokens, i, known)
        if end == i + 1 or _generic_org(tokens, i, end, head):
            continue
        if end == i + 2 and _named(tokens, i):
            whole = make_candidate(tokens, i, end, "organization", head)
            found.append(
                replace(
                    make_candidate(tokens, i + 1, end, "organization"),
                    aliases=((whole.tokens, whole.display),),
                )
            )
            continue
        cand = make_candidate(tokens, i, end, "organization", head)
        bare = head[1] in s["droppable_org"] and end - i >= 3 and tokens[i + 1].norm.startswith("ال")
        if bare:  # "مديرية الدفاع المدني" is also "الدفاع المدني"
            short = make_candidate(tokens, i + 1, end, "organization")
            cand = replace(cand, aliases=((short.tokens, short.display),))
        found.append(cand)
    return found


def _letters_end(tokens: list[Token], k: int) -> int | None:
    """End of a spelled-out acronym of two or more letter names at ``k`` ("بي بي سي")."""
    end, letters = k, word_sets()["letters"]
    while end < len(tokens) and tokens[end].norm in letters and (end == k or space_gap(tokens[end].gap)):
        end += 1
    return end if end - k >= 2 else None


def ministries(tokens: list[Token]) -> list[Candidate]:
    """ "الخارجية السورية": a ministry named by its portfolio and a nationality."""
    found, s = [], word_sets()
    for i, tok in enumerate(tokens[:-1]):
        reading = clitic_reading(tok.norm, s["ministry"], 2)
        adjective = tokens[i + 1].norm
        # the adjective agrees with the ministry; "وزير الخارجية اليمني" describes the minister
        if (
            reading
            and space_gap(tokens[i + 1].gap)
            and adjective.endswith("يه")
            and lx.is_place_adjective(adjective)
        ):
            found.append(make_candidate(tokens, i, i + 2, "organization", reading))
    return found


def acronyms(tokens: list[Token], candidates: list[Candidate]) -> list[Candidate]:
    """An organisation followed by a short word in brackets ("مجلس سوريا الديمقراطية (مسد)"): its acronym."""
    by_end = {c.end: c for c in candidates if c.kind == "organization" and c.end > 0}
    found = []
    for k, tok in enumerate(tokens):
        cand = by_end.get(k)
        if cand is None or "(" not in tok.gap:
            continue
        closes = k + 1 == len(tokens) or tokens[k + 1].gap.lstrip().startswith(")")
        if not closes or not 2 <= len(tok.norm) <= 6 or is_blocked(tok):
            continue
        found.append(replace(cand, aliases=(*cand.aliases, ((tok.norm,), tok.raw))))
    return found


def _generic_org(tokens: list[Token], i: int, end: int, head: tuple[int, str]) -> bool:
    """ "قوات الحكومة", "جيش النظام", "السفارة الليبية", "الشركة المشغلة": descriptions, not names."""
    s, stem = word_sets(), head[1]
    bare_head = stem[2:] if stem.startswith("ال") else stem
    words = [t.norm for t in tokens[i + 1 : end]]
    generic = s["generic_strong"] if bare_head in s["strong_org"] else s["generic"]
    if len(words) == 1 and (words[0] in generic or lx.without_article(words[0]) in generic):
        return True
    if stem.startswith("ال") and bare_head in s["descriptive_org"]:
        return bare_head in s["anaphoric_org"] or all(
            w in s["descriptive_adjective"] or lx.is_place_adjective(w) for w in words
        )
    return False


def framed_groups(tokens: list[Token], known: set[str]) -> list[Candidate]:
    """A group named right after the loaded noun an outlet frames it with: quoted ("ميليشيات «X»") after any
    such noun, or as a bare construct ("ميليشيات درع الجنوب") after a militia noun. The noun is the epithet."""
    found, loaded, armed = [], word_sets()["framing_epithet"], vocab.words("armed_group_heads")
    for i, tok in enumerate(tokens[:-1]):
        reading = clitic_reading(tok.norm, loaded, 2)
        if reading is None or not soft_gap(tokens[i + 1].gap):
            continue
        if quote_opens(tokens[i + 1]):
            found.append(make_candidate(tokens, i + 1, quoted_end(tokens, i + 1), "organization"))
        elif reading[1] in armed and tokens[i + 1].norm not in known and _construct_name(tokens, i + 1):
            found.append(make_candidate(tokens, i + 1, i + 3, "organization"))
    return found


def _construct_name(tokens: list[Token], k: int) -> bool:
    """An indefinite noun and a definite one ("درع الجنوب"): a group's name in construct, not a place."""
    if k + 1 >= len(tokens) or not space_gap(tokens[k + 1].gap):
        return False
    first, second = tokens[k], tokens[k + 1].norm
    return (
        _idafa_middle(first)
        and is_name_word(first, True)
        and not is_place(first.norm)
        and second.startswith("ال")
        and second not in word_sets()["stop"]
        and lx.without_article(second) not in word_sets()["function"]
        and not lx.is_place_adjective(second)
    )
