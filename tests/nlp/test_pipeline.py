"""The whole pipeline: invented texts and bad input, then the five seeds matched across outlets."""

from __future__ import annotations

import itertools

import pytest

from stories.nlp.match import ClaimIndex, assign
from stories.nlp.pipeline import VERSION, analyse
from stories.nlp.types import STANCES, Analysis, AnalysisError
from tests.conftest import SEEDS, require_or_skip

ARTICLE = """انقطاع الكهرباء في العاصمة

قالت وزارة الطاقة يوم الأحد 3 مارس 2024 إن محطة التوليد الرئيسية توقفت عن العمل بسبب عطل فني.
ونفت الوزارة الأنباء المتداولة عن تعرض المحطة لهجوم إلكتروني.
"""


def test_analyse_text_returns_consistent_offsets():
    result = analyse(ARTICLE)
    assert isinstance(result, Analysis) and result.version == VERSION
    assert result.claims, "the article states claims"
    for sentence in result.sentences:
        assert (
            result.text[sentence.start : sentence.end].strip() == result.text[sentence.start : sentence.end]
        )
    for claim in result.claims:
        assert claim.stance in STANCES
        assert claim.proposition in result.text[claim.start : claim.end]
    assert {c.stance for c in result.claims} == {"attributes", "denies"}
    assert any(d.date == "2024-03-03" for d in result.dates)


def test_bytes_and_text_give_the_same_analysis():
    assert analyse(ARTICLE.encode("utf-8"), filename="a.txt").claims == analyse(ARTICLE).claims


@pytest.mark.parametrize("data", [b"", b"   \n", "", "\n\n", b"\x00\x01\x02\x03" * 50])
def test_bad_input_raises_analysis_error(data):
    with pytest.raises(AnalysisError):
        analyse(data)


@pytest.fixture(scope="module")
def seeds() -> list[Analysis]:
    require_or_skip(len(SEEDS) == 5, "../shared/seeds with the five seed articles")
    return [analyse(path.read_bytes(), filename=path.name, sources=("الشرق الأوسط",)) for path in SEEDS]


@pytest.fixture(scope="module")
def seed_groups(seeds) -> list[tuple[int, object, int]]:
    """(article number, claim, claim id) for every claim, matched in the canonical order."""
    index, counter, rows = ClaimIndex(), itertools.count(1), []
    for n, analysis in enumerate(seeds):
        ids = assign(index, analysis.claims, lambda: next(counter))
        rows += [(n, claim, claim_id) for claim, claim_id in zip(analysis.claims, ids, strict=True)]
    return rows


def _ids(rows, article, *words):
    return {i for n, c, i in rows if n == article and all(w in c.proposition for w in words)}


def test_seed_quotes_are_exact_slices(seeds):
    for analysis in seeds:
        for claim in analysis.claims:
            quote = analysis.text[claim.start : claim.end]
            assert quote and quote == quote.strip() and claim.proposition in quote


def test_at_least_eight_claims_are_shared_across_seed_articles(seed_groups):
    articles: dict[int, set[int]] = {}
    for n, _, claim_id in seed_groups:
        articles.setdefault(claim_id, set()).add(n)
    assert sum(len(a) >= 2 for a in articles.values()) >= 8


def test_the_three_visits_are_three_claims(seed_groups):
    haftar = _ids(seed_groups, 0, "زيارة سريّة قام بها")
    kamel = _ids(seed_groups, 0, "عباس كامل")
    delegation = _ids(seed_groups, 3, "وفداً تابعاً")
    assert len(haftar) == len(kamel) == len(delegation) == 1
    assert len(haftar | kamel | delegation) == 3
    # each of the two secret visits is reported by more than one outlet
    assert haftar <= _ids(seed_groups, 2, "بزيارة سرية إلى دمشق") | _ids(seed_groups, 4, "بزيارة سرية")
    assert kamel <= _ids(seed_groups, 2, "عباس كامل") and kamel <= _ids(seed_groups, 1, "عباس كامل")


def test_seed_004_denies_the_secret_visit_and_separately_attributes_it(seed_groups):
    haftar = _ids(seed_groups, 0, "زيارة سريّة قام بها")
    evidence = [(c.stance, c.attributed_to) for n, c, i in seed_groups if n == 4 and i in haftar]
    assert any(stance == "denies" and speaker and "مصدر عسكري" in speaker for stance, speaker in evidence)
    assert ("attributes", "الشرق الأوسط") in evidence


def test_seed_non_confirmation_is_not_a_denial(seeds):
    claim = next(c for c in seeds[4].claims if "يؤكد أي مصدر" in seeds[4].text[c.start : c.end])
    assert claim.stance in ("doubts", "attributes")


def test_seed_generic_newspaper_resolves_to_the_named_outlet(seeds):
    claim = next(c for c in seeds[0].claims if c.proposition.startswith("الهدف المعلن"))
    assert (claim.stance, claim.attributed_to) == ("attributes", "الشرق الأوسط")
