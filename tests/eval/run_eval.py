"""Score the NLP pipeline against the hand-written gold (tests/gold) and the ANS stance dev set.

Run from the project root: ``.venv/bin/python -m tests.eval.run_eval [--verbose]`` (``make eval``). Prints one
table per set (the five seeds; our own invented articles as a generalisation check; the "unseen" set of issue 9,
written before its rules changed; the "heldout" to "heldout9" sets, each written before the next round of
claim-matching rules) and a final JSON line.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tests.eval import extra
from tests.eval.gold import Story, has_line, load_stories, locate, locate_name, shared_dir
from tests.eval.tracking import LABELS as TRACK_LABELS
from tests.eval.tracking import evaluate_tracking

try:
    from stories.nlp import entities as nlp_entities
    from stories.nlp import match, track
    from stories.nlp.camel import normalize
    from stories.nlp.pipeline import analyse
    from stories.nlp.types import GazetteerEntry
    from stories.nlp.upload_match import upload_claims_matched
except ImportError as exc:  # the pipeline is written in parallel; say what is missing instead of a traceback
    raise SystemExit(
        f"run_eval: cannot import the NLP pipeline yet ({exc}).\n"
        "Needed: stories.nlp.pipeline.analyse, stories.nlp.match.{ClaimIndex,assign}, "
        "stories.nlp.entities.story_merge, stories.nlp.track.track, stories.nlp.camel.normalize."
    ) from exc

TARGETS = (
    # (figure, set, comparison, threshold)
    ("entity_recall", "seeds", ">=", 0.9),
    ("claim_pair_recall", "seeds", ">=", 0.85),
    ("claim_pair_precision", "seeds", ">=", 0.9),
    ("denial_recall", "seeds", ">=", 1.0),
    ("entity_recall", "articles", ">=", 0.9),
    ("claim_pair_recall", "articles", ">=", 0.85),
    ("claim_pair_precision", "articles", ">=", 0.9),
    ("denial_recall", "articles", ">=", 1.0),
    # issue 9: analysis that holds on outlets never seen (tests/gold, set "unseen")
    ("claim_pair_recall", "unseen", ">=", 0.8),
    ("claim_pair_precision", "unseen", ">=", 0.9),
    ("denial_in_row", "unseen", ">=", 1.0),
    ("copies_found", "unseen", ">=", 0.9),
    ("published_accuracy", "unseen", ">=", 0.9),
    ("person_recall", "unseen", ">=", 0.9),
    ("fragment_share", "unseen", "<=", 0.1),
    ("import_failures", "unseen", "<=", 0),
    # issue 9 items 3 and 4 measured on a set written before the claim-matching rules changed (set "heldout")
    ("claim_pair_recall", "heldout", ">=", 0.8),
    ("claim_pair_precision", "heldout", ">=", 0.9),
    ("denial_in_row", "heldout", ">=", 1.0),
    # issue 9 item 4 (one event, one claim) on a set written before the one-event rules changed (set "heldout2")
    ("claim_pair_recall", "heldout2", ">=", 0.8),
    ("claim_pair_precision", "heldout2", ">=", 0.9),
    ("denial_in_row", "heldout2", ">=", 1.0),
    # issue 9 on a set written after all the sets above had been tuned on, before the next matching rules (set "heldout3")
    ("claim_pair_recall", "heldout3", ">=", 0.8),
    ("claim_pair_precision", "heldout3", ">=", 0.9),
    ("denial_in_row", "heldout3", ">=", 1.0),
    ("copies_found", "heldout3", ">=", 0.9),
    ("published_accuracy", "heldout3", ">=", 0.9),
    ("person_recall", "heldout3", ">=", 0.9),
    ("fragment_share", "heldout3", "<=", 0.1),
    ("import_failures", "heldout3", "<=", 0),
    # issue 9 on a set written after heldout3 had been tuned on, before the next matching rules (set "heldout4")
    ("claim_pair_recall", "heldout4", ">=", 0.8),
    ("claim_pair_precision", "heldout4", ">=", 0.9),
    ("denial_in_row", "heldout4", ">=", 1.0),
    ("copies_found", "heldout4", ">=", 0.9),
    ("published_accuracy", "heldout4", ">=", 0.9),
    ("person_recall", "heldout4", ">=", 0.9),
    ("fragment_share", "heldout4", "<=", 0.1),
    ("import_failures", "heldout4", "<=", 0),
    # issue 9 on a set written after heldout4 had been tuned on, before the next matching rules (set "heldout5")
    ("claim_pair_recall", "heldout5", ">=", 0.8),
    ("claim_pair_precision", "heldout5", ">=", 0.9),
    ("denial_in_row", "heldout5", ">=", 1.0),
    ("copies_found", "heldout5", ">=", 0.9),
    ("published_accuracy", "heldout5", ">=", 0.9),
    ("person_recall", "heldout5", ">=", 0.9),
    ("fragment_share", "heldout5", "<=", 0.1),
    ("import_failures", "heldout5", "<=", 0),
    # issue 9 on a set written after heldout5 had been tuned on, before the next matching rules (set "heldout6")
    ("claim_pair_recall", "heldout6", ">=", 0.8),
    ("claim_pair_precision", "heldout6", ">=", 0.9),
    ("denial_in_row", "heldout6", ">=", 1.0),
    ("copies_found", "heldout6", ">=", 0.9),
    ("published_accuracy", "heldout6", ">=", 0.9),
    ("person_recall", "heldout6", ">=", 0.9),
    ("fragment_share", "heldout6", "<=", 0.1),
    ("import_failures", "heldout6", "<=", 0),
    # issue 9 on a set written after heldout6 had been tuned on, before the next matching rules (set "heldout7")
    ("claim_pair_recall", "heldout7", ">=", 0.8),
    ("claim_pair_precision", "heldout7", ">=", 0.9),
    ("denial_in_row", "heldout7", ">=", 1.0),
    ("copies_found", "heldout7", ">=", 0.9),
    ("published_accuracy", "heldout7", ">=", 0.9),
    ("person_recall", "heldout7", ">=", 0.9),
    ("fragment_share", "heldout7", "<=", 0.1),
    ("import_failures", "heldout7", "<=", 0),
    # issue 9 on a set written after heldout7 had been tuned on, before the next matching rules (set "heldout8")
    ("claim_pair_recall", "heldout8", ">=", 0.8),
    ("claim_pair_precision", "heldout8", ">=", 0.9),
    ("denial_in_row", "heldout8", ">=", 1.0),
    ("copies_found", "heldout8", ">=", 0.9),
    ("published_accuracy", "heldout8", ">=", 0.9),
    ("person_recall", "heldout8", ">=", 0.9),
    ("fragment_share", "heldout8", "<=", 0.1),
    ("import_failures", "heldout8", "<=", 0),
    # issue 9 on a set written after heldout8 had been tuned on, before the next matching rules (set "heldout9")
    ("claim_pair_recall", "heldout9", ">=", 0.8),
    ("claim_pair_precision", "heldout9", ">=", 0.9),
    ("denial_in_row", "heldout9", ">=", 1.0),
    ("copies_found", "heldout9", ">=", 0.9),
    ("published_accuracy", "heldout9", ">=", 0.9),
    ("person_recall", "heldout9", ">=", 0.9),
    ("fragment_share", "heldout9", "<=", 0.1),
    ("import_failures", "heldout9", "<=", 0),
    ("ans_dev_macro_f1", "ans", ">=", 0.6),
)
SETS = (
    "seeds",
    "articles",
    "unseen",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
)
ANS_LABELS = ("agree", "disagree", "other")
_PUNCT = re.compile(r"[^\w\s]|_")
_CLITICS = "وفبلك"

Verbose = Callable[[str], None]


# --- shared helpers --------------------------------------------------------------------------------------------


def norm(text: str) -> str:
    """Comparison form of a name: camel-tools normalisation, punctuation dropped, spaces collapsed."""
    return " ".join(_PUNCT.sub(" ", normalize(text)).split())


def surface_variants(surface: str) -> set[str]:
    """A predicted surface, plus the forms left after one or two proclitics (و ب ل ف ك) or ل + ال fusion."""
    p = norm(surface)
    out = {p}
    if len(p) > 3 and p[0] in _CLITICS:
        out.add(p[1:])
        if len(p) > 4 and p[1] in _CLITICS:
            out.add(p[2:])
    if p.startswith("لل"):
        out.update({"ا" + p[1:], "ال" + p[1:]})
    return out


def ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


@dataclass
class Result:
    """One story's analyses; ``None`` where analyse raised (then every gold item of that article is missed)."""

    story: Story
    analyses: dict[str, Any]
    errors: dict[str, str]


