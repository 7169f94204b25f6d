"""Shared fixtures: the bundled catalogue, and editable copies of the data directory."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from corridors.core.datasets import data_dir
from corridors.core.environment import IMPORTS_DIR_ENV, SHOW_DRAFTS_ENV
from corridors.data.catalog import Catalog, load_catalog
from support.records import EditRecords
from support.replaced_process import Exec, ReplacedError

BUNDLED = data_dir()


@pytest.fixture(scope="session", autouse=True)
def _no_imports_of_the_user(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test (and every app server it starts) sees an empty import store of its own
    unless it names one: never the imports of whoever runs the tests."""
    mp = pytest.MonkeyPatch()
    mp.setenv(IMPORTS_DIR_ENV, str(tmp_path_factory.mktemp("no-imports") / "imports"))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The bundled data, loaded strictly (any problem fails the test run)."""
    return load_catalog(BUNDLED)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled data directory that a test may break."""
    target = tmp_path / "geodata"
    shutil.copytree(BUNDLED, target)
    return target


@pytest.fixture
def edit_records() -> EditRecords:
    """Load a YAML data file of a directory, let the test change its records, write it back."""

    def edit(
        directory: Path, filename: str, change: Callable[[list[dict[str, Any]]], None]
    ) -> None:
        path = directory / filename
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(records)
        path.write_text(
            yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    return edit


@pytest.fixture
def executed(monkeypatch: pytest.MonkeyPatch) -> Exec:
    """Catch the chdir and execve of a command (and start without the drafts setting)."""
    seen = Exec()

    def chdir(path: str | os.PathLike[str]) -> None:
        seen.cwd = Path(path)

    def execve(path: str, argv: list[str], env: dict[str, str]) -> None:
        assert path == sys.executable
        seen.argv, seen.env = list(argv), dict(env)
        raise ReplacedError

    monkeypatch.setattr(os, "chdir", chdir)
    monkeypatch.setattr(os, "execve", execve)
    monkeypatch.delenv(SHOW_DRAFTS_ENV, raising=False)
    return seen
