"""Countries a clause names, however it names them: the country, its capital or seat of government ("أنقرة" for
Turkey, as news Arabic names a government by its seat), or "the <nisba> capital" ("العاصمة الأردنية").

Each becomes one PLACE_MARK token in the claim key, so a report naming the capital and a denial naming the
country share it. A capital that is also a country's name (عمان: Amman and Oman) keeps both readings.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .. import camel, vocab
from ..keymarks import ENTITY_MARK, PLACE_MARK
from ..lexicon import place_index, stems, without_article
from ..scanner import iter_words

_NISBA_ENDINGS = ("يين", "يون", "يات", "يه", "ي")


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, ...]]:
    """Normalised capital -> normalised countries it stands for (itself too when it is also a country)."""
    out: dict[str, set[str]] = {}
    for capital, country in vocab.pairs("capitals"):
        out.setdefault(camel.normalize(capital), set()).add(camel.normalize(country))
    countries = _countries()
    for capital, found in out.items():
        canonical = place_index().get(tuple(capital.split()))
        if canonical and camel.normalize(canonical) in countries:
            found.add(camel.normalize(canonical))
    return {capital: tuple(sorted(found)) for capital, found in out.items()}


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(camel.normalize(country) for _, country in vocab.pairs("capitals"))


@lru_cache(maxsize=1)
def _capital_words() -> frozenset[str]:
    return frozenset({camel.normalize("العاصمة"), camel.normalize("عاصمة")})


@lru_cache(maxsize=8192)
def countries_of_name(norm: str) -> tuple[str, ...]:
    """Countries a normalised place name stands for: a country itself, or the country of a capital."""
    canonical = place_index().get(tuple(norm.split()))
    name = camel.normalize(canonical) if canonical else norm
    if name in _capitals():
        return _capitals()[name]
    return (name,) if name in _countries() else ()


@lru_cache(maxsize=4096)
def country_of_nisba(norm: str) -> str | None:
    """ "الأردنية" -> "الاردن": the country whose name the adjective is built on."""
    body = norm[2:] if norm.startswith("ال") else norm
    for ending in _NISBA_ENDINGS:
        if body.endswith(ending) and len(body) - len(ending) >= 3:
            stem = body[: -len(ending)]
            for country in sorted(_countries()):
                if (
                    without_article(country).startswith(stem)
                    and len(without_article(country)) - len(stem) <= 1
                ):
                    return country
    return None


def place_tokens(proposition: str) -> list[str]:
    """PLACE_MARK tokens of every country the clause names by name, capital, "the <nisba> capital" or a
    definite nisba adjective after a noun ("الخارجية التركية")."""
    words = [w.norm for w in iter_words(proposition)]
    found: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        places = _places_at(word, following)
        if places is not None:
            found += places
        elif i > 0 and word.startswith("ال") and (country := country_of_nisba(word)):
            found.append(country)  # "مجلس النواب اللبناني" is the parliament in Lebanon
    return [PLACE_MARK + c for c in dict.fromkeys(found)]


@lru_cache(maxsize=65536)
def _places_at(word: str, following: str | None) -> tuple[str, ...] | None:
    """Countries a word names, read with the word after it (None at the end of the clause); None when the word
    is neither a capital word nor a place name."""
    for _, body in stems(word):
        if body in _capital_words() and following is not None:
            country = country_of_nisba(following)
            return (country,) if country else ()
        names = (
            countries_of_name(f"{body} {following}") if following is not None else ()
        ) or countries_of_name(body)
        if names:
            return tuple(names)
    return None


def head_places(head: Iterable[str]) -> list[str]:
    """PLACE_MARK tokens of a subject head that is a place ("=عمان" -> Jordan and Oman)."""
    out: list[str] = []
    for token in head:
        out += [PLACE_MARK + c for c in countries_of_name(token.removeprefix(ENTITY_MARK))]
    return list(dict.fromkeys(out))
