"""How much of a denial a known claim covers: a denial words less than the report it denies, so it joins the
claim holding most of its own content (see match.ClaimIndex._denied)."""

from __future__ import annotations

from collections.abc import Callable

from .apart import act_names
from .keymarks import ENTITY_MARK, EVENT_MARK, PLACE_MARK, ROOT_MARK
from .similarity import KEY_MARKS, Entry, kindred, time_words
from .spellings import named_place


def denial_cover(denial: Entry, claim: Entry, weight: Callable[[str], float]) -> float:
    """Share of the denial's content weight that ``claim`` holds; zero unless they share a content word or an
    act (places, roots and entity tokens alone are not a proposition)."""
    kin = {x for x, _ in kindred(denial.tokens, claim.tokens)}
    shared = denial.tokens & claim.tokens | kin
    if not any(not t.startswith((ROOT_MARK, ENTITY_MARK, PLACE_MARK)) for t in shared):
        return 0.0
    places = {t for t in shared if t.startswith(PLACE_MARK)}
    # "فرنسا" against "باريس": once the country token is shared, the other spelling is not missing content.
    mass = sum(weight(t) for t in denial.tokens if t in shared or not named_place(t, places))
    return sum(weight(t) for t in shared) / mass if mass else 0.0


DENIAL_COVER = 0.6  # share of a denial's content (IDF-weighted) the denied claim must hold
DENIAL_NEAR = 0.5  # ... or less, when the two name the same act on the same object


def denial_cut(denial: Entry, claim: Entry) -> float:
    """The cover a denial needs to join ``claim``: less when both name one act, by its class or as a verb and
    its verbal noun ("نفى تجميد الودائع" / "جمّد الودائع"), and share a plain word besides (its object): the
    rest of the denial is then how the denier words it ("بالعملات الأجنبية" for "الدولارية")."""
    kin = kindred(denial.tokens, claim.tokens)
    shared = denial.tokens & claim.tokens
    act = bool(kin) or any(t.startswith(EVENT_MARK) and t[len(EVENT_MARK) :] in act_names() for t in shared)
    objects = [t for t in shared if not t.startswith(KEY_MARKS) and not t.isdigit() and t not in time_words()]
    return DENIAL_NEAR if act and objects else DENIAL_COVER
