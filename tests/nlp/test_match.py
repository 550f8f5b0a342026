"""Cross-article matching: paraphrases meet, different propositions about the same people stay apart.

Run ``python -m tests.nlp.test_match`` to print the matcher's speed against 10,000 stored claims.
"""

from __future__ import annotations

import itertools
import random
import time
from dataclasses import dataclass

import pytest

from stories.nlp import match
from stories.nlp.claims import claim_key, find_claims
from stories.nlp.match import HEAD_SEP, ClaimIndex, assign, claim_similarity
from stories.nlp.paraphrase import paraphrase_probability
from stories.nlp.sentences import split_sentences
from stories.nlp.similarity import key_entry, similarity

# Three outlets on an invented story: a minister's secret trip, his delegation's trip, another official's trip.
OUTLET_A = """قام وزير الطاقة سليم العبدالله بزيارة سرية إلى مدينة بورتو الأسبوع الماضي.
وقالت مصادر إن وفدا من وزارة الطاقة زار مدينة بورتو والتقى مسؤولي شركة النفط الوطنية.
وأجرى مدير المخابرات كمال الزين زيارة سرية أخرى إلى رئيس شركة النفط نادر حمدان.
"""
OUTLET_B = """ذكرت صحيفة محلية أن العبدالله قام قبل أيام بزيارة سرية لم يعلن عنها إلى بورتو.
وكشفت الصحيفة أن الزين التقى سرا رئيس شركة النفط حمدان في مكتبه.
"""
OUTLET_C = """نفى متحدث باسم وزارة الطاقة الأنباء عن زيارة سرية قام بها الوزير سليم العبدالله إلى بورتو.
"""


def _claims(text):
    return find_claims(text, split_sentences(text))


def _groups(*texts):
    index, counter = ClaimIndex(), itertools.count(1)
    found = []
    for n, text in enumerate(texts):
        claims = _claims(text)
        found += [
            (n, c, i) for c, i in zip(claims, assign(index, claims, lambda: next(counter)), strict=True)
        ]
    return index, found


def _id_of(found, words):
    return next(i for _, c, i in found if all(w in c.proposition for w in words))


def test_same_visit_in_three_outlets_is_one_claim_and_other_visits_stay_apart():
    _, found = _groups(OUTLET_A, OUTLET_B, OUTLET_C)
    minister = {_id_of(found, ["بزيارة سرية إلى مدينة بورتو"]), _id_of(found, ["العبدالله قام قبل أيام"])}
    minister.add(_id_of(found, ["زيارة سرية قام بها الوزير"]))
    assert len(minister) == 1
    delegation = _id_of(found, ["وفدا من وزارة الطاقة"])
    spy_chief = _id_of(found, ["كمال الزين"])
    assert len({*minister, delegation, spy_chief}) == 3
    assert _id_of(found, ["الزين التقى سرا"]) == spy_chief
    denial = next(c for n, c, _ in found if n == 2)
    assert OUTLET_C[denial.start : denial.end].startswith("نفى")
    assert (denial.stance, denial.attributed_to) == ("denies", "متحدث باسم وزارة الطاقة")


def test_reordered_paraphrase_matches_and_different_subject_does_not():
    a = claim_key("وقعت الحكومة اتفاقا مع صندوق النقد الدولي للحصول على قرض")
    b = claim_key("اتفاق للحصول على قرض من صندوق النقد الدولي وقعته الحكومة")
    c = claim_key("وقعت المعارضة اتفاقا مع صندوق النقد الدولي للحصول على قرض")
    assert claim_similarity(a, b) > claim_similarity(a, c)
    index = ClaimIndex()
    index.add(1, a)
    assert index.best(b) == (1, index.best(b)[1])
    assert index.best(c) is None


def test_index_counts_claims_not_keys_and_ignores_empty_keys():
    index = ClaimIndex()
    index.add(1, ("حكوم", HEAD_SEP, "قرض"))
    index.add(1, ("حكوم", HEAD_SEP, "قرض", "صندوق"))
    index.add(2, (HEAD_SEP,))
    assert len(index) == 1
    assert index.best(("مطر", HEAD_SEP, "غزير")) is None


