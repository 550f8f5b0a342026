"""Claims: the checkable propositions of an article, cut out of their attribution frames, with a matching key.

A sentence is split into clauses where it carries separate propositions; each clause becomes one ClaimFound
whose quote is an exact slice of the cleaned text and whose ``key`` is what the cross-article matcher compares.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .. import camel
from ..fragments import opener_length
from ..keymarks import HEAD_SEP
from ..scanner import iter_words
from ..stance import find_attribution, resolve_outlet, stance_of
from ..stance.negation import denies
from ..stance.words import OBJECT_PREPOSITIONS
from ..types import ClaimFound, Mention, Sentence
from .clauses import (
    MIN_CONTENT,
    PARTICIPLE_FRAME,
    after_list_marker,
    skip_frame,
    skip_sentence,
    split_clauses,
    trim_span,
)
from .denied import after_denial_verb, denied_end, denied_start, restore_jussive, verb_first_object
from .keys import claim_key
from .lead import lead_end
from .rebuttal import settle
from .subjects import Span
from .tokens import content_tokens, drop_article, stem, vocabulary
from .wordlists import (
    AUX_VERBS,
    EVENT_NOUNS,
    FRAME_NOUNS,
    GROUP_NOUNS,
    LEADING_PREPOSITIONS,
    LIGHT_VERBS,
    STATE_NOUNS,
    STOPWORDS,
    TITLES,
)

__all__ = [
    "AUX_VERBS",
    "EVENT_NOUNS",
    "FRAME_NOUNS",
    "GROUP_NOUNS",
    "LEADING_PREPOSITIONS",
    "LIGHT_VERBS",
    "MIN_CONTENT",
    "STATE_NOUNS",
    "STOPWORDS",
    "Span",
    "TITLES",
    "claim_key",
    "content_tokens",
    "find_claims",
    "stem",
    "vocabulary",
]


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
    told_in = 0  # body sentences that gave claims so far
    vocab = vocabulary(text)
    for sent in sentences:
        sentence = text[sent.start : sent.end].rstrip()
        if sentence.endswith(":"):
            # "نفاها مصدر ... وقال:" is no claim itself: it frames the quote in the next sentence.
            context = sentence
            continue
        if not skip_sentence(text, sent):
            found = _in_span(mentions, sent.start, sent.end) if mentions is not None else None
            told = _sentence_claims(text, sent, context, sources, vocab, found)
            for claim in settle(text, sent, told, claims, told_in, context):
                claim, speaker = _with_implicit_speaker(claim, speaker)
                claims.append(claim)
            told_in += bool(told) and sentence.endswith(_FULL_STOPS)  # a headline has no full stop
        context = ""
    return tuple(claims)


_FULL_STOPS = (".", "!", "؟", "?")


def _with_implicit_speaker(claim: ClaimFound, last: str | None) -> tuple[ClaimFound, str | None]:
    """ "وأضافت أن ..." has no subject: the speaker is the one of the previous reported claim."""
    if claim.stance == "asserts":
        return claim, None  # the implicit subject only carries over from one reported claim to the next
    if claim.attributed_to is None and last is not None:
        return replace(claim, attributed_to=last), last
    return claim, claim.attributed_to or last


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
    start = after_list_marker(text, sent.start, sent.end)
    frame = find_attribution(text, start, sent.end)
    prop_start = frame.prop_start if frame and frame.prop_start > start else start
    prop_end = (
        frame.prop_end if frame and frame.prop_end < sent.end and frame.prop_start <= start else sent.end
    )
    # A denial frame stays in the quote: an editor must see "نفى ..." next to what was denied.
    quote_from = start if frame and frame.kind == "deny" else None
    rest: tuple[int, int] | None = None
    if verb_first_object(text, start, sent.end) is not None:
        # "نفت الوزارة وفاة أي رضيع، مؤكدة أن ...": the denial and its object are one claim up to the comma.
        prop_start, prop_end, quote_from = start, denied_end(text, start, sent.end), None
        rest = (prop_end + 1, sent.end) if prop_end < sent.end else None
    out: list[ClaimFound] = []
    lead = lead_end(text, start, frame.prop_start) if frame and frame.prop_start > start else None
    if (
        lead is not None
    ):  # "وأعلنت الوزارة زيادة الحصص، مشيرة إلى أن ...": the act before the frame is a claim
        out += _sentence_claims(text, Sentence(start, lead), context, sources, vocab, mentions)
    head: tuple[str, ...] = ()
    for c_start, c_end in split_clauses(text, prop_start, prop_end):
        claim = _claim(text, (c_start, c_end), context, sources, head, vocab, quote_from, bool(out), mentions)
        quote_from = None
        if claim is not None:
            out.append(claim)
            head = claim.key[: claim.key.index(HEAD_SEP)]
    if rest is not None:
        # What the denier goes on to say after the comma is its own statement, unless it denies again.
        out += [
            replace(c, stance="attributes") if c.stance == "denies" and not denies(c.proposition) else c
            for c in _sentence_claims(text, Sentence(rest[0], rest[1]), context, sources, vocab, mentions)
        ]
    if not out and frame and frame.prop_start > start:
        # "قالت الصحيفة: كذا" with a fragment after the frame: keep the whole sentence readable.
        claim = _claim(text, (start, sent.end), context, sources, (), vocab, None, False, mentions)
        out = [claim] if claim else []
    return out


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
    start, end = trim_span(text, *span)
    start, end = trim_span(text, skip_frame(text, start, end), end)
    if end - start < 8:
        return None
    proposition = text[start:end]
    if len(content_tokens(proposition, vocab)) < MIN_CONTENT and not _denies_report(
        text, start, end, context
    ):
        return None
    stance, speaker = stance_of(text, start, end, context)
    if speaker:
        speaker = resolve_outlet(text, start, speaker, tuple(sources))
    said = PARTICIPLE_FRAME.match(text, start, end)
    if said and len(content_tokens(text[said.end() : end], vocab)) >= MIN_CONTENT:
        # "...، مشيراً إلى أن X": X is still the speaker's; the quote keeps the participle, the key does not.
        quote_from = start if quote_from is None else quote_from
        start, proposition = said.end(), text[said.end() : end]
        if stance == "asserts" or (stance == "denies" and not denies(proposition)):
            stance = "attributes"  # "نفت الوزارة احتجازه، مؤكدة أنه أدلى بإفادته": the denier's own statement
    # A denial of circulating reports is keyed on what it denies, so it meets the report (see denied.py).
    denied = denied_start(text, start, end) if stance == "denies" else None
    key_start = denied or start
    key_end = denied_end(text, key_start, end) if stance == "denies" else end
    spans = None
    if mentions is not None:
        spans = tuple(_span(text, m, key_start) for m in _in_span(mentions, key_start, key_end))
    keyed = restore_jussive(text[key_start:key_end]) if stance == "denies" else text[key_start:key_end]
    nominal = denied is not None or (
        stance == "denies"
        and (_after_object_preposition(text, key_start) or after_denial_verb(text, key_start))
    )
    key = claim_key(keyed, inherited_head, vocab, continued=continued, spans=spans, nominal=nominal)
    quote_start = trim_span(text, quote_from, end)[0] if quote_from is not None else start
    quote_start += opener_length(text[quote_start:end])  # the shown quote opens with its verb or subject
    if quote_start > start:  # the key was made before: it already ignores the conjunction
        proposition = text[quote_start:end]
    return ClaimFound(quote_start, end, proposition, key, stance, speaker)


def _after_object_preposition(text: str, start: int) -> bool:
    """The denial frame already ended at "... الأنباء عن": what follows is the denied act as a noun phrase. A
    listed verbal noun ("زيارة المشير فلان") keeps the agent named after it (see subjects.subject_head)."""
    before = text[max(0, start - 12) : start].split()
    first = next(iter_words(text, start), None)
    if first is not None and drop_article(first.norm) in EVENT_NOUNS:
        return False
    return bool(before) and camel.normalize(before[-1]) in OBJECT_PREPOSITIONS


def _span(text: str, m: Mention, offset: int) -> Span:
    begin = m.start
    if m.epithet:
        found = text.rfind(m.epithet, max(0, m.start - len(m.epithet) - 12), m.start)
        begin = found if found >= 0 else begin
    return (m.start - offset, m.end - offset, m.entity_key, begin - offset)


def _denies_report(text: str, start: int, end: int, context: str) -> bool:
    """ "نفى مصدر الأنباء عن استقالة الوزير" is short but checkable: it denies a named event."""
    found = denied_start(text, start, end)
    return (
        found is not None
        and bool(content_tokens(text[found:end]))
        and stance_of(text, start, end, context)[0] == "denies"
    )
