"""Cross-article claim matching: an inverted index over claim keys with IDF weights learned from its contents.

A key is ``(*subject_head, HEAD_SEP, *content_tokens)`` (see claims.claim_key). Content tokens include
root skeletons (``ROOT_MARK``), event classes (``EVENT_MARK``: "met", "sent" … whatever the verb) and agent
kinds (``AGENT_MARK``: a titled person, a group such as a delegation). Similarity is the IDF-weighted overlap of
the content, measured both ways (cosine, and how much of the shorter claim the longer one covers, since outlets
wrap one proposition in different amounts of context); two claims whose agents CONFLICT ("X visited Y" vs
"X's delegation visited Y") are held apart, while a claim that simply does not name its agent is not.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from .apart import told_apart
from .claims.tense import is_planned
from .contrary import contrary
from .denial_cover import denial_cover, denial_cut
from .keyindex import KeyIndex, KeyStore, Weights
from .keymarks import AGENT_MARK, DELEGATION, ENTITY_MARK, EVENT_MARK, GROUP, HEAD_SEP, ROOT_MARK
from .paraphrase import paraphrase_probability
from .similarity import (
    THRESHOLD,
    Entry,
    claim_similarity,
    conflict,
    key_entry,
    kind_weight,
    similarity,
    split_key,
)
from .similarity_bound import Ceiling, plain_mass

# Key markers and the key similarity are defined in keymarks and similarity; callers may keep reading them here.
__all__ = [
    "AGENT_MARK",
    "DELEGATION",
    "ENTITY_MARK",
    "EVENT_MARK",
    "GROUP",
    "HEAD_SEP",
    "ROOT_MARK",
    "THRESHOLD",
    "ClaimIndex",
    "assign",
    "claim_similarity",
    "split_key",
]

# Postings longer than this share of the index are too common to find candidates with (they still score).
COMMON_SHARE = 0.01
MAX_CANDIDATES = 60
# Of each candidate-finding token, only the latest keys are read: a claim still being reported has recent quotes.
POSTINGS_SCANNED = 50
# Second stage: a near miss on the keys (at least BAND) is accepted when the ANS-trained verifier reads the two
# propositions as paraphrases (P(agree) >= PARAPHRASE_CUT, both directions); only the VERIFY_TOP best are checked.
BAND = 0.2
PARAPHRASE_CUT = 0.75
VERIFY_TOP = 5


class ClaimIndex(KeyIndex):
    """Keys of known claims, held here or in a backing store (see keyindex); one claim may hold several keys."""

    _apart_memo: dict[int, bool]  # of the query ``best`` is matching (see _apart)
    _tense_differs: set[
        int
    ]  # claims whose matching key tells its act in another tense than the query (see _better)

    def __init__(self, store: KeyStore | None = None) -> None:
        super().__init__(store)
        self._denials_only: set[int] = set()  # claims opened here by a denial that no report has joined yet
        self._reported: set[int] = set()  # claims a report joined here
        self._fresh: set[int] = set()  # claims opened by the article being assigned

    def begin_article(self) -> None:
        """The claims opened from here on are the next article's own (see ``_better``)."""
        self._fresh = set()

    def note(self, claim_id: int, *, denial: bool, new: bool) -> None:
        """Keep track of the claims this article opened and of those that hold denials only (a stored claim
        counts as holding a report)."""
        if new:
            self._fresh.add(claim_id)
            self.opened(claim_id)
        if denial and new:
            self._denials_only.add(claim_id)
        elif not denial:
            self._denials_only.discard(claim_id)
            self._reported.add(claim_id)

    def denials_only(self, claim_id: int) -> bool:
        """The claim holds denials and no report, here or in the store (across uploads)."""
        if claim_id in self._denials_only:
            return True
        return claim_id not in self._reported and self.stored_denials_only(claim_id)

    def weight(self, token: str) -> float:
        """IDF over the index's entries: a token found in every claim of the story says little."""
        n = self.size()
        df = self.count(token)
        return kind_weight(token, math.log(1.0 + (n + 1) / (df + 1)))

    def best(
        self, key: Sequence[str], proposition: str = "", *, denial: bool = False
    ) -> tuple[int, float] | None:
        """The most similar known claim if its similarity reaches THRESHOLD; else, for a ``denial``, the claim
        that covers most of what is denied (see ``_denied``); else, when ``proposition`` is given, the best near
        miss the paraphrase verifier accepts (see ``_verified``)."""
        query = key_entry(-1, self.canonical(key), proposition)
        best: tuple[int, float] | None = None
        reported: tuple[int, float] | None = None  # the best claim reached that holds a report
        near: list[tuple[float, int]] = []
        weight = Weights(self.weight).__getitem__
        self._apart_memo = {}
        self._tense_differs: set[int] = set()
        mass = sum(weight(t) for t in query.tokens)
        scored = self._scored(query, weight, (mass, plain_mass(query, weight)))
        if denial:
            self.prefetch_denials(entry.claim_id for _, entry, _ in scored)
        for pos, entry, ceiling in scored:
            # It cannot beat the claim found (an older claim beats one this article opened, at any score that
            # reaches THRESHOLD), and once one is found nothing below it counts.
            if best is not None:
                held = best[0] in self._fresh or denial and self.denials_only(best[0])
                if ceiling.below(THRESHOLD if held else best[1]):
                    continue
            score = similarity(query, entry, weight)
            if score >= THRESHOLD and _contrary(query, entry):
                continue  # "the bank raised the rate" and "… cut the rate" share words, not a proposition
            if score >= BAND and self._apart(query, entry.claim_id):
                continue  # an entry without an act of its own does not let another act into the claim
            if score >= THRESHOLD and entry.proposition and query.proposition:
                if is_planned(entry.proposition) != is_planned(query.proposition):
                    self._tense_differs.add(entry.claim_id)
            if score >= THRESHOLD and (best is None or self._better(entry.claim_id, score, best)):
                best = (entry.claim_id, score)
            if denial and score >= THRESHOLD and not self.denials_only(entry.claim_id):
                if reported is None or score > reported[1]:
                    reported = (entry.claim_id, score)
            elif (
                best is None
                and score >= BAND
                and entry.proposition
                and not conflict(query, entry)
                and not _contrary(query, entry)
                and not told_apart(query.tokens, entry.tokens)
            ):
                near.append((score, pos))
        if denial and best is not None and self.denials_only(best[0]) and reported is not None:
            best = (
                reported  # a denial denies a report: among the claims it reaches, one that holds the report
            )
        elif denial and (best is None or self.denials_only(best[0])):
            # A denial denies a report: a claim so far made of denials alone yields to one that holds the report.
            best = self._denied(query, weight, reported=best is not None) or best
        if best is None and query.proposition and near:
            return self._verified(query, near)
        return best

    def _better(self, claim_id: int, score: float, best: tuple[int, float]) -> bool:
        """A claim the story already held before this article beats one the article itself just opened (its
        headline): the article's sentences then join the story's claim instead of splitting off with it. Not a
        story's claim that tells its act in another tense ("سيطعن" against "أحال" and its headline "يحيل"): a
        plan shares the sentence's words, not its act, and the higher score wins."""
        older, best_older = claim_id not in self._fresh, best[0] not in self._fresh
        if older != best_older and (claim_id if older else best[0]) not in self._tense_differs:
            return older
        return score > best[1] or (score == best[1] and claim_id < best[0])

    def _scored(
        self, query: Entry, weight: Callable[[str], float], masses: tuple[float, float]
    ) -> list[tuple[int, Entry, Ceiling]]:
        """(position, key, bounds of its score) of each candidate that may reach BAND, the lowest cut ``best``
        reads (one surely below it could change nothing), with the stored tokens of their claims read in one go
        for ``_apart``; ``masses``: the query's summed weight, and that of its words."""
        scored = []
        for pos in self._candidates(query.tokens, weight):
            entry = self.entry(pos)
            if entry is None:
                continue
            ceiling = Ceiling(query, entry, weight, *masses)
            if not ceiling.below(BAND):
                scored.append((pos, entry, ceiling))
        self.prefetch_claim_tokens(entry.claim_id for _, entry, _ in scored)
        return scored

    def _apart(self, query: Entry, claim_id: int) -> bool:
        """The query and the claim, all its keys taken together, name different acts or ordinals (asked only
        while ``best`` runs, when nothing is added: kept for the claim's other keys)."""
        if claim_id not in self._apart_memo:
            self._apart_memo[claim_id] = told_apart(query.tokens, self.claim_tokens(claim_id))
        return self._apart_memo[claim_id]

    def _denied(
        self, query: Entry, weight: Callable[[str], float], *, reported: bool = False
    ) -> tuple[int, float] | None:
        """A denial words less than the report it denies ("نفى الأنباء عن استقالة الوزير" against "قدم وزير
        المالية فلان استقالته إلى رئيس الحكومة"): it joins the claim that covers most of its own content, when
        that share reaches its cut (see denial_cover.denial_cut), the two share a word or an act beyond places and roots, and their agents
        do not conflict."""
        found: tuple[int, float] | None = None
        entries = [e for e in map(self.entry, self._candidates(query.tokens, weight)) if e is not None]
        if reported:
            self.prefetch_denials(entry.claim_id for entry in entries)
        for entry in entries:
            if reported and self.denials_only(entry.claim_id):
                continue
            score = denial_cover(query, entry, weight)
            if (
                score >= denial_cut(query, entry)
                and (found is None or score > found[1])
                and not conflict(query, entry)
                and not self._apart(query, entry.claim_id)
            ):
                found = (entry.claim_id, score)
        return found

    def _verified(self, query: Entry, near: list[tuple[float, int]]) -> tuple[int, float] | None:
        """Among the VERIFY_TOP nearest claims, the one whose proposition the verifier most surely reads as a
        paraphrase of the query's; keys miss paraphrases that share few words ("لقي حتفه" / "قتلى")."""
        found: tuple[int, float] | None = None
        top = 0.0
        seen: set[int] = set()
        for score, pos in sorted(near, key=lambda n: (-n[0], n[1])):
            entry = self.entry(pos)
            if entry is None or entry.claim_id in seen:
                continue
            seen.add(entry.claim_id)
            p = paraphrase_probability(query.proposition, entry.proposition)
            if p >= PARAPHRASE_CUT and p > top:
                found, top = (entry.claim_id, score), p
            if len(seen) == VERIFY_TOP:
                break
        return found

    def _candidates(
        self, tokens: Iterable[str], weight: Callable[[str], float], *, load: bool = True
    ) -> list[int]:
        """Keys sharing the query's rarer tokens, ranked by the weight they share; of each token, only the
        POSTINGS_SCANNED latest keys are read, so the cost does not grow with the story."""
        # In a fixed order, ties to the newer key: a set's order changes with each process's hash seed, and two
        # workers must choose what one would.
        rare = sorted(self._finding(tokens))
        self.prefetch_postings(rare, POSTINGS_SCANNED)
        partial: dict[int, float] = defaultdict(float)
        for token in rare:
            w = weight(token) ** 2
            for pos in self.scan(token, POSTINGS_SCANNED):
                partial[pos] += w
        found = heapq.nlargest(MAX_CANDIDATES, partial, key=lambda pos: (partial[pos], pos))
        if load:
            self.prefetch_entries(found)
        return found

    def _finding(self, tokens: Iterable[str]) -> list[str]:
        """The query's tokens that find candidates: the rarer ones, else the two least common."""
        limit = max(20, COMMON_SHARE * self.size())
        present = [t for t in tokens if self.count(t)]
        rare = [t for t in present if self.count(t) <= limit]
        return rare or sorted(present, key=lambda t: (self.count(t), t))[:2]

    def prefetch(self, keys: Iterable[Sequence[str]]) -> None:
        """Read from the store, in a few queries, what matching ``keys`` will need (one upload's claims)."""
        keys = list(keys)
        self.prefetch_keys(keys)
        queries = [key_entry(-1, self.canonical(k)).tokens for k in keys]
        self.prefetch_postings({t for q in queries for t in self._finding(q)}, POSTINGS_SCANNED)
        self.prefetch_claims_at({p for q in queries for p in self._candidates(q, self.weight, load=False)})


def assign(index: ClaimIndex, claims: Sequence, new_id: Callable[[], int]) -> list[int]:
    """Claim id for each found claim: the best match in ``index`` or a fresh id; keys are added as we go,
    so two clauses of one article can land in the same claim."""
    ids: list[int] = []
    index.prefetch(claim.key for claim in claims)
    index.begin_article()
    for claim in claims:
        proposition = getattr(claim, "proposition", "")
        denial = getattr(claim, "stance", "") == "denies"
        found = index.best(claim.key, proposition, denial=denial)
        claim_id = found[0] if found else new_id()
        index.note(claim_id, denial=denial, new=found is None)
        index.add(claim_id, claim.key, proposition)
        ids.append(claim_id)
    return ids


def _contrary(query: Entry, entry: Entry) -> bool:
    """Opposite acts or predicates, or one act (a shared event class) and its planned version ("ستعيد فتح"
    against "أعادت فتح"); a plan and an agreement on it ("سيعمل" / "اتفقا على تشغيل") name no shared act."""
    return contrary(query.tokens, query.proposition, entry.tokens, entry.proposition)
