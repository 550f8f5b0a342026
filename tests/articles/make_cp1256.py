"""Regenerate the windows-1256 test article from its UTF-8 source (run from the project root)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS = {"src/harbour_3_denial.utf8.txt": "harbour_3_denial.cp1256.txt"}


def main() -> None:
    for source, target in PAIRS.items():
        text = (HERE / source).read_text(encoding="utf-8")
        # Windows newlines too: pages saved from old Arabic CMSs usually carry both quirks.
        (HERE / target).write_bytes(text.replace("\n", "\r\n").encode("windows-1256"))


if __name__ == "__main__":
    main()
