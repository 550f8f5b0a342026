"""The word lists of general Arabic news language kept in ``data/``, read through one loader so that each file
is parsed and normalised once per process.

File format: UTF-8, ``#`` comment lines at the top saying what the list is, then one entry per line; files
that map an entry to a value write ``entry<TAB>value``. Files read as a regex alternation say in their header
when entries carry regex spelling classes ("[أا]", "[ةه]").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

from . import camel

DATA_DIR = Path(__file__).with_name("data")


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entry lines of ``data/<name>.txt`` in file order, each split into its tab-separated columns."""
    text = (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if not line.startswith("#"))


@cache
def entries(name: str) -> tuple[str, ...]:
    """The first column of every entry, as written and in file order (phrases keep their spaces)."""
    return tuple(row[0] for row in rows(name))


@cache
def words(name: str) -> frozenset[str]:
    """The camel-normalised spellings of a list, for membership tests on normalised tokens."""
    return normalize_all(entries(name))


@cache
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """(entry, value) of a two-column file in file order; an entry may recur with another value."""
    return tuple((row[0], row[1]) for row in rows(name))


@cache
def mapping(name: str) -> Mapping[str, str]:
    """A two-column file as a read-only dict; a later line wins over an earlier one with the same entry."""
    return MappingProxyType(dict(pairs(name)))


@cache
def alternation(name: str) -> str:
    """The entries joined into a regex alternation ("a|b|c") in file order, which is the order the regex tries.

    Nothing is escaped: a file whose header says "regex fragments allowed" may spell variants as classes
    ("[أا]", "[ةه]"). The grammar around the words (clitics, lookarounds, groups) stays in the code.
    """
    return "|".join(entries(name))


@lru_cache(maxsize=128)
def normalized(items: tuple[str, ...]) -> frozenset[str]:
    """The camel-normalised spellings of a word list: the one normaliser every list goes through."""
    return frozenset(camel.normalize(w) for w in items)


def normalize_all(items: Iterable[str]) -> frozenset[str]:
    return normalized(tuple(items))
