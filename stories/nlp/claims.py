"""Claims: the checkable propositions of an article, cut out of their attribution frames, with a matching key.

A sentence is split into clauses where it carries separate propositions; each clause becomes one ClaimFound
whose quote is an exact slice of the cleaned text and whose ``key`` is what the cross-article matcher compares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import camel
from .match import HEAD_SEP
from .stance import (
    COMPLEMENTIZERS,
    DENIAL_VERBS,
    REPORTING_VERBS,
    Word,
    find_attribution,
    iter_words,
    resolve_outlet,
    stance_of,
)
from .types import ClaimFound, Sentence


def _norm_set(words: str) -> frozenset[str]:
    return frozenset(camel.normalize(w) for w in words.split())


# Function words and news filler: they carry no proposition content.
STOPWORDS = _norm_set(
    "في من على إلى الى عن مع أن إن ان بأن لأن كان كانت يكون تكون كانوا هذا هذه ذلك تلك هؤلاء هو هي هم هما "
    "نحن أنا التي الذي الذين اللذين اللتين ما ماذا لماذا كيف متى أين حول بين ضد عند عبر خلال منذ حتى أو ثم "
    "بل لكن قد لقد كل بعض أي غير سوى أيضا اليوم أمس حيث إذا لو كما وفق وفقا حسب بحسب نحو تجاه له لها لهم "
    "به بها بهم فيه فيها منه منها عليه عليها إليه إليها عنه عنها يا بعد قبل أمام فوق تحت لدى لا لم لن ليس "
    "هل إلا الا إذ بينما فيما وذلك ذلك هناك هنا أنه أنها إنه إنها بأنه فإن وقد فقد تم يتم جرى عدة عدد "
    "الماضي الماضية المقبل المقبلة الجاري الحالي آخر أخرى الآخر خاصة خصوصا سواء مدى إطار ضوء سياق "
    "الجدير بالذكر يذكر مفاده مفادها المتداولة المتداول الأخبار الأنباء الصحفية الإعلامية المعلومات "
    "المتوفرة الواردة خبر أخبار أنباء معلومات تقارير تقرير"
)
# Light verbs whose content is in their object ("قام بزيارة" = "زار").
LIGHT_VERBS = _norm_set("قام قامت قاموا يقوم تقوم قيام تم يتم جرى أجرى أجرت شهد شهدت")
# Titles and ranks: a subject that starts with one is a person, named further on.
TITLES = _norm_set(
    "رئيس الرئيس وزير الوزير نائب قائد القائد اللواء لواء المشير مشير العقيد العميد الجنرال الفريق "
    "الشيخ الأمير الملك السفير المتحدث الناطق مدير المدير الأمين العام المتقاعد الدكتور السيد السيدة "
    "زعيم الزعيم رئيسة وزيرة المبعوث الممثل محافظ المحافظ"
)
# Connectives that open a new proposition inside one sentence.
_CLAUSE_BREAK = re.compile(
    r"[،,؛]\s*(?=(?:كما|بينما|فيما|في حين|إلا أن|الا أن|لكن|ولكن|غير أن|إضافة إلى|فضلا عن|فضلاً عن)\s)"
    r"|\s(?=(?:و?بالتزامن مع|علاوة على ذلك)\s)"
)
_QUESTION_START = _norm_set("هل ماذا لماذا كيف متى أين ما من كم أي")
_BYLINE = re.compile(r"^[^.!?؟\n]{2,40}؛[^.!?؟\n]{0,30}$|^(?:كتب|كتبت|بقلم|إعداد|تحرير)\s*[:：]?")
_MORE_LINK = re.compile(r"(?:للمزيد|اقرأ أيضا|اقرأ أيضاً|اضغط هنا|شاهد أيضا)")
_LIST_MARK = re.compile(r"^\s*(?:[0-9\u0660-\u0669]{1,2}[/.\-–)]|[-•*–])\s+")
_QUOTES = "\"'“”«»‘’"
MIN_CONTENT = 3  # a clause with fewer content tokens is a fragment, kept with its neighbour


def find_claims(text: str, sentences: Sequence[Sentence], *, sources: Sequence[str] = ()) -> tuple[ClaimFound, ...]:
    """Every checkable proposition in ``text``, in reading order."""
    claims: list[ClaimFound] = []
    context = ""
    for sent in sentences:
        if _skip_sentence(text, sent):
            context = ""
            continue
        found = _sentence_claims(text, sent, context, sources)
        claims.extend(found)
        # "نفاها مصدر ... وقال:" introduces the next sentence, which is the quote it frames.
        context = text[sent.start : sent.end] if text[sent.start : sent.end].rstrip().endswith(":") else ""
    return tuple(claims)


def _skip_sentence(text: str, sent: Sentence) -> bool:
    s = text[sent.start : sent.end].strip()
    words = list(iter_words(s))
    if s.endswith(("?", "؟")) or (words and words[0].bare in _QUESTION_START and "؟" in s):
        return True
    if _BYLINE.search(s) or _MORE_LINK.match(s):
        return True
    # Headings and captions: short lines without sentence punctuation.
    return len(words) <= 5 and not s.endswith(":")


def _sentence_claims(text: str, sent: Sentence, context: str, sources: Sequence[str]) -> list[ClaimFound]:
    start = _after_list_marker(text, sent.start, sent.end)
    frame = find_attribution(text, start, sent.end)
    prop_start = frame.prop_start if frame and frame.prop_start > start else start
    prop_end = frame.prop_end if frame and frame.prop_end < sent.end and frame.prop_start <= start else sent.end
    out: list[ClaimFound] = []
    head: tuple[str, ...] = ()
    for c_start, c_end in _clauses(text, prop_start, prop_end):
        claim = _claim(text, c_start, c_end, context, sources, head)
        if claim is not None:
            out.append(claim)
            head = claim.key[: claim.key.index(HEAD_SEP)]
    if not out and frame and frame.prop_start > start:
        # "قالت الصحيفة: كذا" with a fragment after the frame: keep the whole sentence readable.
        claim = _claim(text, start, sent.end, context, sources, ())
        out = [claim] if claim else []
    return out


def _after_list_marker(text: str, start: int, end: int) -> int:
    m = _LIST_MARK.match(text, start, end)
    return m.end() if m else start


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut at connectives and at "و" + a new finite verb; fragments stay with their neighbour."""
    cuts = [m.end() if text[m.start()] in "،,؛" else m.start() + 1 for m in _CLAUSE_BREAK.finditer(text, start, end)]
    cuts += _verb_coordinations(text, start, end)
    bounds = [start, *sorted(c for c in set(cuts) if start < c < end), end]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and len(content_tokens(text[a:b])) < MIN_CONTENT:
            merged[-1] = (merged[-1][0], b)
        elif merged and len(content_tokens(text[merged[-1][0] : merged[-1][1]])) < MIN_CONTENT:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _verb_coordinations(text: str, start: int, end: int) -> list[int]:
    words = list(iter_words(text, start, end))
    cuts = []
    for k, w in enumerate(words[3:], start=3):
        if w.norm[:1] == "و" and w.norm != w.bare and looks_like_verb(w.bare) and not _inside_quote(text, start, w):
            gap = text[words[k - 1].end : w.start]
            cuts.append(w.start if "،" not in gap else text.index("،", words[k - 1].end, w.start) + 1)
    return cuts


