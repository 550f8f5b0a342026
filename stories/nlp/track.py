"""Track a claim an editor typed: each article's stance toward it (agree/disagree/discuss/unrelated) and its best quote.

Hand-written features (overlap, antonyms, negation, numbers, named-token mismatch, attribution) feed a small
logistic regression whose weights are learned from the ANS stance corpus by tests/nlp/train_track.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .camel import normalize
from .types import Sentence, TrackResult

try:  # the shared splitter, when present, knows abbreviations, decimals and list markers
    from .sentences import split_sentences as _split_sentences
except ImportError:  # pragma: no cover - only while sentences.py is missing
    _split_sentences = None

LABELS = ("agree", "disagree", "other")
# Below this relatedness an article does not talk about the claim at all.
UNRELATED_BELOW = 0.5

_WORD = re.compile(r"[\u0621-\u064a]+|\d+(?:[.,]\d+)?")
_DIGIT_MAP = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")
_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "يه", "ه", "ي", "ا")

# Function words carry no claim content; written unnormalised, folded by _norm_words.
_STOP = """
في من على الى إلى عن مع ان أن إن بان بأن لان لأن كان كانت يكون تكون هذا هذه ذلك تلك هو هي هم هما نحن
التي الذي الذين اللذين ما ماذا لماذا كيف متى أين اين حول بين ضد عند عبر خلال منذ حتى او أو ثم بل لكن
قد لقد كل بعض اي أي غير سوى أيضا ايضا اليوم امس أمس حيث اذا إذا لو كما وفق وفقا حسب بحسب نحو تجاه
له لها لهم به بها بهم فيه فيها منه منها عليه عليها اليه اليها إليه إليها عنه عنها وقد فقد وان وأن وإن
يا عام جديد جديدة أول اول بعد قبل أمام امام فوق تحت لدى لا لم لن ليس هل إلا الا
"""
_NEGATION = "لا لم لن ليس ليست لسنا ليسوا غير عدم دون بدون بلا ما لاا"
_DENIAL = """
نفى نفت ينفي تنفي ننفي أنفي نفي نفيا نفاها نفاه ينفيها ينفيه تنفيها نفوا ينفون كذب كذبت يكذب تكذب تكذيب
دحض يدحض تدحض ينكر تنكر أنكر أنكرت إنكار
"""
# Verbs that negate their complement ("ترفض تنظيم ..." says the organising does not happen).
_POLARITY = """
رفض رفضت يرفض ترفض فشل فشلت يفشل تفشل عجز يعجز تعجز تجاهل يتجاهل تتجاهل تجنب يتجنب تتجنب منع يمنع تمنع
حظر يحظر تحظر إلغاء ألغى ألغت يلغي تلغي إبطال أبطل يبطل تبطل استبعد يستبعد تستبعد امتنع يمتنع تمتنع تخلى
يتخلى تتخلى نفى ينفي تنفي أنكر ينكر تنكر عدم
"""
_DENIAL_PHRASES = ("عار عن الصحه", "عاريه عن الصحه", "لا صحه", "لا اساس له", "غير صحيح", "غير دقيق", "مفبرك")
_DOUBT = """
مزاعم ادعاءات ادعاء ادعى يدعي تدعي ادعت يزعم تزعم زعم زعمت مزعوم مزعومة ربما يعتقد يعتقدون يرجح ترجح مرجح
محتمل احتمال تقارير مصادر أنباء انباء شائعات إشاعات اشاعات تكهنات يشتبه مشتبه مفترض تسريبات
"""
_REPORTING = """
قال قالت يقول تقول قالوا أفاد أفادت يفيد ذكر ذكرت يذكر تذكر نقل نقلت ينقل تنقل أعلن أعلنت يعلن تعلن
أوضح أوضحت أضاف أضافت صرح صرحت كشف كشفت يكشف تكشف أشار أشارت أورد أوردت روى روت نسب وفق وفقا حسب بحسب
"""
# Words a denial uses to point back at what the previous sentence reported.
_BACKREF = "ذلك هذه هذا الأنباء التقارير الخبر الأخبار صحة تردد أشيع المعلومات الادعاءات المزاعم الرواية"
_MEDIA = "صحيفة صحيفه جريدة مجلة وكالة وكاله موقع قناة تلفزيون إذاعة مصادر مصدر مسؤول مسؤولون شهود مراسل"

# Pairs of opposites from general news language: (one side, other side). Verb forms are listed because
# clitic stripping does not reach Arabic templates (ارتفع/يرتفع/ارتفاع).
_ANTONYMS = (
    (
        "ارتفاع ارتفع ارتفعت يرتفع ترتفع مرتفع صعود صعد يصعد تصعد صاعد قفز قفزت يقفز تقفز قفزة زيادة زاد زادت"
        " يزيد تزيد ازداد يزداد تزداد نمو نما ينمو تنمو انتعاش انتعش ينتعش تنتعش مكاسب يتخطى تتخطى تخطى"
        " يتجاوز تتجاوز تجاوز رفع يرفع ترفع توسيع توسع يوسع يتوسع ارتفاعا زيادات تحسن يتحسن تتحسن",
        "انخفاض انخفض انخفضت ينخفض تنخفض منخفض هبوط هبط هبطت يهبط تهبط هابط تراجع تراجعت يتراجع تتراجع"
        " نزول نزل ينزل تنزل خفض خفضت يخفض تخفض نقص ينقص تنقص تدهور يتدهور تتدهور انكماش ينكمش تنكمش"
        " خسائر تهاوى تخفيض يهوي تهوي انهيار ينهار تنهار يتهاوى تتهاوى سقوط هوى تقليص قلص يقلص تقلص انخفاضا تباطؤ يتباطأ تراجعا",
    ),
    ("أعلى اعلى أكثر أكبر أطول أسرع أفضل أقوى أغنى", "أدنى ادنى أقل أصغر أقصر أبطأ أسوأ أضعف أفقر"),
    (
        "فوز فاز فازت يفوز تفوز انتصار انتصر ينتصر تنتصر ربح يربح تربح نجاح نجح ينجح تنجح",
        "خسارة خسر خسرت يخسر تخسر هزيمة انهزم فشل فشلت يفشل تفشل إخفاق أخفق عجز يعجز تعجز",
    ),
    (
        "فتح فتحت يفتح تفتح افتتاح افتتح يفتتح تفتتح مفتوح مفتوحة",
        "إغلاق اغلاق أغلق أغلقت يغلق تغلق مغلق مغلقة غلق",
    ),
    (
        "قبول يقبل تقبل قبلت وافق وافقت يوافق توافق موافقة تأييد أيد يؤيد تؤيد",
        "رفض رفضت يرفض ترفض معارضة يعارض تعارض عارض",
    ),
    (
        "بدء بدأ بدأت يبدأ تبدأ بداية انطلاق انطلق انطلقت ينطلق تنطلق استئناف استأنف يستأنف تستأنف باشر"
        " يباشر تباشر يباشرون مواصلة واصل يواصل تواصل استمرار استمر يستمر تستمر",
        "توقف توقفت يتوقف تتوقف وقف أوقف يوقف توقيف انتهاء انتهى ينتهي تنتهي إنهاء أنهى ينهي تعليق علق"
        " يعلق تأجيل أجل أجلت يؤجل تؤجل إرجاء إلغاء ألغى ألغت يلغي تلغي",
    ),
    (
        "حرب قتال اشتباكات اشتباك مواجهات معارك معركة تصعيد هجوم هجمات غارات غارة قصف عنف",
        "سلام هدوء هدنة تهدئة مصالحة تسوية",
    ),
    ("اتفاق اتفق اتفقت يتفق تتفق تعاون يتعاون تتعاون", "خلاف خلافات اختلاف يختلف تختلف صراع نزاع"),
    ("أكد أكدت يؤكد تؤكد تأكيد", "نفى نفت ينفي تنفي نفي"),
    (
        "وصول وصل وصلت يصل تصل بقاء بقي يبقى تبقى عودة عاد عادت يعود تعود",
        "مغادرة غادر غادرت يغادر تغادر رحيل رحل يرحل ترحل انسحاب انسحب ينسحب تنسحب خروج",
    ),
    (
        "دعم يدعم تدعم دعمت أشاد يشيد تشيد إشادة ترحيب رحب يرحب ترحب",
        "إدانة أدان أدانت يدين تدين ندد يندد تندد تنديد انتقاد انتقد ينتقد تنتقد",
    ),
    ("سماح سمح سمحت يسمح تسمح إباحة", "منع منعت يمنع تمنع حظر يحظر تحظر"),
    ("قوي قوية قوة", "ضعيف ضعيفة ضعف"),
    ("حياة نجاة نجا ينجو", "موت وفاة توفي مقتل قتل مات يموت"),
    (
        "اعتقال اعتقل يعتقل تعتقل احتجاز سجن حبس توقيف",
        "إفراج أفرج أفرجت يفرج تفرج إطلاق سراح براءة تبرئة",
    ),
    ("شراء اشترى يشتري تشتري", "بيع باع باعت يبيع تبيع"),
    ("حضور حضر يحضر تحضر", "غياب غاب يغيب تغيب"),
    ("تعيين عين يعين تعين", "إقالة أقال أقالت يقيل تقيل عزل يعزل استقالة استقال يستقيل"),
    ("فرض يفرض تفرض", "إعفاء أعفى يعفي تعفي"),
    ("إيجابي إيجابية تفاؤل متفائل", "سلبي سلبية تشاؤم متشائم"),
    ("غني أغنياء ثري أثرياء وفرة", "فقير فقراء نقص شح"),
    ("اعتذار اعتذر يعتذر تعتذر", "رفض يرفض ترفض"),
    ("موافقة وافق يوافق توافق", "اعتراض اعترض يعترض تعترض"),
    ("إدانة اتهام اتهم يتهم تتهم إعدام", "براءة تبرئة برأ"),
    ("مصرع غرق مقتل", "نجاة نجا ينجو"),
    ("ضخ يضخ تضخ إرسال أرسل يرسل ترسل", "سحب يسحب تسحب"),
    ("زواج تزوج يتزوج خطوبة", "طلاق طلق يطلق انفصال انفصل ينفصل تنفصل"),
    ("صحيح صحة حقيقة حقيقي صادق", "كاذب كذب أكاذيب خاطئ مزيف"),
    ("اختيار اختياري طوعي", "إجبار إجباري قسري"),
    ("صدارة مقدمة", "مؤخرة ذيل"),
    ("وحدة توحد اتحاد إجماع", "تباين انقسام انشقاق"),
    ("اهتمام يهتم تهتم", "تجاهل يتجاهل تتجاهل"),
    ("اتجاه يتجه تتجه إقبال", "تجنب يتجنب تتجنب عزوف"),
    ("كثيف كبير ضخم", "ضعيف محدود ضئيل"),
    ("ذهبية ذهبي", "فضية فضي برونزية"),
)
# Words news headlines use interchangeably; each group counts as one word when matching claim to text.
_SYNONYMS = (
    "قال قالت يقول تقول صرح يصرح أعلن يعلن تعلن أكد يؤكد تؤكد تحدث يتحدث أوضح أشار ذكر أفاد غرد يغرد",
    "اتفاق اتفاقية شراكة صفقة",
    "بدء انطلاق تدشين افتتاح تشغيل",
    "مقتل قتلى قتيل مصرع وفاة موت",
    "هجوم اعتداء غارة غارات قصف ضربة ضربات",
    "طلب يطلب دعا يدعو تدعو دعوة طالب يطالب تطالب مطالبة مطالبات",
    "أزمة مشكلة",
    "اعتقال القبض احتجاز توقيف",
    "احتجاجات مظاهرات تظاهرات احتجاج مظاهرة",
    "رئيس زعيم قائد",
    "إصابة إصابات جرحى مصابين مصاب",
    "محادثات مفاوضات مباحثات",
    "حصار مقاطعة",
    "أسعار سعر قيمة",
    "عملة ليرة",
    "أميركا أمريكا واشنطن الولايات المتحدة",
    "إجلاء إخراج",
    "تهديد يهدد تهدد خطر",
    "اكتشاف كشف يكشف تكشف",
)
# Sets whose members exclude each other: a text naming one where the other names another contradicts it.
_EXCLUSIVE = (
    "شمال شمالي شمالية جنوب جنوبي جنوبية شرق شرقي شرقية غرب غربي غربية",
    "السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة",
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "رجل امرأة",
    "محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة",
    "ألف مليون مليار ترليون تريليون",
    "عشرات مئات آلاف ملايين",
    "أول أولى ثاني ثانية ثالث ثالثة رابع رابعة خامس خامسة",
    "ذهب نفط فضة نحاس غاز قمح دولار يورو إسترليني ليرة ريال درهم دينار روبل يوان بيتكوين",
)
# General world gazetteer: country and region names with their nisba, one group per country.
_COUNTRIES = """
مصر مصري|سوريا سورية سوري|العراق عراقي|لبنان لبناني|الأردن أردني|فلسطين فلسطيني|السعودية سعودي|الإمارات إماراتي
قطر قطري|الكويت كويتي|البحرين بحريني|اليمن يمني|ليبيا ليبي|تونس تونسي|الجزائر جزائري|المغرب مغربي
السودان سوداني|موريتانيا موريتاني|الصومال صومالي|جيبوتي|إيران إيراني|تركيا تركي|إسرائيل إسرائيلي|روسيا روسي
الصين صيني|اليابان ياباني|الهند هندي|باكستان باكستاني|أفغانستان أفغاني|أمريكا أميركا أمريكي أميركي|فرنسا فرنسي
ألمانيا ألماني|بريطانيا بريطاني|إيطاليا إيطالي|إسبانيا إسباني|كندا كندي|البرازيل برازيلي|كوريا كوري
أوروبا أوروبي|أفريقيا إفريقيا أفريقي|آسيا آسيوي|إثيوبيا إثيوبي|نيجيريا نيجيري|اليونان يوناني|أستراليا أسترالي
المكسيك مكسيكي|الأرجنتين أرجنتيني|إندونيسيا إندونيسي|ماليزيا ماليزي|أوكرانيا أوكراني|بلجيكا بلجيكي
هولندا هولندي|السويد سويدي|النرويج نرويجي|سويسرا سويسري|النمسا نمساوي|بولندا بولندي|فنزويلا فنزويلي
كوبا كوبي|قبرص قبرصي|فيتنام فيتنامي|تايلاند تايلاندي|الفلبين فلبيني|إيرلندا أيرلندا إيرلندي|البرتغال برتغالي
الدنمارك دنماركي|فنلندا فنلندي|تشاد تشادي|النيجر|كينيا كيني|أوغندا أوغندي|أرمينيا أرمني
أذربيجان أذربيجاني|جورجيا جورجي|كازاخستان|أوزبكستان|بنغلاديش بنغالي|سريلانكا|ميانمار|نيوزيلندا|تشيلي
كولومبيا كولومبي|بيرو|الإكوادور|رومانيا روماني|المجر مجري|صربيا صربي|كرواتيا كرواتي|ألبانيا ألباني
"""


def _norm_words(text: str) -> frozenset[str]:
    return frozenset(normalize(text).split())


_STOP_SET = _norm_words(_STOP)
_NEG_SET = _norm_words(_NEGATION)
_DENY_SET = _norm_words(_DENIAL)
_DOUBT_SET = _norm_words(_DOUBT)
_POLARITY_SET = _norm_words(_POLARITY)
_REPORT_SET = _norm_words(_REPORTING)
_MEDIA_SET = _norm_words(_MEDIA)
_BACKREF_SET = _norm_words(_BACKREF)


def _word_index(groups: Iterable[str]) -> dict[str, int]:
    return {w: i for i, g in enumerate(groups) for w in normalize(g).split()}


def _antonym_index() -> dict[str, set[tuple[int, int]]]:
    index: dict[str, set[tuple[int, int]]] = {}
    for gid, sides in enumerate(_ANTONYMS):
        for side, words in enumerate(sides):
            for w in normalize(words).split():
                index.setdefault(w, set()).add((gid, side))
    return index


_ANTONYM_INDEX = _antonym_index()
_SYNONYM_INDEX = {w: {("syn", g)} for g, ws in enumerate(_SYNONYMS) for w in normalize(ws).split()}
_EXCLUSIVE_INDEX = {w: (g, w) for g, ws in enumerate(_EXCLUSIVE) for w in normalize(ws).split()}
_COUNTRY_INDEX = _word_index(
    " ".join(g.split()) for g in _COUNTRIES.replace("\n", "|").split("|") if g.strip()
)


@lru_cache(maxsize=65536)
def _strip(token: str) -> tuple[str, str]:
    """(token without proclitics, light stem); Arabic morphology analysers are too slow for per-pair use."""
    bare = token
    for p in _PREFIXES:
        if token.startswith(p) and len(token) - len(p) >= 3:
            bare = token[len(p) :]
            break
    stem = bare
    for s in _SUFFIXES:
        if bare.endswith(s) and len(bare) - len(s) >= 3:
            stem = bare[: -len(s)]
            break
    return bare, stem


def _lookup(index: dict, token: str, bare: str, stem: str):
    for form in (token, bare, stem, "ا" + bare[1:] if bare[:1] in "يتن" else ""):
        if form in index:
            return index[form]
    return None


@dataclass(frozen=True)
class _Tok:
    stem: str
    senses: frozenset  # antonym sides and synonym groups the word belongs to


@dataclass(frozen=True)
class _Bag:
    """One text's features that do not depend on the other side of the pair."""

    stems: tuple[_Tok, ...]  # content words, in order
    nums: frozenset[str]
    antonyms: frozenset[tuple[int, int]]
    exclusive: frozenset[tuple[int, str]]
    countries: frozenset[int]
    negations: int
    polarity: int
    denial: bool
    doubt: bool
    reporting: bool
    media: bool
    backref: bool
    question: bool
    grams: frozenset[str]


