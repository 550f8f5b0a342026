"""Cleaning: chrome removal, Unicode tidying, hard-wrap joining, titles and dates, on seeds and our own pages."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from stories.nlp.clean import clean

SEEDS = Path("/work/shared/seeds")
DATA = Path(__file__).parent / "data"
CHROME_MARKERS = (
    "°",
    "ليرة تركية",
    "اترك رد",
    "اترك تعليق",
    "اضغط هنا",
    "زر الذهاب",
    "لن يتم نشر",
    "مقالات ذات صلة",
)


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u0640", "")).strip()


def _assert_well_formed(text: str) -> None:
    assert "\n\n\n" not in text
    assert "  " not in text
    assert not re.search(r" \n|\n ", text)
    assert text == text.strip()
    for paragraph in text.split("\n\n"):
        assert "\n" not in paragraph


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_chrome_goes_and_article_lines_stay(prefix: str) -> None:
    raw = _seed(prefix)
    cleaned = clean(raw)
    for marker in CHROME_MARKERS:
        assert marker not in cleaned.text, marker
    _assert_well_formed(cleaned.text)
    flat = _squash(cleaned.text)
    for line in raw.splitlines():
        line = _squash(line.replace("للمزيد (اضغط هنا)", ""))
        dropped = line in cleaned.removed or any(m in line for m in CHROME_MARKERS)
        if len(line.split()) >= 4 and not dropped:
            assert line in flat, line


def test_seed_000_tickers_header_date_and_captions() -> None:
    cleaned = clean(_seed("000"))
    assert "2024" not in cleaned.text
    assert "يورو" not in cleaned.text
    assert "بشار الأسد وخليفة حفتر" not in cleaned.text
    assert cleaned.removed.count("بشار الأسد وخليفة حفتر") == 2
    assert "الجمعة 03 مايو 2024" in cleaned.removed
    assert "للمزيد (اضغط هنا)" in cleaned.removed
    assert cleaned.text.startswith(cleaned.title)
    assert cleaned.title == '"حفتر" يزور دمشق سراً للتنسيق مع "الأسد" ضد "أردوغان"'
    assert (cleaned.published_at, cleaned.published_has_time) == (datetime(2020, 3, 13, 14, 48), True)
    assert cleaned.text.split("\n\n")[-1].endswith("ضد حكومة الوفاق الليبية.")


def test_seed_003_hard_wrapped_lines_are_joined() -> None:
    cleaned = clean(_seed("003"))
    paragraphs = cleaned.text.split("\n\n")
    assert "أوضحت الصحيفة أن وفد حفتر توجَّه إلى دمشق" in cleaned.text
    assert "استقبلهم هناك نائب وزير خارجية النظام السوري" in cleaned.text
    assert "“استيفان دوغريك”" in cleaned.text
    assert "تقول تركيا إنها لا نية لديها في التصادم" in cleaned.text
    assert any(p.startswith("في 12 فبراير/ شباط الجاري، صادق") for p in paragraphs)
    assert "منذ 4 أبريل/نيسان 2019، هجوما" in cleaned.text
    assert cleaned.title.startswith("وفد حفتر يلتقي مسؤولي النظام السوري")
    assert "آخر الأخبار" not in cleaned.text and "المصدر" not in paragraphs
    assert cleaned.published_at == datetime(2020, 3, 1)
    assert len(paragraphs) == 13  # headline + 12 body paragraphs, wraps joined


def test_seed_002_subheadings_stay_their_own_paragraphs() -> None:
    paragraphs = clean(_seed("002")).text.split("\n\n")
    assert "رئيس الاستخبارات المصرية سبق حفتر إلى دمشق" in paragraphs
    assert "نظام الأسد أول مَن يعترف بميليشات حفتر الغير الشرعية" in paragraphs
    assert paragraphs[0] == "ما هدف زيارة حفتر السرية إلى نظام الأسد ؟!"


def test_seed_001_footer_and_comment_form() -> None:
    cleaned = clean(_seed("001"))
    assert {"مصدر الشرق الأوسط", "اترك رد"} <= set(cleaned.removed)
    assert cleaned.title == "ماذا وراء زيارة خليفة حفتر السرية إلى دمشق؟"
    assert cleaned.text.endswith("ويفرض رزمة من العقوبات.")


def test_general_chrome_on_our_own_page() -> None:
    cleaned = clean((DATA / "chrome.txt").read_text(encoding="utf-8"))
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs == [
        "ارتفاع أسعار الخبز في الأسواق المحلية",
        "5 ديسمبر 2021، 11:15 ص",
        "شهدت الأسواق المحلية ارتفاعا ملحوظا في أسعار الخبز خلال الأسبوع الماضي، بحسب ما أفاد به تجار في العاصمة.",
        "وقال رئيس غرفة التجارة إن الزيادة تعود إلى ارتفاع تكاليف النقل والطحين المستورد، مشيرا إلى أن "
        "الحكومة وعدت بمراجعة الأسعار.",
    ]
    for chrome in (
        "إعلان",
        "شارك فيسبوك تويتر واتساب",
        "المصدر: وكالات",
        "الأربعاء 10 يناير 2024",
        "يورو 53.10",
    ):
        assert chrome in cleaned.removed
    assert cleaned.title == "ارتفاع أسعار الخبز في الأسواق المحلية"
    assert (cleaned.published_at, cleaned.published_has_time) == (datetime(2021, 12, 5, 11, 15), True)


def test_invisible_characters_and_presentation_forms() -> None:
    raw = "\ufefbيمكن \u0642\u0640\u0640\u0627\u0644 الوزير\u200f إن\u200b الخطة \u202bجاهزة\u202c\u2066.\u2069\u00a0\u00a0تماما"
    cleaned = clean(raw)
    assert cleaned.text == "لايمكن قال الوزير إن الخطة جاهزة. تماما"


def test_presentation_form_letters_fold_to_base_letters() -> None:
    # "سلام" typed with isolated/final presentation forms, as old PDFs export it.
    assert clean("\ufeb3\ufee0\ufe8e\ufee1 عليكم").text == "سلام عليكم"


def test_html_page_through_trafilatura() -> None:
    cleaned = clean((DATA / "page.html").read_text(encoding="utf-8"), is_html=True)
    paragraphs = cleaned.text.split("\n\n")
    assert cleaned.title == "الحكومة تعلن خطة لدعم المزارعين"
    assert (cleaned.published_at, cleaned.published_has_time) == (datetime(2022, 6, 14, 9, 45), True)
    assert paragraphs[1].startswith("أعلنت الحكومة صباح الثلاثاء خطة جديدة")
    assert paragraphs[-1].endswith("البعيدة عن مصادر المياه.")
    for chrome in ("الرئيسية", "رياضة", "الأكثر قراءة", "جميع الحقوق محفوظة", "اتصل بنا", "شارك"):
        assert chrome not in paragraphs, chrome
    _assert_well_formed(cleaned.text)


def test_html_without_metadata_date_uses_the_text() -> None:
    body = "".join(
        f"<p>{p}</p>"
        for p in (
            "انطلاق معرض الكتاب في دورته الجديدة",
            "الأحد 6 فبراير 2022",
            "افتتح وزير الثقافة معرض الكتاب بمشاركة مئات من دور النشر العربية والأجنبية، وسط إقبال كبير من الزوار.",
            "وقال مدير المعرض إن الدورة الحالية تضم برنامجا ثقافيا واسعا يشمل ندوات وأمسيات شعرية وورش عمل للأطفال.",
        )
    )
    cleaned = clean(f"<html><body><article>{body}</article></body></html>", is_html=True)
    assert cleaned.published_at == datetime(2022, 2, 6)
    assert "افتتح وزير الثقافة معرض الكتاب" in cleaned.text


def test_plain_paragraph_without_headline_has_no_title() -> None:
    cleaned = clean("قال الوزير إن الحكومة ستعلن قرارها خلال أيام، بعد مشاورات مع الكتل النيابية.")
    assert cleaned.title is None
    assert cleaned.published_at is None


@pytest.mark.parametrize(
    "headline",
    [
        "الدولار يسجل 15.5 جنيه في السوق الموازية",
        "ارتفاع الحرارة إلى 45° في بغداد",
        "مصدر أمني: الانفجار ناجم عن تسرب غاز.",
    ],
)
def test_headlines_that_resemble_chrome_survive(headline: str) -> None:
    body = "وقال مسؤولون إن السلطات تتابع الوضع عن كثب، وإن بيانا رسميا سيصدر خلال ساعات."
    cleaned = clean(f"{headline}\n\n{body}")
    assert cleaned.text == f"{headline}\n\n{body}"
    assert cleaned.removed == ()


NEWS_PAGE = """بوابة الوادي الإخبارية

