"""The public app with stray files in its imports folder: it keeps working and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corridors.core.datasets import DATA_DIR_ENV, IMPORTS_DIR_ENV
from corridors.core.locking import LOCK_FILE
from corridors.data.catalog import Catalog
from corridors.ingest.draft_files import save_draft
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text
from corridors.reported.store import EventQuery
from corridors.review.public import SHOW_DRAFTS_ENV
from support.app import open_app
from support.fixture_imports import import_fixtures
from support.paths import FIXTURES


def test_stray_parquet_files_leave_the_app_working_and_it_creates_no_lock(
    data_copy: Path, tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = (FIXTURES / "ingest" / "news-article-ar.txt").read_text(encoding="utf-8")
    save_draft(data_copy, propose(article_from_text(article), catalog), catalog)
    folder = tmp_path / "imports"
    stored = import_fixtures(folder).counts_by_source(EventQuery())
    (folder / "acled" / "20250101T000000-0123abcd.parquet").write_bytes(b"PAR1 not really")
    pq.write_table(pa.table({"a": [1]}), folder / "gdelt" / "notes.parquet")
    for lock in (data_copy / LOCK_FILE, folder / LOCK_FILE):  # left by the writes above
        lock.unlink(missing_ok=True)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(folder))
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    at = open_app(**{"from": "2018-01-01", "to": "2026-12-31"})
    labels = {toggle.key: toggle.label for toggle in at.sidebar.toggle}
    assert labels["reported-source-acled"] == f"ACLED ({stored['acled']} in range)"
    assert labels["reported-source-gdelt"] == f"GDELT ({stored['gdelt']} in range)"
    assert not (data_copy / LOCK_FILE).exists()
    assert not (folder / LOCK_FILE).exists()
    assert (folder / "gdelt" / "notes.parquet").is_file()  # skipped, never deleted
