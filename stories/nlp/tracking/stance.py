"""Step two of tracking: the article's stance from the passages about the claim.

Refuted (denied, called false or fabricated, an old picture) in a passage or in the two sentences after it,
or the claim's own number or term set aside for another ("15 قرشاً وليس 20") in a passage -> disagree; asserted by the outlet itself in some passage -> agree; only reported from unnamed or
second-hand sources, or said to be unconfirmed -> discuss. The strongest wins: a refutation over an earlier
neutral mention, an assertion over a hedged one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import vocab
from ..camel import normalize
from ..paraphrase import Bag
from ..paraphrase.words import strip_clitics
from .passages import KEEP, RELATED_AT, Passage

WINDOW = 2  # a refutation follows the report it refutes within two sentences ("...مقطع. لكن تبيّن أنه قديم")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    def norm(name: str) -> frozenset[str]:
        return frozenset(normalize(w) for w in vocab.words(name))

    return {
        "debunk": norm("track_debunk_words") | norm("track_denial_words"),
        "hearsay": norm("track_hearsay_words"),
        "debunk_phrases": frozenset(vocab.entries("track_debunk_phrases")),
        "unconfirmed": frozenset(vocab.entries("track_unconfirmed_phrases")),
        "exclusion": frozenset(tuple(normalize(p).split()) for p in vocab.entries("track_exclusion_phrases")),
    }


def _tokens(sentence: str) -> list[str]:
    return [t.strip("،,.:;!؟?\"'()«»") for t in normalize(sentence).split()]


def excludes(claim_bag: Bag, sentence: str) -> bool:
    """The sentence sets the claim's own number or term aside: an exclusion phrase right before it."""
    terms = {t.stem for t in claim_bag.stems}
    phrases = _words()["exclusion"]
    tokens = _tokens(sentence)
    for i in range(len(tokens)):
        for size in (2, 1):  # the longer phrase first: "وليس في X" is about X, not about "في"
            if tuple(tokens[i : i + size]) not in phrases or i + size >= len(tokens):
                continue
            nxt = tokens[i + size]
            if nxt.replace(",", ".") in claim_bag.nums or strip_clitics(nxt)[1] in terms:
                return True
            break
    return False


@lru_cache(maxsize=8192)
def cues(sentence: str) -> frozenset[str]:
    """Which of refute / hearsay / unconfirmed a sentence carries."""
    words = _words()
    text = normalize(sentence)
    forms = set()
    for tok in text.split():
        tok = tok.strip("،,.:;!؟?\"'()«»")
        bare, stem = strip_clitics(tok)
        forms.update((tok, bare, stem))
    out = set()
    unconfirmed = any(p in text for p in words["unconfirmed"])
    if unconfirmed:
        out.add("unconfirmed")
    refute = forms & words["debunk"] or any(p in text for p in words["debunk_phrases"])
    # "لم يصدر أي تأكيد أو نفي" names a denial only to say there was none.
    if refute and not unconfirmed:
        out.add("refute")
    if forms & words["hearsay"]:
        out.add("hearsay")
    return frozenset(out)


def _hedged(claim_cues: frozenset[str], bag: Bag, found: frozenset[str]) -> bool:
    if "hearsay" in claim_cues:
        return False
    return bool(found & {"hearsay", "unconfirmed"}) or bag.doubt and bag.reporting or bag.question


def article_stance(
    claim: str, claim_bag: Bag, texts: Sequence[str], ranked: Sequence[Passage]
) -> tuple[str, Passage, list[Passage]]:
    """(stance, the quote's passage, the kept passages); ``texts`` are the article's sentences in order."""
    best = ranked[0]
    kept = [p for p in ranked[:KEEP] if p.score >= RELATED_AT]
    if not kept:
        return "unrelated", best, [best]
    claim_cues = cues(claim)
    by_index = {p.index: p for p in ranked}
    if "refute" not in claim_cues:
        for p in sorted(kept, key=lambda p: p.index):
            for i in range(p.index, min(len(texts), p.index + WINDOW + 1)):
                if "refute" in cues(texts[i]):
                    quote = by_index[i]
                    return "disagree", quote, kept + ([quote] if quote not in kept else [])
    for p in kept:
        if excludes(claim_bag, texts[p.index]):
            return "disagree", p, kept
    plain = [p for p in kept if not _hedged(claim_cues, p.bag, _around(texts, p.index))]
    if plain:
        return "agree", plain[0], kept
    return "discuss", kept[0], kept


def _around(texts: Sequence[str], index: int) -> frozenset[str]:
    """Cues of a passage and, for 'unconfirmed', of the sentence after it ("ولم يصدر تأكيد رسمي")."""
    own = cues(texts[index])
    if index + 1 < len(texts) and "unconfirmed" in cues(texts[index + 1]):
        own |= {"unconfirmed"}
    return own