def _bag(raw: str) -> _Bag:
    text = normalize(raw.translate(_DIGIT_MAP))
    tokens = _WORD.findall(text)
    stems: list[_Tok] = []
    nums: set[str] = set()
    antonyms: set[tuple[int, int]] = set()
    exclusive: set[tuple[int, str]] = set()
    countries: set[int] = set()
    flags = {
        "neg": 0,
        "pol": 0,
        "deny": False,
        "doubt": False,
        "report": False,
        "media": False,
        "back": False,
    }
    for tok in tokens:
        if tok[0].isdigit():
            nums.add(tok.replace(",", "."))
            continue
        bare, stem = _strip(tok)
        _flag(flags, tok, bare)
        senses = _lookup(_ANTONYM_INDEX, tok, bare, stem) or set()
        antonyms |= senses
        hit = _lookup(_EXCLUSIVE_INDEX, tok, bare, stem)
        if hit:
            exclusive.add(hit)
        country = _lookup(_COUNTRY_INDEX, tok, bare, stem)
        if country is not None:
            countries.add(country)
        if tok not in _STOP_SET and bare not in _STOP_SET and len(stem) > 1:
            synonyms = _lookup(_SYNONYM_INDEX, tok, bare, stem) or set()
            stems.append(_Tok(stem, frozenset(senses | synonyms)))
    flags["deny"] = flags["deny"] or any(p in text for p in _DENIAL_PHRASES)
    joined = "".join(t.stem for t in stems)
    return _Bag(
        stems=tuple(stems),
        nums=frozenset(nums),
        antonyms=frozenset(antonyms),
        exclusive=frozenset(exclusive),
        countries=frozenset(countries),
        negations=flags["neg"],
        polarity=flags["pol"],
        denial=flags["deny"],
        doubt=flags["doubt"],
        reporting=flags["report"],
        media=flags["media"],
        backref=flags["back"],
        question="?" in raw or "؟" in raw or text.startswith("هل "),
        grams=frozenset(joined[i : i + 3] for i in range(len(joined) - 2)),
    )