def _inside_quote(text: str, start: int, w: Word) -> bool:
    before = text[start : w.start]
    return before.count('"') % 2 == 1 or before.count("«") > before.count("»") or before.count("“") > before.count("”")


# Past-tense forms common in news reports; with the shape test below they catch most new finite verbs.
_NEWS_VERBS = _norm_set(
    "قام قامت قاموا زار زارت التقى التقت بحث بحثت ناقش ناقشت وقع وقعت وقعوا أعلن أعلنت فتح فتحت أرسل "
    "أرسلت استقبل استقبلت شارك شاركت أجرى أجرت عقد عقدت سلم سلمت اتفق اتفقا هاجم هاجمت قتل قتلت أطلق "
    "أطلقت دعا دعت طالب طالبت رفض رفضت وافق وافقت أقام أقامت توسط توسطت أعاد أعادت أغلق أغلقت وصل وصلت "
    "غادر غادرت عاد عادت انتقل انتقلت شدد شددت أدان أدانت منح منحت تلقى تلقت قدم قدمت بدأ بدأت أصدر "
    "أصدرت نفذ نفذت اعتقل اعتقلت سيطر سيطرت تسلم تسلمت أكد أكدت"
)


def looks_like_verb(bare: str) -> bool:
    """A finite verb by lexicon or by shape: past feminine "فعلت"/plural "فعلوا" (not the plural noun "-ات")."""
    if bare in _NEWS_VERBS or bare in REPORTING_VERBS or bare in DENIAL_VERBS:
        return True
    if bare.startswith("ال") or len(bare) < 4:
        return False
    return (bare.endswith("ت") and not bare.endswith("ات") and len(bare) <= 6) or (
        bare.endswith("وا") and len(bare) <= 7
    )


