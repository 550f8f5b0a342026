"""Word lists and the word scanner that every stance rule reads sentences with."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import camel
from .. import lexicon as _lexicon
from ..lexicon import normalize_all, word_set

_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")


# Verbs that report speech or writing, past and present, masculine/feminine/plural/first person.
REPORTING_VERBS = word_set(
    "قال قالت قالوا يقول تقول نقول أضاف أضافت أضافوا يضيف تضيف أكد أكدت أكدوا يؤكد تؤكد نؤكد مؤكدا مؤكدة "
    "أشار أشارت أشاروا يشير تشير مشيرا مشيرة أوضح أوضحت يوضح توضح موضحا موضحة ذكر ذكرت ذكروا يذكر تذكر "
    "كشف كشفت يكشف تكشف كاشفا أفاد أفادت يفيد تفيد نقل نقلت ينقل تنقل نشر نشرت ينشر تنشر تحدث تحدثت "
    "يتحدث تتحدث أعلن أعلنت أعلنوا يعلن تعلن معلنا صرح صرحت يصرح تصرح أورد أوردت يورد تورد روى روت "
    "بينت أبلغ أبلغت أفصح أفصحت لفت لفتت نوه نوهت شدد شددت يشدد تشدد اعتبر اعتبرت يعتبر تعتبر "
    "رأى رأت يرى ترى كتب كتبت يكتب تكتب أفادت أعربت أعرب وصف وصفت أبرز أبرزت تابع تابعت أردف أردفت "
    "زعم زعمت يزعم تزعم ادعى ادعت يدعي تدعي رجح رجحت يرجح ترجح جاء جاءت ورد وردت"
)


# "جاء في الموقع أن ..." : the source follows the preposition.
IN_SOURCE_VERBS = word_set("جاء جاءت ورد وردت")


# Verbs that take their reported content as "إلى" object: "أشارت إلى افتتاح الشركة فرعاً".
TO_OBJECT_VERBS = word_set("أشار أشارت يشير تشير مشيرا مشيرة لفت لفتت نوه نوهت")


# Past-tense forms common in news reports; with the shape test in looks_like_verb they catch most finite verbs.
NEWS_VERBS = word_set(
    "قام قامت قاموا زار زارت التقى التقت بحث بحثت ناقش ناقشت وقع وقعت وقعوا أعلن أعلنت فتح فتحت أرسل "
    "أرسلت استقبل استقبلت شارك شاركت أجرى أجرت عقد عقدت سلم سلمت اتفق اتفقا هاجم هاجمت قتل قتلت أطلق "
    "أطلقت دعا دعت طالب طالبت رفض رفضت وافق وافقت أقام أقامت توسط توسطت أعاد أعادت أغلق أغلقت وصل وصلت "
    "غادر غادرت عاد عادت انتقل انتقلت شدد شددت أدان أدانت منح منحت تلقى تلقت قدم قدمت بدأ بدأت أصدر "
    "أصدرت نفذ نفذت اعتقل اعتقلت سيطر سيطرت تسلم تسلمت تضمن تضمنت سبق سبقت ضم ضمت شمل شملت"
)


DENIAL_VERBS = word_set(
    "نفى نفت نفوا ينفي تنفي ننفي أنفي نافيا نافية نفاه نفاها نفته نفتها نفوه كذب كذبت يكذب تكذب كذبه "
    "كذبها دحض دحضت يدحض تدحض أنكر أنكرت ينكر تنكر فند فندت يفند تفند نفيا"
)


# Impersonal passives that introduce the outlet's own background: "يُذكر أن", "يشار إلى أن".
IMPERSONAL = word_set("يذكر يشار يلاحظ لوحظ يجدر")


# First-person forms: in a quote the speaker is given by the frame around it.
FIRST_PERSON = word_set("ننفي نؤكد نقول نعلن نشدد نكذب ندحض ننكر نرفض نفند أنفي أؤكد أكذب")


# Verbs whose negation means "did not confirm", not "denied": "لم ينف أو يؤكد أي مصدر".
CONFIRM_VERBS = word_set(
    "ينف ينفي تنف تنفي يؤكد تؤكد يتسن يتسنى يمكن يعلق تعلق يصدر يتأكد نتمكن يتمكن تتمكن يتضح"
)


DOUBT_WORDS = word_set(
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
INFO_NOUNS = word_set(
    "معلومات معلومة تعليق تعليقات تأكيد تأكيدات دليل أدلة تفاصيل رد ردود بيان توضيح إشارة تصريح تصريحات "
    "إثبات مصدر جهة"
)


NEGATIONS = word_set("لم لن ليس ليست لا ما لسنا لست لسن ولم ولن وليس ولا فلم")


# Words that open a subordinate clause: negation after them does not negate the claim itself.
SUBORDINATORS = word_set(
    "الذي التي الذين اللذين اللتين اللواتي اللاتي ممن مما بعدما عندما حين حينما لأن لان كي لكي إذ إذا "
    "رغم بينما حيث لو كلما منذ طالما"
)


COMPLEMENTIZERS = word_set("أن إن أنه إنه أنها إنها أنهم إنهم بأن بأنه بأنها فإن فإنه وأن وإن أنّ إنّ")


# Prepositions that attribute the following noun phrase as source: "وفقاً لـ", "حسب", "نقلاً عن".
SOURCE_PREPOSITIONS = word_set("حسب بحسب وحسب وبحسب حسبما بحسبما وفق وفقا ووفقا طبقا نقلا استنادا وفقًا")


# Generic outlet nouns: "الصحيفة" later in an article means the outlet named earlier.
OUTLET_NOUNS = word_set("صحيفة جريدة وكالة موقع قناة شبكة مجلة إذاعة تلفزيون راديو منصة يومية أسبوعية صحفية")


# A speaker noun phrase ends at these: the venue of the statement or its addressee is not the speaker.
SPEAKER_STOPS = word_set(
    "في خلال عبر على لدى أمام الى إلى اليوم امس أمس مساء صباح يوم الاثنين الثلاثاء الأربعاء الخميس "
    "الجمعة السبت الأحد عن حول بشأن بخصوص مفاده مفادها"
)


OBJECT_PREPOSITIONS = word_set("عن حول بشأن بخصوص مفاده مفادها")


# Nouns that open the object of a reporting or denial verb rather than continue its subject.
NEWS_OBJECTS = word_set(
    "الأنباء الأخبار التقارير المعلومات الشائعات الإشاعات صحة ما الخبر التقرير الادعاءات المزاعم"
)


VAGUE_SOURCES = word_set("مصادر مصدر مسؤول مسؤولون مراقبون محللون شهود ناشطون تقارير أنباء")


# Merged with the shared lexicon rather than replaced by it: each list has forms the other lacks.
# Function words are dropped: "بيّن" (explained) normalises to the preposition "بين".
_FUNCTION = normalize_all(_lexicon.FUNCTION_WORDS)
REPORTING_VERBS |= normalize_all(_lexicon.REPORTING_VERBS) - _FUNCTION
NEWS_VERBS |= normalize_all(_lexicon.COMMON_VERBS) - _FUNCTION


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    norm: str  # camel.normalize of the surface
    bare: str  # norm without the conjunction و/ف prefix


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
