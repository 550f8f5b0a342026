"""Reads of the known-outlets table editors keep (domain → name, country), for naming uploads."""

from __future__ import annotations

import re

from stories.models import KnownOutlet


def known_outlet_for_domain(*, domain: str) -> KnownOutlet | None:
    """The known outlet of a host name: its own entry, else the nearest parent domain's ("ar.x.com" → "x.com")."""
    parts = domain.lower().removeprefix("www.").split(".")
    candidates = [".".join(parts[i:]) for i in range(len(parts) - 1)]
    found = {k.domain: k for k in KnownOutlet.objects.filter(domain__in=candidates)}
    return next((found[c] for c in candidates if c in found), None)


def known_outlet_cited(*, text: str) -> KnownOutlet | None:
    """The known outlet whose domain the text cites (a footer link, "المصدر: x.com"); the longest domain wins."""
    lowered = text.lower()
    cited = [
        k
        for k in KnownOutlet.objects.only("domain", "name")
        if k.domain and re.search(r"(?<![\w.-])(?:www\.)?" + re.escape(k.domain) + r"(?![\w-])", lowered)
    ]
    return max(cited, key=lambda k: len(k.domain), default=None)
