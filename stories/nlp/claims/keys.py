"""The claim key: the matching signature the cross-article matcher compares (see match.py)."""

from __future__ import annotations

from collections.abc import Sequence

from .. import morph
from ..match import AGENT_MARK, ENTITY_MARK, EVENT_MARK, HEAD_SEP, ROOT_MARK
from .events import _classes_of
from .subjects import Span, _subject_head
from .tokens import content_tokens, vocabulary


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


def _has_root(token: str) -> bool:
    """Arabic words of three letters or more get a skeleton feature; numbers and Latin words do not."""
    return len(token) >= 3 and all("\u0621" <= c <= "\u064a" for c in token)
