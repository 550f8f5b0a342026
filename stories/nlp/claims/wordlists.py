"""Word classes for claims, loaded from ``data/``: stopwords, light and auxiliary verbs, titles, and the nouns
that decide a subject."""

from __future__ import annotations

from .. import vocab

# The general function words and the claim stage's own filler ("الجاري", "مفاده", report nouns, weekdays).
STOPWORDS = (
    vocab.words("claim_stopwords_extra") | vocab.words("function_words") | vocab.words("content_frame_verbs")
)
AUX_VERBS = vocab.words("aux_verbs")
LIGHT_VERBS = vocab.words("light_verbs")
TITLES = vocab.words("subject_titles")
EVENT_NOUNS = vocab.words("event_nouns")
# Place names count as states too (from the place list).
STATE_NOUNS = vocab.words("state_nouns")
GROUP_NOUNS = vocab.words("group_nouns")
FRAME_NOUNS = vocab.words("frame_nouns")
LEADING_PREPOSITIONS = vocab.words("leading_prepositions")
