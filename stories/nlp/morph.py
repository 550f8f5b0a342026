"""Light Arabic morphology for claim matching when no camel-tools morphology database is installed.

``light_stem`` strips clitics and inflection; ``skeleton`` reduces a stem to a root-like consonant skeleton by
undoing the common derivation patterns (verb prefixes, masdars of forms II-X), so that "زار", "يزور" and
"زيارة", or "فتح" and "افتتاح", meet. Both work on camel-normalised words (see ``camel.normalize``).
Hand-written because camel-tools' own stemming needs the morphology data, which is optional here.
"""

from __future__ import annotations

from functools import lru_cache

from . import vocab

# Article with the clitics that can precede it, longest first ("وبال" before "بال" before "ال").
_ARTICLES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
# Pronoun, number and gender endings; tried longest first, each once.
# A final "ي" is left alone: it is the nisba ("ليبي") or a radical ("التقى" -> "التقي") more often than "my".
_SUFFIXES = ("هما", "كما", "ها", "هم", "كم", "نا", "ات", "ون", "ين", "ان", "ه")
_PRONOUNS = frozenset(("هما", "كما", "ها", "هم", "كم", "نا", "ه"))
_WEAK = frozenset("اويءئؤ")
_HAMZA_SEATS = frozenset("ءئؤ")
# Roots whose first radical is و: after these a leading و is the word, not the conjunction.
WAW_ROOTS = vocab.words("waw_roots")
# Form VIII verbs of lam-initial roots look like article + word ("التقى", "التزم"): kept whole.
_LAM_FORM8 = vocab.words("lam_form8_roots")
# Form IV words of lam-initial roots look like article + word too ("ألغى", "إلغاء"): kept whole.
_LAM_FORM4 = vocab.words("lam_form4_words")


def strip_article(norm: str) -> str:
    """Drop the article and the clitics before it: "والحكومة" -> "حكومه"; "للواء" -> "واء" is avoided."""
    if _lam_form8(norm):
        return norm
    if norm in _LAM_FORM4:
        return norm
    if norm[:1] in "وف" and norm[1:] in _LAM_FORM4:
        return norm[1:]
    for p in _ARTICLES:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            rest = norm[len(p) :]
            if p.endswith("لل") and rest[:1] in "اويء" and len(rest) <= 3:
                return "ل" + rest  # "للواء" = ل + "اللواء": the lam belongs to the noun
            return rest
    return norm


def _lam_form8(norm: str) -> bool:
    """ "التقى", "والتقت", "التزموا": alif, lam, ta, then two radicals of a lam-initial root."""
    body = norm[1:] if norm[:1] in "وف" else norm
    if not body.startswith("الت") or len(body) < 5:
        return False
    return "ل" + body[3:5] in _LAM_FORM8


def form8_past(word: str) -> str:
    """The past stem of a form VIII imperfect, so "يلتقي", "تلتقِ" meet "التقى" and "يجتمع" meets "اجتمع";
    other words are returned unchanged. Four-letter forms are only read so for lam-initial roots ("يلتق"),
    since "يكتب", "يفتح" have ت as a radical."""
    if word[:1] not in "يتن" or word[2:3] != "ت" or word[1:2] in "اتسو":
        return word
    if len(word) == 5:
        return "ا" + word[1:]
    if len(word) == 4 and word[1] == "ل":
        root = next((r for r in _LAM_FORM8 if r.startswith("ل" + word[3])), None)
        return "الت" + root[1:] if root else word
    return word


def conjunction_waw(word: str) -> bool:
    """ "و" + a word of at least three letters, unless the word's own root starts with و ("وقعت", "وفد")."""
    if word[:1] != "و" or len(word) < 4 or word[1:2] == "و":
        return False
    return skeleton(word)[:3] not in WAW_ROOTS and word[:3] not in WAW_ROOTS


@lru_cache(maxsize=65536)
def strip_suffix(word: str) -> str:
    """One inflectional ending, keeping at least three letters (four before "ون"/"هم", where the letters are
    often radicals: "تعاون", "مليون", "تفاهم")."""
    for s in _SUFFIXES:
        if not word.endswith(s):
            continue
        rest = word[: -len(s)]
        need = 4 if s in ("ون", "هم", "ان", "ين") else 3
        if len(rest) >= need and not (s == "ون" and rest.endswith("ا")):
            word = rest
            if s in _PRONOUNS and rest.endswith("ت") and not rest.endswith("ات") and len(rest) >= 5:
                word = rest[:-1]  # "قنصليتها" is "القنصلية" with a pronoun: the ta marbuta shows as ت
            break
    if word.endswith("ا") and len(word) >= 4:
        word = word[:-1]  # accusative tanween "مكتباً"
    return word


@lru_cache(maxsize=65536)
def skeleton(stem: str) -> str:
    """Root-like consonant skeleton of a clitic-free stem; a weak feature: different roots can share one."""
    s = stem
    if s.endswith("ه") and len(s) >= 4:
        s = s[:-1]  # feminine "زياره"
    if s.endswith("ات") and len(s) >= 5:
        s = s[:-2]
    if s.endswith(("وا", "تم")) and len(s) >= 5:
        s = s[:-2]
    elif s.endswith("ت") and len(s) >= 4:
        s = s[:-1]  # past feminine "فتحت", "سلمت"
    s = _derivation(s)
    if s[:1] in _HAMZA_SEATS:
        s = "ا" + s[1:]  # a root's first hamza is written on any seat: "استانف" (استأنف) and "استئناف" meet
    core = s[0] + "".join(c for c in s[1:] if c not in _WEAK) if s else s
    return core if len(core) >= 2 else stem


def _derivation(s: str) -> str:
    """Undo one derivational prefix/infix: imperfect and participle prefixes, forms II, IV, V-VIII, X."""
    if s.startswith("است") and len(s) >= 6:
        return s[3:]  # استقبال, استئناف, يستعيد handled below
    if s[:1] in "يتن" and s[1:4] == "ست" and len(s) >= 6:
        return s[3:]
    if s.startswith("مست") and len(s) >= 6:
        return s[3:]
    if s.startswith("ا") and len(s) >= 5 and s[2] == "ت":
        return s[1] + s[3:]  # form VIII افتعال: "افتتاح", "اجتماع", "التقي"
    if s.startswith("ان") and len(s) >= 5:
        return s[2:]  # form VII انفعال: "انسحاب", "انتقال"
    if s.startswith("ا") and len(s) >= 4:
        return s[1:]  # form IV افعال/أفعل: "ارسال", "اعاد"
    if s.startswith("ت") and len(s) >= 5 and s[-2] == "ي":
        return s[1:]  # form II masdar تفعيل: "توقيع", "تنسيق"
    if s[:1] in "يتن" and len(s) >= 5 and s[2] == "ت" and s[1] not in "اتس":
        return s[1] + s[3:]  # form VIII imperfect يفتعل: "يلتقي", "يجتمع", "يفتتح" meet their past and masdar
    if s[:1] in "يتنم" and len(s) >= 4 and s[1] != "ا":  # "ناقش", "قاتل": form III, not a prefix
        rest = s[1:]
        if rest.startswith("ت") and len(rest) >= 4:
            rest = rest[1:]  # forms V/VI imperfect "يتفاوض"
        return rest
    return s
