"""A claim's shown wording: the most central quote, neutral, never a headline a body sentence repeats."""

from __future__ import annotations

from stories.nlp.wording import Wording, loaded_count, neutral_text, shown_wording


def test_neutral_text_drops_quote_marks_a_leading_conjunction_and_a_bare_complementizer():
    assert neutral_text('وأعلن «الجيش» أن "الهدنة" بدأت.') == "أعلن الجيش أن الهدنة بدأت"
    assert neutral_text("إن الوزارة فتحت مكتباً في المدينة") == "الوزارة فتحت مكتباً في المدينة"
    assert neutral_text("إنه زار المدينة أمس") == "إنه زار المدينة أمس"  # the pronoun is the subject


def test_a_body_sentence_beats_the_headline_that_says_the_same():
    quotes = [
        Wording('"الوزير" يزور المدينة سراً لمواجهة "الخصوم"', headline=True),
        Wording("زار الوزير المدينة سراً الأسبوع الماضي"),
        Wording("قام الوزير بزيارة سرية إلى المدينة", stance="attributes"),
    ]
    assert shown_wording(quotes) in (1, 2)


def test_the_most_central_quote_wins_and_loaded_epithets_lose_when_others_avoid_them():
    quotes = [
        Wording("أرسلت الحكومة قوات إلى الحدود الشمالية"),
        Wording("أرسلت ميليشيات الحكومة الإرهابية قوات إلى الحدود الشمالية للبلاد"),
        Wording("الحكومة أرسلت قوات إلى الحدود الشمالية"),
        Wording("قال محللون إن المنطقة تشهد توتراً"),
    ]
    assert loaded_count(quotes[1].text) == 2 and loaded_count(quotes[0].text) == 0
    assert shown_wording(quotes) in (0, 2)


def test_a_denial_is_not_the_wording_when_someone_reports_the_claim():
    quotes = [Wording("زيارة الوزير إلى المدينة", stance="denies"), Wording("زار الوزير المدينة أمس")]
    assert shown_wording(quotes) == 1
    assert shown_wording([]) == -1


def _pairwise_choice(quotes: list[Wording]) -> int:
    """The choice computed pair by pair, as first written: the oracle for the indexed centrality."""
    from stories.nlp import wording

    words = [wording.content_words(q.text) for q in quotes]
    candidates = list(range(len(quotes)))
    for keep in (
        lambda i: quotes[i].stance in wording._REPORTING,
        lambda i: not quotes[i].headline,
        lambda i: len(words[i]) >= wording._MIN_CONTENT,
    ):
        candidates = [i for i in candidates if keep(i)] or candidates
    loaded = {i: loaded_count(quotes[i].text) for i in candidates}
    candidates = [i for i in candidates if loaded[i] == min(loaded.values())]

    def overlap(a: frozenset[str], b: frozenset[str]) -> int:
        b_forms = wording._forms(b)
        return sum(
            1 for w in a if w in b_forms or (w[0] in wording._CLITICS and len(w) >= 5 and w[1:] in b_forms)
        )

    def centrality(i: int) -> float:
        others = [w for j, w in enumerate(words) if j != i]
        if not others or not words[i]:
            return 0.0
        return sum(2 * overlap(words[i], w) / (len(words[i]) + len(w) or 1) for w in others) / len(others)

    return max(candidates, key=lambda i: (centrality(i), -len(quotes[i].text), -i))


def test_the_indexed_centrality_chooses_what_comparing_every_pair_chooses(seed_paths):
    import random

    from stories.nlp.pipeline import analyse

    sentences = []
    for path in seed_paths:
        result = analyse(path.read_bytes(), filename=path.name)
        sentences += [c.proposition or result.text[c.start : c.end] for c in result.claims]
    rng = random.Random(12)
    stances = ("asserts", "asserts", "attributes", "denies")
    for size in (*range(1, 12), 30, 60, 60, 60):
        picked = rng.sample(sentences, min(size, len(sentences)))
        # Repeated and clitic-prefixed wordings, as outlets copying one another give them.
        picked += [("و" + s) for s in picked[: size // 4]] + picked[: size // 5]
        quotes = [Wording(s, headline=rng.random() < 0.1, stance=rng.choice(stances)) for s in picked]
        assert shown_wording(quotes) == _pairwise_choice(quotes)
