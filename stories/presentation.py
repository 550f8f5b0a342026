"""Reader-facing text that Python builds rather than a template: a stance's word, a claim's link-preview line."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext

from stories.models import Claim
from stories.stances import SILENT, STANCE_GLYPHS


def outlet_label(name: str | None, hint: str = "", *, short: bool = True) -> str:
    """An outlet as plain text: its name, or "unnamed outlet" with the file it came in (cut short) as a hint."""
    if not hint:
        return name or "—"
    shown = hint if not short or len(hint) <= 10 else hint[:9] + "…"
    return f"{gettext('منفذ غير مسمّى')} ({shown})"


def outlet_label_of(row: dict, prefix: str) -> str:
    """``outlet_label`` of a values() row: ``prefix`` + "name" and + "file_hint" (the hint may be absent)."""
    return outlet_label(row.get(prefix + "name"), row.get(prefix + "file_hint") or "")


def stance_word(stance: str | None) -> str:
    """The translated word for a stance value, or for a matrix cell state; anything unknown reads as silent."""
    return str(STANCE_GLYPHS.get(stance or SILENT, STANCE_GLYPHS[SILENT])[1])


def claim_description(claim: Claim, summary: dict) -> str:
    """One line for link previews: who reported the claim first, and how the outlets lean."""
    parts = []
    first = claim.first_reported_in
    if first is not None:
        when = date_format(first.published_at, "j F Y") if first.published_at else ""
        parts.append(
            gettext("أول من نشره: %(source)s %(when)s")
            % {
                "source": outlet_label(first.source.name, first.source.file_hint) if first.source else "—",
                "when": when,
            }
        )
    leaning = "، ".join(f"{stance_word(stance)} {n}" for stance, n in summary["counts"].items())
    parts.append(gettext("منافذ: %(n)s") % {"n": summary["outlets"]} + (f" ({leaning})" if leaning else ""))
    return " · ".join(parts)


def event_date(value: str, precision: str = "day") -> str:
    """An ISO date at day, month or year precision, in the page's language ("13 مارس 2020", "March 2020")."""
    parts = [int(p) for p in value.split("-") if p.isdigit()]
    if not parts:
        return value
    if len(parts) == 1 or precision == "year":
        return str(parts[0])
    when = date(parts[0], parts[1], parts[2] if len(parts) > 2 and precision == "day" else 1)
    return date_format(when, "F Y" if len(parts) == 2 or precision == "month" else "j F Y")
