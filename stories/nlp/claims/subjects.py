"""The subject of a clause: its head token and the kind of agent, for the claim key."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import camel, lexicon, vocab
from ..keymarks import ENTITY_MARK
from ..scanner import REPORTING_VERBS, Word, iter_words, looks_like_verb
from ..stance.words import COMPLEMENTIZERS
from .denied import derived_masdar
from .events import event_index, phrase_class
from .tokens import drop_article, match_tokens, stem
from .wordlists import (
    AUX_VERBS,
    EVENT_NOUNS,
    FRAME_NOUNS,
    GROUP_NOUNS,
    LEADING_PREPOSITIONS,
    LIGHT_VERBS,
    STATE_NOUNS,
    STOPWORDS,
    TITLES,
)

# An entity mention inside a proposition: (start, end) relative to the proposition, its entity_key, and where
# the epithet the outlet put before it starts ("قائد الجيش ... خليفة حفتر"), or its own start without one.
Span = tuple[int, int, str, int]


def _is_state(norm: str) -> bool:
    """A government, ministry, country or capital; "وزارة" is tried whole before as و + a word."""
    bares = (norm, norm[1:]) if norm[:1] in "وف" and len(norm) > 4 else (norm,)
    places = lexicon.place_index()
    return any(b in STATE_NOUNS or (b,) in places or ("ال" + b,) in places for b in bares)


_SUBJECT_CONNECTIVES = vocab.words("subject_connectives")


_OPENERS = vocab.words("clause_openers")
_STEPPED_VERBS = LIGHT_VERBS | AUX_VERBS


def subject_head(
    proposition: str, vocab: frozenset[str], continued: bool = False, spans: Sequence[Span] | None = None
) -> tuple[tuple[str, ...], str | None] | None:
    """(first noun of the subject, agent kind) after leading verbs, light verbs, complementizers and frame
    words; the kind is "person" for a titled subject, "group" for a delegation-like one, "state" for a
    government or country. None when the clause has no subject of its own (coordinated "وأقامت حواراً")."""
    everything = list(iter_words(proposition))
    if _announces_act(everything):
        return (), None
    opens_sentence = not continued
    if everything and everything[0].norm in _SUBJECT_CONNECTIVES:
        continued = False  # "إذ أعادت الحكومة ...": after these the verb has a subject of its own
    words = [w for w in everything if not _skipped_in_subject(w)]
    first = words[0] if words else None
    if (
        first
        and (first.norm != first.bare or continued)
        and looks_like_verb(first.bare)
        and first.bare not in REPORTING_VERBS
        and not _group_subject(proposition, words[1:2])
        and not (opens_sentence and _nominative_subject(proposition, words[1:2]))
    ):
        return None  # "والتقى مسؤولي النظام", "...، مهدت الأرضية": the noun after the verb is its object
    words = _past_openers(proposition, everything, words)
    for k, w in enumerate(words[:6]):
        if w.bare in _STEPPED_VERBS or w.norm in COMPLEMENTIZERS or _verb_like(w):
            continue
        if _standing_organ(w, words[k + 1 : k + 2]):
            return (
                stem(drop_article(w.norm)),
            ), None  # "لجنة السياسة النقدية": the institution, not a delegation
        if w.norm in GROUP_NOUNS or w.bare in GROUP_NOUNS:
            return ("وفد",), "group"  # one head for every collective, so "مسؤولون" meets "وفد"
        named = _named_subject(w, spans or ())
        if named is not None:
            return named
        if w.norm[:1] in "بل" and w.norm[1:3] != "ل" and w is not words[0]:
            return None  # "وقام بتفعيل": straight to the object, the subject is inherited
        if drop_article(w.norm) in EVENT_NOUNS:
            # "زيارة المشير فلان لدمشق": the act's agent is the person named right after the verbal noun;
            # "زيارة الوزير إلى تركيا": a place after a preposition is where the act went, not who did it.
            after = [x for x in words[k + 1 : k + 3] if not _after_preposition(everything, w, x)]
            named = [n for n in (_named_subject(x, spans) for x in after) if n is not None] if spans else []
            return next((n for n in named if n[0]), named[0] if named else ((), None))
        if _is_state(w.norm):
            return (), "state"
        # Beside entity mentions, only a definite noun is trusted as a subject: an undefined first word is as
        # often a verb the lexicon misses ("لقي", "لكنه شكك") or the first of a construct ("حصيلة السيول").
        trusted = spans is None or drop_article(w.norm) != w.norm
        return (tuple(match_tokens([w], vocab)) if trusted else ()), None
    return None


def _group_subject(proposition: str, after: list[Word]) -> bool:
    """ "وزار وفد من الوزارة": a bare group noun right after the verb is its subject; as its object it would
    take the accusative ("والتقى وفداً")."""
    if not after or not (after[0].norm in GROUP_NOUNS or after[0].bare in GROUP_NOUNS):
        return False
    return not proposition[after[0].start : after[0].end].endswith(("\u064b", "ا"))


def _nominative_subject(proposition: str, after: list[Word]) -> bool:
    """ "وزار وزير النقل فلان الميناء": a sentence that opens with "و" + verb is a new one, verb then subject,
    when a title follows the verb (as its object it would be "والتقى وزيرَ", told apart by nothing written)."""
    if not after or not (after[0].norm in TITLES or after[0].bare in TITLES):
        return False
    return not proposition[after[0].start : after[0].end].endswith(("\u064b", "\u064e"))


def _after_preposition(everything: list[Word], noun: Word, x: Word) -> bool:
    """A word between the verbal noun and ``x`` is a preposition ("إلى", "في"), so ``x`` is its object."""
    between = (y for y in everything if noun.end <= y.start < x.start)
    return any(y.norm in LEADING_PREPOSITIONS or y.bare in LEADING_PREPOSITIONS for y in between)


def _announces_act(words: list[Word]) -> bool:
    """ "أعلن وزير الكهرباء استئناف العمل": a reporting verb whose object is a verbal noun; its subject announced
    the act, it need not be the act's agent, so the clause names no agent to hold it apart from others."""
    if not words or words[0].bare not in REPORTING_VERBS:
        return False
    for k, w in enumerate(words[1:_ANNOUNCE_WINDOW], start=1):
        if w.norm in COMPLEMENTIZERS or w.bare in COMPLEMENTIZERS:
            return False
        if event_index().get(stem(drop_article(w.norm))) is not None:
            return True
        if derived_masdar(w.bare) and k + 1 < len(words) and phrase_class(w.bare, words[k + 1].norm):
            return True  # "أعلن الوزير تعليق حركة العبارات": the verbal noun names its act with its object
    return False


