"""Mastheads above the headline on pages we wrote (issue 9): "X | الرئيسية | قسم" (the outlet is the part that is no
section), "X — قسم", and a bare outlet name whose headline carries a byline or date; the masthead and the header
lines under it are chrome, never the title or the publication date."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from stories.nlp.clean import clean

PAGES = Path(__file__).parent / "data" / "pages"
BODY = "أعلنت الوزارة استئناف العمل في الميناء صباح اليوم بعد توقف دام شهرين.\n\nوقال مدير الميناء إن العمل يسير."


def _clean(name: str):
    return clean((PAGES / name).read_text(encoding="utf-8"))


def test_outlet_beside_two_sections_and_the_date_widget_under_it_are_not_the_headline_or_its_date() -> None:
    page = _clean("masthead_sections.txt")
    assert page.site_name == "بوابة الساحل 7"
    assert page.title == "افتتاح سوق السمك الجديد في المدينة القديمة"
    assert page.published_at == datetime(2030, 6, 14)  # the byline's, not the header's "today" a year on
    assert "الرئيسية" not in page.text and "2031" not in page.text


def test_outlet_then_an_em_dash_and_its_desk() -> None:
    page = _clean("masthead_dash.txt")
    assert page.site_name == "أصداء الوادي"
    assert page.title == "ارتفاع صادرات الزيتون إلى مستوى قياسي"
    assert page.published_at == datetime(2031, 9, 9)


def test_bare_outlet_name_above_a_headline_with_its_date_line() -> None:
    page = _clean("masthead_bare.txt")
    assert page.site_name == "نبض المدينة"
    assert page.title == "هل تنجح خطة البلدية في حل أزمة المواقف؟"
    assert not page.text.startswith("نبض المدينة")


def test_short_headline_over_its_date_or_its_deck_is_no_masthead() -> None:
    dated = _clean("short_headline_dateline.txt")
    assert dated.title == "حريق في سوق الخضار" and dated.site_name is None
    assert dated.published_at == datetime(2031, 5, 4)
    deck = _clean("short_headline_deck.txt")
    assert deck.title == "أزمة الخبز" and deck.site_name is None


def test_bare_name_repeated_in_the_footer_is_the_masthead() -> None:
    page = clean(
        f"صوت السهل\n\nاستئناف العمل في ميناء الشمال بعد توقف طويل\n\n{BODY}\n\nجميع الحقوق محفوظة © صوت السهل"
    )
    assert page.site_name == "صوت السهل"
    assert page.title == "استئناف العمل في ميناء الشمال بعد توقف طويل"


def test_dash_headline_and_dated_bar_are_no_masthead() -> None:
    dash = clean(f"مصر — صفقة قمح جديدة مع رومانيا\n\n{BODY}")
    assert dash.site_name is None and dash.title == "مصر — صفقة قمح جديدة مع رومانيا"
    byline = clean(f"استئناف العمل في الميناء\n\nالمنارة | 03/03/2031\n\n{BODY}")
    assert byline.title == "استئناف العمل في الميناء"


def test_section_bar_with_the_date_under_the_outlet_is_chrome() -> None:
    page = clean(
        f"وكالة السهل\nالجمعة 7 تشرين الثاني 2031 | الرئيسية | وطني | دولي\n\nاستئناف العمل في ميناء الشمال\n\n{BODY}"
    )
    assert page.site_name == "وكالة السهل"
    assert page.title == "استئناف العمل في ميناء الشمال"
    assert page.published_at is None


def test_agency_in_an_opening_dateline_names_the_outlet() -> None:
    for lede, outlet in (
        ("بغداد (وكالة السهل) - أعلنت الوزارة استئناف العمل في الميناء صباح اليوم.", "وكالة السهل"),
        (
            "القاهرة، 3 آذار 2031 (أنباء الوادي) - أعلنت الوزارة استئناف العمل في الميناء صباح اليوم.",
            "أنباء الوادي",
        ),
    ):
        assert (
            clean(f"استئناف العمل في الميناء\n\n{lede}\n\nوقال مدير الميناء إن العمل يسير.").site_name
            == outlet
        )
    # brackets after a word that is neither a place nor a date are an aside, not a credit
    aside = clean(
        "استئناف العمل\n\nالنقابة (وهي أكبر نقابات القطاع) - أعلنت استئناف العمل في الميناء صباح اليوم."
    )
    assert aside.site_name is None


def test_masthead_with_the_kind_of_outlet_takes_the_bylines_short_form() -> None:
    page = clean(
        f"صحيفة المنارة | اقتصاد\n\nاستئناف العمل في ميناء الشمال بعد توقف طويل\n\nالمنارة - 03/03/2031\n\n{BODY}"
    )
    assert page.site_name == "المنارة"
    alone = clean(f"صحيفة المنارة | اقتصاد\n\nاستئناف العمل في ميناء الشمال بعد توقف طويل\n\n{BODY}")
    assert alone.site_name == "صحيفة المنارة"


def test_agency_lede_printed_above_the_headline_is_not_the_title() -> None:
    page = clean(
        "بغداد (وكالة السهل) - أعلنت الوزارة استئناف العمل في الميناء صباح اليوم بعد توقف دام شهرين.\n\n"
        "الميناء يعود إلى العمل\n\nوقال مدير الميناء إن العمل يسير كما هو مخطط له."
    )
    assert page.title == "الميناء يعود إلى العمل"
    assert page.site_name == "وكالة السهل"


def test_short_headline_repeated_in_a_tag_line_is_no_masthead() -> None:
    page = clean(
        "أزمة الخبز\n\nطوابير طويلة أمام الأفران في أحياء المدينة الشرقية منذ الصباح الباكر\n\n"
        "ينتظر السكان ساعات أمام الأفران للحصول على حصتهم من الخبز.\n\nمواضيع: أزمة الخبز"
    )
    assert page.title == "أزمة الخبز" and page.site_name is None


def test_short_headline_then_its_date_then_a_deck_is_no_masthead() -> None:
    page = clean(
        "انفجار في المرفأ\n\nالأحد 4 أيار 2031\n\nمقتل عشرة أشخاص وإصابة العشرات في انفجار ضخم هز المرفأ فجراً\n\n"
        "هز انفجار ضخم المرفأ فجر اليوم وأدى إلى مقتل عشرة أشخاص على الأقل.\n\nوقال شهود إن الدخان غطى المدينة."
    )
    assert page.title == "انفجار في المرفأ" and page.site_name is None
