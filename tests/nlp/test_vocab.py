"""The word-list files in stories/nlp/data and their one loader, stories.nlp.vocab."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stories.nlp import camel, vocab

FILES = sorted(vocab.DATA_DIR.glob("*.txt"))
NAMES = [path.stem for path in FILES]
CODE = "\n".join(p.read_text(encoding="utf-8") for p in Path(vocab.__file__).parent.rglob("*.py"))


def test_there_are_data_files() -> None:
    assert len(FILES) > 50


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_file_has_a_header_then_entries(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert lines[0].startswith("# ") and len(header) >= 2, "a header saying what the list is and its source"
    assert lines[: len(header)] == header, "comment lines only at the top"
    body = lines[len(header) :]
    assert body, "at least one entry"
    assert all(line and line == line.strip() for line in body), "no blank or padded entry lines"
    assert len(body) == len(set(body)), "no duplicate lines"
    columns = {len(line.split("\t")) for line in body}
    assert columns in ({1}, {2}), "one entry per line, or entry<TAB>value"
    assert all(cell.strip() == cell and cell for line in body for cell in line.split("\t"))


@pytest.mark.parametrize("name", NAMES)
def test_every_file_is_read_by_some_code(name: str) -> None:
    assert re.search(rf"[\"']{name}[\"']", CODE), f"data/{name}.txt is not read anywhere"


@pytest.mark.parametrize("name", NAMES)
def test_loader_parses_and_caches(name: str) -> None:
    entries = vocab.entries(name)
    assert entries and all(entries)
    assert vocab.entries(name) is entries
    assert vocab.words(name) is vocab.words(name)
    assert vocab.rows(name) is vocab.rows(name)
    if len(vocab.rows(name)[0]) == 2:
        assert vocab.pairs(name) is vocab.pairs(name)
        assert vocab.mapping(name) is vocab.mapping(name)
        assert set(vocab.mapping(name)) == set(entries)


def test_words_are_normalised_through_camel() -> None:
    # The raw entries keep the spelling as written; the word set holds its camel-normalised form.
    assert "إلى" in vocab.entries("function_words")
    assert "إلى" not in vocab.words("function_words")
    assert camel.normalize("إلى") in vocab.words("function_words")


def test_mapping_is_read_only() -> None:
    with pytest.raises(TypeError):
        vocab.mapping("month_names")["x"] = "1"  # type: ignore[index]
