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
