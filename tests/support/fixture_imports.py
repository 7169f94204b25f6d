"""A store holding the fixture imports (tests/fixtures/imports), for app and browser tests."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from corridors.data.catalog import load_catalog
from corridors.reported.importers import import_file
from corridors.reported.linker import build_linker
from corridors.reported.store import EventStore, open_store
from support.paths import FIXTURES

IMPORT_FIXTURES: Final = FIXTURES / "imports"
FILES: Final = {
    "acled": IMPORT_FIXTURES / "acled_sample.csv",
    "gdelt": IMPORT_FIXTURES / "20250808120000.export.CSV",
}


def import_fixtures(folder: Path) -> EventStore:
    """The store in ``folder`` with both fixture files imported (their valid rows)."""
    store = open_store(folder)
    linker = build_linker(load_catalog())
    for source, path in FILES.items():
        import_file(store, source, path, linker=linker)
    return store
