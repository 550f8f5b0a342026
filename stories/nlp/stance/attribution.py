"""Reporting frames: the verb or preposition that attributes a sentence, its speaker and where the
reported clause starts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import camel, vocab
from ..scanner import Word, iter_words, without_article_clitics
from .words import (
    COMPLEMENTIZERS,
    DENIAL_VERBS,
    DOUBT_WORDS,
    FIRST_PERSON,
    IMPERSONAL,
    IN_SOURCE_VERBS,
    NEWS_OBJECTS,
    OBJECT_PREPOSITIONS,
    OUTLET_NOUNS,
    REPORTING_VERBS,
    SOURCE_PREPOSITIONS,
    SPEAKER_STOPS,
    TO_OBJECT_VERBS,
)

# After a "حسب المصادر،" frame the proposition may open with a complementizer or "فقد/وقد".
SPEAKER_SKIP_WORDS = vocab.words("speaker_skip_words")
REPORT_NOUNS = vocab.words("report_nouns")
_AFTER_FRAME = COMPLEMENTIZERS | vocab.normalize_all(("فقد", "وقد"))


@dataclass(frozen=True)
class Attribution:
    """A reporting frame found in a sentence: its kind, speaker span and where the reported clause starts."""

    kind: str  # "report" | "deny" | "doubt"
    speaker: str | None
    speaker_start: int
    speaker_end: int
    prop_start: int  # first char of the reported clause; == sentence start when the frame follows it
    prop_end: int


@lru_cache(maxsize=1024)
def find_attribution(text: str, start: int, end: int) -> Attribution | None:
    """The reporting frame opening (or closing) ``text[start:end]``, if any; memoised, since the claim finder
    and the stance of each of the sentence's claims ask for the same frames."""
    words = list(iter_words(text, start, end))
    return _leading_frame(text, words, start, end) or _trailing_frame(text, words, start, end)


def _leading_frame(text: str, words: list[Word], start: int, end: int) -> Attribution | None:
    for i, w in enumerate(words[:14]):
        # "حسب المصادر، ..." opens the sentence; mid-sentence "-حسب الوزير-" qualifies only a phrase
        if i <= 1 and (
            w.bare in SOURCE_PREPOSITIONS
            or w.norm in SOURCE_PREPOSITIONS
            or (w.norm == "على" and _next_is(words, i, "حد"))
        ):
            return _preposition_frame(text, words, i, end)
        if _is_reporting(w) or w.bare in DENIAL_VERBS:
            frame = _verb_frame(text, words, i, start, end)
            if frame:
                return frame
        if _clause_opened(text, start, w):
            return None  # a frame deep inside the sentence reports something else
    return None


def _clause_opened(text: str, start: int, w: Word) -> bool:
    """A colon or a complementizer before any reporting word means the sentence is not framed."""
    return ":" in text[start : w.start] or w.norm in COMPLEMENTIZERS


def _is_reporting(w: Word) -> bool:
    stem = w.bare[:-2] if w.bare.endswith(("ها", "هم")) else w.bare
    return w.bare in REPORTING_VERBS or stem in REPORTING_VERBS


def _next_is(words: list[Word], i: int, norm: str) -> bool:
    return i + 1 < len(words) and words[i + 1].norm == camel.normalize(norm)


def _kind_of(verb: Word, speaker_words: list[Word]) -> str:
    if verb.bare in DENIAL_VERBS or verb.bare[:-2] in DENIAL_VERBS:
        return "deny"
    if verb.bare in DOUBT_WORDS or any(
        without_article_clitics(w.bare) in DOUBT_WORDS or w.bare in DOUBT_WORDS for w in speaker_words
    ):
        return "doubt"
    return "report"


