"""People named without a title right before them, and epithets that are epithets (issue 9 item 6), on sentences
we wrote: apposition, definite and clitic-shaped family names, names after reporting verbs, group nouns."""

from __future__ import annotations

import pytest

from tests.people_epithets import people_epithets


@pytest.mark.parametrize(
    ("text", "name", "epithet"),
    [
        ("وقال المتحدث باسم وزارة الداخلية، سامي العبيدي، إن الحادث قيد التحقيق.", "سامي العبيدي",
         "المتحدث باسم وزارة الداخلية"),
        ("وقال مدير المحطة، سليم حداد، إن الورشات عملت طوال الليل.", "سليم حداد", "مدير المحطة"),
        ("وأشار مدير المؤسسة العامة للحبوب، عبد اللطيف الأمين، إلى أن الباخرة وصلت.", "عبد اللطيف الأمين",
         "مدير المؤسسة العامة للحبوب"),
        ("وترأس الوفد الكاتب العام للوزارة سمير بناني، بحسب مصادر مطلعة.", "سمير بناني", "الكاتب العام للوزارة"),
        ("وقالت المعلمة هدى قاسم إن الرواتب لا تكفي حتى منتصف الشهر.", "هدى قاسم", "المعلمة"),
        ("وقال نقيب المعلمين رامي الحسن إن الإضراب علق.", "رامي الحسن", "نقيب المعلمين"),
        ("وأعلن وكيل وزارة التجارة مازن العلي أن الشحنة وصلت.", "مازن العلي", "وكيل وزارة التجارة"),
        ("وقال معاون وزير التربية فادي سليمان إن الامتحانات في موعدها.", "فادي سليمان", "معاون وزير التربية"),
        ("وأوضح مدير المؤسسة عبد اللطيف الأمين أن الشحنة مطابقة.", "عبد اللطيف الأمين", "مدير المؤسسة"),
    ],
)  # fmt: skip
def test_names_after_a_description(text: str, name: str, epithet: str) -> None:
    people = people_epithets(text)
    assert name in people
    assert epithet in people[name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("أعلن وزير الكهرباء علي الصادق استئناف العمل في المحطة.", "علي الصادق"),
        ("قال نبيل الخطيب إن ساعات التقنين لن تتراجع قبل الصيف.", "نبيل الخطيب"),
        ("وأضاف سامر يوسف أن المعلمين سيعودون إلى المدارس الأحد.", "سامر يوسف"),
        ("وصرّح عمر البيطار بأن الشحنة مطابقة للمواصفات.", "عمر البيطار"),
        ("وقال نبيل الخطيب في تصريح للصحفيين إن الأسعار سترتفع.", "نبيل الخطيب"),
        ("وأكد نبيل الخطيب خلال مؤتمر صحفي أن الأسعار سترتفع.", "نبيل الخطيب"),
        ('وقال نبيل الخطيب لـ"الرصد" إن الأسعار سترتفع.', "نبيل الخطيب"),
        ("وأوضح كمال الدين الحسيني أن المشروع متوقف منذ شهرين.", "كمال الدين الحسيني"),
        ("وقال محمد الكبير إن الأسعار ارتفعت.", "محمد الكبير"),
        ("وقال وزير المالية محمد الجديد إن الأسعار ارتفعت.", "محمد الجديد"),
    ],
)
def test_names_after_reporting_verbs(text: str, name: str) -> None:
    assert name in people_epithets(text)


def test_clitic_shaped_word_after_a_name_is_not_a_family_name_inside_a_clause() -> None:
    assert "سليم بحزن" not in people_epithets("وقال الوزير سليم بحزن شديد إن الخسائر كبيرة.")


@pytest.mark.parametrize("group", ["وفد", "قوات", "جماعة", "حكومة"])
def test_group_nouns_before_a_name_are_not_its_epithet(group: str) -> None:
    people = people_epithets(
        f"وصل {group} الدباغ إلى العاصمة. وقال وزير الخارجية سامر الدباغ إن الزيارة ناجحة."
    )
    assert people["سامر الدباغ"] - {None} == {"وزير الخارجية"}


def test_loaded_framing_noun_stays_an_epithet() -> None:
    people = people_epithets("وقال الشيخ ماهر الشريف إن الإفراج تم. وهاجمت ميليشيات الشريف البلدة.")
    assert "ميليشيات" in people["ماهر الشريف"]


@pytest.mark.parametrize(
    "text",
    [
        "ونقلت الوكالة عن غزوان الراعي قوله إن الشحنة سليمة.",
        "وبحسب غزوان الراعي، فإن الشحنة سليمة.",
    ],
)
def test_names_relayed_or_after_an_attribution_word(text: str) -> None:
    assert "غزوان الراعي" in people_epithets(text)


@pytest.mark.parametrize(
    "text",
    [
        "ونقلت الوكالة عن مصدر مسؤول قوله إن الزيارة لم تحدث.",
        "وبحسب شهود عيان، فإن الانفجار وقع صباحاً.",
        "وبحسب مصادر مطلعة، فإن الزيارة لم تحدث.",
        "وبحسب الأرقام الرسمية، فإن الإنتاج تراجع.",
        "وبحسب وسائل إعلام محلية، فإن الوزير سيزور المدينة.",
    ],
)
def test_sources_that_are_not_people(text: str) -> None:
    assert people_epithets(text) == {}
