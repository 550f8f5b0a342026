"""The same articles in the same order give the same export whatever the hash seed of the process that ran them.

Each run is a fresh process on a fresh SQLite database, as two workers on two machines would be.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def export_after_import(tmp: Path, seeds: list[Path], hash_seed: str) -> bytes:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_", "PYTHONHASHSEED"))
    }
    env = {**base, "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}", "PYTHONHASHSEED": hash_seed}

    def manage(*args: str) -> bytes:
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, timeout=600
        )
        assert done.returncode == 0, done.stderr.decode()[-2000:]
        return done.stdout

    manage("migrate", "-v", "0")
    manage("import_articles", "--story", "seed", *map(str, seeds))
    return manage("export_story", "seed")


def test_two_hash_seeds_give_byte_identical_exports(tmp_path, seed_paths):
    # The seeds and the invented stories' files: five outlets on one story plus two other stories' vocabulary.
    articles = [*seed_paths, *sorted((ROOT / "tests" / "articles").glob("*.*t*"))]
    runs = []
    for hash_seed in ("1", "2024"):
        folder = tmp_path / hash_seed
        folder.mkdir()
        runs.append(export_after_import(folder, articles, hash_seed))
    assert b'"claims"' in runs[0]
    assert runs[0] == runs[1]
