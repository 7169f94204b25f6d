"""Imports at once: the store's promise of no duplicate event holds under concurrency."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from corridors.core.datasets import IMPORTS_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.reported.store import EventQuery, open_store
from support.synthetic_events import write_acled

ROWS = 20_000  # an import of about a second: two started together overlap


def import_command(folder: Path, path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "corridors", "import", "acled", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, IMPORTS_DIR_ENV: str(folder), "COLUMNS": "300"},
    )


def test_two_imports_of_one_file_at_once_store_each_event_once(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = write_acled(tmp_path / "acled.csv", catalog, ROWS)
    folder = tmp_path / "imports"
    commands = [import_command(folder, path) for _ in range(2)]
    outputs = [command.communicate(timeout=120)[0] for command in commands]
    assert [command.returncode for command in commands] == [0, 0], outputs
    store = open_store(folder)
    assert store.count(EventQuery()) == ROWS
    added = sorted(int(re.search(r"([\d,]+) added", out)[1].replace(",", "")) for out in outputs)
    assert added == [0, ROWS]
    assert len(store.imports()) == 1
