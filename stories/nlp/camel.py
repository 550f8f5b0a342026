"""camel-tools access for the pipeline: always-on normalisation and tokenisation, optional models loaded lazily.

camel_tools.morphology / disambig / ner try to download data when imported without
``$CAMELTOOLS_DATA/catalogue.json``, so they are imported only inside the loaders below, after
``data_available()`` has said the data is there. Each model is loaded at most once per process.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

log = logging.getLogger(__name__)

_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_FAILED: dict[str, str] = {}  # component -> why loading failed, for status()


# Words and short phrases are normalised over and over (every stage walks the same sentences), so
# those results are memoised; whole texts are not, to keep the cache small.
_WORD_CACHE_MAX_LEN = 48
_WORD_CACHE_SIZE = 65_536
_word_cache: dict[str, str] = {}


def normalize(text: str) -> str:
    """Fold the spelling variants Arabic news mixes freely: diacritics, alef forms, yaa/alef maksura, teh marbuta."""
    folded = _word_cache.get(text)
    if folded is not None:
        return folded
    folded = _normalize(text)
    if len(text) <= _WORD_CACHE_MAX_LEN:
        if len(_word_cache) >= _WORD_CACHE_SIZE:
            _word_cache.clear()  # a crude bound; the common words come back within one article
        _word_cache[text] = folded
    return folded


def _normalize(text: str) -> str:
    text = dediac_ar(normalize_unicode(text)).replace("\u0640", "")
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))


@functools.lru_cache(maxsize=65_536)
def normalize_light(text: str) -> str:
    """``normalize`` without folding alef maksura into yaa, so "على" (on) stays apart from the name "علي"."""
    text = dediac_ar(normalize_unicode(text)).replace("\u0640", "")
    return normalize_teh_marbuta_ar(normalize_alef_ar(text))


def tokenize(text: str) -> list[str]:
    return simple_word_tokenize(text)


def data_dir() -> Path:
    """Where camel-tools looks for its data: ``$CAMELTOOLS_DATA``, else ``~/.camel_tools``."""
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser().absolute() if env else Path.home() / ".camel_tools"


def data_available() -> bool:
    return _catalogue_present(os.environ.get("CAMELTOOLS_DATA"))


@functools.cache
def _catalogue_present(env: str | None) -> bool:
    # Asked for every sentence; the data directory does not change under a running worker.
    return (data_dir() / "catalogue.json").is_file()


def lemmatize(tokens: list[str]) -> list[str] | None:
    """Dediacritised lemma per token (MLE disambiguator, else the analyzer's most probable analysis).

    None when no morphology database is installed. Tokens without Arabic letters, and words the
    database does not know, come back as themselves (dediacritised).
    """
    model = _morphology(str(data_dir())) if data_available() else None
    if model is None:
        return None
    kind, engine = model
    return [_lemma(kind, engine, token) if _ARABIC.search(token) else token for token in tokens]


def ner_labels(tokens: list[str]) -> list[str] | None:
    """BIO labels (B-PERS, I-LOC, O ...) per token from camel-tools' NER model; None unless it is installed."""
    recognizer = _ner(str(data_dir())) if data_available() else None
    if recognizer is None or not tokens:
        return None if recognizer is None else []
    return list(recognizer.predict_sentence(tokens))


def status() -> dict[str, Any]:
    """Which optional camel-tools models are installed and usable, for the admin/README line."""
    available = data_available()
    morph = _dataset_path("MorphologyDB", "morphology.db") if available else None
    mle = _dataset_path("DisambigMLE", "model.json") if available else None
    ner = _dataset_path("NamedEntityRecognition", "config.json") if available else None
    lemmas = ("mle" if mle else "analyzer") if morph else None
    return {
        "data_dir": str(data_dir()),
        "catalogue": available,
        "lemmatizer": None if "morphology" in _FAILED else lemmas,
        "ner": bool(ner) and "ner" not in _FAILED,
        "errors": dict(_FAILED),
    }


def _dataset_path(component: str, filename: str) -> Path | None:
    """The default dataset of a catalogue component, if its file is actually on disk."""
    try:
        catalogue = json.loads((data_dir() / "catalogue.json").read_text(encoding="utf-8"))
        entry = catalogue["components"][component]
        relative = entry["datasets"][entry["default"]]["path"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    path = data_dir() / "data" / relative
    return path if (path / filename).is_file() else None


@functools.cache
def _morphology(root: str) -> tuple[str, Any] | None:
    db_dir = _dataset_path("MorphologyDB", "morphology.db")
    if db_dir is None:
        return None
    try:
        from camel_tools.morphology.analyzer import Analyzer
        from camel_tools.morphology.database import MorphologyDB

        db = MorphologyDB(str(db_dir / "morphology.db"), "a")
        # Proper-noun backoff keeps unknown names analysable; only if the database defines it.
        backoff = "NOAN_PROP" if "PROP" in db.stem_backoffs and "NOAN" in db.stem_hash else "NONE"
        analyzer = Analyzer(db, backoff, cache_size=50000)
        mle_dir = _dataset_path("DisambigMLE", "model.json")
        if mle_dir is None:
            return "analyzer", analyzer
        from camel_tools.disambig.mle import MLEDisambiguator

        return "mle", MLEDisambiguator(analyzer, str(mle_dir / "model.json"))
    except Exception as exc:  # a broken data install must not break analysis
        _FAILED["morphology"] = f"{type(exc).__name__}: {exc}"
        log.warning("camel-tools morphology unavailable: %s", exc)
        return None


@functools.cache
def _ner(root: str) -> Any | None:
    model_dir = _dataset_path("NamedEntityRecognition", "config.json")
    if model_dir is None:
        return None
    try:
        from camel_tools.ner import NERecognizer

        return NERecognizer(str(model_dir), use_gpu=False)
    except Exception as exc:  # torch/transformers missing or model files broken
        _FAILED["ner"] = f"{type(exc).__name__}: {exc}"
        log.warning("camel-tools NER unavailable: %s", exc)
        return None


def _lemma(kind: str, engine: Any, token: str) -> str:
    if kind == "mle":
        scored = engine.disambiguate([token])[0].analyses
        analysis = scored[0].analysis if scored else None
    else:
        analyses = engine.analyze(token)
        analysis = max(analyses, key=_logprob, default=None)
    lex = analysis.get("lex") if analysis else None
    return dediac_ar(lex) if lex else dediac_ar(token)


def _logprob(analysis: dict) -> float:
    value = analysis.get("pos_lex_logprob")
    return -99.0 if value is None else float(value)