def _flag(flags: dict, tok: str, bare: str) -> None:
    if tok in _NEG_SET:
        flags["neg"] += 1
    if tok in _POLARITY_SET or bare in _POLARITY_SET:
        flags["pol"] += 1
    if tok in _DENY_SET or bare in _DENY_SET:
        flags["deny"] = True
    if tok in _DOUBT_SET or bare in _DOUBT_SET:
        flags["doubt"] = True
    if tok in _REPORT_SET or bare in _REPORT_SET:
        flags["report"] = True
    if tok in _MEDIA_SET or bare in _MEDIA_SET:
        flags["media"] = True
    if tok in _BACKREF_SET or bare in _BACKREF_SET:
        flags["back"] = True


@lru_cache(maxsize=262144)
def _similar(a: str, b: str) -> bool:
    """Two stems name the same thing: equal, or one extends the other, or they share most letter pairs."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3:
        return False
    if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return True
    ka, kb = _skeleton(a), _skeleton(b)
    # Hollow three-letter roots keep only two consonants (زار/زيارة, سرا/سرية).
    if ka == kb and len(ka) >= 2 and min(len(a), len(b)) >= 3:
        return True
    pa = {a[i : i + 2] for i in range(len(a) - 1)}
    pb = {b[i : i + 2] for i in range(len(b) - 1)}
    return 2 * len(pa & pb) / (len(pa) + len(pb)) >= 0.6


def _same(x: _Tok, y: _Tok) -> bool:
    return _similar(x.stem, y.stem) or bool(x.senses & y.senses)


def _skeleton(stem: str) -> str:
    """Rough root: drop a verb/noun-pattern prefix letter and long vowels, so تشكيل, تشكل and شكل meet."""
    if len(stem) > 3 and stem[0] in "اتينمس":
        stem = stem[1:]
    return stem[0] + "".join(ch for ch in stem[1:] if ch not in "اوي") if stem else stem


def _order(a: Sequence[_Tok], b: Sequence[_Tok]) -> float:
    """Share of a's tokens found in b in the same order (LCS): edited copies keep order, paraphrases move words."""
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if _same(x, y) else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / min(len(a), len(b))


