"""The claim key: the matching signature the cross-article matcher compares (see match.py)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import morph
from ..keymarks import AGENT_MARK, DELEGATION, ENTITY_MARK, EVENT_MARK, HEAD_SEP, ROOT_MARK
from ..scanner import iter_words
from .background import mask_background
from .coordinated import mask_second_act
from .events import LATER, classes_of, conjoined_act, event_index, later_act
from .institutions import head_institutions, institution_tokens
from .places import head_places, place_tokens
from .relative import mask_relatives
from .subjects import Span, subject_head
from .tokens import content_tokens, stem, vocabulary


def claim_key(
    proposition: str,
    inherited_head: tuple[str, ...] = (),
    vocab: frozenset[str] | None = None,
    *,
    continued: bool = False,
    spans: Sequence[Span] | None = None,
    nominal: bool = False,
) -> tuple[str, ...]:
    """Matching signature: the subject's head tokens, HEAD_SEP, the remaining content tokens, their root
    skeletons, the event classes of their verbs and verbal nouns, and the kind of agent (see match.py).

    The head lets the matcher tell apart "A visited X" from "A's delegation visited X"; a clause coordinated
    without its own subject ("وأقامت حواراً") inherits the head of the clause before it. A subject that
    starts with a title is a person named in various ways across outlets: it gets no head, only the agent kind.
    With entity ``spans`` the head is the subject's entity token and only an entity (or a group) sets one.
    A ``nominal`` proposition (the verbal noun phrase a denial denies: "زيارة الوزير إلى تركيا") has no subject.
    """
    vocab = vocabulary(proposition) if vocab is None else vocab
    subject = None if nominal else subject_head(proposition, vocab, continued, spans)
    head, agent = subject if subject is not None else (() if nominal else inherited_head, None)
    head = (*head, *(t for t in head_places(head) if t not in head))  # "عمّان" as subject is also Jordan
    head = (*head, *(t for t in head_institutions(head) if t not in head))  # "البرلمان" is "مجلس النواب"
    named = dict.fromkeys(ENTITY_MARK + k for _, _, k, _ in spans or () if ENTITY_MARK + k not in head)
    # Another event told in a relative clause ("اتفاقاً ينهي إضراباً") is not this claim's: its act and words
    # stay out of the key, the places it names stay in (where the event happened still tells claims apart).
    masked = mask_background(mask_relatives(mask_second_act(proposition)))
    tokens = _conjoined_verb(proposition, content_tokens(masked, vocab))
    if subject is not None and _receives_delegation(proposition, inherited_head):
        tokens = [*tokens, DELEGATION]  # "... وفد زار X، حيث استقبلهم فلان": the pronoun is the delegation
    rest = [t for t in dict.fromkeys(tokens) if t not in head]
    roots = dict.fromkeys(ROOT_MARK + morph.skeleton(t) for t in (*head, *tokens) if _has_root(t))
    events = dict.fromkeys(EVENT_MARK + c for c in classes_of(proposition, tokens))
    if later_act(proposition):
        events[LATER] = None
    agents = (AGENT_MARK + agent,) if agent else ()
    places = (t for t in place_tokens(proposition) if t not in head)
    bodies = (t for t in institution_tokens(proposition) if t not in head and t not in named)
    return (*head, HEAD_SEP, *rest, *roots, *events, *named, *places, *bodies, *agents)


def _conjoined_verb(proposition: str, tokens: list[str]) -> list[str]:
    """ "وزار الوزير ...": the opening "و" + verb is stemmed as one word ("وزار", as in "وزارة"); key the verb."""
    first = next(iter_words(proposition), None)
    if first is None or conjoined_act(first) is None:
        return tokens
    whole = stem(first.norm)
    return [first.bare if t == whole else t for t in tokens]


@lru_cache(maxsize=65536)
def _has_root(token: str) -> bool:
    """Arabic words of three letters or more get a skeleton feature; numbers and Latin words do not."""
    return len(token) >= 3 and all("\u0621" <= c <= "\u064a" for c in token)


def _receives_delegation(proposition: str, inherited_head: tuple[str, ...]) -> bool:
    """A meeting verb whose plural object pronoun ("استقبلهم") can only be the delegation that
    was the subject of the clause just before."""
    if inherited_head != (DELEGATION,):
        return False
    events = event_index()
    for w in iter_words(proposition):
        for suffix in ("هم", "هما"):
            if w.bare.endswith(suffix) and events.get(stem(w.bare.removesuffix(suffix))) == "meet":
                return True
    return False