def analyse_story(story: Story, gazetteer: bool) -> Result:
    entries = tuple(
        GazetteerEntry(g["name"], g.get("kind", "other"), tuple(g.get("aliases", ())))
        for g in story.gazetteer
    )
    analyses: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for article in story.articles:
        try:
            analyses[article] = analyse(
                story.path(article).read_bytes(), filename=article, gazetteer=entries if gazetteer else ()
            )
        except Exception as exc:  # noqa: BLE001 - one broken article must not hide the other figures
            analyses[article] = None
            errors[article] = f"{type(exc).__name__}: {exc}"
    return Result(story, analyses, errors)


# --- entities ----------------------------------------------------------------------------------------------------


def _predicted_groups(result: Result) -> tuple[dict[str, set[str]], dict[str, str], dict[str, str]]:
    """(canonical key -> normalised name forms, entity key -> canonical key, canonical key -> kind)."""
    found = [e for a in result.analyses.values() if a for e in a.entities]
    canon = nlp_entities.story_merge(found) if found else {}
    forms: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, Counter] = defaultdict(Counter)
    for e in found:
        key = canon.get(e.key, e.key)
        forms[key].update(norm(n) for n in (e.name, *e.aliases) if norm(n))
        kinds[key][e.kind] += 1
    for a in result.analyses.values():
        for m in a.mentions if a else ():
            key = canon.get(m.entity_key, m.entity_key)
            forms[key].add(norm(m.surface))
    return dict(forms), canon, {k: c.most_common(1)[0][0] for k, c in kinds.items()}


