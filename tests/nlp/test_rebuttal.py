"""A negated act denies a report only where the article says it rebuts one (claims.rebuttal): it leads the
article, names the report, answers the sentence before or carries on a denial; elsewhere it is told as it is."""

from __future__ import annotations

from stories.nlp.claims import find_claims
from stories.nlp.sentences import split_sentences


def _stances(text: str) -> dict[str, str]:
    return {c.proposition.strip(" .،"): c.stance for c in find_claims(text, split_sentences(text))}


def _stance_of(text: str, words: str) -> str:
    found = [stance for prop, stance in _stances(text).items() if words in prop]
    assert found, f"no claim holds {words!r}: {_stances(text)}"
    return found[0]


def test_a_negated_act_leading_the_article_denies() -> None:
    text = "مسؤول: الوزارة لم تحتجز القبطان\nقال مدير المركز إن الوزارة لم تحتجز القبطان.\nووصلت السفينة إلى الميناء مساء الاثنين."
    assert _stance_of(text, "لم تحتجز القبطان") == "denies"


def test_a_negated_act_later_in_a_report_is_reported_not_denied() -> None:
    text = (
        "انفجر خط الأنابيب الرئيسي قرب المدينة ليل الأربعاء.\n"
        "وقالت شركة النفط الوطنية إن فرق الإطفاء سيطرت على الحريق، وإن الانفجار لم يسفر عن إصابات بشرية.\n"
        "وقال عميد الكلية إنه لم يطلع على قوائم المقبولين قبل نشرها.\n"
        "ولم يحضر نواب المعارضة الجلسة، إذ أعلنوا مقاطعتهم للتصويت.\n"
    )
    assert _stance_of(text, "لم يسفر عن إصابات") == "attributes"
    assert _stance_of(text, "لم يطلع على قوائم") == "attributes"
    assert _stance_of(text, "لم يحضر نواب") == "asserts"


def test_a_negated_act_naming_the_report_or_answering_it_denies() -> None:
    text = (
        "أحال الرئيس القانون إلى المجلس الدستوري الخميس.\n"
        "وقال مصدر حكومي إن الوزير الأول لم يقدم لائحة تعديل وزاري، وإن الحديث عن تعديل مرتقب سابق لأوانه.\n"
        "ونقلت قناة خاصة عن مصدر طبي وفاة ثلاثة رضع في الحريق.\n"
        "في المقابل، أكد الوالي أن الحريق لم يخلف وفيات.\n"
    )
    assert _stance_of(text, "لم يقدم لائحة") == "denies"
    assert _stance_of(text, "لم يخلف وفيات") == "denies"


def test_a_denial_carried_on_by_the_same_speaker_still_denies() -> None:
    text = (
        "قال بيان للوزارة إنه لا صحة لما تداولته بعض المواقع عن استقالة الوزير.\n"
        "وأوضح البيان أن الوزير لم يزر فرنسا خلال الشهر الجاري.\n"
        "وقال المتحدث إن الرسوم المعمول بها لم تتغير منذ عام 2019.\n"
    )
    assert _stance_of(text, "لم يزر فرنسا") == "denies"
    assert _stance_of(text, "لم تتغير منذ") == "attributes"


def test_what_the_denier_goes_on_to_assert_is_no_denial() -> None:
    text = "نفت الحكومة احتجاز قبطان العبارة المغربية، مؤكدة أنه أدلى بإفادته أمام المحققين بصفته شاهداً."
    stances = _stances(text)
    assert _stance_of(text, "احتجاز قبطان") == "denies", stances
    assert _stance_of(text, "أدلى بإفادته") == "attributes", stances


def test_not_after_a_positive_predicate_is_a_contrast() -> None:
    text = (
        "شهدت البلاد أمطاراً غزيرة.\nوقال الناطق إن الحكومة منشغلة بالتحضير للانتخابات وليس بتغيير أعضائها.\n"
    )
    assert _stance_of(text, "منشغلة بالتحضير") == "attributes"
