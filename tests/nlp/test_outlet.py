"""The outlet a page names in its chrome (issue 9 item 7, NLP side): masthead "X | قسم", "المصدر: X" credits,
"X - dd/mm/yyyy" bylines and "(وكالة X)" datelines; a masthead is never the title."""

from __future__ import annotations

from stories.nlp.clean import clean

BODY = "أعلنت الوزارة استئناف العمل في الميناء صباح اليوم بعد توقف دام شهرين.\n\nوقال مدير الميناء إن العمل يسير."


def test_section_masthead_is_chrome_and_names_the_outlet() -> None:
    page = clean(f"المنارة | اقتصاد\n\nاستئناف العمل في ميناء الشمال بعد توقف طويل\n\n{BODY}")
    assert page.title == "استئناف العمل في ميناء الشمال بعد توقف طويل"
    assert page.site_name == "المنارة"
    assert "المنارة | اقتصاد" not in page.text


def test_headline_with_a_bar_and_a_date_is_not_a_masthead() -> None:
    page = clean(f"الأحد 3 آذار 2024 | آخر الأخبار\n\nاستئناف العمل في ميناء الشمال بعد توقف طويل\n\n{BODY}")
    assert page.site_name is None


def test_source_credit_line_names_the_outlet() -> None:
    page = clean(f"استئناف العمل في ميناء الشمال\n\n{BODY}\n\nالمصدر: شبكة السهل - 03/03/2024")
    assert page.site_name == "شبكة السهل"


def test_byline_after_the_city_names_the_outlet_not_the_city() -> None:
    page = clean(f"استئناف العمل في ميناء الشمال\n\nعمّان - صدى البلد - 03/03/2024\n\n{BODY}")
    assert page.site_name == "صدى البلد"
    alone = clean(f"استئناف العمل في ميناء الشمال\n\nبغداد - 03/03/2024\n\n{BODY}")
    assert alone.site_name is None


def test_agency_in_the_dateline_names_the_outlet() -> None:
    page = clean(f"استئناف العمل في ميناء الشمال\n\nحمص، 3 آذار 2024 (وكالة السهل للأنباء)\n\n{BODY}")
    assert page.site_name == "وكالة السهل للأنباء"


def test_outlet_after_the_date_follows_a_dash_not_a_bar() -> None:
    page = clean(f"استئناف العمل في ميناء الشمال\n\nعمّان، الأحد 3 آذار 2024 - صدى البلد\n\n{BODY}")
    assert page.site_name == "صدى البلد"


def test_copyright_line_names_the_site() -> None:
    for footer in ("جميع الحقوق محفوظة © شبكة السهل 2024", "© 2024 شبكة السهل. جميع الحقوق محفوظة.",
                   "حقوق النشر محفوظة لموقع شبكة السهل 2024"):  # fmt: skip
        page = clean(f"استئناف العمل في ميناء الشمال\n\n{BODY}\n\n{footer}")
        assert page.site_name == "شبكة السهل", footer


def test_html_page_named_by_its_title_beside_the_headline_not_by_the_author_class() -> None:
    raw = (
        "<html><head><title>استئناف العمل في ميناء الشمال | المنارة</title></head><body>"
        "<article><h1>استئناف العمل في ميناء الشمال</h1><p class='byline'>المنارة - 03/03/2024</p>"
        f"<p>{BODY.split(chr(10))[0]}</p><p>وقال مدير الميناء إن العمل يسير كما هو مخطط له.</p></article>"
        "</body></html>"
    )
    page = clean(raw, is_html=True)
    assert page.site_name == "المنارة"
    assert page.published_at is not None and page.published_at.date().isoformat() == "2024-03-03"


def test_html_logo_and_footer_name_the_site_when_the_title_does_not() -> None:
    raw = (
        "<html><head><title>استئناف العمل في ميناء الشمال</title></head><body>"
        "<div class='logo'>صدى الساحل</div><article><h1>استئناف العمل في ميناء الشمال</h1>"
        f"<p>{BODY.split(chr(10))[0]}</p></article><footer>جميع الحقوق محفوظة © صدى الساحل 2025</footer>"
        "</body></html>"
    )
    assert clean(raw, is_html=True).site_name == "صدى الساحل"


def test_meta_line_with_date_and_credit_stays_apart_from_the_headline() -> None:
    headline = "استئناف العمل في ميناء الشمال بعد توقف طويل"
    page = clean(f"{headline}\nنشر بتاريخ: 12/03/2024 | المصدر: شبكة السهل\n\n{BODY}")
    assert page.title == headline
    assert page.site_name == "شبكة السهل"
    assert page.published_at is not None and page.published_at.date().isoformat() == "2024-03-12"


def test_copyright_preposition_is_not_part_of_the_name() -> None:
    page = clean(
        f"استئناف العمل في ميناء الشمال\n\n{BODY}\n\nجميع الحقوق محفوظة لشبكة السهل الإخبارية © 2024"
    )
    assert page.site_name == "شبكة السهل الإخبارية"


def test_agency_in_brackets_under_the_copy_names_the_outlet() -> None:
    page = clean(f"استئناف العمل في ميناء الشمال\n\n{BODY}\n\n(وكالة السهل للأنباء)")
    assert page.site_name == "وكالة السهل للأنباء"


def test_header_bar_of_date_weather_and_login_is_chrome_above_the_masthead() -> None:
    headline = "استئناف العمل في ميناء الشمال بعد توقف طويل"
    for top in ("الخميس 5 كانون الأول 2024 | دمشق 12°", "الخميس 5 كانون الأول 2024 - 10:15\nتسجيل الدخول"):
        page = clean(f"{top}\nشبكة السهل | اقتصاد\n\n{headline}\n\n{BODY}")
        assert (page.title, page.site_name, page.published_at) == (headline, "شبكة السهل", None), top


def test_desk_credit_after_a_dash_and_a_desk_byline_that_names_no_outlet() -> None:
    headline = "استئناف العمل في ميناء الشمال"
    assert clean(f"{headline}\n\nشبكة السهل - قسم الأخبار\n\n{BODY}").site_name == "شبكة السهل"
    assert clean(f"{headline}\n\nمحرر الشؤون المحلية | 12 آذار 2024\n\n{BODY}").site_name is None


def test_agency_lede_from_a_city_no_list_holds_names_the_outlet_and_is_not_the_title() -> None:
    page = clean(
        "وادي الصفصاف (وكالة الجسر) - أعلنت الوزارة استئناف العمل في الميناء صباح اليوم.\n\n"
        "استئناف العمل في ميناء الشمال بعد توقف طويل\n\nوقال مدير الميناء إن العمل يسير."
    )
    assert page.site_name == "وكالة الجسر"
    assert page.title == "استئناف العمل في ميناء الشمال بعد توقف طويل"


def test_a_long_clause_before_brackets_is_no_dateline() -> None:
    page = clean(
        "استئناف العمل\n\nقالت النقابة في بيانها الأخير (وكالة الجسر) - إن العمل سيستأنف في الميناء صباح اليوم."
    )
    assert page.site_name is None