def _verb_frame(text: str, words: list[Word], i: int, start: int, end: int) -> Attribution | None:
    """ "قالت الصحيفة في تقرير: إن ..." or "مصادر أكدت أن ..." or "نفى المصدر الأنباء عن ..."."""
    verb = words[i]
    # "ننفي" / "أؤكد": the speaker is the quoted "we"/"I", given by the frame around the quote.
    first_person = verb.bare in FIRST_PERSON or verb.bare.removesuffix("ها").removesuffix("ه") in FIRST_PERSON
    speaker_words = [] if first_person else _speaker_after(text, words, i)
    if not first_person and _headline_order(verb) and _speaker_before(words, i):
        # "الخرطوم تنفي وصول قوات": subject, then a present-tense verb, then its object (headline order)
        speaker_words = _speaker_before(words, i)
    if verb.bare in IMPERSONAL and not speaker_words:
        # "يُذكر أن ..." / "يشار إلى أن ...": the outlet's own background, said impersonally
        prop = _proposition_start(text, words, i, end)
        return Attribution("editorial", None, prop or start, prop or start, prop or start, end)
    if not speaker_words and not first_person:
        speaker_words = _speaker_before(words, i)
    prop = _proposition_start(
        text,
        words,
        i,
        end,
        len(speaker_words) if speaker_words and speaker_words[0].start > verb.start else 0,
    )
    if prop is None:
        if verb.bare not in DENIAL_VERBS and verb.bare[:-2] not in DENIAL_VERBS and not first_person:
            return None
        prop = speaker_words[-1].end if speaker_words and speaker_words[-1].start > verb.start else verb.end
    return _frame(text, _kind_of(verb, speaker_words), speaker_words, prop, end)


def _headline_order(verb: Word) -> bool:
    """A present-tense reporting verb ("تنفي", "يؤكد") after its subject: SVO, as headlines are written."""
    return verb.bare[:1] in ("ت", "ي") and len(verb.bare) >= 4


def _speaker_after(text: str, words: list[Word], i: int) -> list[Word]:
    out: list[Word] = []
    follow = words[i + 1 : i + 12]
    if words[i].bare in IN_SOURCE_VERBS and follow and follow[0].norm == "في":
        follow = follow[1:]  # "جاء في موقع X أن"
    for w in follow[:10]:
        gap = text[(out[-1].end if out else words[i].end) : w.start]
        if out and _open_quote(text[out[0].start : w.start]):
            out.append(w)  # "موقع «روسيا اليوم»": a quoted name runs to its closing mark
            continue
        if ":" in gap or "،" in gap or "," in gap or w.norm in COMPLEMENTIZERS or w.bare in SPEAKER_STOPS:
            break
        if w.norm[:1] == "ل" and w.norm[:2] != "ال" and (not out or w.norm[:2] != "لل"):
            break  # "أكدت لـ..." / "قال للصحفيين": the addressee; "مصدر تابع للقيادة" stays in the phrase
        if out and (_is_reporting(w) or w.bare in DENIAL_VERBS):
            break  # "نفاها مصدر ... وقال"
        if out and w.norm in NEWS_OBJECTS and without_article_clitics(out[-1].norm) not in OUTLET_NOUNS:
            break  # "نفى المتحدث الأنباء ...": the object starts (but "وكالة الأنباء" is a speaker)
        out.append(w)
    return out


def _open_quote(piece: str) -> bool:
    opened = piece.count("«") + piece.count("“") + piece.count('"') % 2
    return opened > piece.count("»") + piece.count("”")


def _speaker_before(words: list[Word], i: int) -> list[Word]:
    """SVO order: "وكانت مصادر صحفية أكدت أن ..." — the noun phrase just before the verb."""
    before = [w for w in words[max(0, i - 5) : i] if w.bare not in SPEAKER_SKIP_WORDS]
    return before if before and not any(w.norm in COMPLEMENTIZERS for w in before) else []


def _proposition_start(text: str, words: list[Word], i: int, end: int, n_speaker: int = 0) -> int | None:
    """First char after the complementizer / colon / "عن"-object that opens the reported clause."""
    prev_end = words[i].end
    for j in range(i + 1, min(len(words), i + 18)):
        w = words[j]
        colon = text.find(":", prev_end, w.start)
        if colon >= 0:
            return _skip_complementizer(text, words, j, colon + 1)
        if w.norm in COMPLEMENTIZERS:
            return _after_chain(text, words, j)
        denial = words[i].bare in DENIAL_VERBS or words[i].bare in FIRST_PERSON
        if w.bare in OBJECT_PREPOSITIONS and (j <= i + 1 + n_speaker or (denial and j <= i + 6)):
            return _nested_report(text, words, j) or w.end
        if w.norm == _ILA and j == i + 1 and words[i].bare in TO_OBJECT_VERBS:
            return w.end
        prev_end = w.end
    colon = text.find(":", prev_end, end)
    return colon + 1 if 0 <= colon and colon - prev_end < 3 else None


