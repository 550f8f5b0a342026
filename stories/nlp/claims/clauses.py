"""Cutting sentences into clauses: headings to skip, clause breaks, leading frames and edge trimming."""

from __future__ import annotations

import re

from .. import vocab
from ..scanner import Word, iter_words, looks_like_verb
from ..types import Sentence
from .tokens import content_tokens
from .wordlists import LIGHT_VERBS

# The accusative ending of a participle stem ("مشيرا", "مشيراً", "مشيرًا"): tanween on either letter, or none.
_ACCUSATIVE = r"(?:ا|اً|ًا)"

# Connectives that open a new proposition inside one sentence.
_CLAUSE_BREAK = re.compile(
    rf"[،,؛]\s*(?=(?:{vocab.alternation('clause_break_connectives')})\s)"
    rf"|[،,]\s*(?=و(?:{vocab.alternation('clause_break_time_words')})\s)"
    # "...، على أن تتولى", "...، مع زيارة أخرى", "...، حيث استقبلهم", "...، مشيراً إلى أن": a second proposition.
    rf"|[،,]\s*(?=(?:{vocab.alternation('clause_break_continuations')})\s)"
    rf"|[،,]\s*(?=(?:{vocab.alternation('clause_break_participles')}){_ACCUSATIVE}\s)"
    rf"|\s(?=(?:{vocab.alternation('clause_break_phrases')})\s)"
)


_QUESTION_START = vocab.words("question_words")


_BYLINE = re.compile(r"^[^.!?؟\n]{2,40}؛[^.!?؟\n]{0,30}$|^(?:كتب|كتبت|بقلم|إعداد|تحرير)\s*[:：]?")


_MORE_LINK = re.compile(r"(?:للمزيد|اقرأ أيضا|اقرأ أيضاً|اضغط هنا|شاهد أيضا)")


_LIST_MARK = re.compile(r"\s*(?:[0-9\u0660-\u0669]{1,2}[/.\-–)]|[-•*–])\s+")


_QUOTES = "\"'“”«»‘’"


MIN_CONTENT = 3  # a clause with fewer content tokens is a fragment, kept with its neighbour


def skip_sentence(text: str, sent: Sentence) -> bool:
    raw = text[sent.start : sent.end]
    s = raw.strip()
    # The sentence's words from the scan of the whole text, which every stage shares.
    words = list(iter_words(text, sent.start + len(raw) - len(raw.lstrip()), sent.start + len(raw.rstrip())))
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


def after_list_marker(text: str, start: int, end: int) -> int:
    m = _LIST_MARK.match(text, start, end)
    return m.end() if m else start


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
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


PARTICIPLE_FRAME = re.compile(
    rf"(?:{vocab.alternation('framing_participles')}){_ACCUSATIVE}\s+(?:إلى\s+|الى\s+)?(?:أن|أنّ|ان|إن)\s+"
)


_DAYS = f"(?:{'|'.join(vocab.entries('weekday_names'))})"


# Opening material that frames a proposition without being part of it; stripped repeatedly from its start.
_LEADING_FRAME = re.compile(
    rf"(?:(?:{vocab.alternation('weekday_preludes')})\s+)?{_DAYS}(?:\s+(?:الماضي|المقبل))?\s*[،,]\s*"
    rf"|و?(?:في|ف)\s*(?:{vocab.alternation('related_news_nouns')})\s+"
    rf"(?:{vocab.alternation('related_news_qualifiers')})\s*[،,]?\s*"
    rf"|و?(?:في السياق (?:ذاته|نفسه)|{vocab.alternation('side_openers')})\s*[،,]?\s*"
    rf"|و?(?:{vocab.alternation('noteworthy_openers')})\s+(?:أن|أنّ|ان)\s+"
    rf"|ما\s+(?:{vocab.alternation('relay_verb_stems')})\S*\s+[^،.:]{{2,60}}?\s+"
    rf"(?:{vocab.alternation('relay_prepositions')})\s+"
    rf"|[^.،:]{{0,80}}?(?:{vocab.alternation('publish_verbs')})\s+[^.،:]{{2,50}}?\s+"
    rf"(?:{vocab.alternation('published_items')})\s+"
    rf"(?:{vocab.alternation('gist_openers')})\s+"
)


def skip_frame(text: str, start: int, end: int) -> int:
    """Start of the proposition after a dateline ("بغداد (وكالة X) -", "تونس، 17 نوفمبر 2025 -") and leading
    time, link and outlet frames ("اليوم الأربعاء، ما نشرته صحيفة X عن ..."), as long as enough is left to read."""
    start = _after_dateline(text, start, end)
    while True:
        m = _LEADING_FRAME.match(text, start, end)
        if not m or m.end() == start or len(content_tokens(text[m.end() : end])) < MIN_CONTENT:
            return start
        start = m.end()


_DATELINE_DASH = re.compile(r"\s[-–—]\s")
_DATELINE_REACH = 90  # a dateline is the place, a date and an agency credit: a few words before the dash
_DATELINE_WORDS = 10


def _after_dateline(text: str, start: int, end: int) -> int:
    """After "PLACE، DATE (AGENCY) -": the prefix before the first dash is short and holds a date or a credit."""
    dash = _DATELINE_DASH.search(text, start, min(end, start + _DATELINE_REACH))
    if dash is None:
        return start
    prefix = text[start : dash.start()]
    if len(prefix.split()) > _DATELINE_WORDS or not (re.search(r"\d|\(", prefix)):
        return start
    after = dash.end()
    return after if len(content_tokens(text[after:end])) >= MIN_CONTENT else start


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
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
