"""Who a claim is attributed to and how the outlet stands toward it: asserts, attributes, denies, doubts.

Rules follow general Arabic news syntax: a reporting verb or preposition opens an attribution, a
complementizer (أن/إن) or a colon opens the reported proposition, and negation only counts in the main clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import camel

try:  # the shared word lists, once helper B1's lexicon lands; our own fallbacks otherwise
    from . import lexicon as _lexicon
except ImportError:  # pragma: no cover - depends on the parallel work
    _lexicon = None

_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
_TERMINATORS = ".!?؟؛\n"


def _norm_set(words: str) -> frozenset[str]:
    return frozenset(camel.normalize(w) for w in words.split())


# Verbs that report speech or writing, past and present, masculine/feminine/plural/first person.
REPORTING_VERBS = _norm_set(
    "قال قالت قالوا يقول تقول نقول أضاف أضافت أضافوا يضيف تضيف أكد أكدت أكدوا يؤكد تؤكد نؤكد مؤكدا مؤكدة "
    "أشار أشارت أشاروا يشير تشير مشيرا مشيرة أوضح أوضحت يوضح توضح موضحا موضحة ذكر ذكرت ذكروا يذكر تذكر "
    "كشف كشفت يكشف تكشف كاشفا أفاد أفادت يفيد تفيد نقل نقلت ينقل تنقل نشر نشرت ينشر تنشر تحدث تحدثت "
    "يتحدث تتحدث أعلن أعلنت أعلنوا يعلن تعلن معلنا صرح صرحت يصرح تصرح أورد أوردت يورد تورد روى روت "
    "بينت أبلغ أبلغت أفصح أفصحت لفت لفتت نوه نوهت شدد شددت يشدد تشدد اعتبر اعتبرت يعتبر تعتبر "
    "رأى رأت يرى ترى كتب كتبت يكتب تكتب أفادت أعربت أعرب وصف وصفت أبرز أبرزت تابع تابعت أردف أردفت "
    "زعم زعمت يزعم تزعم ادعى ادعت يدعي تدعي رجح رجحت يرجح ترجح جاء جاءت ورد وردت"
)
# "جاء في الموقع أن ..." : the source follows the preposition.
IN_SOURCE_VERBS = _norm_set("جاء جاءت ورد وردت")
# Verbs that take their reported content as "إلى" object: "أشارت إلى افتتاح الشركة فرعاً".
TO_OBJECT_VERBS = _norm_set("أشار أشارت يشير تشير مشيرا مشيرة لفت لفتت نوه نوهت")
# Past-tense forms common in news reports; with the shape test in looks_like_verb they catch most finite verbs.
NEWS_VERBS = _norm_set(
    "قام قامت قاموا زار زارت التقى التقت بحث بحثت ناقش ناقشت وقع وقعت وقعوا أعلن أعلنت فتح فتحت أرسل "
    "أرسلت استقبل استقبلت شارك شاركت أجرى أجرت عقد عقدت سلم سلمت اتفق اتفقا هاجم هاجمت قتل قتلت أطلق "
    "أطلقت دعا دعت طالب طالبت رفض رفضت وافق وافقت أقام أقامت توسط توسطت أعاد أعادت أغلق أغلقت وصل وصلت "
    "غادر غادرت عاد عادت انتقل انتقلت شدد شددت أدان أدانت منح منحت تلقى تلقت قدم قدمت بدأ بدأت أصدر "
    "أصدرت نفذ نفذت اعتقل اعتقلت سيطر سيطرت تسلم تسلمت تضمن تضمنت سبق سبقت ضم ضمت شمل شملت"
)
DENIAL_VERBS = _norm_set(
    "نفى نفت نفوا ينفي تنفي ننفي أنفي نافيا نافية نفاه نفاها نفته نفتها نفوه كذب كذبت يكذب تكذب كذبه "
    "كذبها دحض دحضت يدحض تدحض أنكر أنكرت ينكر تنكر فند فندت يفند تفند نفيا"
)
# Impersonal passives that introduce the outlet's own background: "يُذكر أن", "يشار إلى أن".
IMPERSONAL = _norm_set("يذكر يشار يلاحظ لوحظ يجدر")
# First-person forms: in a quote the speaker is given by the frame around it.
FIRST_PERSON = _norm_set("ننفي نؤكد نقول نعلن نشدد نكذب ندحض ننكر نرفض نفند أنفي أؤكد أكذب")
# Verbs whose negation means "did not confirm", not "denied": "لم ينف أو يؤكد أي مصدر".
CONFIRM_VERBS = _norm_set(
    "ينف ينفي تنف تنفي يؤكد تؤكد يتسن يتسنى يمكن يعلق تعلق يصدر يتأكد نتمكن يتمكن تتمكن يتضح"
)
DOUBT_WORDS = _norm_set(
    "ادعاءات ادعاء الادعاءات مزاعم المزاعم زعم زعمت يزعم تزعم يزعم مزعوم مزعومة المزعومة يعتقد يعتقد "
    "ربما لعل يرجح شائعات الشائعات إشاعات يشاع تكهنات التكهنات المحتمل محتمل يحتمل "
    "مفترض المفترض يفترض مفترضة"
)
DENIAL_PHRASES = tuple(
    camel.normalize(p)
    for p in (
        "لا صحة",
        "عار عن الصحة",
        "عارية عن الصحة",
        "عار من الصحة",
        "عارية من الصحة",
        "لا أساس له من الصحة",
        "لا أساس لها من الصحة",
        "لا أساس لها",
        "لا أساس له",
        "غير صحيح",
        "غير صحيحة",
        "أخبار كاذبة",
        "أنباء كاذبة",
        "مفبركة",
        "ملفقة",
        "محض افتراء",
        "عار تماما عن الصحة",
    )
)
DOUBT_PHRASES = tuple(
    camel.normalize(p)
    for p in (
        "قد يكون",
        "قد تكون",
        "لم يتسن",
        "لم يتسنى",
        "لا يمكن التأكد",
        "لم يتم التأكد",
        "لم يتسن التحقق",
        "من غير الواضح",
        "غير مؤكدة",
        "غير مؤكد",
        "لم تتأكد",
        "لم يتأكد",
        "من المحتمل",
        "ليس من الواضح",
    )
)
# After "لم ... أي", these objects make a non-confirmation ("لم يصدر أي تعليق"); any other object makes a
# plain negated fact ("لم يلتق أي مستثمر" denies the meeting).
INFO_NOUNS = _norm_set(
    "معلومات معلومة تعليق تعليقات تأكيد تأكيدات دليل أدلة تفاصيل رد ردود بيان توضيح إشارة تصريح تصريحات "
    "إثبات مصدر جهة"
)
NEGATIONS = _norm_set("لم لن ليس ليست لا ما لسنا لست لسن ولم ولن وليس ولا فلم")
# Words that open a subordinate clause: negation after them does not negate the claim itself.
SUBORDINATORS = _norm_set(
    "الذي التي الذين اللذين اللتين اللواتي اللاتي ممن مما بعدما عندما حين حينما لأن لان كي لكي إذ إذا "
    "رغم بينما حيث لو كلما منذ طالما"
)
COMPLEMENTIZERS = _norm_set("أن إن أنه إنه أنها إنها أنهم إنهم بأن بأنه بأنها فإن فإنه وأن وإن أنّ إنّ")
# Prepositions that attribute the following noun phrase as source: "وفقاً لـ", "حسب", "نقلاً عن".
SOURCE_PREPOSITIONS = _norm_set("حسب بحسب وحسب وبحسب حسبما بحسبما وفق وفقا ووفقا طبقا نقلا استنادا وفقًا")
# Generic outlet nouns: "الصحيفة" later in an article means the outlet named earlier.
OUTLET_NOUNS = _norm_set("صحيفة جريدة وكالة موقع قناة شبكة مجلة إذاعة تلفزيون راديو منصة يومية أسبوعية صحفية")
# A speaker noun phrase ends at these: the venue of the statement or its addressee is not the speaker.
SPEAKER_STOPS = _norm_set(
    "في خلال عبر على لدى أمام الى إلى اليوم امس أمس مساء صباح يوم الاثنين الثلاثاء الأربعاء الخميس "
    "الجمعة السبت الأحد عن حول بشأن بخصوص مفاده مفادها"
)
OBJECT_PREPOSITIONS = _norm_set("عن حول بشأن بخصوص مفاده مفادها")
# Nouns that open the object of a reporting or denial verb rather than continue its subject.
NEWS_OBJECTS = _norm_set(
    "الأنباء الأخبار التقارير المعلومات الشائعات الإشاعات صحة ما الخبر التقرير الادعاءات المزاعم"
)
VAGUE_SOURCES = _norm_set("مصادر مصدر مسؤول مسؤولون مراقبون محللون شهود ناشطون تقارير أنباء")


if _lexicon is not None:  # merge rather than replace: each list has forms the other lacks
    # Function words are dropped: "بيّن" (explained) normalises to the preposition "بين".
    _FUNCTION = frozenset(camel.normalize(w) for w in getattr(_lexicon, "FUNCTION_WORDS", ()))
    REPORTING_VERBS |= (
        frozenset(camel.normalize(w) for w in getattr(_lexicon, "REPORTING_VERBS", ())) - _FUNCTION
    )
    NEWS_VERBS |= frozenset(camel.normalize(w) for w in getattr(_lexicon, "COMMON_VERBS", ())) - _FUNCTION


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    norm: str  # camel.normalize of the surface
    bare: str  # norm without the conjunction و/ف prefix


@dataclass(frozen=True)
class Attribution:
    """A reporting frame found in a sentence: its kind, speaker span and where the reported clause starts."""

    kind: str  # "report" | "deny" | "doubt"
    speaker: str | None
    speaker_start: int
    speaker_end: int
    prop_start: int  # first char of the reported clause; == sentence start when the frame follows it
    prop_end: int


def iter_words(text: str, start: int = 0, end: int | None = None) -> Iterator[Word]:
    yield from _words(text, start, len(text) if end is None else end)


@lru_cache(maxsize=4096)
def _words(text: str, start: int, end: int) -> tuple[Word, ...]:
    """Words of ``text[start:end]``, memoised: one sentence is read by several rules in turn."""
    out = []
    for m in _WORD.finditer(text, start, end):
        norm = camel.normalize(m.group())
        out.append(Word(m.start(), m.end(), norm, _strip_conjunction(norm)))
    return tuple(out)


@lru_cache(maxsize=65536)
def looks_like_verb(bare: str) -> bool:
    """A finite verb by lexicon or by shape: past feminine "فعلت"/plural "فعلوا" (not the plural noun "-ات")."""
    if bare in NEWS_VERBS or bare in REPORTING_VERBS or bare in DENIAL_VERBS:
        return True
    if bare.startswith("ال") or len(bare) < 4:
        return False
    return (bare.endswith("ت") and not bare.endswith("ات") and len(bare) <= 6) or (
        bare.endswith("وا") and len(bare) <= 7
    )


def _no_article_word(norm: str) -> str:
    for p in ("وال", "فال", "بال", "لل", "ال"):
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            return norm[len(p) :]
    return norm


# Short words that still take the conjunction: "وتم", "ولم", "وقد".
_SHORT_AFTER_CONJUNCTION = frozenset(
    {"تم", "قد", "لم", "لن", "لا", "ما", "هو", "هي", "في", "من", "عن", "مع", "ان"}
)


def _strip_conjunction(norm: str) -> str:
    if norm[:1] in "وف" and (len(norm) > 3 or norm[1:] in _SHORT_AFTER_CONJUNCTION):
        return norm[1:]
    return norm


def stance_of(text: str, start: int, end: int, context: str = "") -> tuple[str, str | None]:
    """Stance of the outlet toward the claim in ``text[start:end]``.

    The sentence around the span (back to the previous terminator) is read for the reporting frame;
    ``context`` is extra governing text, e.g. a previous sentence ending in "وقال:" that introduces a quote.
    """
    sent_start = _sentence_start(text, start)
    frame = find_attribution(text, sent_start, end)
    outer = find_attribution(context, 0, len(context)) if context.strip() else None
    speaker = (frame.speaker if frame else None) or (outer.speaker if outer else None)
    if speaker:
        speaker = resolve_outlet(text, sent_start, speaker)
    body = text[frame.prop_start if frame and frame.prop_start >= start else start : end]
    kinds = {a.kind for a in (frame, outer) if a and a.kind != "editorial"}
    if "deny" in kinds or _denies(body):
        return "denies", speaker
    if _non_confirmation(body):
        return "doubts", speaker
    if "doubt" in kinds or _doubts(body):
        return "doubts", speaker
    if kinds:
        return "attributes", speaker
    return "asserts", None


def _sentence_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] not in _TERMINATORS:
        i -= 1
    return i


def find_attribution(text: str, start: int, end: int) -> Attribution | None:
    """The reporting frame opening (or closing) ``text[start:end]``, if any."""
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
        _no_article_word(w.bare) in DOUBT_WORDS or w.bare in DOUBT_WORDS for w in speaker_words
    ):
        return "doubt"
    return "report"


def _verb_frame(text: str, words: list[Word], i: int, start: int, end: int) -> Attribution | None:
    """ "قالت الصحيفة في تقرير: إن ..." or "مصادر أكدت أن ..." or "نفى المصدر الأنباء عن ..."."""
    verb = words[i]
    # "ننفي" / "أؤكد": the speaker is the quoted "we"/"I", given by the frame around the quote.
    first_person = verb.bare in FIRST_PERSON or verb.bare.removesuffix("ها").removesuffix("ه") in FIRST_PERSON
    speaker_words = [] if first_person else _speaker_after(text, words, i)
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
        if out and w.norm in NEWS_OBJECTS and _no_article_word(out[-1].norm) not in OUTLET_NOUNS:
            break  # "نفى المتحدث الأنباء ...": the object starts (but "وكالة الأنباء" is a speaker)
        out.append(w)
    return out


def _open_quote(piece: str) -> bool:
    opened = piece.count("«") + piece.count("“") + piece.count('"') % 2
    return opened > piece.count("»") + piece.count("”")


def _speaker_before(words: list[Word], i: int) -> list[Word]:
    """SVO order: "وكانت مصادر صحفية أكدت أن ..." — the noun phrase just before the verb."""
    before = [w for w in words[max(0, i - 5) : i] if w.bare not in {"كانت", "كان", "قد", "وقد", "لقد"}]
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
            _is_reporting(w) or w.bare in {"معلومات", "تقارير", "أنباء", "انباء", "مصادر"}
            for w in words[j + 1 : k]
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
    if after and after[0].norm in COMPLEMENTIZERS | _norm_set("فقد وقد"):
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


_QUOTED = re.compile(r"[\"“”«»]\s*([^\"“”«»]{2,40}?)\s*(?:[\"“”«»]|$)")


def resolve_outlet(text: str, pos: int, speaker: str, sources: tuple[str, ...] | list[str] = ()) -> str:
    """Name behind a speaker phrase: a known source inside it, a quoted outlet name, or for a bare generic
    noun ("الصحيفة") the outlet most recently named before ``pos``."""
    known = _known_source(speaker, sources)
    if known:
        return known
    named = _outlet_name(speaker)
    if named:
        return _known_source(named, sources) or named
    words = speaker.split()
    if len(words) <= 2 and camel.normalize(words[0]).removeprefix("ال") in OUTLET_NOUNS:
        earlier = _last_outlet(text[:pos])
        if earlier:
            return _known_source(earlier, sources) or earlier
    return speaker


def _known_source(phrase: str, sources) -> str | None:
    norm = " " + " ".join(_no_article(w) for w in camel.normalize(phrase).split()) + " "
    best = None
    for name in sources:
        key = " ".join(_no_article(w) for w in camel.normalize(name).split())
        if key and f" {key} " in norm and (best is None or len(name) > len(best)):
            best = name
    return best


def _no_article(word: str) -> str:
    word = word.strip("\"“”«»'")
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _outlet_name(phrase: str) -> str | None:
    quoted = _QUOTED.search(phrase)
    if quoted:
        return quoted.group(1).strip()
    words = phrase.split()
    if len(words) >= 2 and camel.normalize(words[0]) in OUTLET_NOUNS:
        first = camel.normalize(words[1])
        if not first.startswith("ال") and first.endswith(("يه", "ي")):
            return None  # "صحيفة محلية", "وكالة فرنسية": an adjective, not the outlet's name
        return _name_words(words[1:])
    return None


def _name_words(words: list[str]) -> str | None:
    """Unquoted outlet name: "الحياة اللندنية" -> "الحياة" (a nisba adjective is the city or country)."""
    name: list[str] = []
    for w in words[:4]:
        n = camel.normalize(w.strip("\"“”«»'،,:"))
        if name and (not n.startswith("ال") or (n.endswith(("يه", "ي")) and len(n) > 5)):
            break  # unquoted names run over definite words only: "الوطن خبر" -> "الوطن"
        if n in SPEAKER_STOPS or n in COMPLEMENTIZERS or looks_like_verb(_strip_conjunction(n)):
            break
        name.append(w.strip("\"“”«»'،,:"))
    return " ".join(name) or None


_OUTLET_MENTION = re.compile(
    r"(?:صحيفة|صحيفه|جريدة|جريده|وكالة|وكاله|موقع|قناة|قناه|شبكة|شبكه|مجلة|مجله|إذاعة|اذاعة)\s*"
    r"(?:[\"“”«»]\s*([^\"“”«»]{2,40}?)\s*[\"“”«»]|((?:[\w\u064B-\u065F]+\s*){1,3}))"
)


def _last_outlet(before: str) -> str | None:
    last = None
    for m in _OUTLET_MENTION.finditer(before):
        name = m.group(1) or _name_words(m.group(2).split())
        if name:
            last = name.strip()
    return last


def _main_clause_words(body: str) -> list[Word]:
    """Words of the body outside subordinate clauses (relative and adverbial ones, up to the next comma)."""
    out: list[Word] = []
    skipping = False
    prev_end = 0
    for w in iter_words(body):
        if skipping and ("،" in body[prev_end : w.start] or "," in body[prev_end : w.start]):
            skipping = False
        if w.bare in SUBORDINATORS or w.norm in SUBORDINATORS:
            skipping = True
        if not skipping:
            out.append(w)
        prev_end = w.end
    return out


def _denies(body: str) -> bool:
    norm = " ".join(w.norm for w in iter_words(body))
    if any(f" {p} " in f" {norm} " for p in DENIAL_PHRASES):
        return True
    main = _main_clause_words(body)
    if main and (main[0].bare in DENIAL_VERBS or main[0].norm in DENIAL_VERBS):
        return True  # "ننفي الأخبار ..." — a first-person denial quoted as the claim
    return _negated_main_verb(main)


def _negated_main_verb(main: list[Word]) -> bool:
    """Negation early in the main clause ("الوزير لم يزر المدينة") negates the proposition."""
    for k, w in enumerate(main[:7]):
        if looks_like_verb(w.bare) or looks_like_verb(w.norm):
            return False  # the main verb came first: a later "لم" belongs to a clause about its object
        if w.norm in NEGATIONS or w.bare in NEGATIONS:
            nxt = main[k + 1] if k + 1 < len(main) else None
            if nxt is None or nxt.bare in CONFIRM_VERBS or _any_information(main, k):
                return False
            if w.norm in {"ما", "لا"} and k > 0:
                return False  # "ما" / "لا" mid-clause is more often relative or partitive than negation
            return True
    return False


def _non_confirmation(body: str) -> bool:
    """ "لم ينف أو يؤكد أي مصدر", "لم تقدم الصحيفة أي معلومات": absence of confirmation, not a denial."""
    main = _main_clause_words(body)
    for k, w in enumerate(main[:-1]):
        if (w.norm in NEGATIONS or w.bare in NEGATIONS) and k < 7:
            if main[k + 1].bare in CONFIRM_VERBS or _any_information(main, k):
                return True
    return False


def _any_information(main: list[Word], k: int) -> bool:
    """ "لم ... أي معلومات": a negation at ``k`` followed closely by "أي" + a noun of information."""
    window = main[k + 2 : k + 6]
    return any(
        x.norm == "اي" and j + 1 < len(window) and _no_article_word(window[j + 1].norm) in INFO_NOUNS
        for j, x in enumerate(window)
    )


def _doubts(body: str) -> bool:
    norm = " ".join(w.norm for w in iter_words(body))
    if any(f" {p} " in f" {norm} " for p in DOUBT_PHRASES):
        return True
    return any(w.bare in DOUBT_WORDS or w.norm in DOUBT_WORDS for w in _main_clause_words(body)[:8])
