"""Which stored URLs may become links: http(s) only, whatever is already in the database."""

from __future__ import annotations


def web_url(url: str | None) -> str:
    """The URL if it is an http(s) link, else "": a javascript: or data: URL stored before uploads were checked
    must never become a link (escaping does not help, the scheme itself runs)."""
    url = (url or "").strip()
    scheme, sep, rest = url.partition(":")
    return url if sep and scheme.lower() in {"http", "https"} and rest.startswith("//") else ""