def _gold_forms(story: Story) -> dict[str, set[str]]:
    forms = {e["id"]: {norm(e["name"]), *(norm(a) for a in e["aliases"])} for e in story.entities}
    for gold in story.gold.values():
        for item in gold["entities"]:
            forms[item["id"]].update(norm(s) for s in item["surfaces"])
    return forms


def _map_groups(pred: dict[str, set[str]], gold: dict[str, set[str]]) -> tuple[dict[str, str], Counter]:
    """Each predicted group to the gold entity sharing most name forms; also counts groups touching >1 gold."""
    mapping: dict[str, str] = {}
    over = Counter()
    for key, forms in pred.items():
        overlaps = {gid: len(forms & gforms) for gid, gforms in gold.items() if forms & gforms}
        if overlaps:
            mapping[key] = max(sorted(overlaps), key=overlaps.__getitem__)
            over["over_merged"] += len(overlaps) > 1
    return mapping, over


def score_entities(result: Result, say: Verbose) -> tuple[Counter, dict[str, str], dict[str, str]]:
    pred, canon, kinds = _predicted_groups(result)
    gold = _gold_forms(result.story)
    mapping, counts = _map_groups(pred, gold)
    hit = Counter(mapping.values())
    gold_kind = {e["id"]: e["kind"] for e in result.story.entities}
    counts.update(
        gold_entities=len(gold),
        gold_found=len(hit),
        pred_entities=len(pred),
        pred_matched=len(mapping),
        split=sum(1 for n in hit.values() if n > 1),
        kind_right=sum(kinds.get(k) == gold_kind[g] for k, g in mapping.items()),
    )
    counts += extra.persons(list(mapping.values()), gold_kind)
    for e in result.story.entities:
        if e["id"] not in hit:
            say(f"  entity missed [{result.story.name}] {e['id']} {e['name']} ({e['kind']})")
    for key, forms in pred.items():
        if key not in mapping:
            say(f"  entity spurious [{result.story.name}] {sorted(forms)[:3]}")
    return counts, canon, mapping


def score_mentions(result: Result, canon: dict[str, str], mapping: dict[str, str], say: Verbose) -> Counter:
    counts = Counter()
    for article, analysis in result.analyses.items():
        gold = result.story.gold[article]
        text = analysis.text if analysis else ""
        mentions = analysis.mentions if analysis else ()
        for item in gold["entities"]:
            mine = [m for m in mentions if mapping.get(canon.get(m.entity_key, m.entity_key)) == item["id"]]
            for surface in item["surfaces"]:
                if analysis and not locate_name(surface, text):
                    continue  # not in the cleaned text at all (e.g. only in a title kept apart)
                counts["surfaces"] += 1
                ok = any(norm(surface) in surface_variants(m.surface) for m in mine)
                counts["surfaces_found"] += ok
                if not ok:
                    say(f"  mention missed [{article[:16]}] {item['id']}: {surface}")
            for epithet in item["epithets"]:
                if analysis and not locate_name(epithet, text):
                    continue
                counts["epithets"] += 1
                ok = any(m.epithet and _epithet_match(epithet, m.epithet) for m in mine)
                counts["epithets_found"] += ok
                if not ok:
                    got = sorted({m.epithet for m in mine if m.epithet})
                    say(f"  epithet missed [{article[:16]}] {item['id']}: {epithet}  (got {got})")
    return counts


