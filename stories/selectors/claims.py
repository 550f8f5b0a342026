"""One claim: its quotes, appearances, summary and provenance, JSON-LD and downloads."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db.models import F
from django.db.models.functions import Substr

from stories.models import Claim, Evidence
from stories.nlp.types import STANCES, Stance
from stories.weblinks import web_url

from .export import stance_overall
from .snippets import PARAGRAPH_RADIUS, Quote, _quotes

EVIDENCE_PER_PAGE = 40


def claim_quotes_page(*, claim: Claim, page: int = 1) -> tuple[list[Quote], int, int]:
    """Each outlet's quote inside its paragraph, first published first; paginated for much-repeated claims."""
    evidence = Evidence.objects.filter(claim=claim)
    total = evidence.count()
    pages = max(1, -(-total // EVIDENCE_PER_PAGE))
    page = min(max(page, 1), pages)
    ordered = evidence.order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start")
    quotes = _quotes(
        ordered[(page - 1) * EVIDENCE_PER_PAGE : page * EVIDENCE_PER_PAGE],
        radius=PARAGRAPH_RADIUS,
        stops="\n",
    )
    return quotes, page, pages


def claim_appearances(*, claim: Claim) -> list[dict]:
    """Every article carrying the claim, earliest first: for the uptake timeline, JSON-LD and downloads."""
    return list(
        Evidence.objects.filter(claim=claim)
        .order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start")
        .values(
            "id",
            "article_id",
            "stance",
            "attributed_to",
            "start",
            "end",
            "article__title",
            "article__url",
            "article__published_at",
            "article__published_has_time",
            "article__source_id",
            "article__source__name",
            "article__source__file_hint",
            "article__duplicate_of_id",
        )
    )


def claim_evidence_rows(*, claim: Claim) -> list[dict]:
    """The claim's evidence with its quotes, for the CSV and JSON downloads."""
    return list(
        Evidence.objects.filter(claim=claim)
        .order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start")
        .annotate(quote=Substr("article__text", F("start") + 1, F("end") - F("start")))
        .values(
            "id",
            "article_id",
            "article__source__name",
            "article__url",
            "article__published_at",
            "start",
            "end",
            "quote",
            "stance",
            "stance_by_editor",
            "attributed_to",
        )
    )


def claim_summary(*, appearances: list[dict]) -> dict:
    """How many outlets carry the claim and how they lean, counting each outlet once (copies apart)."""
    per_source: dict[int | None, set[str]] = defaultdict(set)
    copies = set()
    for a in appearances:
        if a["article__duplicate_of_id"]:
            copies.add(a["article_id"])
            continue
        per_source[a["article__source_id"]].add(a["stance"])
    counts: dict[str, int] = defaultdict(int)
    for stances in per_source.values():
        counts[stance_overall(stances)] += 1
    return {
        "outlets": len(per_source),
        "copies": len(copies),
        "counts": dict(sorted(counts.items())),
        **claim_provenance(appearances=appearances),
    }


def claim_provenance(*, appearances: list[dict]) -> dict:
    """Who the claim goes back to: outlets that only relay someone else's report, and whom they credit."""
    own: set[str] = set()
    credits: dict[str, set[str]] = defaultdict(set)
    hints = {a["article__source__name"]: a.get("article__source__file_hint") or "" for a in appearances}
    for a in appearances:
        outlet = a["article__source__name"]
        if not outlet:
            continue
        if a["stance"] == Stance.ATTRIBUTES and a["attributed_to"]:
            credits[outlet].add(a["attributed_to"])
        elif a["stance"] in STANCES:
            own.add(outlet)
    relays = sorted(outlet for outlet in credits if outlet not in own)
    credited = Counter(name for outlet in relays for name in credits[outlet])
    return {
        # An unnamed outlet's relay carries its file name as "hint"; named ones keep their old shape.
        "relays": [
            {"outlet": outlet, "credits": sorted(credits[outlet])}
            | ({"hint": hints[outlet]} if hints[outlet] else {})
            for outlet in relays
        ],
        "credited": [name for name, _ in credited.most_common(3)],
    }


def _creative_work(a: dict, absolute) -> dict:
    work = {
        "@type": "NewsArticle",
        "headline": a["article__title"] or None,
        "url": web_url(a["article__url"]) or absolute(f"#evidence-{a['id']}"),
    }
    if a["article__published_at"]:
        work["datePublished"] = a["article__published_at"].isoformat()
    if a["article__source__name"] and not a.get("article__source__file_hint"):
        work["publisher"] = {"@type": "Organization", "name": a["article__source__name"]}
    return {k: v for k, v in work.items() if v}


def claim_jsonld(*, claim: Claim, appearances: list[dict], absolute) -> dict:
    """schema.org Claim: where it appeared, and where it appeared first."""
    seen: set[int] = set()
    works = []
    for a in appearances:
        if a["article_id"] not in seen:
            seen.add(a["article_id"])
            works.append(_creative_work(a, absolute))
    data = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "text": claim.text,
        "url": absolute(claim.get_absolute_url()),
        "appearance": works[:50],
    }
    first = next((a for a in appearances if a["article_id"] == claim.first_reported_in_id), None)
    if first is not None:
        data["firstAppearance"] = _creative_work(first, absolute)
    if works:
        data["datePublished"] = data.get("firstAppearance", works[0]).get("datePublished")
    return {k: v for k, v in data.items() if v}
