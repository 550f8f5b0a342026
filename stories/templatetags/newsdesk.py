"""Template helpers: stance badges, quotes highlighted inside their text, JSON-LD.

Uploaded text is only ever escaped here (format_html / conditional_escape), never marked safe as it is.
"""

from __future__ import annotations

import json

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi, ngettext
from django.utils.translation import gettext_lazy as _

from stories import charts, presentation
from stories.stances import SILENT, STANCE_GLYPHS, TRACK_LABELS
from stories.weblinks import web_url

register = template.Library()

STATUS_WORDS = {
    "queued": _("في الانتظار"),
    "processing": _("قيد التحليل"),
    "done": _("اكتمل"),
    "failed": _("فشل"),
}
KIND_WORDS = {"person": _("شخص"), "organization": _("مؤسسة"), "location": _("مكان"), "other": _("أخرى")}
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


register.filter("web_url", web_url)


@register.simple_tag
def stance_badge(stance: str | None, copied: bool = False) -> SafeString:
    key = stance if stance in STANCE_GLYPHS else SILENT
    glyph, word = STANCE_GLYPHS[key]
    if copied:
        return format_html(
            '<span class="badge stance-{} copied"><span class="glyph" aria-hidden="true">{}</span> {} <small>({})</small></span>',
            key,
            glyph,
            word,
            _("نسخة"),
        )
    return format_html(
        '<span class="badge stance-{}"><span class="glyph" aria-hidden="true">{}</span> {}</span>',
        key,
        glyph,
        word,
    )


register.filter("stance_word", presentation.stance_word)


@register.filter
def track_word(stance: str) -> str:
    return str(TRACK_LABELS.get(stance, stance))


@register.filter
def status_word(status: str) -> str:
    return str(STATUS_WORDS.get(status, status))


@register.filter
def kind_word(kind: str) -> str:
    return str(KIND_WORDS.get(kind, kind))


@register.simple_tag
def highlight(snippet, mark_id: str = "") -> SafeString:
    """The quote marked inside its sentence or paragraph: three pieces, each escaped on its own."""
    if snippet is None:
        return format_html("")
    return format_html(
        "{}{}<mark{}>{}</mark>{}{}",
        "… " if snippet.cut_before else "",
        snippet.before,
        format_html(' id="{}"', mark_id) if mark_id else "",
        snippet.quote,
        snippet.after,
        " …" if snippet.cut_after else "",
    )


@register.simple_tag
def jsonld(data: dict) -> SafeString:
    """A JSON-LD block; '<', '>' and '&' are escaped as JSON unicode escapes so no text can close the script."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # escaped above


@register.simple_tag(takes_context=True)
def timeline_marks(context, chart, page_param: str = "", current_page: int = 1) -> SafeString:
    """The chart's marks as SVG, built here rather than in a template loop because a lane page may draw a thousand.

    Every piece of text goes through escape(); coordinates and counts are numbers stories.charts computed.
    """
    request = context.get("request")
    marks = "\n".join(_mark(m, request, page_param, current_page) for m in chart.marks)
    return mark_safe(marks)  # noqa: S308 -- all text escaped in _mark


def _mark(mark, request, page_param: str, current_page: int) -> str:
    href = mark.href
    if page_param and mark.page != current_page and request is not None:
        query = request.GET.copy()
        query[page_param] = mark.page
        href = f"?{query.urlencode()}{mark.href}"
    label = escape(f"{mark.title} ({mark.count})" if mark.count > 1 else mark.title)
    x, y = float(mark.x), float(mark.y)
    out = [
        f'<a href="{escape(href)}"><circle class="mark {escape(mark.css)}" cx="{x}" cy="{y}" '
        f'r="{8 if mark.count > 1 else 6}"><title>{label}</title></circle>'
    ]
    if mark.count > 1:
        out.append(
            f'<text class="mark-count" x="{x}" y="{y}" dy="0.35em" text-anchor="middle">{int(mark.count)}</text>'
        )
    if mark.claims:
        said = ngettext("ادعاء أول ظهور له هنا", "ادعاءات أول ظهور لها هنا: %(counter)s", mark.claims) % {
            "counter": mark.claims
        }
        out.append(
            f'<path class="first-claim" d="M{x} {y - 17} l5 5 l-5 5 l-5 -5 z"><title>{escape(said)}</title></path>'
        )
    out.append("</a>")
    return "".join(out)


@register.simple_tag
def select_options(items, selected, attribute: str = "name", limit: int = 0) -> SafeString:
    """<option>s for a filter menu; a story may have hundreds of outlets, so this skips the template loop."""
    out = []
    for item in items:
        label = str(getattr(item, attribute))
        if limit and len(label) > limit:
            label = label[: limit - 1] + "…"
        chosen = " selected" if item.id == selected else ""
        out.append(f'<option value="{int(item.id)}"{chosen}>{escape(label)}</option>')
    return mark_safe("".join(out))  # noqa: S308 -- labels escaped above, ids are integers


# Counted phrases: the Arabic source strings are the msgids; locale/ar gives Arabic's six plural forms.
def _count(n) -> int:
    if not isinstance(n, int):
        raise TypeError(f"a count, not {n!r}")
    return n


@register.simple_tag
def outlets_phrase(n: int) -> str:
    """Independent outlets carrying a claim."""
    return ngettext("منفذ مستقل واحد", "%(n)s منافذ مستقلة", _count(n)) % {"n": n}


@register.simple_tag
def outlets_count(n: int) -> str:
    return ngettext("منفذ واحد", "%(n)s منافذ", _count(n)) % {"n": n}


@register.simple_tag
def articles_count(n: int) -> str:
    return ngettext("مقالة واحدة", "%(n)s مقالات", _count(n)) % {"n": n}


@register.simple_tag
def claims_phrase(n: int) -> str:
    return ngettext("ادعاء واحد", "%(n)s ادعاءات", _count(n)) % {"n": n}


@register.simple_tag
def of_outlets(shown: int, n: int) -> str:
    """How many of a list's outlets this page shows: "20 of 57 outlets"."""
    return ngettext("%(shown)s من منفذ واحد", "%(shown)s من %(n)s منافذ", _count(n)) % {
        "shown": shown,
        "n": n,
    }