def test_two_clauses_of_one_article_can_share_a_claim():
    text = "أعلنت الشركة إغلاق مصنعها في المدينة الصناعية. وأعلنت الشركة إغلاق مصنعها في المدينة الصناعية نهائيا."
    index, counter = ClaimIndex(), itertools.count(1)
    claims = _claims(text)
    ids = assign(index, claims, lambda: next(counter))
    assert len(claims) == 2 and ids[0] == ids[1]


@dataclass(frozen=True)
class _Fake:
    key: tuple[str, ...]


def _synthetic_keys(n: int, seed: int = 7) -> list[tuple[str, ...]]:
    """Keys drawn from a Zipf-like vocabulary, shaped like real ones (a head, then ~12 tokens)."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20000)]
    weights = [1 / (i + 1) for i in range(len(vocab))]
    keys = []
    for _ in range(n):
        words = rng.choices(vocab, weights, k=13)
        keys.append((words[0], HEAD_SEP, *dict.fromkeys(words[1:])))
    return keys


def test_synthetic_index_finds_a_stored_key_among_many():
    keys = _synthetic_keys(2000)
    index = ClaimIndex()
    for n, key in enumerate(keys):
        index.add(n, key)
    assert index.best(keys[1234]) == (1234, pytest.approx(1.0))


def bench(stored: int = 10_000, article_claims: int = 40) -> dict[str, float]:
    """Time one article's assignment against ``stored`` claims; returns figures in milliseconds."""
    keys = _synthetic_keys(stored + article_claims)
    index = ClaimIndex()
    start = time.perf_counter()
    for n, key in enumerate(keys[:stored]):
        index.add(n, key)
    built = time.perf_counter()
    counter = itertools.count(stored)
    assign(index, [_Fake(k) for k in keys[stored:]], lambda: next(counter))
    done = time.perf_counter()
    return {"build_ms": (built - start) * 1000, "article_ms": (done - built) * 1000}


def test_bench_runs():
    figures = bench(stored=500, article_claims=5)
    assert set(figures) == {"build_ms", "article_ms"}


if __name__ == "__main__":
    for size in (1_000, 10_000, 50_000):
        print(size, {k: round(v, 1) for k, v in bench(stored=size).items()})


def test_one_act_named_through_different_state_actors_matches():
    index = ClaimIndex()
    index.add(1, claim_key("أعادت الحكومة فتح القنصلية الأردنية في مدينة البصرة بعد إغلاقها"))
    index.add(2, claim_key("وقع وزير الزراعة اتفاقا لاستيراد القمح من أستراليا"))
    found = index.best(claim_key("قام النظام بافتتاح القنصلية الأردنية في البصرة"))
    assert found is not None and found[0] == 1


def test_event_classes_let_synonymous_predicates_meet_and_agents_of_other_kinds_stay_apart():
    met = claim_key("اجتمع وزير المالية سامي العلي بمدير البنك المركزي نزار حداد في بيروت")
    also_met = claim_key("التقى وزير المالية سامي العلي مدير البنك المركزي نزار حداد في بيروت أمس")
    delegation = claim_key("التقى وفد من وزارة المالية مدير البنك المركزي نزار حداد في بيروت")
    assert any(t.startswith("~") for t in met) and {t for t in met if t.startswith("~")} <= set(also_met)
    assert claim_similarity(met, also_met) > claim_similarity(also_met, delegation)
    index = ClaimIndex()
    index.add(1, also_met)
    assert index.best(met) is not None and index.best(met)[0] == 1
    assert index.best(delegation) is None


def test_named_minister_and_unnamed_minister_may_be_one_person_but_his_delegation_is_not():
    named = ("=سامي علي", HEAD_SEP, "التقي", "مستثمر", "جنيف", "~meet", "=جنيف", "@person")
    unnamed = (HEAD_SEP, "التقي", "مستثمر", "جنيف", "~meet", "=جنيف", "@person")
    delegation = ("وفد", HEAD_SEP, "التقي", "مستثمر", "جنيف", "~meet", "=جنيف", "=سامي علي", "@group")
    assert claim_similarity(named, unnamed) > 0.8
    assert claim_similarity(named, delegation) < 0.44


