"""Denials keyed on what they deny (issue 9 item 3): the report frame, negated facts, capitals for countries."""

from __future__ import annotations

import itertools

from stories.nlp import match
from stories.nlp.claims.denied import denied_end, denied_start, restore_jussive
from stories.nlp.claims.places import place_tokens
from stories.nlp.types import ClaimFound


def test_denied_content_follows_the_report_noun() -> None:
    text = "نفى مصدر في وزارة الخارجية الأنباء عن زيارة الوزير إلى تركيا"
    assert text[denied_start(text, 0, len(text)) :] == "زيارة الوزير إلى تركيا"
    text = "لا صحة لما تداولته وسائل إعلام عن فرض رسوم جديدة"
    assert text[denied_start(text, 0, len(text)) :] == "فرض رسوم جديدة"
    assert denied_start("الوزير لم يزر أنقرة", 0, 19) is None


def test_negated_fact_ends_at_its_comma_and_regains_its_vowel() -> None:
    text = "الوزير لم يزر أنقرة، وكل ما نُشر مجرد تكهنات"
    assert text[: denied_end(text, 0, len(text))] == "الوزير لم يزر أنقرة"
    assert restore_jussive("الوزير لم يزر أنقرة") == "الوزير لم زار أنقرة"


def test_capital_country_and_nisba_capital_share_a_place_token() -> None:
    ankara, turkey = place_tokens("زار الوزير أنقرة"), place_tokens("زيارة الوزير إلى تركيا")
    assert ankara == turkey
    assert place_tokens("زار العاصمة الأردنية") == place_tokens("فتحت الأردن المعبر")[:1]
    assert place_tokens("زار الوزير المعبر") == []


def _claim(text: str, stance: str) -> ClaimFound:
    from stories.nlp.claims import find_claims
    from stories.nlp.sentences import split_sentences

    found = find_claims(text, split_sentences(text))
    return [c for c in found if c.stance == stance][0]


def test_denial_naming_the_country_joins_the_report_naming_the_capital() -> None:
    report = _claim(
        "ذكرت مصادر أن العلوي زار باريس الأسبوع الماضي لإجراء مقابلة مع مؤسسة دولية.", "attributes"
    )
    denial = _claim("وأوضح البيان أن العلوي لم يزر فرنسا خلال الشهر الجاري.", "denies")
    other = _claim("ذكرت مصادر أن العلوي التقى رئيس البنك في الرباط.", "attributes")
    index, counter = match.ClaimIndex(), itertools.count(1)
    ids = [match.assign(index, [c], lambda: next(counter))[0] for c in (report, other, denial)]
    assert ids[2] == ids[0] != ids[1]
