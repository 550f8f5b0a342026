"""Publication dates and date mentions: Arabic month systems, Eastern digits, relative references."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from stories.nlp import dateline, dates
from stories.nlp.clean import clean
from stories.nlp.dates import find_dates, find_published

SEEDS = Path("/work/shared/seeds")
DATA = Path(__file__).parent / "data"
PUB = date(2020, 3, 13)  # a Friday


def _one(text: str, published: date | None = PUB) -> tuple[str, str, str]:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    return text[m.start : m.end], m.date, m.precision


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_000_article_date_beats_the_2024_page_header() -> None:
    raw = _seed("000")
    assert find_published(raw) == (datetime(2020, 3, 13, 14, 48), True)
    assert find_published(clean(raw).text) == (datetime(2020, 3, 13, 14, 48), True)


def test_seed_003_dateline_in_first_paragraph() -> None:
    assert find_published(clean(_seed("003")).text) == (datetime(2020, 3, 1), False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13 مارس 2020، 02:48 م\nنص الخبر", (datetime(2020, 3, 13, 14, 48), True)),
        ("5 ديسمبر 2021، 09:05 ص", (datetime(2021, 12, 5, 9, 5), True)),
        ("5 ديسمبر 2021، 12:10 ص", (datetime(2021, 12, 5, 0, 10), True)),
        ("نشر في 7 تموز 2018", (datetime(2018, 7, 7), False)),
        ("تاريخ النشر: 21/08/2019 - 17:30", (datetime(2019, 8, 21, 17, 30), True)),
        ("نص بلا تاريخ على الإطلاق.", (None, False)),
    ],
)
def test_find_published_formats(text: str, expected: tuple) -> None:
    assert find_published(text) == expected


def test_published_prefers_a_date_line_over_a_date_mentioned_in_prose() -> None:
    text = "عنوان الخبر\n\nقال الوزير في 2 يناير 2020 إن الخطة جاهزة.\n\n15 فبراير 2020، 10:00 ص\n"
    assert find_published(text) == (datetime(2020, 2, 15, 10, 0), True)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("وقالت الصحيفة في تقرير لها الاثنين الفائت إن", PUB, ("الاثنين الفائت", "2020-03-09", "day")),
        ("تم افتتاحها رسميا يوم الثلاثاء الماضي، إيذانا", PUB, ("يوم الثلاثاء الماضي", "2020-03-10", "day")),
        ("وكان قد أعلن يوم السبت عن", PUB, ("يوم السبت", "2020-03-07", "day")),
        ("صرح الجمعة الماضية بأن", PUB, ("الجمعة الماضية", "2020-03-06", "day")),
        ("وصل الوفد أمس إلى", PUB, ("أمس", "2020-03-12", "day")),
        ("وقال أول أمس إن", PUB, ("أول أمس", "2020-03-11", "day")),
        ("أعلنت الوزارة اليوم أن", PUB, ("اليوم", "2020-03-13", "day")),
        ("قام بها اللواء منتصف الأسبوع الماضي.", PUB, ("منتصف الأسبوع الماضي", "2020-03-04", "day")),
        (
            "في نهاية يناير/ كانون الثاني الماضي.",
            PUB,
            ("نهاية يناير/ كانون الثاني الماضي", "2020-01", "month"),
        ),
        (
            "في 12 فبراير/ شباط الجاري، صادق",
            date(2020, 3, 1),
            ("12 فبراير/ شباط الجاري", "2020-02-12", "day"),
        ),
        ("منذ 4 أبريل/نيسان 2019، هجوماً", PUB, ("4 أبريل/نيسان 2019", "2019-04-04", "day")),
        ("بعد إقفالها في 2012.", PUB, ("2012", "2012", "year")),
        ("في منتصف يونيو، الذي يقيد", PUB, ("منتصف يونيو", "2020-06", "month")),
        ("ارتفعت الأسعار الشهر الماضي", PUB, ("الشهر الماضي", "2020-02", "month")),
        ("خلال العام الماضي", PUB, ("العام الماضي", "2019", "year")),
        ("حتى مطلع الشهر", PUB, ("مطلع الشهر", "2020-03", "month")),
        ("جرت الانتخابات في تشرين الأول 2019 وسط", PUB, ("تشرين الأول 2019", "2019-10", "month")),
        ("وقع الحادث في 3 كانون الثاني 2021 قرب", None, ("3 كانون الثاني 2021", "2021-01-03", "day")),
        ("تأسست في أيلول/سبتمبر 1999", None, ("أيلول/سبتمبر 1999", "1999-09", "month")),
        ("الاجتماع في ديسمبر المقبل", PUB, ("ديسمبر المقبل", "2020-12", "month")),
        ("صدر القرار بتاريخ 13/03/2020", None, ("13/03/2020", "2020-03-13", "day")),
    ],
)
def test_date_mentions(text: str, published: date | None, expected: tuple[str, str, str]) -> None:
    assert _one(text, published) == expected


def test_eastern_arabic_and_persian_digits() -> None:
    text = (DATA / "digits.txt").read_text(encoding="utf-8")
    found = {text[m.start : m.end]: (m.date, m.precision) for m in find_dates(text, date(2021, 10, 15))}
    assert found["١٥ أكتوبر ٢٠٢١، ١٠:٣٠ ص"] == ("2021-10-15", "day")
    assert found["۲۳ سبتمبر ۲۰۲۱"] == ("2021-09-23", "day")
    assert found["٣/٩/٢٠٢١"] == ("2021-09-03", "day")
    assert found["مطلع العام المقبل"] == ("2022", "year")
    assert find_published(text) == (datetime(2021, 10, 15, 10, 30), True)


def test_relative_references_are_skipped_without_a_publication_date() -> None:
    text = "قال أمس إن الاجتماع الاثنين الماضي كان مثمرا، وإن القرار صدر في 4 مايو 2019."
    mentions = find_dates(text, None)
    assert [text[m.start : m.end] for m in mentions] == ["4 مايو 2019"]


@pytest.mark.parametrize(
    "text",
    [
        "وجاء في موقع “روسيا اليوم” أن الطرفين",
        "مارس الوزير ضغوطا كبيرة على البرلمان",
        "بلغ عدد المقاتلين 1500 مقاتل",
        "صادق المجلس على القرار 2510 الداعي",
    ],
)
def test_words_that_only_look_like_dates(text: str) -> None:
    assert find_dates(text, PUB) == ()


def test_spans_point_into_the_text() -> None:
    text = clean(_seed("000")).text
    mentions = find_dates(text, date(2020, 3, 13))
    quotes = [text[m.start : m.end] for m in mentions]
    assert "13 مارس 2020، 02:48 م" in quotes
    assert "الاثنين الفائت" in quotes
    assert all(m.start < m.end for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_today_inside_a_quote_is_still_a_date() -> None:
    assert _one("وقال «إن العمل سيبدأ اليوم» في المدينة") == ("اليوم", "2020-03-13", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A measure decided now happens on the coming day; PUB is a Friday, so Thursday is 2020-03-19.
        ("وقررت البلدية إغلاق السوق المركزي أمام السيارات يوم الخميس.", "2020-03-19"),
        ("وأعلن الاتحاد تأجيل المباراة إلى يوم الخميس.", "2020-03-19"),
        ("وقال المنظمون إن المعرض سيفتتح أبوابه يوم الخميس.", "2020-03-19"),
        ("تبدأ امتحانات الشهادة الثانوية يوم الخميس.", "2020-03-19"),
        ("وتستأنف الرحلات الجوية اعتباراً من يوم الخميس.", "2020-03-19"),
        # The decision itself, or any past event, keeps the last such day.
        ("وقررت المحكمة يوم الخميس الإفراج عن الموقوفين.", "2020-03-12"),
        ("التقى الوزير يوم الخميس نظيره الفرنسي.", "2020-03-12"),
        ("وأضاف أن الحكومة ستعلن خطتها، وكان الوزير قد زار المدينة يوم الخميس.", "2020-03-12"),
        # Nouns that start like a future verb do not make the clause future.
        ("وجرفت السيول عشرات السيارات يوم الخميس.", "2020-03-12"),
    ],
)
def test_bare_weekday_follows_the_tense_of_its_clause(text: str, expected: str) -> None:
    (mention,) = [m for m in find_dates(text, PUB) if "الخميس" in text[m.start : m.end]]
    assert mention.date == expected


def test_windowed_scan_finds_what_a_full_scan_finds() -> None:
    # Dates far apart, at the very start and end, and next to each other: every one is still found.
    filler = " ".join(["كلمة"] * 80)
    text = f"3 مارس 2020 {filler} في منتصف شهر أيار/مايو 2019 الماضي {filler} يوم الخميس المقبل، عام 1999"
    found = [(text[m.start : m.end], m.date) for m in find_dates(text, PUB)]
    assert found == [
        ("3 مارس 2020", "2020-03-03"),
        ("منتصف شهر أيار/مايو 2019", "2019-05"),
        ("يوم الخميس المقبل", "2020-03-19"),
        ("عام 1999", "1999"),
    ]


def test_windowed_scan_agrees_with_scanning_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += [(DATA / "digits.txt").read_text(encoding="utf-8")]
    windowed = [(find_dates(t, PUB), find_published(t)) for t in texts]
    # Both the relative finders (dates) and the calendar ones (dateline) scan through a windowed helper.
    for module in (dates, dateline):
        monkeypatch.setattr(module, "scan", lambda pattern, text: pattern.finditer(text))
    assert [(find_dates(t, PUB), find_published(t)) for t in texts] == windowed
    assert sum(len(found) for found, _ in windowed) >= 20
