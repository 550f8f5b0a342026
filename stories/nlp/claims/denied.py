"""What a denial denies: in "نفى مصدر الأنباء عن زيارة الوزير إلى تركيا" or "لا صحة لما تداولته وسائل إعلام
عن فرض رسوم جديدة", the denied proposition is the nominalised event after "عن" (a verbal noun with its agent or
object), not the frame around it. The claim key is made from that part so the denial meets the report it denies.
"""

from __future__ import annotations

from functools import lru_cache

from .. import camel, vocab
from ..lexicon import stems
from ..scanner import DENIAL_VERBS, iter_words
from ..stance.words import COMPLEMENTIZERS
from .events import class_index
from .tokens import stem
from .wordlists import EVENT_NOUNS, STOPWORDS

_ABOUT = "عن"
_NOT_PAST = "لم"
_COMMA = "،,"
_DATELINE = 60  # "الجزائر (وكالة X) - نفت ...": a dateline before the verb is no part of the clause
_MAX_GAP = (
    5  # words between the report noun and its "عن" ("الأنباء التي تحدثت عن", "ما تداولته وسائل إعلام عن")
)


@lru_cache(maxsize=1)
def _report_words() -> frozenset[str]:
    return vocab.words("report_content_nouns")


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return vocab.words("given_names")


def derived_masdar(word: str) -> bool:
    """A verbal noun of a derived form by its pattern (تفعيل, إفعال, افتعال, انفعال, استفعال)."""
    n = len(word)
    form2 = n == 5 and word[0] == "ت" and word[3] == "ي"
    form4 = n == 5 and word[0] == "ا" and word[3] == "ا"
    form7_8 = n == 6 and word[0] == "ا" and word[4] == "ا" and (word[2] == "ت" or word[1] == "ن")
    form10 = n == 7 and word.startswith("است") and word[5] == "ا"
    return form2 or form4 or form7_8 or form10


def denied_start(text: str, start: int, end: int) -> int | None:
    """Offset where the denied content begins (after "<report noun> … عن"), or None when the clause has no
    such frame and is itself the negated proposition ("الوزير لم يزر أنقرة")."""
    words = list(iter_words(text, start, end))
    nouns = _report_words()
    for i, word in enumerate(words):
        if not any(body in nouns for _, body in stems(word.norm)):
            continue
        for j in range(i + 1, min(len(words) - 1, i + 1 + _MAX_GAP)):
            if words[j].norm == _ABOUT:
                return words[j + 1].start
    return _after_subject_denial(words) or verb_first_object(text, start, end)


def verb_first_object(text: str, start: int, end: int) -> int | None:
    """ "نفت وزارة الصحة وفاة أي رضيع", "نفى البنك المركزي تجميد الودائع": the denial verb first, then the
    denier (a construct chain, closed by its first definite word, and that word's definite adjectives), then
    the denied act as an indefinite verbal noun. Offset of that noun, or None."""
    dash = text.find(" - ", start, min(end, start + _DATELINE))
    words = list(iter_words(text, dash + 3 if dash >= 0 else start, end))
    if len(words) < 4 or not (words[0].bare in DENIAL_VERBS or words[0].norm in DENIAL_VERBS):
        return None
    closed = False
    for k, (prev, word) in enumerate(zip(words[: _MAX_GAP + 1], words[1 : _MAX_GAP + 2], strict=False)):
        if any(c in text[prev.end : word.start] for c in _COMMA):
            return None
        if word.bare.startswith("ال"):
            closed = True
        elif word.norm in STOPWORDS or word.norm in COMPLEMENTIZERS or word.norm == _ABOUT:
            return None
        elif closed:
            return word.start if _verbal_noun(word.bare) or _bare_masdar(text, words, k + 1) else None
    return None


def _bare_masdar(text: str, words: list, i: int) -> bool:
    """ "نفت الوزارة طلب إمدادات وقود": a three-letter form I verbal noun (طلب, منع, دفع) has no pattern to
    tell it; after the denier it is the denied act when an indefinite noun it governs follows at once."""
    if len(words[i].norm) != 3 or words[i].norm in _given_names() or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    gap = text[words[i].end : nxt.start]
    return not gap.strip() and not nxt.bare.startswith("ال") and nxt.norm not in STOPWORDS


def after_denial_verb(text: str, start: int) -> bool:
    """The frame "طهران تنفي" was cut off and what is left opens with the denied act as a verbal noun ("رفض فرق
    الإنقاذ"): the noun phrase has no subject of its own, the denier is not the act's agent."""
    before = text[max(0, start - 16) : start].split()
    first = next(iter_words(text, start), None)
    if not before or first is None:
        return False
    verb = before[-1].strip(":،,")
    return (verb in DENIAL_VERBS or camel.normalize(verb) in DENIAL_VERBS) and _verbal_noun(first.bare)


def _verbal_noun(word: str) -> bool:
    """A listed event noun, a form with an event class, or a derived verbal-noun pattern (تفعيل, إفعال,
    افتعال, انفعال, استفعال)."""
    return word in EVENT_NOUNS or stem(word) in class_index() or derived_masdar(word)


def _after_subject_denial(words: list) -> int | None:
    """A headline's "الخارجية تنفي زيارة الوزير إلى تركيا": subject, denial verb, then the denied act as a
    noun phrase; the denier is not the act's agent. A clause whose verb comes first is the frame's business."""
    for i in range(1, min(len(words) - 1, _MAX_GAP + 1)):
        if words[i].bare in DENIAL_VERBS or words[i].norm in DENIAL_VERBS:
            after = words[i + 1]
            return None if after.norm in COMPLEMENTIZERS or after.norm == _ABOUT else after.start
    return None


def denied_end(text: str, start: int, end: int) -> int:
    """A denial's own proposition ends at its first comma ("الوزير لم يزر أنقرة، وكل ما نُشر مجرد تكهنات"):
    what follows characterises the report, it does not restate it."""
    cut = min((i for i in (text.find(c, start, end) for c in _COMMA) if i >= 0), default=-1)
    return cut if cut - start >= 8 else end


def restore_jussive(proposition: str) -> str:
    """ "لم يزر" -> "لم زار": a hollow verb's jussive after لم loses its long vowel (يزور -> يزر, يقول -> يقل);
    the past form with the vowel back lets the negated fact meet the report ("زار"). Same length, so offsets
    into the proposition stay valid."""
    out = proposition
    for word in iter_words(proposition):
        if word.norm != _NOT_PAST:
            continue
        nxt = next(iter_words(proposition, word.end), None)
        if nxt and len(nxt.norm) == 3 and nxt.norm[0] in "يتن" and nxt.end - nxt.start == 3:
            out = out[: nxt.start] + nxt.norm[1] + "ا" + nxt.norm[2] + out[nxt.end :]
    return out