_ILA = camel.normalize("إلى")


def _nested_report(text: str, words: list[Word], j: int) -> int | None:
    """ "تحدثت عن هذه الزيارة مؤكدة أنها ... أن X": a short object then a second report; X is the claim."""
    for k in range(j + 1, min(len(words), j + 6)):
        if "،" in text[words[j].end : words[k].start] or "," in text[words[j].end : words[k].start]:
            return None  # "نفى الأنباء عن استقالته، مؤكداً أنه ...": after the comma, a second proposition
        if _is_reporting(words[k]):
            for m in range(k + 1, min(len(words), k + 4)):
                if words[m].norm in COMPLEMENTIZERS:
                    return _after_chain(text, words, m)
    return None


def _skip_complementizer(text: str, words: list[Word], j: int, pos: int) -> int:
    if (
        j < len(words)
        and words[j].norm in COMPLEMENTIZERS
        and not text[pos : words[j].start].strip(" \"“”«»'")
    ):
        return _after_chain(text, words, j)
    return pos


def _after_chain(text: str, words: list[Word], j: int) -> int:
    """Skip a nested report "إنها حصلت على معلومات تشير إلى أن X": the proposition is X."""
    for k in range(j + 1, min(len(words), j + 9)):
        if words[k].norm in COMPLEMENTIZERS and any(
            _is_reporting(w) or w.bare in REPORT_NOUNS for w in words[j + 1 : k]
        ):
            return _after_chain(text, words, k)
    return words[j].end


def _preposition_frame(text: str, words: list[Word], i: int, end: int) -> Attribution | None:
    """ "حسب المصادر، فإن ..." / "وفقاً للادعاءات الواردة في صحيفة X، فقد ..."."""
    comma = _next_comma(text, words[i].end, end)
    if comma is None:
        return None
    speaker_words = [w for w in words[i + 1 :] if w.end <= comma]
    if len(speaker_words) > 10 or not speaker_words:
        return None
    prop = comma + 1
    after = [w for w in words if w.start > comma]
    if after and after[0].norm in _AFTER_FRAME:
        prop = after[0].end
    return _frame(text, _kind_of(words[i], speaker_words), speaker_words, prop, end)


def _trailing_frame(text: str, words: list[Word], start: int, end: int) -> Attribution | None:
    """ "...، حسب قول الأمين العام" at the end of a sentence."""
    for i in range(len(words) - 1, max(-1, len(words) - 12), -1):
        w = words[i]
        if w.bare in SOURCE_PREPOSITIONS and "،" in text[max(start, w.start - 3) : w.start]:
            speaker_words = words[i + 1 :]
            if speaker_words and speaker_words[0].bare in {"قول", "ما", "رواية"}:
                speaker_words = speaker_words[1:]
            frame = _frame(
                text, _kind_of(w, speaker_words), speaker_words, start, text.rfind("،", start, w.start)
            )
            return frame
    return None


def _next_comma(text: str, pos: int, end: int) -> int | None:
    for i in range(pos, end):
        if text[i] in "،,":
            return i
        if text[i] in ":.":
            return None
    return None


def _frame(text: str, kind: str, speaker_words: list[Word], prop: int, prop_end: int) -> Attribution:
    if speaker_words:
        s, e = speaker_words[0].start, speaker_words[-1].end
        speaker = _clean_speaker(text[s:e])
    else:
        s = e = prop
        speaker = None
    return Attribution(kind, speaker, s, e, prop, prop_end)


def _clean_speaker(surface: str) -> str | None:
    surface = surface.strip(" \"“”«»'،,:")
    return surface or None
