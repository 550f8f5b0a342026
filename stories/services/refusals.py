"""Every message that tells an editor why an upload or a correction was refused, in the active language."""

from __future__ import annotations

from typing import Literal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from stories.models import Article
from stories.nlp.types import AnalysisError


class IngestError(ValueError):
    """An upload refused before anything was stored; the message is meant for the editor."""


class ReviewError(ValueError):
    """A correction that cannot be applied; the message is shown to the editor."""


# The editor's words for each AnalysisError.code of stories.nlp.decode (which cannot use gettext);
# an error without a known code keeps the pipeline's English message.
_REFUSALS = {
    "empty": gettext_lazy("%(name)s: الملف فارغ، ليس فيه نص للتحليل."),
    "undecodable": gettext_lazy(
        "%(name)s: تعذّر التعرّف على ترميز النص. احفظ الملف بترميز UTF-8 "
        "(أو ترميز ويندوز العربي windows-1256) ثم ارفعه من جديد."
    ),
    "mixed": gettext_lazy(
        "%(name)s: يخلط الملف بين ترميزين للنص، وبعض أسطره بترميز لم يُتعرَّف عليه. احفظ الملف كله بترميز UTF-8 "
        "ثم ارفعه من جديد."
    ),
    "mojibake": gettext_lazy(
        "%(name)s: النص مشوَّه: نص عربي بترميز UTF-8 قُرئ بترميز آخر (فظهر مثل «Ø§Ù„» أو «ط§ظ„»). "
        "احفظ الأصل بترميز UTF-8 ثم ارفعه من جديد."
    ),
    "replacement": gettext_lazy(
        "%(name)s: فقد النص بعض حروفه (فيه علامات الاستبدال � من تحويل سابق فاشل). ارفع الملف الأصلي."
    ),
    "binary:nul": gettext_lazy("%(name)s: هذا الملف ثنائي (فيه بايتات NUL) وليس مقالة نصية."),
    "binary:control": gettext_lazy("%(name)s: يبدو هذا الملف ثنائيًا (مليئًا بمحارف التحكم) وليس مقالة نصية."),
}
_BINARY_KINDS = {
    "PDF document": gettext_lazy("مستند PDF"),
    "PNG image": gettext_lazy("صورة PNG"),
    "JPEG image": gettext_lazy("صورة JPEG"),
    "GIF image": gettext_lazy("صورة GIF"),
    "ZIP archive": gettext_lazy("أرشيف ZIP (ملفات Word وExcel وأمثالها أرشيفات ZIP)"),
    "old Office document": gettext_lazy("مستند Microsoft Office قديم"),
    "RTF document": gettext_lazy("مستند RTF"),
    "gzip archive": gettext_lazy("أرشيف gzip"),
}


def upload_name(filename: str | None) -> str:
    """A file name for a message. In Arabic it is bidi-isolated, or "000_a.txt" shows up as "a.txt_000"."""
    if not filename:
        return _("الملف المرفوع")
    return f"\u2068{filename}\u2069" if translation.get_language_bidi() else filename


def upload_refusal(error: AnalysisError, *, filename: str | None = None) -> str:
    """The message an editor sees for an unreadable upload, in the active language."""
    name = upload_name(filename)
    if error.code in _REFUSALS:
        return _REFUSALS[error.code] % {"name": name}
    kind = _BINARY_KINDS.get(error.code.removeprefix("binary:")) if error.code.startswith("binary:") else None
    if kind is not None:
        return _("%(name)s: هذا الملف %(kind)s وليس مقالة. ارفع المقالة نصًا عاديًا أو صفحة HTML.") % {
            "name": name,
            "kind": kind,
        }
    return f"{name}: {error}"


def upload_too_big_message(*, filename: str | None) -> str:
    limit_mb = settings.ARTICLE_MAX_BYTES / (1024 * 1024)
    return _("%(name)s أكبر من %(limit)s ميغابايت.") % {
        "name": upload_name(filename),
        "limit": f"{limit_mb:g}",
    }


def upload_name_too_long_message(*, filename: str, limit: int) -> str:
    return _(
        "اسم الملف أطول من %(limit)s حرفًا (%(length)s حرفًا): %(name)s… أعد تسميته باسم أقصر ثم ارفعه."
    ) % {
        "limit": limit,
        "length": len(filename),
        "name": upload_name(filename[:60]),
    }


