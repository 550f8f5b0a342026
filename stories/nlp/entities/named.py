"""Outlets, events and quoted names: outlet nouns with the outlet's name, conferences and treaties, names an
outlet put in quotes, and camel's NER model when installed."""

from __future__ import annotations

from bisect import bisect_left

from stories.nlp import camel
from stories.nlp import lexicon as lx
from stories.nlp.entities.particles import verb_object
from stories.nlp.entities.places import place_at
from stories.nlp.entities.words import (
    QUOTED,
    QUOTES,
    Candidate,
    Token,
    adjective_like,
    clitic_reading,
    has_tanween,
    is_blocked,
    is_name_word,
    is_place,
    lemma_blocked,
    make_candidate,
    org_head,
    quote_opens,
    quoted_end,
    soft_gap,
    space_gap,
    verb_like,
    word_sets,
)


def _outlet_name(tokens: list[Token], i: int) -> int | None:
    """End of an outlet's name after its type noun: quoted, Latin, or a definite phrase."""
    s, k = word_sets(), i + 1
    if k >= len(tokens) or not soft_gap(tokens[k].gap):
        return None
    if any(q in tokens[k].gap for q in QUOTES):
        end = k + 1
        while end < len(tokens) and end - k < 4 and space_gap(tokens[end].gap):
            end += 1
        return end
    if tokens[k].norm.isascii():
        end = k + 1
        while end < len(tokens) and tokens[end].norm.isascii() and space_gap(tokens[end].gap):
            end += 1
        return end
    if clitic_reading(tokens[i].norm, s["outlet_ambiguous"]):
        return None
    if not (is_name_word(tokens[k], True) or lx.is_definite(tokens[k].norm)) or tokens[k].norm in s["block"]:
        return None
    if adjective_like(tokens[k].norm) or verb_like(tokens[k].norm):
        return None  # "مجلة شهيرة", "صحيفة تتهم"
    end = k + 1
    while end < len(tokens) and end - k < 3 and space_gap(tokens[end].gap):
        norm = tokens[end].norm
        if not lx.is_definite(norm) or norm in s["block"] or org_head(norm):
            break
        end += 1
    while end - k > 1 and lx.is_place_adjective(tokens[end - 1].norm):
        end -= 1  # "صحيفة الشرق الأوسط اللندنية": the city is not part of the name
    return end


def outlets(tokens: list[Token]) -> list[Candidate]:
    found, s = [], word_sets()
    for i, tok in enumerate(tokens):
        reading = clitic_reading(tok.norm, s["outlet"], 1)
        if reading and reading[1] == "قناه" and i + 1 < len(tokens) and place_at(tokens, i + 1):
            found.append(make_candidate(tokens, i, i + 2, "location", reading))  # "قناة السويس" is a waterway
            continue
        end = _outlet_name(tokens, i) if reading else None
        if end is None:
            continue
        words = [t.norm for t in tokens[i + 1 : end]]
        if not quote_opens(tokens[i + 1]) and any(w in s["stop"] for w in words):
            continue  # a quoted name may hold any word («روسيا اليوم»)
        if len(words) == 1 and lx.without_article(words[0]) in s["generic"]:
            found.append(make_candidate(tokens, i, end, "organization", reading))  # "وكالة الأنباء"
        else:
            found.append(make_candidate(tokens, i + 1, end, "organization"))
    return found


def named_events(tokens: list[Token]) -> list[Candidate]:
    """Conferences, treaties and laws named by a place or a proper name ("مؤتمر برلين", "اتفاقية X")."""
    found, s = [], word_sets()
    for i, tok in enumerate(tokens[:-1]):
        reading = clitic_reading(tok.norm, s["event"], 2)
        nxt = tokens[i + 1]
        if reading is None or not soft_gap(nxt.gap):
            continue
        if quote_opens(nxt):
            end = quoted_end(tokens, i + 1)
        elif is_place(nxt.norm) and not lx.is_place_adjective(nxt.norm):
            end = i + 2
        elif reading[1] not in s["weak_event"] and _event_name(tokens, i + 1):
            end = i + 2
        else:
            continue
        found.append(make_candidate(tokens, i, end, "other", reading))
    return found