def _unmatched(a: Sequence[_Tok], b: Sequence[_Tok]) -> list[_Tok]:
    return [x for x in a if not any(_same(x, y) for y in b)]


FEATURES = (
    "bias",
    "cover_claim",
    "cover_text",
    "grams",
    "antonym_flip",
    "antonym_same",
    "exclusive_flip",
    "country_flip",
    "country_drop",
    "negation_diff",
    "denial_diff",
    "num_mismatch",
    "num_shared",
    "unmatched_both",
    "unmatched_claim",
    "unmatched_text",
    "doubt_text",
    "question_text",
    "len_ratio",
    "order",
    "one_swap",
    "cover_product",
    "polarity_diff",
)


def _features(c: _Bag, t: _Bag) -> list[float]:
    miss_c = _unmatched(c.stems, t.stems)
    miss_t = _unmatched(t.stems, c.stems)
    nc, nt = max(len(c.stems), 1), max(len(t.stems), 1)
    flips = sum(1 for g, s in c.antonyms if (g, 1 - s) in t.antonyms and (g, s) not in t.antonyms)
    flips += sum(1 for g, s in t.antonyms if (g, 1 - s) in c.antonyms and (g, s) not in c.antonyms)
    same = len(c.antonyms & t.antonyms)
    only_c = {g for g, _ in c.exclusive - t.exclusive}
    excl = len(only_c & {g for g, _ in t.exclusive - c.exclusive})
    union = len(c.grams | t.grams) or 1
    return [
        1.0,
        1 - len(miss_c) / nc,
        1 - len(miss_t) / nt,
        len(c.grams & t.grams) / union,
        min(flips, 2),
        min(same, 2),
        min(excl, 2),
        float(bool(t.countries - c.countries) and bool(c.countries - t.countries)),
        float(bool(c.countries - t.countries)),
        float((c.negations > 0) != (t.negations > 0)),
        float(c.denial != t.denial),
        float(bool(c.nums) and bool(t.nums) and not (c.nums & t.nums)),
        float(bool(c.nums & t.nums)),
        math.log1p(min(len(miss_c), len(miss_t))),
        math.log1p(len(miss_c)),
        math.log1p(len(miss_t)),
        float(t.doubt and not c.doubt),
        float(t.question and not c.question),
        math.log(nt / nc),
        _order(c.stems, t.stems),
        float(len(miss_c) == 1 and len(miss_t) >= 1),
        (1 - len(miss_c) / nc) * (1 - len(miss_t) / nt),
        float((c.polarity + c.negations > 0) != (t.polarity + t.negations > 0)),
    ]


