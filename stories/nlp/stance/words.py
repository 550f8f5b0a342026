"""The word classes the stance rules read, loaded from ``data/`` (see each file's header for what it holds)."""

from __future__ import annotations

from .. import camel, vocab
from ..scanner import DENIAL_VERBS, NEWS_VERBS, REPORTING_VERBS

__all__ = [
    "COMPLEMENTIZERS",
    "CONFIRM_VERBS",
    "DENIAL_PHRASES",
    "DENIAL_VERBS",
    "DOUBT_PHRASES",
    "DOUBT_WORDS",
    "FIRST_PERSON",
    "IMPERSONAL",
    "INFO_NOUNS",
    "IN_SOURCE_VERBS",
    "NEGATIONS",
    "NEWS_OBJECTS",
    "NEWS_VERBS",
    "OBJECT_PREPOSITIONS",
    "OUTLET_NOUNS",
    "REPORTING_VERBS",
    "SOURCE_PREPOSITIONS",
    "SPEAKER_STOPS",
    "SUBORDINATORS",
    "TO_OBJECT_VERBS",
    "VAGUE_SOURCES",
]

IN_SOURCE_VERBS = vocab.words("in_source_verbs")
TO_OBJECT_VERBS = vocab.words("to_object_verbs")
IMPERSONAL = vocab.words("impersonal_verbs")
FIRST_PERSON = vocab.words("first_person_verbs")
CONFIRM_VERBS = vocab.words("confirm_verbs")
DOUBT_WORDS = vocab.words("doubt_words")
# Phrases are matched against a sentence's normalised words joined by spaces.
DENIAL_PHRASES = tuple(camel.normalize(p) for p in vocab.entries("denial_phrases"))
DOUBT_PHRASES = tuple(camel.normalize(p) for p in vocab.entries("doubt_phrases"))
INFO_NOUNS = vocab.words("info_nouns")
NEGATIONS = vocab.words("negations")
SUBORDINATORS = vocab.words("subordinators")
COMPLEMENTIZERS = vocab.words("complementizers")
# The general attribution markers ("حسب", "وفقا") and the stance rules' extra forms ("وبحسب").
SOURCE_PREPOSITIONS = vocab.words("attribution_markers") | vocab.words("source_prepositions_extra")
OUTLET_NOUNS = vocab.words("outlet_nouns_anaphoric")
SPEAKER_STOPS = vocab.words("speaker_stops")
OBJECT_PREPOSITIONS = vocab.words("object_prepositions")
NEWS_OBJECTS = vocab.words("news_objects")
VAGUE_SOURCES = vocab.words("vague_sources")
