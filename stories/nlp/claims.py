"""Claims: the checkable propositions of an article, cut out of their attribution frames, with a matching key.

A sentence is split into clauses where it carries separate propositions; each clause becomes one ClaimFound
whose quote is an exact slice of the cleaned text and whose ``key`` is what the cross-article matcher compares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from . import camel, lexicon, morph
from .match import AGENT_MARK, ENTITY_MARK, EVENT_MARK, HEAD_SEP, ROOT_MARK
from .stance import (
    COMPLEMENTIZERS,
    REPORTING_VERBS,
    Word,
    find_attribution,
    iter_words,
    looks_like_verb,
    resolve_outlet,
    stance_of,
)
from .types import ClaimFound, Mention, Sentence

# An entity mention inside a proposition: (start, end) relative to the proposition, its entity_key, and where
# the epithet the outlet put before it starts ("قائد الجيش ... خليفة حفتر"), or its own start without one.
Span = tuple[int, int, str, int]


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
    "المتوفرة الواردة خبر أخبار أنباء معلومات تقارير تقرير الآن حاليا بالتزامن تزامن وصولا إيذانا "
    "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد يوم ذاته نفسه"
)
try:  # shared function words from the lexicon, when present
    from .lexicon import FUNCTION_WORDS as _SHARED_FUNCTION
except ImportError:  # pragma: no cover - depends on the parallel work
    _SHARED_FUNCTION = ()
STOPWORDS |= frozenset(camel.normalize(w) for w in _SHARED_FUNCTION)
# Verbs of time or aspect that open a clause without being its content ("سبق ووقعت", "جاء في").
AUX_VERBS = _norm_set(
    "سبق سبقت عاد عادت بات باتت ظل ظلت أصبح أصبحت جاء جاءت ورد وردت كان كانت بدأ بدأت زال زالت يزال تزال"
)
# Light verbs whose content is in their object ("قام بزيارة" = "زار").
LIGHT_VERBS = _norm_set("قام قامت قاموا يقوم تقوم قيام تم يتم جرى أجرى أجرت شهد شهدت")
# Titles and ranks: a subject that starts with one is a person, named further on.
TITLES = _norm_set(
    "رئيس الرئيس وزير الوزير نائب قائد القائد اللواء لواء المشير مشير العقيد العميد الجنرال الفريق "
    "الشيخ الأمير الملك السفير المتحدث الناطق مدير المدير الأمين العام المتقاعد الدكتور السيد السيدة "
    "زعيم الزعيم رئيسة وزيرة المبعوث الممثل محافظ المحافظ متقاعد مشير عقيد عميد جنرال فريق أمين عام شيخ "
    "أمير ملك سفير متحدث ناطق دكتور سيد سيدة مبعوث ممثل"
)
# Event nouns: a clause whose subject is an event ("الاجتماعات تضمنت", "زيارة ... مهدت") says nothing of its
# actor, so its head sets no constraint; actor heads ("وفد", "الحكومة", a name) do.
EVENT_NOUNS = _norm_set(
    "زيارة زيارات لقاء لقاءات اجتماع اجتماعات محادثات مباحثات مفاوضات بحث إرسال نقل تسليم افتتاح إعادة "
    "فتح إغلاق هجوم هجمات قصف عملية عمليات اتفاق اتفاقية توقيع إعلان قرار تنسيق مواجهة دعم انسحاب وصول "
    "عودة خطوة برنامج مشروع تحرك تحركات جولة مؤتمر قمة حوار صفقة"
)
# A state acts through its government, regime, authorities or capital: outlets name any of them for one act,
# so these subjects set no head constraint (nor do place names, from the lexicon).
STATE_NOUNS = _norm_set("حكومة الحكومة نظام النظام سلطات السلطات دولة الدولة إدارة الإدارة قيادة القيادة")
# Collective actors: "a delegation visited" is not "the minister visited", whoever sent the delegation.
GROUP_NOUNS = _norm_set(
    "وفد وفدا الوفد مسؤولون مسؤولين المسؤولون المسؤولين ممثلون ممثلين ممثلو ممثلي أعضاء بعثة البعثة لجنة "
    "اللجنة فريق الفريق فرق نواب خبراء مبعوثون"
)
# Outlet nouns and report nouns frame a claim ("نشرت إحدى الصحف خبراً يتحدث عن ..."); they are not its content.
FRAME_NOUNS = _norm_set(
    "صحيفة صحف جريدة جرائد وكالة قناة مجلة إذاعة تلفزيون فضائية منصة خبرا خبراً تقريرا تقريراً مقالا "
    "مقالاً إحدى احدى موضوع مصدر مصادر متصل صلة"
)
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
LEADING_PREPOSITIONS = _norm_set("في على من عن مع إلى الى وفي وعلى ومن وعن ومع إذ اذ بينما فيما")
# Connectives that open a new proposition inside one sentence.
_CLAUSE_BREAK = re.compile(
    r"[،,؛]\s*(?=(?:كما|بينما|فيما|في حين|إلا أن|الا أن|لكن|ولكن|غير أن|بل إن|بل ان|بل أن|إذ|اذ|إضافة إلى|فضلا عن|فضلاً عن)\s)"
    r"|[،,]\s*(?=و(?:بعد|قبل|خلال|عقب|إثر|في أعقاب)\s)"
    # "...، على أن تتولى", "...، مع زيارة أخرى", "...، حيث استقبلهم", "...، مشيراً إلى أن": a second proposition.
    r"|[،,]\s*(?=(?:على أن|مع|حيث|وهو ما|ما يعني أن|ولم|ولن|ولا)\s)"
    r"|[،,]\s*(?=(?:مشير|مضيف|مؤكد|لافت|موضح|معتبر)(?:ا|اً|ًا)\s)"
    r"|\s(?=(?:و?بالتزامن مع|علاوة على ذلك|وصولا إلى|وصولاً إلى|وصولا الى)\s)"
)
_QUESTION_START = _norm_set("هل ماذا لماذا كيف متى أين ما من كم أي")
_BYLINE = re.compile(r"^[^.!?؟\n]{2,40}؛[^.!?؟\n]{0,30}$|^(?:كتب|كتبت|بقلم|إعداد|تحرير)\s*[:：]?")
_MORE_LINK = re.compile(r"(?:للمزيد|اقرأ أيضا|اقرأ أيضاً|اضغط هنا|شاهد أيضا)")
_LIST_MARK = re.compile(r"\s*(?:[0-9\u0660-\u0669]{1,2}[/.\-–)]|[-•*–])\s+")
_QUOTES = "\"'“”«»‘’"
MIN_CONTENT = 3  # a clause with fewer content tokens is a fragment, kept with its neighbour


def find_claims(
    text: str,
    sentences: Sequence[Sentence],
    *,
    sources: Sequence[str] = (),
    mentions: Sequence[Mention] | None = None,
) -> tuple[ClaimFound, ...]:
    """Every checkable proposition in ``text``, in reading order.

    With ``mentions`` (the entity finder's), a claim's key carries the entity_key of every entity it names and
    its subject head is the entity that is its subject, so outlets naming one person differently still meet.
    """
    claims: list[ClaimFound] = []
    context = ""
    speaker: str | None = None
    vocab = vocabulary(text)
    for sent in sentences:
        sentence = text[sent.start : sent.end].rstrip()
        if sentence.endswith(":"):
            # "نفاها مصدر ... وقال:" is no claim itself: it frames the quote in the next sentence.
            context = sentence
            continue
        if not _skip_sentence(text, sent):
            found = _in_span(mentions, sent.start, sent.end) if mentions is not None else None
            for claim in _sentence_claims(text, sent, context, sources, vocab, found):
                claim, speaker = _with_implicit_speaker(claim, speaker)
                claims.append(claim)
        context = ""
    return tuple(claims)


def _with_implicit_speaker(claim: ClaimFound, last: str | None) -> tuple[ClaimFound, str | None]:
    """ "وأضافت أن ..." has no subject: the speaker is the one of the previous reported claim."""
    if claim.stance == "asserts":
        return claim, None  # the implicit subject only carries over from one reported claim to the next
    if claim.attributed_to is None and last is not None:
        return replace(claim, attributed_to=last), last
    return claim, claim.attributed_to or last


def _skip_sentence(text: str, sent: Sentence) -> bool:
    s = text[sent.start : sent.end].strip()
    words = list(iter_words(s))
    if s.endswith(("?", "؟")) or (words and words[0].bare in _QUESTION_START and "؟" in s):
        return True
    if _BYLINE.search(s) or _MORE_LINK.match(s):
        return True
    # Headings and captions: short lines, or unpunctuated lines without any verb.
    if len(words) <= 5:
        return True
    return len(words) <= 10 and s[-1] not in '.!…"”»' and not any(_verbish(w) for w in words)


def _verbish(w: Word) -> bool:
    """A finite verb by lexicon or shape, including present forms ("يزور") that headlines use."""
    return looks_like_verb(w.bare) or (
        w.bare[:1] in "يت" and len(w.bare) >= 4 and not w.bare.startswith("ال")
    )


def _in_span(mentions: Sequence[Mention], start: int, end: int) -> tuple[Mention, ...]:
    return tuple(m for m in mentions if start <= m.start and m.end <= end)


def _sentence_claims(
    text: str,
    sent: Sentence,
    context: str,
    sources: Sequence[str],
    vocab: frozenset[str],
    mentions: Sequence[Mention] | None = None,
) -> list[ClaimFound]:
    start = _after_list_marker(text, sent.start, sent.end)
    frame = find_attribution(text, start, sent.end)
    prop_start = frame.prop_start if frame and frame.prop_start > start else start
    prop_end = (
        frame.prop_end if frame and frame.prop_end < sent.end and frame.prop_start <= start else sent.end
    )
    # A denial frame stays in the quote: an editor must see "نفى ..." next to what was denied.
    quote_from = start if frame and frame.kind == "deny" else None
    out: list[ClaimFound] = []
    head: tuple[str, ...] = ()
    for c_start, c_end in _clauses(text, prop_start, prop_end):
        claim = _claim(text, (c_start, c_end), context, sources, head, vocab, quote_from, bool(out), mentions)
        quote_from = None
        if claim is not None:
            out.append(claim)
            head = claim.key[: claim.key.index(HEAD_SEP)]
    if not out and frame and frame.prop_start > start:
        # "قالت الصحيفة: كذا" with a fragment after the frame: keep the whole sentence readable.
        claim = _claim(text, (start, sent.end), context, sources, (), vocab, None, False, mentions)
        out = [claim] if claim else []
    return out


def _after_list_marker(text: str, start: int, end: int) -> int:
    m = _LIST_MARK.match(text, start, end)
    return m.end() if m else start


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut at connectives and at "و" + a new finite verb; fragments stay with their neighbour."""
    hard = [
        m.end() if text[m.start()] in "،,؛" else m.start() + 1
        for m in _CLAUSE_BREAK.finditer(text, start, end)
    ]
    words = list(iter_words(text, start, end))
    hard += _verb_coordinations(text, start, words)
    bounds = [start, *sorted(c for c in set(hard) if start < c < end), end]
    # A comma before a new finite verb cuts only when the piece before it has a verb of its own.
    for cut in _comma_verbs(text, start, words):
        left = max(b for b in bounds if b < cut)
        if _has_verb([w for w in words if left <= w.start < cut]):
            bounds = sorted({*bounds, cut})
    merged: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if merged and (
            len(content_tokens(text[a:b])) < MIN_CONTENT
            or len(content_tokens(text[merged[-1][0] : merged[-1][1]])) < MIN_CONTENT
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _comma_at(text: str, words: list[Word], k: int) -> int | None:
    gap = text[words[k - 1].end : words[k].start]
    pos = max(gap.find("،"), gap.find(","))
    return words[k - 1].end + pos + 1 if pos >= 0 else None


def _verb_coordinations(text: str, start: int, words: list[Word]) -> list[int]:
    """ "و" + a finite verb after at least three words: "وقام بتفعيل", "وأقامت حواراً"."""
    cuts = []
    for k, w in enumerate(words[3:], start=3):
        if (
            w.norm[:1] == "و"
            and w.norm != w.bare
            and looks_like_verb(w.bare)
            and not _inside_quote(text, start, w)
        ):
            comma = _comma_at(text, words, k)
            # "بلدة وادي السدر": a short و-word ending in ي without a comma is more often a noun than "وأدى".
            if comma or len(w.bare) > 3 or w.bare[-1:] != "ي":
                cuts.append(comma or w.start)
    return cuts


def _comma_verbs(text: str, start: int, words: list[Word]) -> list[int]:
    """ "زيارة قام بها فلان، مهدت الأرضية": a comma, then a verb whose form cannot be a noun (so "بحث" not)."""
    cuts = []
    for k, w in enumerate(words[3:-3], start=3):
        comma = _comma_at(text, words, k)
        marked = w.norm.endswith(("ت", "وا")) or len(w.norm) >= 4
        if (
            comma
            and w.norm == w.bare
            and marked
            and looks_like_verb(w.norm)
            and not _inside_quote(text, start, w)
        ):
            cuts.append(comma)
    return cuts


def _has_verb(words: list[Word]) -> bool:
    """A clause before a comma must have its own verb to stand alone ("قبل زيارة فلان، قام ..." has not)."""
    return any(w.bare in LIGHT_VERBS or looks_like_verb(w.bare) for w in words)


def _inside_quote(text: str, start: int, w: Word) -> bool:
    before = text[start : w.start]
    return (
        before.count('"') % 2 == 1
        or before.count("«") > before.count("»")
        or before.count("“") > before.count("”")
    )


def _claim(
    text: str,
    span: tuple[int, int],
    context: str,
    sources: Sequence[str],
    inherited_head: tuple[str, ...],
    vocab: frozenset[str],
    quote_from: int | None,
    continued: bool = False,
    mentions: Sequence[Mention] | None = None,
) -> ClaimFound | None:
    start, end = _trim(text, *span)
    start, end = _trim(text, _skip_frame(text, start, end), end)
    if end - start < 8:
        return None
    proposition = text[start:end]
    if len(content_tokens(proposition, vocab)) < MIN_CONTENT:
        return None
    stance, speaker = stance_of(text, start, end, context)
    if speaker:
        speaker = resolve_outlet(text, start, speaker, tuple(sources))
    said = _PARTICIPLE_FRAME.match(text, start, end)
    if said and len(content_tokens(text[said.end() : end], vocab)) >= MIN_CONTENT:
        # "...، مشيراً إلى أن X": X is still the speaker's; the quote keeps the participle, the key does not.
        quote_from = start if quote_from is None else quote_from
        start, proposition = said.end(), text[said.end() : end]
        stance = "attributes" if stance == "asserts" else stance
    spans = None
    if mentions is not None:
        spans = tuple(_span(text, m, start) for m in _in_span(mentions, start, end))
    key = claim_key(proposition, inherited_head, vocab, continued=continued, spans=spans)
    quote_start = _trim(text, quote_from, end)[0] if quote_from is not None else start
    return ClaimFound(quote_start, end, proposition, key, stance, speaker)


_PARTICIPLE_FRAME = re.compile(
    r"(?:مشير|مضيف|مؤكد|لافت|موضح|معتبر|منوه)(?:ا|اً|ًا)\s+(?:إلى\s+|الى\s+)?(?:أن|أنّ|ان|إن)\s+"
)
_DAYS = "(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد)"
# Opening material that frames a proposition without being part of it; stripped repeatedly from its start.
_LEADING_FRAME = re.compile(
    rf"(?:(?:اليوم|أمس|مساء|صباح|يوم|مساء يوم|صباح يوم)\s+)?{_DAYS}(?:\s+(?:الماضي|المقبل))?\s*[،,]\s*"
    r"|و?(?:في|ف)\s*(?:خبر|سياق|إطار)\s+(?:متصل|ذي صلة|آخر|ذاته|نفسه)\s*[،,]?\s*"
    r"|و?(?:في السياق (?:ذاته|نفسه)|من جهة أخرى|من جهته|من جانبه|من جانبها|من جهتها)\s*[،,]?\s*"
    r"|و?(?:الجدير بالذكر|جدير بالذكر|يذكر|يُذكر|والجدير بالذكر)\s+(?:أن|أنّ|ان)\s+"
    r"|ما\s+(?:نشرت|أورد|اورد|ذكر|تناقل|نقل|بثّ|بث)\S*\s+[^،.:]{2,60}?\s+(?:عن|حول|بشأن|من أن|بأن|أن)\s+"
    r"|[^.،:]{0,80}?(?:نشرت|أوردت|بثت|نقلت)\s+[^.،:]{2,50}?\s+(?:خبر|خبرا|خبراً|تقرير|تقريرا|تقريراً)\s+"
    r"(?:يتحدث عن|تتحدث عن|يفيد بأن|مفاده أن|مفاده|مفادها أن|عن|حول)\s+"
)


def _skip_frame(text: str, start: int, end: int) -> int:
    """Start of the proposition after leading time, link and outlet frames ("اليوم الأربعاء، ما نشرته صحيفة X
    عن ..."), as long as enough of the clause is left to read."""
    while True:
        m = _LEADING_FRAME.match(text, start, end)
        if not m or m.end() == start or len(content_tokens(text[m.end() : end])) < MIN_CONTENT:
            return start
        start = m.end()


def _span(text: str, m: Mention, offset: int) -> Span:
    begin = m.start
    if m.epithet:
        found = text.rfind(m.epithet, max(0, m.start - len(m.epithet) - 12), m.start)
        begin = found if found >= 0 else begin
    return (m.start - offset, m.end - offset, m.entity_key, begin - offset)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, dangling punctuation and unbalanced quote marks at the edges of a clause."""
    junk = " \t\n،,:؛-–"
    while start < end and (text[start] in junk or (text[start] in _QUOTES and _unbalanced(text, start, end))):
        start += 1
    while end > start and (
        text[end - 1] in junk or (text[end - 1] in _QUOTES and _unbalanced(text, start, end))
    ):
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


def _is_state(norm: str) -> bool:
    bare = norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm
    return bare in STATE_NOUNS or (bare,) in lexicon.place_index() or ("ال" + bare,) in lexicon.place_index()


@lru_cache(maxsize=65536)
def _drop_article(norm: str) -> str:
    return morph.strip_article(norm)


def vocabulary(text: str) -> frozenset[str]:
    """Words of a text without their article: evidence for whether a leading و/ب/ل/ف/ك is a clitic."""
    words = {_drop_article(w.norm) for w in iter_words(text)}
    return frozenset(words | {morph.strip_suffix(w) for w in words})


def stem(norm: str, vocab: frozenset[str] = frozenset()) -> str:
    """Light stem of a normalised word (see ``_stem``); cached per word only when no vocabulary decides."""
    if norm[:1] not in "فبلك" or _drop_article(norm) != norm:
        return _stem(norm, frozenset())
    return _stem_uncached(norm, vocab)


@lru_cache(maxsize=65536)
def _stem(norm: str, vocab: frozenset[str]) -> str:
    return _stem_uncached(norm, vocab)


def _stem_uncached(norm: str, vocab: frozenset[str]) -> str:
    """Light stem of a normalised word: article, clitic conjunction/preposition, common suffixes.

    A one-letter clitic other than "و" is only dropped when the rest occurs as a word of the same text
    ("لبغداد" next to "بغداد"), because in "فريق", "ليبيا", "كامل" the letter belongs to the word.
    """
    word = _drop_article(norm)
    if word != norm:
        pass
    elif morph.conjunction_waw(word) and not (looks_like_verb(word) and word[:3] in morph.WAW_ROOTS):
        word = _drop_article(word[1:])
    elif (
        len(word) > 3
        and word[:1] in "فبلك"
        and (word[1:] in vocab or morph.strip_suffix(word[1:]) in vocab)
        and not looks_like_verb(word)
    ):
        word = word[1:]
    elif _clitic_before_masdar(word):
        word = word[1:]  # "بافتتاح", "لاستئناف": ب/ل before a form VIII/X verbal noun, whatever the text
    if looks_like_verb(word) and (
        word.endswith("ت") and len(word) >= 4 or word.endswith("وا") and len(word) > 4
    ):
        word = word[:-1] if word.endswith("ت") else word[:-2]  # past feminine / plural: "فتحت" = "فتح"
    return morph.form8_past(morph.strip_suffix(word))


def _clitic_before_masdar(word: str) -> bool:
    if word[:1] not in "بل" or word[1:2] != "ا" or len(word) < 7:
        return False
    return word[1:4] == "است" or word[3] == "ت"


def content_tokens(text: str, vocab: frozenset[str] | None = None) -> list[str]:
    """Stemmed content words of a clause, stopwords and reporting verbs removed, order kept."""
    vocab = vocabulary(text) if vocab is None else vocab
    words = [w for w in iter_words(text) if not _is_function(w) or _number(w.norm) != w.norm]
    return [t for t in _tokens(words, vocab) if len(t) > 1 or t.isdigit()]


def _is_function(w: Word) -> bool:
    return _is_function_word(w.norm, w.bare)


@lru_cache(maxsize=65536)
def _is_function_word(norm: str, bare: str) -> bool:
    return (
        norm in STOPWORDS
        or (bare in STOPWORDS and not looks_like_verb(norm))  # "فتحت" is "opened", not ف + "تحت"
        or norm in COMPLEMENTIZERS
        or bare in REPORTING_VERBS
        or bare in LIGHT_VERBS
        or bare in AUX_VERBS
        or _drop_article(bare) in TITLES  # titles vary with each outlet's view of a person
        or _drop_article(norm) in TITLES
        or _drop_article(bare) in FRAME_NOUNS  # "نشرت إحدى الصحف خبراً": the frame, not the claim
        or len(norm) < 2
    )


# Counts are what outlets agree or disagree on: "ثلاثة" and "٣" give one token.
_NUMBER_WORDS = {
    stem: str(n)
    for n, forms in enumerate(
        (
            "واحد واحده",
            "اثنان اثنين اثنتان اثنتين",
            "ثلاث ثلاثه",
            "اربع اربعه",
            "خمس خمسه",
            "ست سته",
            "سبع سبعه",
            "ثماني ثمانيه ثمان",
            "تسع تسعه",
            "عشر عشره",
        ),
        start=1,
    )
    for stem in forms.split()
}
_DIGIT_MAP = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _number(token: str) -> str:
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    return token.translate(_DIGIT_MAP) if token[:1].isdigit() else token


def _tokens(words: list[Word], vocab: frozenset[str]) -> list[str]:
    """Matching tokens: lemmas when a morphology database is installed ("زار"/"يزور" meet), light stems
    otherwise; both are stemmed so the article and suffix rules stay the same either way."""
    lemmatize = getattr(camel, "lemmatize", None)
    lemmas = lemmatize([w.norm for w in words]) if lemmatize is not None and words else None
    if lemmas is None or len(lemmas) != len(words):
        return [_number(stem(w.norm, vocab)) for w in words]
    return [_number(stem(camel.normalize(lemma), vocab)) for lemma in lemmas]


def claim_key(
    proposition: str,
    inherited_head: tuple[str, ...] = (),
    vocab: frozenset[str] | None = None,
    *,
    continued: bool = False,
    spans: Sequence[Span] | None = None,
) -> tuple[str, ...]:
    """Matching signature: the subject's head tokens, HEAD_SEP, the remaining content tokens, their root
    skeletons, the event classes of their verbs and verbal nouns, and the kind of agent (see match.py).

    The head lets the matcher tell apart "A visited X" from "A's delegation visited X"; a clause coordinated
    without its own subject ("وأقامت حواراً") inherits the head of the clause before it. A subject that
    starts with a title is a person named in various ways across outlets: it gets no head, only the agent kind.
    With entity ``spans`` the head is the subject's entity token and only an entity (or a group) sets one.
    """
    vocab = vocabulary(proposition) if vocab is None else vocab
    subject = _subject_head(proposition, vocab, continued, spans)
    head, agent = subject if subject is not None else (inherited_head, None)
    named = dict.fromkeys(ENTITY_MARK + k for _, _, k, _ in spans or () if ENTITY_MARK + k not in head)
    tokens = content_tokens(proposition, vocab)
    rest = [t for t in dict.fromkeys(tokens) if t not in head]
    roots = dict.fromkeys(ROOT_MARK + morph.skeleton(t) for t in (*head, *tokens) if _has_root(t))
    events = dict.fromkeys(EVENT_MARK + c for c in _classes_of(proposition, tokens))
    agents = (AGENT_MARK + agent,) if agent else ()
    return (*head, HEAD_SEP, *rest, *roots, *events, *named, *agents)


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


def _has_root(token: str) -> bool:
    """Arabic words of three letters or more get a skeleton feature; numbers and Latin words do not."""
    return len(token) >= 3 and all("\u0621" <= c <= "\u064a" for c in token)


_SUBJECT_CONNECTIVES = _norm_set("إذ اذ حيث بينما فيما كما")
_OPENERS = _norm_set("بعد قبل خلال عقب إثر اثر وبعد وقبل وخلال وعقب")


def _subject_head(
    proposition: str, vocab: frozenset[str], continued: bool = False, spans: Sequence[Span] | None = None
) -> tuple[tuple[str, ...], str | None] | None:
    """(first noun of the subject, agent kind) after leading verbs, light verbs, complementizers and frame
    words; the kind is "person" for a titled subject, "group" for a delegation-like one, "state" for a
    government or country. None when the clause has no subject of its own (coordinated "وأقامت حواراً")."""
    everything = list(iter_words(proposition))
    if everything and everything[0].norm in _SUBJECT_CONNECTIVES:
        continued = False  # "إذ أعادت الحكومة ...": after these the verb has a subject of its own
    words = [w for w in everything if not _skipped_in_subject(w)]
    first = words[0] if words else None
    if (
        first
        and (first.norm != first.bare or continued)
        and looks_like_verb(first.bare)
        and first.bare not in REPORTING_VERBS
    ):
        return None  # "والتقى مسؤولي النظام", "...، مهدت الأرضية": the noun after the verb is its object
    words = _past_openers(proposition, everything, words)
    for k, w in enumerate(words[:6]):
        if w.bare in LIGHT_VERBS | AUX_VERBS or w.norm in COMPLEMENTIZERS or _verb_like(w):
            continue
        if w.norm in GROUP_NOUNS or w.bare in GROUP_NOUNS:
            return ("وفد",), "group"  # one head for every collective, so "مسؤولون" meets "وفد"
        named = _named_subject(w, spans or ())
        if named is not None:
            return named
        if w.norm[:1] in "بل" and w.norm[1:3] != "ل" and w is not words[0]:
            return None  # "وقام بتفعيل": straight to the object, the subject is inherited
        if _drop_article(w.norm) in EVENT_NOUNS:
            # "زيارة المشير فلان لدمشق": the act's agent is the person named right after the verbal noun.
            after = (_named_subject(x, spans) for x in words[k + 1 : k + 3]) if spans else ()
            return next((n for n in after if n is not None and n[0]), ((), None))
        if _is_state(w.norm):
            return (), "state"
        # Beside entity mentions, only a definite noun is trusted as a subject: an undefined first word is as
        # often a verb the lexicon misses ("لقي", "لكنه شكك") or the first of a construct ("حصيلة السيول").
        trusted = spans is None or _drop_article(w.norm) != w.norm
        return (tuple(_tokens([w], vocab)) if trusted else ()), None
    return None


def _named_subject(w: Word, spans: Sequence[Span]) -> tuple[tuple[str, ...], str | None] | None:
    """(entity head, agent kind) when ``w`` is a title or lies in an entity mention or its epithet."""
    entity = _entity_at(w, spans)
    if entity and _is_state(w.norm):
        return (entity,), "state"  # "سوريا سلمت ...": a state acting, like "النظام" or "الحكومة"
    if w.norm in TITLES or w.bare in TITLES or _drop_article(w.bare) in TITLES:
        return ((entity,) if entity else ()), "person"
    return ((entity,), None) if entity else None


def _entity_at(w: Word, spans: Sequence[Span]) -> str | None:
    """The entity whose mention, or the epithet before it, covers ``w``: "قائد الجيش" in "قائد الجيش الليبي
    خليفة حفتر" is the person, not the army that the entity finder also found inside the epithet."""
    for _start, end, key, begin in sorted(spans, key=lambda s: s[3] == s[0]):
        if begin <= w.start < end:
            return ENTITY_MARK + key
    return None


def _skipped_in_subject(w: Word) -> bool:
    """Function words and frame words ("ما نشرته صحيفة ..."), but light verbs are kept to be stepped over."""
    if w.bare in LIGHT_VERBS:
        return False
    if w.bare in STOPWORDS or w.norm in STOPWORDS or _drop_article(w.bare) in FRAME_NOUNS:
        return True
    return w.bare in REPORTING_VERBS or w.bare.removesuffix("ه").removesuffix("ها") in REPORTING_VERBS


def _verb_like(w: Word) -> bool:
    """A verb by lexicon or shape, or an undefined word listed as an event verb ("اجتمع", "شن")."""
    if looks_like_verb(w.bare) or looks_like_verb(w.norm):
        return True
    return not w.bare.startswith("ال") and _event_index().get(w.bare) is not None


def _past_openers(proposition: str, everything: list[Word], words: list[Word]) -> list[Word]:
    """Step over an opening adverbial: "قام بها فلان", "وفي السياق ذاته التقى", "بعد زيارة X، قام Y"."""
    for k, w in enumerate(everything[:6]):
        if w.bare in LIGHT_VERBS and k + 1 < len(everything) and everything[k + 1].norm in ("بها", "به"):
            after = everything[k + 1].end  # "زيارة سرية قام بها فلان": the subject follows "قام بها"
            return [x for x in words if x.start >= after]
    if everything and (everything[0].bare in _OPENERS or everything[0].norm in _OPENERS):
        comma = next((m for m in (proposition.find("،"), proposition.find(",")) if m >= 0), -1)
        if 0 <= comma < (everything[min(len(everything), 10) - 1].end):
            return [x for x in words if x.start > comma]
    if everything and everything[0].bare in LEADING_PREPOSITIONS:
        # "وفي السياق ذاته التقى ...": an opening adverbial phrase is no subject; start at its verb.
        verb = next((w for w in words[:6] if _verb_like(w)), None)
        return [x for x in words if verb is None or x.start >= verb.start]
    return words
