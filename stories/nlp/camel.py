"""camel-tools access for the pipeline: always-on normalisation and tokenisation, optional models loaded lazily."""

from __future__ import annotations

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)


def normalize(text: str) -> str:
    """Fold the spelling variants Arabic news mixes freely: diacritics, alef forms, yaa/alef maksura, teh marbuta."""
    text = dediac_ar(normalize_unicode(text)).replace("\u0640", "")
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))


def tokenize(text: str) -> list[str]:
    return simple_word_tokenize(text)
