"""How a correction names a quote so that it survives reanalysis: the article's sha256 and the quote's normalised
text, with the offsets only as a hint among equal texts. Evidence ids do not survive; these do."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Tatweel and the harakat: cleaning may keep or drop them without the sentence changing.
_MARKS = re.compile("[\u0640\u064b-\u0652\u0670]")


def quote_normalised(text: str) -> str:
    return " ".join(_MARKS.sub("", text).split())


def quote_identity(*, sha256: str, text: str, start: int, end: int) -> dict:
    """The stored identity of ``text[start:end]`` of the article whose upload has this sha256."""
    return {"sha256": sha256, "text": quote_normalised(text[start:end]), "start": start, "end": end}


def quote_locate(identity: dict, spans: Sequence[tuple[int, int]], text: str) -> int | None:
    """The index of the span whose quote is the identity's text (the nearest to the old offsets among equals);
    None when no span says exactly that: the correction is then orphaned, never moved to another sentence."""
    equal = [
        i for i, (start, end) in enumerate(spans) if quote_normalised(text[start:end]) == identity["text"]
    ]
    if not equal:
        return None
    return min(equal, key=lambda i: (abs(spans[i][0] - identity.get("start", 0)), i))


def quotes_in(identities: Iterable[dict], sha256: str) -> list[dict]:
    return [q for q in identities if q.get("sha256") == sha256]