def _epithet_match(gold: str, predicted: str) -> bool:
    g = norm(gold)
    for p in surface_variants(predicted) | {norm(predicted)}:
        if g in p or (p and p in g and len(p.split()) * 2 >= len(g.split())):
            return True
    return False


# --- claims ------------------------------------------------------------------------------------------------------


@dataclass
class Mapped:
    group: str
    article: str
    snippet: str
    stance: str
    also_ok: tuple[str, ...]
    claim_id: int | None = None
    pred_stance: str | None = None
    located: bool = False


def _assign_ids(result: Result) -> dict[str, list[int]]:
    index = match.ClaimIndex()
    counter = itertools.count(1)
    ids: dict[str, list[int]] = {}
    for article in result.story.articles:
        analysis = result.analyses[article]
        if not analysis:
            ids[article] = []
            continue
        # As the app stores an upload: matched, the headline joined to its body claim, then the keys added.
        found = upload_claims_matched(index, analysis.claims, analysis.text, analysis.title, counter.__next__)
        for claim, claim_id in zip(analysis.claims, found, strict=True):
            index.add(claim_id, claim.key, claim.proposition)
        ids[article] = found
    return ids


def map_evidence(result: Result) -> list[Mapped]:
    """Gold evidence, each paired one-to-one with the predicted claim overlapping its span most."""
    ids = _assign_ids(result)
    items = [Mapped(e.group, e.article, e.snippet, e.stance, e.also_ok) for e in result.story.evidence()]
    for article in result.story.articles:
        analysis = result.analyses[article]
        if not analysis:
            continue
        triples = []
        for gi, item in enumerate(items):
            span = locate(item.snippet, analysis.text) if item.article == article else None
            if span is None:
                continue
            item.located = True
            for pi, claim in enumerate(analysis.claims):
                overlap = min(span[1], claim.end) - max(span[0], claim.start)
                if overlap > 0:
                    triples.append((overlap, -gi, -pi))
        used_gold, used_pred = set(), set()
        for _, gi, pi in sorted(triples, reverse=True):
            if -gi in used_gold or -pi in used_pred:
                continue
            used_gold.add(-gi)
            used_pred.add(-pi)
            items[-gi].claim_id = ids[article][-pi]
            items[-gi].pred_stance = analysis.claims[-pi].stance
    return items


def score_claims(result: Result, say: Verbose) -> Counter:
    items = map_evidence(result)
    counts = Counter(evidence=len(items), located=sum(i.located for i in items))
    mapped = [i for i in items if i.claim_id is not None]
    counts["mapped"] = len(mapped)
    for a, b in itertools.combinations(items, 2):
        if a.article == b.article:
            continue
        same_gold = a.group == b.group
        counts["gold_pos_pairs_all"] += same_gold
        if a.claim_id is None or b.claim_id is None:
            continue
        same_pred = a.claim_id == b.claim_id
        counts["pair_tp"] += same_gold and same_pred
        counts["pair_fp"] += same_pred and not same_gold
        counts["pair_fn"] += same_gold and not same_pred
        if same_gold != same_pred:
            kind = "split" if same_gold else "merged"
            say(f"  pair {kind}: [{a.group}] {a.snippet[:40]}  <->  [{b.group}] {b.snippet[:40]}")
    for i in mapped:
        ok = i.pred_stance == i.stance or i.pred_stance in i.also_ok
        counts["stance_right"] += ok
        if not ok:
            say(f"  stance {i.stance}->{i.pred_stance}: {i.snippet[:50]}")
    counts += extra.denials_in_row(items, say)
    for i in items:
        if i.stance == "denies":
            counts["denials"] += 1
            counts["denials_found"] += i.pred_stance == "denies"
        if i.claim_id is None:
            say(f"  evidence unmapped ({'not in text' if not i.located else 'no claim'}): {i.snippet[:60]}")
    return counts