def _event_name(tokens: list[Token], k: int) -> bool:
    """An indefinite proper name after an event head; a final ي is allowed ("سوتشي"), nisba adjectives
    of news prose ("نهائي", "دولي") are in the common-word list; "مؤتمر نزع السلاح" is a construct chain."""
    tok = tokens[k]
    norm = tok.norm
    return (
        not lx.is_definite(norm)
        and not verb_object(tokens, k)
        and not (k + 1 < len(tokens) and space_gap(tokens[k + 1].gap) and tokens[k + 1].norm.startswith("ال"))
        and is_name_word(tok, True)
        and not (verb_like(norm) or adjective_like(norm) or has_tanween(tok) or norm[0] in "يت")
    )


def quoted_names(text: str, tokens: list[Token]) -> list[Candidate]:
    """Names an outlet put in quotes: organisations by their head noun, a name after a framing noun
    («مرتزقة X»), events («قانون X»), otherwise one to four name words."""
    found, s = [], word_sets()
    starts = [t.start for t in tokens]
    for match in QUOTED.finditer(text):
        a = bisect_left(starts, match.start(1))
        b = a
        while b < len(tokens) and tokens[b].end <= match.end(1):
            b += 1
        if not 1 <= b - a <= 4 or not all(space_gap(tokens[i].gap) for i in range(a + 1, b)):
            continue
        head = org_head(tokens[a].norm)
        if head is not None and b - a > 1:
            found.append(make_candidate(tokens, a, b, "organization", head))
        elif b - a > 1 and clitic_reading(tokens[a].norm, s["event"], 1):
            found.append(make_candidate(tokens, a, b, "other", clitic_reading(tokens[a].norm, s["event"], 1)))
        elif b - a > 2 and clitic_reading(tokens[a].norm, s["framing"], 1) and _quoted_name(tokens, a + 1, b):
            found.append(
                make_candidate(tokens, a + 1, b, "other")
            )  # «مرتزقة فاغنر»: the framing is the outlet's
        elif b - a == 2 and clitic_reading(tokens[a].norm, s["framing"], 1) and _single_name(tokens[a + 1]):
            found.append(make_candidate(tokens, a + 1, b, "other"))
        elif (b - a == 1 and _single_name(tokens[a])) or (b - a > 1 and _quoted_name(tokens, a, b)):
            found.append(make_candidate(tokens, a, b, "other"))
    return found


def _quoted_name(tokens: list[Token], a: int, b: int) -> bool:
    """Words that can make a name: no clitic-led word after the first ("سليم ويعمل"), no accusative or
    adjective ending ("شقوقاً واضحة")."""
    connectors = word_sets()["connector"]
    if not is_name_word(tokens[a], True) or any(has_tanween(t) for t in tokens[a:b]):
        return False
    for t in tokens[a + 1 : b]:
        if not is_name_word(t, False) or (t.norm[0] in "وبلف" and t.norm not in connectors):
            return False
    return not adjective_like(tokens[b - 1].norm)


def _single_name(tok: Token) -> bool:
    """One quoted word that reads as a name («أردوغان», "الأسد"), not a scare-quoted word («توغل», "مفصلي")."""
    norm = tok.norm
    bare = lx.without_article(norm)
    if (
        len(bare) < 3
        or is_blocked(tok)
        or has_tanween(tok)
        or bare in word_sets()["block"]
        or lemma_blocked(norm)
    ):
        return False
    if lx.is_definite(norm):  # "البرغوثي" is a family name, "الإيراني" a nationality
        participle = bare.startswith("م") and len(bare) >= 5
        adjective = lx.is_place_adjective(norm) or norm in word_sets()["name_adjective"] or participle
        return norm.startswith("ال") and not adjective and not verb_like(bare)
    shaped = verb_like(norm) or adjective_like(norm) or norm.endswith(("ي", "ت")) or norm[0] in "يت"
    return not shaped and is_name_word(tok, True)


def model_candidates(tokens: list[Token]) -> list[Candidate]:
    """B-/I- spans from camel's NER model, sentence by sentence; nothing when the model is not installed."""
    kinds = {"PERS": "person", "ORG": "organization", "LOC": "location", "MISC": "other"}
    found: list[Candidate] = []
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
            found.append(make_candidate(tokens, a + i, a + end, kinds.get(labels[i][2:], "other")))
            i = end
    return found


def _sentences(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges between sentence punctuation or line breaks: the NER model reads one sentence at a time."""
    bounds, start = [], 0
    for i in range(1, len(tokens)):
        if any(mark in tokens[i].gap for mark in ".!?؟\n"):
            bounds.append((start, i))
            start = i
    return [*bounds, (start, len(tokens))] if tokens else []
