"""One event, one claim (issue 9 item 4): a verb and its masdar share a root whatever seat its hamza is written
on, and a planned act never joins the act done."""

from __future__ import annotations

from stories.nlp import morph
from stories.nlp.claims.tense import is_planned
from stories.nlp.match import ClaimIndex


def test_hamza_seat_does_not_split_a_root() -> None:
    assert morph.skeleton("استانف") == morph.skeleton("استئناف")  # استأنف / استئناف
    assert morph.skeleton("فتح") == morph.skeleton("افتتاح")


def test_planned_clause() -> None:
    assert is_planned("الحكومة ستعيد فتح مطار حلب أمام الرحلات الدولية")
    assert is_planned("من المقرر أن تستأنف الشركة رحلاتها إلى القاهرة")
    assert not is_planned("أعادت الحكومة فتح مطار حلب أمام الرحلات الدولية")
    assert not is_planned("سيارة إسعاف نقلت الجرحى إلى مستشفى المدينة")


def test_planned_reopening_stays_apart_from_the_reopening() -> None:
    done = "أعادت الحكومة السورية فتح مطار حلب الدولي أمام الرحلات الدولية"
    planned = "الحكومة ستعيد فتح مطار حلب الدولي أمام الرحلات الدولية"
    key_done = ("|", "اعاد", "حكوم", "فتح", "مطار", "حلب", "دولي", "رحل", "~open")
    key_planned = ("|", "ستعيد", "حكوم", "فتح", "مطار", "حلب", "دولي", "رحل", "~open")
    index = ClaimIndex()
    index.add(1, key_done, done)
    assert index.best(key_done, done) is not None  # the same words join
    assert index.best(key_planned, planned) is None