_ANNOUNCE_WINDOW = 8


def _named_subject(w: Word, spans: Sequence[Span]) -> tuple[tuple[str, ...], str | None] | None:
    """(entity head, agent kind) when ``w`` is a title or lies in an entity mention or its epithet."""
    entity = _entity_at(w, spans)
    if entity and _is_state(w.norm):
        return (entity,), "state"  # "سوريا سلمت ...": a state acting, like "النظام" or "الحكومة"
    if w.norm in TITLES or w.bare in TITLES or drop_article(w.bare) in TITLES:
        return ((entity,) if entity else ()), "person"
    return ((entity,), None) if entity else None


def _entity_at(w: Word, spans: Sequence[Span]) -> str | None:
    """The entity whose mention, or the epithet before it, covers ``w``: "قائد الجيش" in "قائد الجيش الليبي
    خليفة حفتر" is the person, not the army that the entity finder also found inside the epithet."""
    for _start, end, key, begin in sorted(spans, key=lambda s: s[3] == s[0]):
        if begin <= w.start < end:
            return ENTITY_MARK + key
    return None


def _standing_organ(w: Word, after: Sequence[Word]) -> bool:
    """A listed organ noun, definite ("اللجنة") or followed by a definite genitive ("لجنة السياسة")."""
    bare = drop_article(w.norm)
    if bare not in _ORGANS:
        return False
    return bare != w.norm or bool(after) and drop_article(after[0].norm) != after[0].norm


_ORGANS = frozenset(camel.normalize(w) for w in vocab.entries("organ_nouns"))


def _skipped_in_subject(w: Word) -> bool:
    """Function words and frame words ("ما نشرته صحيفة ..."), but light verbs are kept to be stepped over."""
    return _skipped(w.norm, w.bare)


@lru_cache(maxsize=65536)
def _skipped(norm: str, bare: str) -> bool:
    if bare in LIGHT_VERBS:
        return False
    if bare in STOPWORDS or norm in STOPWORDS or drop_article(bare) in FRAME_NOUNS:
        return True
    return bare in REPORTING_VERBS or bare.removesuffix("ه").removesuffix("ها") in REPORTING_VERBS


def _verb_like(w: Word) -> bool:
    """A verb by lexicon or shape, or an undefined word listed as an event verb ("اجتمع", "شن")."""
    if looks_like_verb(w.bare) or looks_like_verb(w.norm):
        return True
    return not w.bare.startswith("ال") and event_index().get(w.bare) is not None


def _past_openers(proposition: str, everything: list[Word], words: list[Word]) -> list[Word]:
    """Step over an opening adverbial: "قام بها فلان", "وفي السياق ذاته التقى", "بعد زيارة X، قام Y"."""
    for k, w in enumerate(everything[:6]):
        if w.bare in LIGHT_VERBS and k + 1 < len(everything) and everything[k + 1].norm in ("بها", "به"):
            after = everything[k + 1].end  # "زيارة سرية قام بها فلان": the subject follows "قام بها"
            return [x for x in words if x.start >= after]
    if everything and (everything[0].bare in _OPENERS or everything[0].norm in _OPENERS):
        comma = next((m for m in (proposition.find("،"), proposition.find(",")) if m >= 0), -1)
        if 0 <= comma < (everything[min(len(everything), 10) - 1].end):
            return [x for x in words if x.start > comma]
    if everything and everything[0].bare in LEADING_PREPOSITIONS:
        # "وفي السياق ذاته التقى ...": an opening adverbial phrase is no subject; start at its verb.
        verb = next((w for w in words[:6] if _verb_like(w)), None)
        return [x for x in words if verb is None or x.start >= verb.start]
    return words