def test_entity_tokens_bridge_different_spellings_of_one_name():
    a = ("=سامي علي", HEAD_SEP, "علي", "وقع", "اتفاق", "قرض", "=سامي علي")
    b = ("=سامي علي", HEAD_SEP, "سامي", "علي", "وقع", "اتفاق", "قرض")
    c = ("=نزار حداد", HEAD_SEP, "حداد", "وقع", "اتفاق", "قرض")
    assert claim_similarity(a, b) > 0.44 > claim_similarity(a, c)


# Second stage: near misses on the keys are checked by the ANS-trained paraphrase verifier.
TALKS_RESUME = "استئناف المفاوضات بين النقابة والشركة"
TALKS_BACK = "عودة الحوار بين الشركة والنقابة"
WHEAT = "وقع وزير الزراعة اتفاقا لاستيراد القمح من أستراليا"


def _near_miss_index(with_proposition: bool) -> ClaimIndex:
    index = ClaimIndex()
    index.add(1, claim_key(TALKS_RESUME), TALKS_RESUME if with_proposition else "")
    index.add(2, claim_key(WHEAT), WHEAT if with_proposition else "")
    return index


def test_paraphrase_probability_separates_a_paraphrase_from_a_contradiction():
    cut = "البنك المركزي يخفض سعر الفائدة نصف نقطة"
    same = "خفض سعر الفائدة نصف نقطة مئوية من البنك المركزي"
    opposite = "البنك المركزي يرفع سعر الفائدة نصف نقطة"
    assert paraphrase_probability(cut, same) >= match.PARAPHRASE_CUT
    assert paraphrase_probability(cut, opposite) < 0.1
    assert paraphrase_probability(cut, same) == paraphrase_probability(same, cut)
    assert paraphrase_probability(cut, "") == 0.0


def test_near_miss_is_accepted_only_when_the_verifier_is_sure(monkeypatch):
    index = _near_miss_index(with_proposition=True)
    score = similarity(key_entry(-1, claim_key(TALKS_BACK)), index._entries[0], index.weight)
    assert match.BAND <= score < match.THRESHOLD  # a borderline pair, missed by the keys alone
    assert index.best(claim_key(TALKS_BACK)) is None  # no proposition given: no second stage
    probability = paraphrase_probability(TALKS_BACK, TALKS_RESUME)
    assert index.best(claim_key(TALKS_BACK), TALKS_BACK) is None  # below the ANS-validated cut
    monkeypatch.setattr(match, "PARAPHRASE_CUT", probability - 0.01)
    assert index.best(claim_key(TALKS_BACK), TALKS_BACK) == (1, pytest.approx(score))
    assert _near_miss_index(with_proposition=False).best(claim_key(TALKS_BACK), TALKS_BACK) is None


def test_second_stage_never_joins_conflicting_agents(monkeypatch):
    monkeypatch.setattr(match, "PARAPHRASE_CUT", 0.0)
    minister = "التقى وزير المالية سامي العلي مدير البنك المركزي نزار حداد في بيروت"
    delegation = "التقى وفد من وزارة المالية مدير البنك المركزي نزار حداد في بيروت"
    index = ClaimIndex()
    index.add(1, claim_key(minister), minister)
    assert index.best(claim_key(delegation), delegation) is None


def test_assign_stores_propositions_for_later_verification():
    index, counter = ClaimIndex(), itertools.count(1)
    claims = _claims(OUTLET_A)
    assign(index, claims, lambda: next(counter))
    assert [e.proposition for e in index._entries] == [c.proposition.strip() for c in claims]


def test_contrary_reports_never_share_a_claim():
    from stories.nlp.match import ClaimIndex, assign
    from stories.nlp.pipeline import analyse

    raised = analyse("البنك المركزي يرفع سعر الفائدة نصف نقطة في اجتماعه الشهري.")
    again = analyse("رفع البنك المركزي سعر الفائدة نصف نقطة في اجتماعه الشهري.")
    cut = analyse("البنك المركزي يخفض سعر الفائدة نصف نقطة في اجتماعه الشهري.")
    index, ids = ClaimIndex(), iter(range(1, 100))
    first = assign(index, raised.claims, lambda: next(ids))
    assert assign(index, again.claims, lambda: next(ids)) == first  # the same report, reordered: one claim
    assert set(assign(index, cut.claims, lambda: next(ids))).isdisjoint(first)  # its opposite: never merged


