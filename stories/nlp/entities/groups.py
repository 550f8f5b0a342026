"""Organisations, outlets, events and quoted names: organisation heads with their idafa chains,
outlet nouns, conferences and treaties, acronyms, and camel's NER model when installed."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from stories.nlp import camel
from stories.nlp import lexicon as lx
from stories.nlp.entities.people import _verb_object
from stories.nlp.entities.places import _place_at
from stories.nlp.entities.words import (
    _QUOTED,
    _QUOTES,
    _adjective_like,
    _blocked,
    _Candidate,
    _candidate,
    _definite_adjective,
    _is_place,
    _lemma_blocked,
    _name_word,
    _org_head,
    _quote_opens,
    _quoted_end,
    _reading,
    _sets,
    _single_places,
    _soft,
    _space,
    _tanween,
    _Token,
    _verb_like,
)


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
            if definite and not _definite_adjective(norm):
                break  # "الوكالة التحقق": two definite nouns do not make one name
        elif norm in _single_places() or (k == i + 1 and _named(tokens, i)):
            pass  # a bare place ("قوات سوريا الديمقراطية"); "بالسعودية" starts a new phrase
        elif not definite and k - i <= 2 and _idafa_middle(tokens[k]):
            k += 1
            continue  # "أنباء" in "وكالة أنباء الساحل": kept only if a definite word follows
        else:
            break
        definite, k = True, k + 1
        complete = k
    return complete


def _named(tokens: list[_Token], i: int) -> bool:
    """ "حركة حماس", "شركة أرامكو": one proper-name word right after a head that takes a name."""
    tok = tokens[i + 1]
    if i + 2 < len(tokens) and _space(tokens[i + 2].gap) and tokens[i + 2].norm.startswith("ال"):
        return False  # "منظمة حظر الأسلحة": a construct chain, not a name
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
        and not norm.startswith("ال")
        and norm[0] not in "وفبكل"
        and not _verb_like(norm)
        and not _adjective_like(norm)
        and not _tanween(tok)
        and norm not in _sets()["titles"]
    )


def _organizations(tokens: list[_Token], known: set[str]) -> list[_Candidate]:
    found, s = [], _sets()
    for i, tok in enumerate(tokens):
        head = _org_head(tok.norm)
        if head is None or _reading(tok.norm, s["titles"]):
            continue  # "اللواء" is a rank before a name, not the brigade
        if i + 1 < len(tokens) and _reading(tok.norm, s["named_org"]):
            end = _quoted_end(tokens, i + 1) if _quote_opens(tokens[i + 1]) else _letters_end(tokens, i + 1)
            if end is not None:  # "منظمة «X»", "منظمة بي كا كا": the name without the type noun
                found.append(_candidate(tokens, i + 1, end, "organization"))
                continue
        end = _org_chain(tokens, i, known)
        if end == i + 1 or _generic_org(tokens, i, end, head):
            continue
        if end == i + 2 and _named(tokens, i):
            whole = _candidate(tokens, i, end, "organization", head)
            found.append(
                replace(
                    _candidate(tokens, i + 1, end, "organization"), aliases=((whole.tokens, whole.display),)
                )
            )
            continue
        cand = _candidate(tokens, i, end, "organization", head)
        bare = head[1] in s["droppable_org"] and end - i >= 3 and tokens[i + 1].norm.startswith("ال")
        if bare:  # "مديرية الدفاع المدني" is also "الدفاع المدني"
            short = _candidate(tokens, i + 1, end, "organization")
            cand = replace(cand, aliases=((short.tokens, short.display),))
        found.append(cand)
    return found


def _letters_end(tokens: list[_Token], k: int) -> int | None:
    """End of a spelled-out acronym of two or more letter names at ``k`` ("بي بي سي")."""
    end, letters = k, _sets()["letters"]
    while end < len(tokens) and tokens[end].norm in letters and (end == k or _space(tokens[end].gap)):
        end += 1
    return end if end - k >= 2 else None


def _ministries(tokens: list[_Token]) -> list[_Candidate]:
    """ "الخارجية السورية": a ministry named by its portfolio and a nationality."""
    found, s = [], _sets()
    for i, tok in enumerate(tokens[:-1]):
        reading = _reading(tok.norm, s["ministry"], 2)
        adjective = tokens[i + 1].norm
        # the adjective agrees with the ministry; "وزير الخارجية اليمني" describes the minister
        if (
            reading
            and _space(tokens[i + 1].gap)
            and adjective.endswith("يه")
            and lx.is_place_adjective(adjective)
        ):
            found.append(_candidate(tokens, i, i + 2, "organization", reading))
    return found


def _acronyms(tokens: list[_Token], candidates: list[_Candidate]) -> list[_Candidate]:
    """An organisation followed by a short word in brackets ("مجلس سوريا الديمقراطية (مسد)"): its acronym."""
    by_end = {c.end: c for c in candidates if c.kind == "organization" and c.end > 0}
    found = []
    for k, tok in enumerate(tokens):
        cand = by_end.get(k)
        if cand is None or "(" not in tok.gap:
            continue
        closes = k + 1 == len(tokens) or tokens[k + 1].gap.lstrip().startswith(")")
        if not closes or not 2 <= len(tok.norm) <= 6 or _blocked(tok):
            continue
        found.append(replace(cand, aliases=(*cand.aliases, ((tok.norm,), tok.raw))))
    return found


def _generic_org(tokens: list[_Token], i: int, end: int, head: tuple[int, str]) -> bool:
    """ "قوات الحكومة", "جيش النظام", "السفارة الليبية", "الشركة المشغلة": descriptions, not names."""
    s, stem = _sets(), head[1]
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
        if reading and reading[1] == "قناه" and i + 1 < len(tokens) and _place_at(tokens, i + 1):
            found.append(_candidate(tokens, i, i + 2, "location", reading))  # "قناة السويس" is a waterway
            continue
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
        elif reading[1] not in s["weak_event"] and _event_name(tokens, i + 1):
            end = i + 2
        else:
            continue
        found.append(_candidate(tokens, i, end, "other", reading))
    return found


def _event_name(tokens: list[_Token], k: int) -> bool:
    """An indefinite proper name after an event head; a final ي is allowed ("سوتشي"), nisba adjectives
    of news prose ("نهائي", "دولي") are in the common-word list; "مؤتمر نزع السلاح" is a construct chain."""
    tok = tokens[k]
    norm = tok.norm
    return (
        not lx.is_definite(norm)
        and not _verb_object(tokens, k)
        and not (k + 1 < len(tokens) and _space(tokens[k + 1].gap) and tokens[k + 1].norm.startswith("ال"))
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
    if lx.is_definite(norm):  # "البرغوثي" is a family name, "الإيراني" a nationality
        participle = bare.startswith("م") and len(bare) >= 5
        adjective = lx.is_place_adjective(norm) or norm in _sets()["name_adjective"] or participle
        return norm.startswith("ال") and not adjective and not _verb_like(bare)
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
