"""What a denial denies: in "نفى مصدر الأنباء عن زيارة الوزير إلى تركيا" or "لا صحة لما تداولته وسائل إعلام
عن فرض رسوم جديدة", the denied proposition is the nominalised event after "عن" (a verbal noun with its agent or
object), not the frame around it. The claim key is made from that part so the denial meets the report it denies.
"""

from __future__ import annotations

from functools import lru_cache

from .. import vocab
from ..lexicon import stems
from ..scanner import DENIAL_VERBS, iter_words
from ..stance.words import COMPLEMENTIZERS

_ABOUT = "عن"
_NOT_PAST = "لم"
_COMMA = "،,"
_MAX_GAP = (
    5  # words between the report noun and its "عن" ("الأنباء التي تحدثت عن", "ما تداولته وسائل إعلام عن")
)


@lru_cache(maxsize=1)
def _report_words() -> frozenset[str]:
    return vocab.words("report_content_nouns")


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
    return _after_subject_denial(words)


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