@register.simple_tag
def of_entities(shown: int, n: int) -> str:
    return ngettext("%(shown)s من كيان واحد", "%(shown)s من %(n)s كيانات", _count(n)) % {
        "shown": shown,
        "n": n,
    }


@register.simple_tag
def more_epithets(n: int) -> str:
    return ngettext("ولقب آخر", "و%(n)s ألقاب أخرى", _count(n)) % {"n": n}


@register.simple_tag
def more_entities(n: int) -> str:
    return ngettext("وكيان آخر", "و%(n)s كيانات أخرى", _count(n)) % {"n": n}


@register.simple_tag
def in_articles(n: int) -> str:
    return ngettext("في مقالة واحدة", "في %(n)s مقالات", _count(n)) % {"n": n}


@register.filter
def event_date(value: str, precision: str = "day") -> str:
    """An event's ISO date (day, month or year) written in the page's language."""
    return presentation.event_date(value, precision)


@register.simple_tag
def stance_bar(stances: dict, silent: int = 0) -> SafeString:
    """A claim's outlets by stance as one stacked bar (an SVG, so no inline style), with the counts in words."""
    segments = charts.stance_bar(stances, silent=silent, rtl=get_language_bidi())
    words = "، ".join(f"{presentation.stance_word(s.stance)} {s.count}" for s in segments)
    rects = format_html_join(
        "",
        '<rect class="seg stance-{}" x="{}" y="0" width="{}" height="10"><title>{} {}</title></rect>',
        ((s.stance, s.x, s.width, presentation.stance_word(s.stance), s.count) for s in segments),
    )
    return format_html(
        '<span class="stance-bar"><svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
        'aria-label="{}">{}</svg><span class="meta">{}</span></span>',
        words,
        rects,
        words,
    )


UNNAMED_OUTLET = _("منفذ غير مسمّى")
_HINT_SHOWN = 14


def _outlet_parts(value, hint: str | None) -> tuple[str, str]:
    """(name, file hint) of a Source or of a name with its hint from a values() row; the hint is empty when named."""
    if value is not None and hasattr(value, "file_hint"):
        return value.name, value.file_hint
    return value or "", hint or ""


@register.simple_tag
def outlet(value, hint: str | None = None) -> SafeString:
    """An outlet's name, isolated for bidi; an outlet nothing named is "unnamed outlet" with its file as a hint."""
    name, file_hint = _outlet_parts(value, hint)
    if not name:
        return mark_safe("—")
    if not file_hint:
        return format_html('<bdi class="outlet-name">{}</bdi>', name)
    shown = file_hint if len(file_hint) <= _HINT_SHOWN else file_hint[: _HINT_SHOWN - 1] + "…"
    return format_html(
        '<span class="outlet unnamed"><bdi class="outlet-name">{}</bdi> '
        '<small class="file-hint" title="{}"><bdi dir="ltr">{}</bdi></small></span>',
        UNNAMED_OUTLET,
        file_hint,
        shown,
    )


@register.simple_tag
def outlet_text(value, hint: str | None = None) -> str:
    """The outlet as plain text (titles, aria-labels): the name, or "unnamed outlet (file)"."""
    return presentation.outlet_label(*_outlet_parts(value, hint))


@register.simple_tag(takes_context=True)
def outlet_rename(context, source) -> SafeString:
    """For staff, a link to rename an unnamed outlet in the admin."""
    user = getattr(context.get("request"), "user", None)
    if source is None or not getattr(source, "file_hint", "") or not getattr(user, "is_staff", False):
        return mark_safe("")
    url = reverse("admin:stories_source_change", args=[source.pk])
    return format_html(' <a class="rename-outlet" href="{}">{}</a>', url, _("سمِّ المنفذ"))