# --- dates, publication, chrome ----------------------------------------------------------------------------------


def _published_ok(gold: str | None, analysis: Any) -> bool:
    got = analysis.published_at
    if gold is None or got is None:
        return gold is None and got is None
    if "T" not in gold:
        return got.date().isoformat() == gold
    return analysis.published_has_time and got.strftime("%Y-%m-%dT%H:%M") == gold


def score_page(result: Result, say: Verbose) -> Counter:
    counts = Counter()
    for article, analysis in result.analyses.items():
        gold = result.story.gold[article]
        counts["articles"] += 1
        counts["dates"] += len(gold["dates"])
        counts["chrome"] += len(gold["chrome"]) + len(gold["chrome_lines"])
        counts["body"] += len(gold["body"])
        if analysis is None:
            continue
        text = analysis.text
        ok = _published_ok(gold["published"], analysis)
        counts["published_right"] += ok
        if not ok:
            say(f"  published [{article[:16]}] gold {gold['published']} got {analysis.published_at}")
        counts["title_right"] += norm(analysis.title or "") == norm(gold["title"])
        if not norm(analysis.title or "") == norm(gold["title"]):
            say(f"  title [{article[:16]}] gold {gold['title']} got {analysis.title}")
        if "outlet" in gold:  # optional: the outlet a reader sees named on the page (Analysis.site_name)
            counts["outlets"] += 1
            named = norm(analysis.site_name or "") == norm(gold["outlet"])
            counts["outlet_right"] += named
            if not named:
                say(f"  outlet [{article[:16]}] gold {gold['outlet']} got {analysis.site_name}")
        counts["dates_right"] += _score_dates(gold["dates"], analysis, say)
        for chrome in gold["chrome"]:
            gone = locate(chrome, text) is None
            counts["chrome_removed"] += gone
            if not gone:
                say(f"  chrome kept [{article[:16]}] {chrome}")
        for line in gold["chrome_lines"]:
            gone = not has_line(line, text)
            counts["chrome_removed"] += gone
            if not gone:
                say(f"  chrome line kept [{article[:16]}] {line}")
        for body in gold["body"]:
            kept = locate(body, text) is not None
            counts["body_kept"] += kept
            if not kept:
                say(f"  body lost [{article[:16]}] {body}")
    return counts


def _score_dates(dates: Sequence[dict], analysis: Any, say: Verbose) -> int:
    right = 0
    for item in dates:
        span = locate(item["snippet"], analysis.text)
        near = [d for d in analysis.dates if span and d.start < span[1] and d.end > span[0]]
        ok = any(d.date == item["date"] for d in near)
        right += ok
        if not ok:
            say(f"  date {item['snippet']} gold {item['date']} got {[d.date for d in near] or 'nothing'}")
    return right


# --- set-level figures -------------------------------------------------------------------------------------------


def figures(counts: Counter) -> dict[str, float | None]:
    c = counts
    return {
        "entity_recall": ratio(c["gold_found"], c["gold_entities"]),
        "entity_precision": ratio(c["pred_matched"], c["pred_entities"]),
        "entity_split": c["split"],
        "entity_over_merged": c["over_merged"],
        "entity_kind_accuracy": ratio(c["kind_right"], c["pred_matched"]),
        "entity_recall_gazetteer": ratio(c["gz_gold_found"], c["gz_gold_entities"]),
        "mention_recall": ratio(c["surfaces_found"], c["surfaces"]),
        "epithet_recall": ratio(c["epithets_found"], c["epithets"]),
        "evidence_coverage": ratio(c["mapped"], c["evidence"]),
        "claim_pair_precision": ratio(c["pair_tp"], c["pair_tp"] + c["pair_fp"]),
        "claim_pair_recall": ratio(c["pair_tp"], c["pair_tp"] + c["pair_fn"]),
        "claim_pair_recall_end_to_end": ratio(c["pair_tp"], c["gold_pos_pairs_all"]),
        "stance_accuracy": ratio(c["stance_right"], c["mapped"]),
        "denial_recall": ratio(c["denials_found"], c["denials"]),
        "denial_in_row": ratio(c["row_denials_right"], c["row_denials"]),
        "copies_found": ratio(c["copies_found"], c["copies"]),
        "copies_precision": ratio(c["copies_found"], c["copies_predicted"]),
        "person_recall": ratio(c["persons_found"], c["persons"]),
        "fragment_share": ratio(c["claims_fragment"], c["claims_shown"]),
        "import_failures": c["import_failures"],
        "date_accuracy": ratio(c["dates_right"], c["dates"]),
        "published_accuracy": ratio(c["published_right"], c["articles"]),
        "title_accuracy": ratio(c["title_right"], c["articles"]),
        "outlet_accuracy": ratio(c["outlet_right"], c["outlets"]),
        "chrome_removed": ratio(c["chrome_removed"], c["chrome"]),
        "body_kept": ratio(c["body_kept"], c["body"]),
    }


