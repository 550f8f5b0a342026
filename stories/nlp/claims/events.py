"""Event and participant classes: one token for the many ways news Arabic words one kind of act."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import camel
from ..stance import iter_words
from .tokens import stem

# Event classes: the usual ways news Arabic words one kind of act, so "التقى" meets "اجتمع" and "استقبل".
# Forms are listed as written (past, present, verbal noun); they are stemmed like claim tokens at load time.
EVENT_CLASSES = {
    "meet": "التقى يلتقي يلتق تلتق التقت تلتقي لقاء اللقاء اجتمع يجتمع اجتمعت اجتماع اجتماعات استقبل يستقبل استقبلت "
    "استقبال جمع",
    "visit": "زار يزور يزر زارت تزور زيارة زيارات توجه يتوجه توجهت وصل يصل وصلت وصول",
    "send": "أرسل يرسل أرسلت ترسل إرسال بعث يبعث بعثت زود يزود زودت تزود تزويد أوفد يوفد إيفاد",
    "sign": "وقع يوقع وقعت توقع توقيع أبرم يبرم أبرمت إبرام وقعتا",
    "open": "فتح يفتح فتحت تفتح افتتح يفتتح افتتحت افتتاح",
    "handover": "سلم يسلم سلمت تسليم",
    "close": "أغلق يغلق أغلقت تغلق إغلاق",
    "die": "قتل يقتل قتلت قتلى قتيل قتيلا مقتل حتفه حتفهم حتفها مصرع توفي وفاة وفيات ضحايا",
    "oppose": "مواجهة واجه يواجه تواجه التصدي تصدى يتصدى مناهضة مكافحة",
    "attack": "هاجم يهاجم هاجمت هجوم هجمات شن يشن شنت قصف يقصف قصفت",
    "arrest": "اعتقل يعتقل اعتقلت اعتقال أوقف توقيف احتجز احتجاز",
    "discuss": "بحث يبحث بحثت تبحث نبحث مناقشة ناقش يناقش ناقشت تناول تناولت يتناول تباحث مباحثات محادثات",
    "demand": "طالب يطالب طالبت تطالب مطالبة دعا يدعو دعت تدعو",
    "sell": "باع يبيع باعت بيع",
    "resign": "استقال يستقيل استقالت استقالة",
    "elect": "انتخب ينتخب انتخبت انتخاب انتخابات",
}


# Participant classes: news Arabic names armed men, the dead or the displaced in many ways ("مقاتلين", "جنود",
# "مرتزقة"); one class token lets two outlets' wordings meet. Nouns, so they never make a word verb-like.
NOUN_CLASSES = {
    "troops": "مقاتل مقاتلين مقاتلون مقاتلا جنود جندي عسكريين عسكريون مرتزقة مرتزق مسلحين مسلحون عناصر ميليشيات "
    "مليشيات ميليشيا",
    "displaced": "نازح نازحين نازحون مهجرين مشردين اجلاء إجلاء أجلي",
    "injured": "جريح جرحى مصاب مصابين مصابون إصابة إصابات",
}


@lru_cache(maxsize=1)
def _class_index() -> dict[str, str]:
    """Stem of each listed event or participant form -> its class."""
    nouns = {stem(camel.normalize(f)): name for name, forms in NOUN_CLASSES.items() for f in forms.split()}
    return {**nouns, **_event_index()}


@lru_cache(maxsize=1)
def _event_index() -> dict[str, str]:
    """Stem of each listed form -> its event class."""
    return {
        stem(camel.normalize(form)): name for name, forms in EVENT_CLASSES.items() for form in forms.split()
    }


# Prepositions that carry an act of their own: "المؤامرات ضد تركيا" opposes as "مواجهة الدور التركي" does.
_CLASS_PREPOSITIONS = {camel.normalize("ضد"): "oppose"}


def _classes_of(proposition: str, tokens: Sequence[str]) -> list[str]:
    """Event and participant classes of a clause's tokens; a ب/ل clitic the text could not resolve
    ("بمقاتلين", "بفتح") is tried off, and a few prepositions stand for an act."""
    classes = _class_index()
    found = [
        classes.get(t) or (classes.get(t[1:]) if t[:1] in "بل" and len(t) >= 4 else None) for t in tokens
    ]
    found += [_CLASS_PREPOSITIONS[w.norm] for w in iter_words(proposition) if w.norm in _CLASS_PREPOSITIONS]
    return [c for c in found if c]