الرئيسية » أخبار » محليات

افتتاح جسر جديد فوق النهر يختصر الطريق إلى المنطقة الصناعية

الأحد 5 مايو 2024 | آخر تحديث 14:20
كتب: فريق التحرير

افتتح محافظ المدينة صباح الأحد جسرا جديدا فوق النهر بطول 800 متر، بعد أعمال استمرت عامين.

وقال المحافظ إن الجسر سيخفف الازدحام في وسط المدينة
ويختصر الطريق إلى المنطقة الصناعية بنحو عشرين دقيقة.

اقرأ أيضاً
ارتفاع أسعار الإسمنت في الأسواق المحلية
إغلاق طريق الساحل للصيانة

شارك هذا الخبر
اشترك في نشرتنا البريدية لتصلك آخر الأخبار
الاسم *
البريد الإلكتروني *
جميع الحقوق محفوظة © بوابة الوادي 2024
"""


def test_page_furniture_around_an_article() -> None:
    cleaned = clean(NEWS_PAGE)
    assert cleaned.title == "افتتاح جسر جديد فوق النهر يختصر الطريق إلى المنطقة الصناعية"
    assert cleaned.text.split("\n\n") == [
        cleaned.title,
        "الأحد 5 مايو 2024",  # the article's own date line stays; only its update stamp goes
        "افتتح محافظ المدينة صباح الأحد جسرا جديدا فوق النهر بطول 800 متر، بعد أعمال استمرت عامين.",
        "وقال المحافظ إن الجسر سيخفف الازدحام في وسط المدينة ويختصر الطريق إلى المنطقة الصناعية بنحو "
        "عشرين دقيقة.",
    ]
    for chrome in (
        "بوابة الوادي الإخبارية",
        "الرئيسية » أخبار » محليات",
        "| آخر تحديث 14:20",
        "كتب: فريق التحرير",
        "ارتفاع أسعار الإسمنت في الأسواق المحلية",
        "إغلاق طريق الساحل للصيانة",
        "شارك هذا الخبر",
        "اشترك في نشرتنا البريدية لتصلك آخر الأخبار",
        "الاسم *",
        "البريد الإلكتروني *",
        "جميع الحقوق محفوظة © بوابة الوادي 2024",
    ):
        assert chrome in cleaned.removed, chrome
    assert cleaned.published_at == datetime(2024, 5, 5)


@pytest.mark.parametrize(
    "raw",
    [
        # The first line names an agency but is the headline: no second headline-like line follows.
        "وكالة الفضاء تطلق قمرا جديدا\n\nأطلقت وكالة الفضاء صباح اليوم قمرا صناعيا جديدا لرصد الطقس.",
        # A headline quoting a newspaper keeps its colon form.
        "صحيفة: الحكومة تدرس رفع الدعم عن الوقود\n\nقالت صحيفة محلية إن الحكومة تدرس رفع الدعم.",
        # Guillemets quote a name; they are not breadcrumb arrows. An editor in the news is not a byline.
        "«الاتحاد» يرفض العرض\n\nرفض الاتحاد العرض الأخير للوسطاء بعد اجتماع طويل.",
        "وفاة المحرر الأدبي للصحيفة\n\nتوفي صباح اليوم المحرر الأدبي للصحيفة عن عمر ناهز السبعين.",
        "تراجع معدل البطالة في الربع الأول\n\nوقال مدير الإحصاء إن آخر تحديث للبيانات\n"
        "صدر قبل أسبوع، وإن الأرقام تغيرت كثيرا منذ ذلك الحين.",
        # Prose with "منذ 3 ساعات", a "/" and "كتب" is not chrome.
        "انقطاع الكهرباء عن أحياء المدينة\n\nانقطعت الكهرباء منذ 3 ساعات عن أحياء الشرق/الغرب.\n\n"
        "كتب الوزير على حسابه أن الفرق تعمل على الإصلاح.",
    ],
)
def test_article_lines_that_look_like_furniture_stay(raw: str) -> None:
    cleaned = clean(raw)
    assert cleaned.removed == ()
    assert cleaned.title == raw.split("\n")[0]


def test_masthead_needs_a_headline_below_it() -> None:
    raw = "شبكة النهار نيوز\n\nأمطار غزيرة تغرق شوارع العاصمة\n\nهطلت أمطار غزيرة على العاصمة مساء أمس."
    cleaned = clean(raw)
    assert cleaned.removed == ("شبكة النهار نيوز",)
    assert cleaned.title == "أمطار غزيرة تغرق شوارع العاصمة"


def test_the_outlet_comes_from_page_metadata_or_a_desk_credit():
    page = (
        '<html><head><meta property="og:site_name" content="شبكة النهار"></head><body><article>'
        "<p>أعلنت البلدية أنها ستفتح جسرا جديدا فوق النهر الشهر المقبل بعد أعمال استمرت عامين.</p>"
        "</article></body></html>"
    )
    assert clean(page, is_html=True).site_name == "شبكة النهار"
    credit = "عنوان الخبر هنا\n\nالصباح الجديد؛ قسم الأخبار\n\nقال المتحدث إن الاجتماع انتهى دون اتفاق بين الطرفين.\n"
    cleaned = clean(credit)
    assert cleaned.site_name == "الصباح الجديد" and "قسم الأخبار" not in cleaned.text
    assert clean("قال المتحدث إن الاجتماع انتهى دون اتفاق بين الطرفين.\n").site_name is None


def test_a_dateline_before_the_byline_is_chrome_and_never_joins_the_headline():
    raw = (
        "المجلس البلدي يقر ميزانية العام المقبل\n"
        "طرابلس - كتب: سامر يوسف\n"
        "أقر المجلس البلدي أمس ميزانية العام المقبل بعد نقاش استمر ساعات.\n"
    )
    cleaned = clean(raw)
    assert cleaned.title == "المجلس البلدي يقر ميزانية العام المقبل"
    assert cleaned.removed == ("طرابلس - كتب: سامر يوسف",)
    assert "كتب" not in cleaned.text
    # a headline that merely contains a dash and the verb is not a byline
    assert clean("الوزير - كتب رسالة إلى البرلمان يطلب فيها التحقيق.\n").removed == ()