def evaluate_set(kind: str, say: Verbose) -> tuple[dict[str, Any], Counter, float]:
    counts = Counter()
    started = time.perf_counter()
    for story in load_stories(kind):
        result = analyse_story(story, gazetteer=False)
        for article, error in result.errors.items():
            print(f"  ! analyse failed on {story.name}/{article}: {error}", file=sys.stderr)
        entity_counts, canon, mapping = score_entities(result, say)
        counts += entity_counts
        counts += score_mentions(result, canon, mapping, say)
        counts += score_claims(result, say)
        counts += score_page(result, say)
        counts += extra.score_fragments(result.analyses, say)
        counts["import_failures"] += len(result.errors)
        found = extra.predicted_copies(story.articles, result.analyses)
        counts += extra.score_copies(story.copies, found, say)
        with_gz, _, _ = score_entities(analyse_story(story, gazetteer=True), lambda _m: None)
        counts.update(gz_gold_found=with_gz["gold_found"], gz_gold_entities=with_gz["gold_entities"])
    return figures(counts), counts, time.perf_counter() - started


# --- ANS stance --------------------------------------------------------------------------------------------------


def evaluate_ans(limit: int | None) -> dict[str, Any]:
    path = shared_dir() / "eval" / "ans" / "stance_dev.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    confusion = {g: Counter() for g in ANS_LABELS}
    started = time.perf_counter()
    for row in rows:
        stance = track.track(row["s1"], row["s2"]).stance
        predicted = stance if stance in ("agree", "disagree") else "other"
        confusion[row["stance"]][predicted] += 1
    per_class = {}
    for label in ANS_LABELS:
        tp = confusion[label][label]
        precision = ratio(tp, sum(confusion[g][label] for g in ANS_LABELS)) or 0.0
        recall = ratio(tp, sum(confusion[label].values())) or 0.0
        per_class[label] = (
            round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        )
    return {
        "rows": len(rows),
        "macro_f1": round(sum(per_class.values()) / len(per_class), 4),
        "f1": per_class,
        "accuracy": ratio(sum(confusion[g][g] for g in ANS_LABELS), len(rows)),
        "confusion": {g: dict(confusion[g]) for g in ANS_LABELS},
        "ms_per_pair": round(1000 * (time.perf_counter() - started) / max(1, len(rows)), 2),
    }


# --- report ------------------------------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    return "n/a" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))


def print_set(kind: str, figs: dict[str, Any], counts: Counter, seconds: float) -> None:
    print(f"\n== {kind} ({counts['articles']} articles, {seconds:.1f}s) ==")
    detail = {
        "entity_recall": f"{counts['gold_found']}/{counts['gold_entities']} gold entities",
        "entity_precision": f"{counts['pred_matched']}/{counts['pred_entities']} predicted",
        "mention_recall": f"{counts['surfaces_found']}/{counts['surfaces']} surfaces",
        "epithet_recall": f"{counts['epithets_found']}/{counts['epithets']}",
        "evidence_coverage": f"{counts['mapped']}/{counts['evidence']} evidence mapped ({counts['located']} in text)",
        "claim_pair_precision": f"tp {counts['pair_tp']} fp {counts['pair_fp']}",
        "claim_pair_recall": f"fn {counts['pair_fn']}",
        "claim_pair_recall_end_to_end": f"of {counts['gold_pos_pairs_all']} gold cross-article pairs",
        "denial_recall": f"{counts['denials_found']}/{counts['denials']}",
        "denial_in_row": f"{counts['row_denials_right']}/{counts['row_denials']} denials in the claim they deny",
        "copies_found": f"{counts['copies_found']}/{counts['copies']} gold copy pairs "
        f"({counts['copies_right_way']} with the right original)",
        "copies_precision": f"{counts['copies_predicted']} predicted, {counts['copies_spurious']} spurious",
        "person_recall": f"{counts['persons_found']}/{counts['persons']} gold persons",
        "fragment_share": f"{counts['claims_fragment']}/{counts['claims_shown']} claims open with a conjunction",
        "import_failures": "articles analyse() refused",
        "date_accuracy": f"{counts['dates_right']}/{counts['dates']}",
        "outlet_accuracy": f"{counts['outlet_right']}/{counts['outlets']} outlets named as the page names them",
        "chrome_removed": f"{counts['chrome_removed']}/{counts['chrome']}",
        "body_kept": f"{counts['body_kept']}/{counts['body']}",
    }
    for name, value in figs.items():
        print(f"  {name:<30} {_fmt(value):>7}  {_target_note(name, kind, value)}{detail.get(name, '')}")


