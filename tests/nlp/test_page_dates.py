"""Publication dates on pages we wrote (issue 9 item 5): the byline beside the headline, then the first paragraph,
then a labelled line; never a date from the page's chrome, and none when only chrome carries one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from stories.nlp.clean import clean
from stories.nlp.pipeline import analyse

PAGES = Path(__file__).parent / "data" / "pages"


def _page(name: str):
    return analyse((PAGES / name).read_bytes(), filename=name)


def test_byline_under_the_headline_beats_the_date_widget_above_it() -> None:
    analysis = _page("byline.txt")
    assert analysis.published_at == datetime(2020, 3, 12)
    assert analysis.title == "ارتفاع أسعار الطحين في أسواق المدينة"


def test_only_chrome_dates_leave_the_date_empty() -> None:
    analysis = _page("chrome_only.txt")
    assert analysis.published_at is None
    assert analysis.title == "إغلاق طريق الساحل للصيانة أسبوعين"


def test_labelled_line_under_the_headline() -> None:
    assert _page("nushir.txt").published_at == datetime(2021, 3, 5)


def test_today_with_a_weekday_alone_is_not_a_date() -> None:
    assert _page("today.txt").published_at is None


def test_weekday_and_day_pinned_by_a_year_the_text_names() -> None:
    # 16 January fell on a Tuesday in 2024, not in 2023: the only year the text allows.
    assert _page("today_pinned.txt").published_at == datetime(2024, 1, 16)


def test_html_date_widget_and_related_dates_are_not_the_publication_date() -> None:
    assert _page("widget.html").published_at is None


def test_html_meta_date_is_trusted_when_the_page_declares_it() -> None:
    raw = (
        (PAGES / "widget.html")
        .read_text(encoding="utf-8")
        .replace(
            "</head>", '<meta property="article:published_time" content="2021-04-02T08:00:00+03:00"></head>'
        )
    )
    cleaned = clean(raw, is_html=True)
    assert (cleaned.published_at, cleaned.published_has_time) == (datetime(2021, 4, 2, 8, 0), True)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("دمشق، 15 أيار 2023 - أعلنت الوزارة استئناف العمل في المحطة بعد توقف طويل.", datetime(2023, 5, 15)),
        ("استأنف المطار رحلاته يوم الأحد 13 تشرين الأول 2024، وفق ما أعلنت المؤسسة.", datetime(2024, 10, 13)),
        ("أعلنت الوزارة بتاريخ 12/03/2024 أن المحطة عادت إلى العمل بكامل طاقتها.", datetime(2024, 3, 12)),
        ("قال الوزير إن الاتفاق الموقع في 3 آذار 2019 ما زال سارياً حتى اليوم.", None),
    ],
)
def test_first_paragraph_dates(paragraph: str, expected: datetime | None) -> None:
    assert clean(f"عنوان الخبر هنا\n\n{paragraph}\n\nوأضاف أن العمل مستمر.").published_at == expected


def test_list_of_dated_headlines_without_a_heading_is_chrome() -> None:
    cleaned = clean((PAGES / "dated_list.txt").read_text(encoding="utf-8"))
    assert "افتتاح جسر جديد فوق النهر - 3 أيار 2019" in cleaned.removed
    assert "2019" not in cleaned.text and "2018" not in cleaned.text
    assert cleaned.published_at is None


def test_breaking_ticker_and_today_label_above_the_headline_are_not_the_title_or_the_date() -> None:
    body = "أعلنت الوزارة استئناف العمل في الميناء بعد توقف دام شهرين.\n\nوقال مدير الميناء إن العمل يسير."
    headline = "استئناف العمل في ميناء الشمال بعد توقف طويل"
    ticker = clean(
        f"الثلاثاء 12 آذار 2024\nعاجل: انقطاع الكهرباء عن أحياء في العاصمة\n\n{headline}\n\n{body}"
    )
    assert ticker.title == headline
    assert "عاجل: انقطاع الكهرباء عن أحياء في العاصمة" in ticker.removed
    assert ticker.published_at is None
    today = clean(f"اليوم: الأحد 8 حزيران 2025\n\n{headline}\n\n{body}")
    assert (today.title, today.site_name, today.published_at) == (headline, None, None)
    alone = clean(f"عاجل: انقطاع الكهرباء عن أحياء في العاصمة\n\n{body}")
    assert alone.title == "عاجل: انقطاع الكهرباء عن أحياء في العاصمة"


def test_short_html_page_keeps_its_paragraphs_byline_and_footer_apart() -> None:
    analysis = _page("short_page.html")
    assert analysis.title == "الحكومة تشتري القمح من المزارعين بسعر جديد"
    assert analysis.published_at == datetime(
        2021, 6, 14
    )  # the byline, not the widget, the footer or the list
    assert analysis.site_name == "صدى السهل"
    assert analysis.text.split("\n\n")[0] == analysis.title
    assert "كتب: سامر يوسف | 14 حزيران 2021" in analysis.removed
    assert "2019" not in analysis.text and "شارك" not in analysis.text


def test_year_first_dates_with_slashes_and_a_time() -> None:
    page = clean(
        "عنوان الخبر هنا\nنشر بتاريخ: 2024/03/12 - 10:30\n\nأعلنت الوزارة أن العمل مستمر في الميناء."
    )
    assert (page.published_at, page.published_has_time) == (datetime(2024, 3, 12, 10, 30), True)


@pytest.mark.parametrize(
    "line",
    ["حمّل تطبيق شبكة السهل", "حجم الخط", "التعليقات (0)", "نسخ الرابط", "عدد المشاهدات: 1520",
     "وقت القراءة: 3 دقائق", "الأكثر قراءة اليوم", "الكلمات المفتاحية: قمح", "مشاهدات 230"],
)  # fmt: skip
def test_page_furniture_under_the_article(line: str) -> None:
    body = "أعلنت الوزارة استئناف العمل في الميناء بعد توقف دام شهرين.\n\nوقال مدير الميناء إن العمل يسير."
    cleaned = clean(f"استئناف العمل في ميناء الشمال\n\n{body}\n\n{line}")
    assert line in cleaned.removed
    assert cleaned.text.endswith("إن العمل يسير.")