def _claim(
    text: str, start: int, end: int, context: str, sources: Sequence[str], inherited_head: tuple[str, ...]
) -> ClaimFound | None:
    start, end = _trim(text, start, end)
    if end - start < 8:
        return None
    proposition = text[start:end]
    tokens = content_tokens(proposition)
    if len(tokens) < MIN_CONTENT:
        return None
    stance, speaker = stance_of(text, start, end, context)
    if speaker:
        speaker = resolve_outlet(text, start, speaker, tuple(sources))
    return ClaimFound(start, end, proposition, claim_key(proposition, inherited_head), stance, speaker)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, dangling punctuation and unbalanced quote marks at the edges of a clause."""
    junk = " \t\n،,:؛-–"
    while start < end and (text[start] in junk or (text[start] in _QUOTES and _unbalanced(text, start, end))):
        start += 1
    while end > start and (text[end - 1] in junk or (text[end - 1] in _QUOTES and _unbalanced(text, start, end))):
        end -= 1
    m = re.search(r"\s*(?:للمزيد|اقرأ أيضا).*$", text[start:end])
    if m:
        end = start + m.start()
    return start, end


def _unbalanced(text: str, start: int, end: int) -> bool:
    piece = text[start:end]
    pairs = (("«", "»"), ("“", "”"), ("‘", "’"))
    straight = piece.count('"') % 2 == 1
    return straight or any(piece.count(a) != piece.count(b) for a, b in pairs) or piece.count("”") % 2 == 1


_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال")
_SUFFIXES = ("هما", "هم", "ها", "ات", "ون", "ين", "يه", "ه")
# Nouns starting with "و" / "ف" whose first letter is part of the word, not the conjunction.
_ROOT_WAW = _norm_set(
    "وزير وزيره وزاره وفد وقت وضع وطن وطني وطنيه ولايه وكاله واشنطن وسط وصول وثيقه وحده وقف وفاه وجود وعد "
    "وجه ولد وقوع وساطه وسائل وسيله ورقه وارد واقع واقعه فريق فرنسا فلسطين فصائل فتره فكره فرص فرع فعل فوز "
    "فيلق فندق فصل فوضي فائز فيصل"
)


def stem(norm: str) -> str:
    """Light stem of a normalised word: drop the article, attached prepositions and common suffixes."""
    word = norm
    if word[:1] in "وف" and len(word) > 3 and word not in _ROOT_WAW and word[1:3] != "ال" or word[:3] in ("وال", "فال"):
        word = word[1:] if word[:3] not in ("وال", "فال", "وبال", "ولل") else word
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            word = word[len(p) :]
            break
    else:
        if word[:1] in "بل" and len(word) > 4:
            word = word[1:]
    for s in _SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            word = word[: -len(s)]
            break
    return word


def content_tokens(text: str) -> list[str]:
    """Stemmed content words of a clause, stopwords and reporting verbs removed, order kept."""
    out = []
    for w in iter_words(text):
        if _is_function(w):
            continue
        out.append(stem(w.norm))
    lemmas = _lemmas(out)
    return [t for t in lemmas if len(t) > 1]


def _is_function(w: Word) -> bool:
    return (
        w.norm in STOPWORDS
        or w.bare in STOPWORDS
        or w.norm in COMPLEMENTIZERS
        or w.bare in REPORTING_VERBS
        or w.bare in LIGHT_VERBS
        or len(w.norm) < 2
    )


def _lemmas(tokens: list[str]) -> list[str]:
    lemmatize = getattr(camel, "lemmatize", None)
    if lemmatize is None or not tokens:
        return tokens
    lemmas = lemmatize(tokens)
    return [camel.normalize(x) for x in lemmas] if lemmas and len(lemmas) == len(tokens) else tokens


def claim_key(proposition: str, inherited_head: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Matching signature: the subject's head tokens, HEAD_SEP, then the remaining content tokens.

    The head lets the matcher tell apart "A visited X" from "A's delegation visited X"; a clause coordinated
    without its own subject ("وأقامت حواراً") inherits the head of the clause before it. A subject that
    starts with a title is a person named in various ways across outlets, so it gets no head constraint.
    """
    head = _subject_head(proposition)
    head = inherited_head if head is None else head
    rest = [t for t in dict.fromkeys(content_tokens(proposition)) if t not in head]
    return (*head, HEAD_SEP, *rest)


def _subject_head(proposition: str) -> tuple[str, ...] | None:
    """First noun of the subject, after leading verbs, light verbs and complementizers; () for a titled
    person; None when the clause starts straight with its object (no subject of its own)."""
    words = [w for w in iter_words(proposition) if w.norm not in STOPWORDS or w.bare in LIGHT_VERBS]
    skipped_verb = False
    for w in words[:6]:
        if w.bare in LIGHT_VERBS or w.norm in COMPLEMENTIZERS or looks_like_verb(w.bare) or w.bare in DENIAL_VERBS:
            skipped_verb = True
            continue
        if w.norm in TITLES or w.bare in TITLES:
            return ()
        if skipped_verb and w.norm[:1] in "بل" and w.norm[1:3] != "ل":
            return None  # "وأقامت حواراً" / "وقام بتفعيل": straight to the object, the subject is inherited
        return (stem(w.norm),)
    return None
