"""Template helpers: stance badges, quotes highlighted inside their text, JSON-LD.

Uploaded text is only ever escaped here (format_html / conditional_escape), never marked safe as it is.
"""

from __future__ import annotations

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

register = template.Library()

# Glyph, word and colour class all say the stance, so no reader depends on colour alone.
STANCE_GLYPHS = {
    "asserts": ("●", _("يؤكد")),
    "attributes": ("◐", _("ينسب")),
    "denies": ("✕", _("ينفي")),
    "doubts": ("?", _("يشكك")),
    "mixed": ("±", _("متباين")),
    "silent": ("·", _("صامت")),
}
TRACK_WORDS = {"agree": _("يوافق"), "disagree": _("يخالف"), "discuss": _("يناقش"), "unrelated": _("لا صلة")}
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def stance_badge(stance: str | None, copied: bool = False) -> SafeString:
    key = stance if stance in STANCE_GLYPHS else "silent"
    glyph, word = STANCE_GLYPHS[key]
    if copied:
        return format_html(
            '<span class="badge stance-{} copied"><span class="glyph" aria-hidden="true">{}</span> {} <small>({})</small></span>',
            key, glyph, word, _("نسخة"),
        )
    return format_html('<span class="badge stance-{}"><span class="glyph" aria-hidden="true">{}</span> {}</span>',
                       key, glyph, word)


@register.filter
def stance_word(stance: str | None) -> str:
    return str(STANCE_GLYPHS.get(stance or "silent", STANCE_GLYPHS["silent"])[1])


@register.filter
def track_word(stance: str) -> str:
    return str(TRACK_WORDS.get(stance, stance))


@register.simple_tag
def highlight(snippet, mark_id: str = "") -> SafeString:
    """The quote marked inside its sentence or paragraph: three pieces, each escaped on its own."""
    if snippet is None:
        return format_html("")
    return format_html(
        '{}{}<mark{}>{}</mark>{}{}',
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


@register.filter
def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0
