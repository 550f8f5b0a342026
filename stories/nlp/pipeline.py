"""The whole analysis of one upload, stage by stage as the data flows: decode, clean, dates, sentences, entities,
then claims with their stances."""

from __future__ import annotations

import gc
import re
from collections.abc import Sequence
from functools import cache

from .claims import find_claims
from .clean import clean
from .dates import find_dates
from .decode import decode_bytes
from .entities import find_entities
from .sentences import split_sentences
from .types import Analysis, AnalysisError, GazetteerEntry
from .vocab import entries

# Bump when any stage changes its output, so stored analyses can be recomputed.
VERSION = "1.9"

_HTML_HINT = re.compile(r"<\s*(?:html|body|head|p|div|article|br|meta)\b", re.IGNORECASE)


def analyse(
    data: bytes | str,
    *,
    filename: str | None = None,
    is_html: bool | None = None,
    gazetteer: Sequence[GazetteerEntry] = (),
    sources: Sequence[str] = (),
) -> Analysis:
    """Analyse one article; raises AnalysisError for input that is not readable text."""
    raw, detected_html = _decode(data, filename)
    cleaned = clean(raw, is_html=detected_html if is_html is None else is_html)
    text = cleaned.text
    if not any(ch.isalpha() for ch in text):
        raise AnalysisError("The file has no readable article text.")
    published = cleaned.published_at.date() if cleaned.published_at else None
    dates = find_dates(text, published)
    sentences = split_sentences(text)
    entities, mentions = find_entities(text, tuple(gazetteer))
    claims = find_claims(text, sentences, sources=tuple(sources), mentions=tuple(mentions))
    return Analysis(
        text=text,
        title=cleaned.title,
        published_at=cleaned.published_at,
        published_has_time=cleaned.published_has_time,
        sentences=sentences,
        entities=tuple(entities),
        mentions=tuple(mentions),
        claims=claims,
        dates=dates,
        removed=cleaned.removed,
        version=VERSION,
        site_name=cleaned.site_name,
    )


@cache
def preload() -> None:
    """Load every word list and table the analysis reads, then leave them out of the garbage collector's rounds.

    For a process about to analyse many articles (a worker, a bulk import), before the first; it runs once per
    process. The tables (ours and camel-tools') are large and live as long as the process: without this, every
    full collection walks them all again, about 40 ms each time on this machine.
    """
    analyse("\n\n".join(entries("warm_up")))
    gc.collect()
    gc.freeze()


def _decode(data: bytes | str, filename: str | None) -> tuple[str, bool]:
    if isinstance(data, bytes):
        if not data.strip():
            raise AnalysisError("The file is empty.")
        return decode_bytes(data, filename)
    if not isinstance(data, str):
        raise AnalysisError("Expected the article as bytes or text.")
    if not data.strip():
        raise AnalysisError("The text is empty.")
    by_name = bool(filename and filename.lower().endswith((".html", ".htm")))
    return data, by_name or bool(_HTML_HINT.search(data[:5000]))