def pair_features(claim: str, text: str) -> list[float]:
    """Feature vector for one claim/text pair, in FEATURES order (used by the training script)."""
    return _features(_bag(claim), _bag(text))


@lru_cache(maxsize=4096)
def _cached_bag(text: str) -> _Bag:
    # Matching compares one stored proposition with many new ones; its bag need only be built once.
    return _bag(text)


def opposed(a: str, b: str) -> bool:
    """True when one statement uses a word whose opposite the other uses (raise/cut, open/close, win/lose),
    without the first word itself: the two say contrary things about the same matter."""
    first, second = _cached_bag(a), _cached_bag(b)
    return any(
        (g, 1 - s) in second.antonyms and (g, s) not in second.antonyms for g, s in first.antonyms
    ) or any((g, 1 - s) in first.antonyms and (g, s) not in first.antonyms for g, s in second.antonyms)


def paraphrase_probability(a: str, b: str) -> float:
    """P(agree) that two statements say the same thing, the lower of both directions since the features are
    claim-vs-text; 0.0 when they share no content word (the classifier never saw such pairs)."""
    first, second = _cached_bag(a), _cached_bag(b)
    if not first.stems or not second.stems:
        return 0.0
    scores = []
    for x in (_features(first, second), _features(second, first)):
        if x[FEATURES.index("cover_claim")] == 0:
            return 0.0
        scores.append(_probabilities(x)["agree"])
    return min(scores)


