"""Event and participant classes: one token for the many ways news Arabic words one kind of act."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import camel, vocab
from ..scanner import REPORTING_VERBS, Word, iter_words
from ..stance.words import COMPLEMENTIZERS
from .tokens import stem
from .wordlists import LIGHT_VERBS


@lru_cache(maxsize=1)
def class_index() -> dict[str, str]:
    """Stem of each listed event or participant form -> its class (data/event_classes.txt, participant_classes.txt).

    Forms are listed as written (past, present, verbal noun); they are stemmed like claim tokens here.
    """
    nouns = {stem(camel.normalize(f)): name for f, name in vocab.pairs("participant_classes")}
    return {**nouns, **event_index()}


@lru_cache(maxsize=1)
def event_index() -> dict[str, str]:
    """Stem of each listed form -> its event class: "التقى", "اجتمع" and "استقبل" all give "meet"."""
    return {stem(camel.normalize(form)): name for form, name in vocab.pairs("event_classes")}


@lru_cache(maxsize=1)
def converse_index() -> dict[str, str]:
    """Stem of a form that also names the act seen from its other side -> that class (data/event_converses.txt)."""
    return {stem(camel.normalize(form)): name for form, name in vocab.pairs("event_converses")}


# Prepositions that carry an act of their own: "المؤامرات ضد تركيا" opposes as "مواجهة الدور التركي" does.
_CLASS_PREPOSITIONS = {camel.normalize("ضد"): "oppose"}
_ON = camel.normalize("على")
_TIMES = frozenset(stem(camel.normalize(w)) for w in ("مرة", "المرة"))
_MINISTRY_NOUNS = frozenset(stem(camel.normalize(w)) for w in vocab.entries("ministry_nouns"))
_PORTFOLIO_REACH = 6
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما")
_SETTING_PREPOSITIONS = vocab.words("setting_prepositions")
_QAD = camel.normalize("قد")
_PLUPERFECT_REACH = 7
_PHRASE_REACH = (
    7  # the verb's subject and a date may stand between ("رفع البنك المركزي المصري، الخميس، أسعار")
)
_ON_REACH = 3


def classes_of(proposition: str, tokens: Sequence[str]) -> list[str]:
    """Event and participant classes of a clause's tokens; a ب/ل clitic the text could not resolve
    ("بمقاتلين", "بفتح") a و before a verb that itself starts with و ("ووقّع") or the future س ("ستسلم") is tried off, a few prepositions
    stand for an act, and so does an act verb that is also a reporting verb (see ``_verb_act``)."""
    classes = class_index()
    words = list(iter_words(proposition))
    settings = _settings(proposition, words) | _portfolios(words)
    found = [
        classes.get(t)
        or (classes.get(t[1:]) if (t[:1] in "بلس" or t[:2] in ("وو", "وا")) and len(t) >= 4 else None)
        for t in tokens
        if t not in settings
    ]
    found += [_CLASS_PREPOSITIONS[w.norm] for w in words if w.norm in _CLASS_PREPOSITIONS]
    found += [_verb_act(w, words[k + 1 : k + 5]) for k, w in enumerate(words[:3])]
    found += [
        _verb_act(w, words[k + 1 : k + 5])
        for k, w in enumerate(words[3:_PLUPERFECT_REACH], start=3)
        if words[k - 1].norm == _QAD  # "وكان المغرب قد علّق حركة العبارات": the act verb after "قد"
    ]
    found += [conjoined_act(words[0])] if words else []
    found += [converse_index().get(t) for t in tokens]
    # A listed phrase's verb and noun; the verb's subject may stand between ("أنهى الوزير مهام المدير").
    phrases, firsts = _phrase_index(), _phrase_firsts()
    for k, x in enumerate(words):
        first = stem(x.bare)
        if first in firsts:
            found += [phrases.get((first, stem(y.norm))) for y in words[k + 1 : k + _PHRASE_REACH]]
    acts = [c for c in found if c]
    if not acts and settings:  # the setting was all the clause had: "عقدت اللجنة اجتماعاً" is no setting
        return classes_of_all(tokens)
    return acts


def classes_of_all(tokens: Sequence[str]) -> list[str]:
    return [c for c in (class_index().get(t) for t in tokens) if c]


def _settings(proposition: str, words: Sequence[Word]) -> frozenset[str]:
    """Stems of act nouns that only set the scene after a verb: "رفع البنك الفائدة في اجتماع استثنائي" tells a
    rise, held at a meeting; the meeting's act is not the claim's. A possessed noun ("وكان في استقباله") names
    an act of its own."""
    out = set()
    for k, w in enumerate(words[1:-1], start=1):
        if w.norm in _SETTING_PREPOSITIONS:
            nxt = words[k + 1]
            noun = stem(nxt.norm)
            possessed = proposition[nxt.start : nxt.end].endswith(_PRONOUN_ENDINGS)
            if event_index().get(noun) is not None and not possessed:
                out.add(noun)
    return frozenset(out)


LATER = "~later"  # a key token: the clause tells a second (third ...) act, see later_act


def later_act(proposition: str) -> bool:
    """ "وهذه هي الزيادة الثانية", "للمرة الثانية": an act noun, or "مرة", qualified by an ordinal past the first.
    Such a clause tells another occurrence than the act told without one (see apart.told_apart)."""
    words = list(iter_words(proposition))
    ordinals = _later_ordinals()
    return any(
        stem(w.norm) in ordinals and (stem(p.norm) in class_index() or stem(p.norm) in _TIMES)
        for p, w in zip(words, words[1:], strict=False)
    )


@lru_cache(maxsize=1)
def _later_ordinals() -> frozenset[str]:
    return frozenset(stem(camel.normalize(form)) for form, n in vocab.pairs("ordinals") if n != "1")


def _portfolios(words: Sequence[Word]) -> frozenset[str]:
    """Stems of the definite words naming a ministry's or a minister's portfolio ("وزير التعليم العالي والبحث
    العلمي"): a field, not an act ("البحث" is no discussion)."""
    out = set()
    for k, w in enumerate(words):
        if stem(w.norm) not in _MINISTRY_NOUNS:
            continue
        for x in words[k + 1 : k + _PORTFOLIO_REACH]:
            if not x.bare.startswith("ال"):
                break
            out.add(stem(x.norm))
    return frozenset(out)


def phrase_class(first: str, second: str) -> str | None:
    """The event class of a listed two-word phrase ("تعليق حركة"), from its two normalised words."""
    return _phrase_index().get((stem(first), stem(second)))


@lru_cache(maxsize=1)
def _phrase_firsts() -> frozenset[str]:
    return frozenset(first for first, _ in _phrase_index())


@lru_cache(maxsize=1)
def _phrase_index() -> dict[tuple[str, str], str]:
    """(stem, stem) of a listed two-word phrase -> its event class (data/event_phrases.txt); the second word
    may come up to four words after the first."""
    out = {}
    for phrase, name in vocab.pairs("event_phrases"):
        first, second = (stem(camel.normalize(w)) for w in phrase.split())
        out[first, second] = name
    return out


def _verb_act(word: Word, after: Sequence[Word]) -> str | None:
    """An act verb that is also a reporting verb ("أقرّ المجلس الموازنة" / "أقرّ الوزير بأن ..."), dropped from
    the tokens: it names its act when it opens the clause and no "أن" or "بأن" follows it closely."""
    if word.bare not in REPORTING_VERBS and word.bare not in LIGHT_VERBS or not after:
        return None  # a light verb that is also an act ("أجرت الوزارة الامتحانات") names it the same way
    if any(w.norm in COMPLEMENTIZERS or w.norm[1:] in COMPLEMENTIZERS and w.norm[:1] in "بو" for w in after):
        return None
    if any(w.norm == _ON for w in after[:_ON_REACH]):
        return None  # "علّق الوزير على القرار" comments on it; "علّقت الوزارة الرحلات" suspends them
    return event_index().get(stem(word.norm)) or event_index().get(stem(word.bare))


def conjoined_act(word: Word) -> str | None:
    """The act of a clause-opening "و" + short past verb that reads as one word ("وزار": "and visited", not the
    stem of "وزارة"): the bare verb, unsuffixed, is a listed act form. None for any other word."""
    if word.norm == word.bare or stem(word.bare) != word.bare or word.bare in REPORTING_VERBS:
        return None  # a reporting verb that is also an act ("وعلّق") is _verb_act's to read
    return event_index().get(word.bare)