def _target_note(name: str, kind: str, value: Any) -> str:
    for figure, where, op, threshold in TARGETS:
        if figure == name and where == kind:
            verdict = "PASS" if _meets(value, op, threshold) else "MISS"
            return f"[target {op} {threshold}: {verdict}]  "
    return ""


def _meets(value: Any, op: str, threshold: float) -> bool:
    if value is None:
        return False
    return value <= threshold if op == "<=" else value >= threshold


def print_ans(ans: dict[str, Any]) -> None:
    print(f"\n== ANS stance dev ({ans['rows']} pairs, {ans['ms_per_pair']} ms/pair) ==")
    print(f"  macro-F1 {ans['macro_f1']:.3f}  {_target_note('ans_dev_macro_f1', 'ans', ans['macro_f1'])}")
    print(f"  F1 per class {ans['f1']}  accuracy {ans['accuracy']}")
    print("  confusion (rows gold, columns predicted):")
    print("  " + " " * 10 + "".join(f"{p:>10}" for p in ANS_LABELS))
    for gold in ANS_LABELS:
        print(f"  {gold:<10}" + "".join(f"{ans['confusion'][gold].get(p, 0):>10}" for p in ANS_LABELS))


def print_tracking(figs: dict[str, Any]) -> None:
    print(f"\n== claim tracking on whole articles ({figs['pairs']} pairs, {figs['ms_per_pair']} ms/pair) ==")
    print(f"  passage retrieval {_fmt(figs['passage_retrieval'])}  [target >= 0.85]")
    print(
        f"  macro-F1 {figs['macro_f1']:.3f}  [target >= 0.6]  disagree F1 {figs['f1']['disagree']:.3f}  [target >= 0.4]"
    )
    print(f"  F1 per class {figs['f1']}")
    print("  confusion (rows gold, columns predicted):")
    print("  " + " " * 10 + "".join(f"{p:>10}" for p in TRACK_LABELS))
    for gold in TRACK_LABELS:
        print(f"  {gold:<10}" + "".join(f"{figs['confusion'][gold].get(p, 0):>10}" for p in TRACK_LABELS))


def verdicts(results: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for figure, where, op, threshold in TARGETS:
        value = results["ans"]["macro_f1"] if where == "ans" else results[where].get(figure)
        out.append(
            {
                "figure": figure,
                "set": where,
                "target": f"{op} {threshold}",
                "value": value,
                "pass": _meets(value, op, threshold),
            }
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--ans-limit", type=int, default=None, help="score only the first N ANS pairs")
    args = parser.parse_args(argv)
    say: Verbose = print if args.verbose else (lambda _m: None)
    results: dict[str, Any] = {}
    for kind in SETS:
        if args.verbose:
            print(f"\n-- misses: {kind} --")
        figs, counts, seconds = evaluate_set(kind, say)
        print_set(kind, figs, counts, seconds)
        results[kind] = figs
    results["ans"] = evaluate_ans(args.ans_limit)
    print_ans(results["ans"])
    if args.verbose:
        print("\n-- misses: tracking --")
    results["tracking"] = evaluate_tracking(say)
    print_tracking(results["tracking"])
    results["targets"] = verdicts(results)
    passed = sum(v["pass"] for v in results["targets"])
    print(f"\ntargets: {passed}/{len(results['targets'])} PASS")
    print(json.dumps(results, ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
