"""Imports at once: the store's promise of no duplicate event holds under concurrency."""

from __future__ import annotations

import fcntl
import os
import re
from pathlib import Path

import pytest

from corridors.cli.main import main
from corridors.core import settings
from corridors.core.datasets import IMPORTS_DIR_ENV
from corridors.core.locking import LOCK_FILE
from corridors.data.catalog import Catalog
from corridors.reported.store import EventQuery, open_store
from corridors.testing.synthetic import write_acled
from support.fixture_imports import import_fixtures
from support.reported_stores import write_hostile_acled
from support.together import run_together

ROWS = 8_000  # an import of about half a second: two started together overlap


def test_two_imports_of_one_file_at_once_store_each_event_once(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = write_acled(tmp_path / "acled.csv", catalog, ROWS)
    folder = tmp_path / "imports"
    env = {**os.environ, IMPORTS_DIR_ENV: str(folder), "COLUMNS": "300"}
    finished = run_together([["import", "acled", str(path)]] * 2, tmp_path, env)
    assert [run.status for run in finished] == [0, 0], finished
    store = open_store(folder)
    assert store.count(EventQuery()) == ROWS
    added = sorted(
        int(re.search(r"([\d,]+) added", run.output)[1].replace(",", "")) for run in finished
    )
    assert added == [0, ROWS]
    assert len(store.imports()) == 1


def test_an_import_or_removal_waiting_too_long_for_the_lock_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "imports"
    store = import_fixtures(folder)
    before = store.counts_by_source(EventQuery())
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(folder))
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setattr(settings, "import_lock_timeout_s", 0.2)
    other = write_hostile_acled(tmp_path / "other.csv")
    with (folder / LOCK_FILE).open("a") as stream:
        fcntl.flock(stream, fcntl.LOCK_EX)  # another import, as another process holds it
        assert main(["import", "acled", str(other)]) == 1
        assert main(["imports", "remove", "acled"]) == 1
    out = capsys.readouterr().out
    assert f"nothing imported: {folder}: another change to this folder" in out
    assert f"nothing removed: {folder}: another change to this folder" in out
    assert store.counts_by_source(EventQuery()) == before
    assert main(["import", "acled", str(other)]) == 0  # the lock free again
    assert store.counts_by_source(EventQuery())["acled"] == before["acled"] + 2