def test_rollback_forgets_a_trial_article_exactly():
    from stories.nlp.match import ClaimIndex

    index = ClaimIndex()
    index.add(1, ("حكومه", "|", "فتح", "معبر", "حدود"), "فتحت الحكومة المعبر الحدودي")
    before = index.best(("حكومه", "|", "فتح", "معبر", "حدود"))
    checkpoint = index.mark()
    index.add(2, ("حكومه", "|", "فتح", "معبر", "حدود", "شمال"))
    index.add(3, ("شركه", "|", "بيع", "اسهم"))
    assert len(index) == 3 and index.best(("شركه", "|", "بيع", "اسهم"))[0] == 3
    index.rollback(checkpoint)
    assert len(index) == 1 and index.best(("شركه", "|", "بيع", "اسهم")) is None
    assert index.best(("حكومه", "|", "فتح", "معبر", "حدود")) == before


def test_a_delegation_meeting_its_host_is_one_act_whoever_is_the_subject():
    visited = "أفادت مصادر بأن وفداً من وزارة التجارة الأردنية زار القاهرة أمس."
    received = "وقالت الوكالة إن وزير الصناعة المصري التقى وفداً أردنياً في مكتبه."
    pronoun = "وصل وفد من غرفة التجارة إلى العاصمة، حيث استقبلهم محافظ البنك المركزي سامي النجار في مكتبه."
    own_trip = "زار وزير التجارة الأردني القاهرة أمس في زيارة لم يعلن عنها."
    _, found = _groups(visited, received, pronoun, own_trip)
    delegation = _id_of(found, ["وفداً من وزارة التجارة"])
    assert _id_of(found, ["التقى وفداً أردنياً"]) == delegation
    assert (
        _id_of(found, ["استقبلهم محافظ"]) == delegation
    )  # the pronoun is the delegation of the clause before
    assert _id_of(found, ["زار وزير التجارة الأردني"]) != delegation  # the minister's own trip stays apart


def test_delegations_received_in_different_capitals_are_two_visits():
    from stories.nlp.match import ClaimIndex, assign
    from stories.nlp.pipeline import analyse

    amman = analyse("التقى وفد تجاري في عمان وزير الصناعة الأردني لبحث زيادة الصادرات.")
    cairo = analyse("استقبل وزير الصناعة المصري في القاهرة وفدا تجاريا لبحث زيادة الصادرات.")
    again = analyse("التقى وزير الصناعة الأردني في عمان وفدا تجاريا وبحث معه زيادة الصادرات.")
    index, ids = ClaimIndex(), iter(range(1, 100))
    first = assign(index, amman.claims, lambda: next(ids))
    assert set(assign(index, cairo.claims, lambda: next(ids))).isdisjoint(first)
    assert set(assign(index, again.claims, lambda: next(ids))) & set(first)


def test_a_headline_joins_the_body_claim_it_summarises():
    from stories.nlp.headline import join_headline
    from stories.nlp.match import ClaimIndex, assign
    from stories.nlp.pipeline import analyse

    text = (
        "وزير النقل يزور الميناء الجنوبي سرا ويلتقي مديره\n\n"
        "قام وزير النقل سليم العطار بزيارة سرية إلى الميناء الجنوبي مساء الأحد.\n\n"
        "وأعلنت الشركة المشغلة أرباحا قياسية هذا العام.\n"
    )
    found = analyse(text)
    headline_end = found.text.find("\n\n")
    ids = iter(range(-1, -100, -1))
    assigned = assign(ClaimIndex(), found.claims, lambda: next(ids))
    assert len(set(assigned)) == len(found.claims)  # the matcher alone keeps the headline apart
    joined = join_headline(found.claims, assigned, headline_end, lambda i: i < 0)
    headline = next(i for i, c in enumerate(found.claims) if c.end <= headline_end)
    visit = next(i for i, c in enumerate(found.claims) if "بزيارة سرية" in found.text[c.start : c.end])
    profits = next(i for i, c in enumerate(found.claims) if "أرباحا" in found.text[c.start : c.end])
    assert joined[headline] == assigned[visit] != assigned[profits]