def _probabilities(x: Sequence[float]) -> dict[str, float]:
    from .track_weights import MEAN, SCALE, WEIGHTS

    z = [(v - m) / s for v, m, s in zip(x, MEAN, SCALE, strict=True)]
    z[0] = 1.0  # the bias column is not standardised
    logits = [sum(w * v for w, v in zip(row, z, strict=True)) for row in WEIGHTS]
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return {label: e / total for label, e in zip(LABELS, exps, strict=True)}


@dataclass(frozen=True)
class _Candidate:
    sentence: Sentence
    bag: _Bag
    probs: dict
    related: float  # 1 - P(other): the sentence talks about the claim
    match: float  # how much of the claim's wording it carries, to pick the quote among related sentences


def _split(text: str) -> list[Sentence]:
    if _split_sentences is not None:
        return list(_split_sentences(text))
    spans = []
    for m in re.finditer(r"[^.!?؟\n]+[.!?؟]*", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append(Sentence(start, end))
    return spans


# In an article most sentences are other statements about the same story: there a sentence only counts as
# disagreement when it carries most of the claim. A one-sentence text (a headline) is the statement itself,
# so there the classifier's verdict stands.
DISAGREE_COVER = 0.5


def _candidate(claim: _Bag, sentence: Sentence, bag: _Bag) -> _Candidate:
    x = _features(claim, bag)
    cover, grams = x[FEATURES.index("cover_claim")], x[FEATURES.index("grams")]
    if not claim.stems or not bag.stems or cover == 0:
        # Nothing of the claim in the sentence: the classifier never saw such pairs (fragments, datelines).
        return _Candidate(sentence, bag, {"agree": 0.0, "disagree": 0.0, "other": 1.0}, 0.0, 0.0)
    probs = _probabilities(x)
    return _Candidate(sentence, bag, probs, 1 - probs["other"], 0.7 * cover + 0.3 * grams)


def _judge(claim: _Bag, candidates: Sequence[tuple[Sentence, _Bag]]) -> TrackResult:
    if not candidates:
        return TrackResult("unrelated", 0, 0, 0.0, {"probs": {}})
    scored = [_candidate(claim, sentence, bag) for sentence, bag in candidates]
    best = max(scored, key=lambda c: (c.related >= UNRELATED_BELOW, c.match, c.related))
    stance, quote = _stance(claim, scored, best)
    # An article the rules call unrelated although the classifier saw the topic scores by how little of the
    # claim it carries, so score >= 0.5 always means "talks about the claim".
    score = best.related if stance != "unrelated" else min(best.related, best.match)
    extra = {"probs": quote.probs, "related_sentences": sum(c.related >= UNRELATED_BELOW for c in scored)}
    return TrackResult(stance, quote.sentence.start, quote.sentence.end, round(score, 4), extra)


def _stance(claim: _Bag, scored: Sequence[_Candidate], best: _Candidate) -> tuple[str, _Candidate]:
    """A denial about the claim wins, then an unhedged assertion, then attribution/doubt, then contradiction."""
    if best.related < UNRELATED_BELOW:
        return "unrelated", best
    denials = _denials(claim, scored)
    if denials:
        return "disagree", max(denials, key=lambda c: c.related)
    related = [c for c in scored if c.related >= UNRELATED_BELOW]
    agreeing = [c for c in related if c.probs["agree"] >= c.probs["disagree"]]
    plain = [c for c in agreeing if not _hedged(claim, c.bag)]
    if plain:
        return "agree", max(plain, key=lambda c: c.match)
    if agreeing:
        return "discuss", max(agreeing, key=lambda c: c.match)
    if len(scored) == 1 or best.match >= DISAGREE_COVER:
        return "disagree", best
    return "unrelated", best


def _denials(claim: _Bag, scored: Sequence[_Candidate]) -> list[_Candidate]:
    """Denial sentences about the claim: related themselves, or just after a related one and pointing back
    to it ("ونفى المتحدث صحة هذه الأنباء")."""
    if claim.denial:
        return []
    out = []
    for i, c in enumerate(scored):
        if not c.bag.denial:
            continue
        after_related = any(p.related >= UNRELATED_BELOW for p in scored[max(0, i - 2) : i])
        if c.related >= UNRELATED_BELOW or (after_related and c.bag.backref):
            out.append(c)
    return out


def _hedged(claim: _Bag, bag: _Bag) -> bool:
    """Attributed to media/sources, alleged or questioned, while the claim itself is not."""
    if claim.doubt or claim.question or claim.media:
        return False
    return bag.doubt or bag.question or (bag.reporting and bag.media)


def track(claim: str, text: str, sentences: Sequence[Sentence] | None = None) -> TrackResult:
    """Stance of ``text`` toward ``claim`` with the best quote; ``text[result.start:result.end]`` is the quote."""
    return track_many([claim], text, sentences)[0]


def track_many(
    claims: Sequence[str], text: str, sentences: Sequence[Sentence] | None = None
) -> list[TrackResult]:
    """Track several claims against one text, analysing the text's sentences once."""
    spans = list(sentences) if sentences is not None else _split(text)
    candidates = [(s, _bag(text[s.start : s.end])) for s in spans if s.end > s.start]
    return [_judge(_bag(claim), candidates) for claim in claims]
