"""The markers a claim key is written with, shared by the claim stage that writes keys and the matcher that
compares them.

A key is ``(*subject_head, HEAD_SEP, *content_tokens)``; content tokens carry a prefix saying what they are.
"""

from __future__ import annotations

HEAD_SEP = "|"
# Prefix of root-skeleton tokens (see morph.skeleton): they let "زار" meet "زيارة" but weigh less than words.
ROOT_MARK = "√"
# Prefix of event-class tokens (see data/event_classes.txt): "التقى", "اجتمع", "استقبل" all give one token.
EVENT_MARK = "~"
# Prefix of agent-kind tokens: they only decide conflicts, they carry no content.
AGENT_MARK = "@"
# Prefix of entity tokens: the entity_key of a mention, so "حفتر" and "المشير خليفة حفتر" give one token.
ENTITY_MARK = "="
GROUP = AGENT_MARK + "group"
STATE = AGENT_MARK + "state"  # a government, a ministry, a country or its capital as the subject
# The one token every collective subject gets (see claims.subjects), also found as an object ("التقى وفداً").
DELEGATION = "وفد"
# Prefix of country tokens: a country, its capital or seat of government, and "the <nisba> capital" all give the
# country ("أنقرة", "تركيا" and "العاصمة التركية" meet), see claims.places.
PLACE_MARK = "⌂"
