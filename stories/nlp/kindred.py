"""Forms of one act told two ways in two claim keys: a verb and its verbal noun, a form II pair, a noun in "ية"
and its base (the pairs similarity counts at KIN_WEIGHT)."""

from __future__ import annotations

from . import morph
from .claims.events import class_index
from .keymarks import AGENT_MARK, ENTITY_MARK, EVENT_MARK, PLACE_MARK, ROOT_MARK

__all__ = ["derived", "derived_partners", "kindred"]


def kindred(a: frozenset[str], b: frozenset[str]) -> list[tuple[str, str]]:
    """Forms of one act verb that only one side has, paired one to one: the verb and its verbal noun ("زار" /
    "زيارة", "افتتح" / "فتح", "وقّع" / "توقيع"): same event class (data/event_classes.txt) and same root skeleton.
    A skeleton alone is too weak ("سري" / "سوري"); the class alone would pair "التقى" with "اجتمع"."""
    classes = class_index()
    only_b: dict[str, list[str]] = {}
    for y in sorted(b - a):
        if y in classes:
            only_b.setdefault(classes[y], []).append(y)
    pairs = []
    for x in sorted(a - b):
        forms = only_b.get(classes[x], []) if x in classes else []
        found = next((y for y in forms if _one_root(morph.skeleton(x), morph.skeleton(y))), None)
        if found is not None:
            forms.remove(found)
            pairs.append((x, found))
    paired = {y for _, y in pairs}
    # derived pairs a five-letter noun with a three-letter verb, or a word with one letter more: only those
    # lengths are tried against each other.
    rest = b - a - paired
    for x in sorted(a - b - {x for x, _ in pairs}):
        forms = [y for y in derived_partners(x) if y in rest and y not in paired]
        if forms:
            found = min(forms)
            paired.add(found)
            pairs.append((x, found))
    return pairs


def derived_partners(x: str) -> tuple[str, ...]:
    """Every ``y`` with ``derived(x, y) or derived(y, x)``: at most one form II partner and one "ية" partner
    each way, spelled out instead of tried against every word."""
    found = []
    if len(x) == 5 and x[0] == "ت" and x[3] == "ي":
        found.append(x[1:3] + x[4])
    if len(x) == 3:
        found.append("ت" + x[:2] + "ي" + x[2])
    if x.endswith("ي"):
        found.append(x[:-1])
    found.append(x + "ي")
    return tuple(y for y in found if derived(x, y) or derived(y, x))


def derived(x: str, y: str) -> bool:
    """``x`` derives from ``y`` by a regular pattern: a form II verbal noun, or the noun in "ية" ("اتفاقية" /
    "اتفاق", "إطلاقية"): one word told two ways."""
    return _form2(x, y) or len(y) >= 4 and x == y + "ي" and y[0] not in _MARK_CHARS


_MARK_CHARS = "".join(m[0] for m in (ROOT_MARK, EVENT_MARK, ENTITY_MARK, PLACE_MARK, AGENT_MARK))


def _form2(noun: str, verb: str) -> bool:
    """A form II verbal noun and its verb, letter for letter ("تجميد" / "جمّد", "تسريح" / "سرّح"): the pattern
    makes the pair sure without a listed class."""
    return (
        len(noun) == 5
        and len(verb) == 3
        and noun[0] == "ت"
        and noun[3] == "ي"
        and noun[1:3] + noun[4] == verb
    )


def _one_root(x: str, y: str) -> bool:
    """Skeletons of one root, one of them keeping a derivational letter ("أنهى" / "انتهى": "انه" / "نه")."""
    short, long = sorted((x, y), key=len)
    if short == long:
        return True
    if len(short) < 2 or len(long) - len(short) > 2:
        return False
    it = iter(long)
    return all(c in it for c in short)