def url_refusal_message(*, url: str, limit: int) -> str:
    """Only web links are stored: anything else (javascript:, data:, file:) could run or leak when clicked."""
    if len(url) > limit:
        return _("الرابط أطول من %(limit)s حرفًا (%(length)s حرفًا).") % {"limit": limit, "length": len(url)}
    return _("الرابط %(url)s ليس رابط ويب: لا يُقبل إلا ما يبدأ بـ http:// أو https://.") % {
        "url": upload_name(url[:80])
    }


def source_name_too_long_message(*, name: str, limit: int) -> str:
    return _("اسم المنفذ أطول من %(limit)s حرفًا (%(length)s حرفًا).") % {"limit": limit, "length": len(name)}


def upload_suffix_message(*, filename: str) -> str:
    return _("%(name)s: لا تُقبل إلا ملفات .txt و.html و.jsonl.") % {"name": upload_name(filename)}


def batch_refusal(*, filename: str, size: int, lines: int, limit: int) -> str | None:
    """Why a JSONL file cannot be imported as a whole (its lines are judged one by one later), or None."""
    if size > limit:
        return _("%(name)s: الملف أكبر من %(mb)s ميغابايت.") % {
            "name": upload_name(filename),
            "mb": limit // (1024 * 1024),
        }
    if not lines:
        return _("%(name)s: لا أسطر في الملف.") % {"name": upload_name(filename)}
    return None


def upload_duplicate_message(*, origin: str, existing: Article) -> str:
    """Shared by article_ingest and the upload form, which checks a whole batch before storing any of it."""
    return _("%(name)s مطابق تمامًا للمقالة رقم %(id)s (%(origin)s)، فلن يُخزَّن مرتين.") % {
        "name": upload_name(origin),
        "id": existing.id,
        "origin": upload_name(existing.origin),
    }


def upload_batch_duplicate_message(*, origin: str, other: str) -> str:
    return _("%(name)s مطابق تمامًا للملف %(other)s في هذه الدفعة.") % {
        "name": upload_name(origin),
        "other": upload_name(other),
    }


CorrectionRefusal = Literal[
    "merge_other_story",
    "merge_into_itself",
    "merge_target_missing",
    "split_all_or_none",
    "reword_empty",
    "stance_unknown",
    "copy_outside_story",
    "track_empty",
    "undo_twice",
    "evidence_missing",
    "claim_missing",
    "article_missing",
    "request_not_json",
]
_CORRECTION_REFUSALS = {
    "merge_other_story": gettext_lazy("لا يُدمج ادعاءان من قصتين مختلفتين."),
    "merge_into_itself": gettext_lazy("لا يُدمج الادعاء في نفسه."),
    "merge_target_missing": gettext_lazy("اختر ادعاءً من القصة نفسها للدمج فيه."),
    "split_all_or_none": gettext_lazy("اختر بعض اقتباسات الادعاء لفصلها، لا كلها."),
    "reword_empty": gettext_lazy("الادعاء يحتاج إلى صياغة."),
    "stance_unknown": gettext_lazy("موقف غير معروف."),
    "copy_outside_story": gettext_lazy("المقالة لا تكون نسخة إلا من مقالة أخرى في القصة نفسها."),
    "track_empty": gettext_lazy("اكتب الادعاء الذي تريد متابعته."),
    "undo_twice": gettext_lazy("تُراجع عن هذا التصحيح من قبل."),
    "evidence_missing": gettext_lazy(
        "لا اقتباس بهذا الرقم في القصة؛ أرقام الاقتباسات تتغير بعد كل إعادة تحليل."
    ),
    "claim_missing": gettext_lazy("لا ادعاء بهذا الرقم في القصة."),
    "article_missing": gettext_lazy("لا مقالة بهذا الرقم في القصة."),
    "request_not_json": gettext_lazy("الطلب يجب أن يكون كائن JSON بالحقول المطلوبة."),
}


def correction_refused(reason: CorrectionRefusal) -> ReviewError:
    """The error to raise for a refused correction; its message is translated now, in the active language."""
    return ReviewError(str(_CORRECTION_REFUSALS[reason]))


# Not a refusal: the upload is kept. Shown when the queue (the broker) could not take the analysis yet.
def analysis_waiting_message(*, count: int) -> str:
    """Stored, and analysed by the sweeper once the queue is back; said by the upload page and the status page."""
    return ngettext(
        "خُزّنت مقالة واحدة؛ سيبدأ التحليل حين يعود الطابور.",
        "خُزّنت %(n)s مقالات؛ سيبدأ التحليل حين يعود الطابور.",
        count,
    ) % {"n": count}
