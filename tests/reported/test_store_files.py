"""The store reads only the batch files it wrote: pipes, links and stray files are skipped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corridors.cli.main import main
from corridors.core.datasets import IMPORTS_DIR_ENV
from corridors.reported.store import EVENT_SCHEMA, EventQuery
from corridors.reported.store.parquet import ParquetStore
from support.store_rows import add, rows

BATCH = "20250101T000000-0123abcd.parquet"  # a name the store itself could give

#: Every query a reader of the store makes, run by a fresh process that prints the answers.
READER = """
import json, sys
from pathlib import Path
from corridors.reported.store import EventQuery, open_store
store = open_store(Path(sys.argv[1]))
print(json.dumps({
    "count": store.count(EventQuery()),
    "page": len(store.page(EventQuery(), limit=5)),
    "sources": store.sources(),
    "imports": [record.rows for record in store.imports()],
    "skipped": [[str(s.path), s.reason] for s in store.skipped()],
}))
"""


@pytest.fixture
def store(tmp_path: Path) -> ParquetStore:
    """A store holding one import of 30 events."""
    made = ParquetStore(tmp_path / "imports")
    assert add(made, "acled", "/data/a.csv", rows("acled", 30)) == 30
    return made


def read_in_another_process(folder: Path) -> dict[str, object]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", READER, str(folder)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("reading the store hung")
    assert done.returncode == 0, done.stderr
    answers: dict[str, object] = json.loads(done.stdout)
    return answers


@pytest.mark.parametrize("name", [BATCH, "events.parquet"])
def test_a_named_pipe_in_the_store_is_skipped_not_opened(store: ParquetStore, name: str) -> None:
    pipe = store.root / "acled" / name
    os.mkfifo(pipe)
    answers = read_in_another_process(pipe.parent.parent)
    assert answers["count"] == 30
    assert answers["page"] == 5
    assert answers["sources"] == ["acled"]
    assert answers["imports"] == [30]
    assert [path for path, _ in answers["skipped"]] == [str(pipe)]
    assert pipe.exists()


def test_a_link_named_as_a_batch_to_a_pipe_is_skipped(store: ParquetStore, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    link = store.root / "acled" / BATCH
    link.symlink_to(tmp_path / "pipe")
    answers = read_in_another_process(link.parent.parent)
    assert answers["count"] == 30
    assert answers["skipped"] == [[str(link), "not a regular file (a symbolic link)"]]


def own_batch(folder: Path) -> Path:
    (batch,) = folder.glob("2*.parquet")
    return batch


def own_copy(folder: Path) -> Path:
    """A copy of the store's own batch under a name it does not give."""
    (folder / "events.parquet").write_bytes(own_batch(folder).read_bytes())
    return folder / "events.parquet"


def truncated(folder: Path) -> Path:
    (folder / BATCH).write_bytes(own_batch(folder).read_bytes()[:-100])
    return folder / BATCH


def not_parquet(folder: Path) -> Path:
    (folder / BATCH).write_text("id,date\n1,2025-01-01\n", encoding="utf-8")
    return folder / BATCH


def other_columns(folder: Path) -> Path:
    pq.write_table(pa.table({"a": [1, 2]}), folder / BATCH)
    return folder / BATCH


def other_types(folder: Path) -> Path:
    table = pa.Table.from_pylist(rows("acled", 2, offset=100), schema=EVENT_SCHEMA)
    table = table.set_column(1, "event_id", pa.array([1, 2]))
    return with_own_record(table, folder)


def no_record(folder: Path) -> Path:
    table = pa.Table.from_pylist(rows("acled", 2, offset=100), schema=EVENT_SCHEMA)
    pq.write_table(table, folder / BATCH)
    return folder / BATCH


def empty(folder: Path) -> Path:
    return with_own_record(pa.Table.from_pylist([], schema=EVENT_SCHEMA), folder)


def a_folder(folder: Path) -> Path:
    (folder / BATCH).mkdir()
    return folder / BATCH


def with_own_record(table: pa.Table, folder: Path) -> Path:
    """``table`` written as a batch, with the record of the store's own batch."""
    metadata = pq.read_schema(own_batch(folder)).metadata
    pq.write_table(table.replace_schema_metadata(metadata), folder / BATCH)
    return folder / BATCH


STRAYS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "own-copy-renamed": (own_copy, "not a batch file of the store"),
    "truncated": (truncated, "not a Parquet file the store can read"),
    "csv": (not_parquet, "not a Parquet file the store can read"),
    "other-columns": (other_columns, "not in the store's layout: no column 'source'"),
    "other-types": (other_types, "column 'event_id' is int64, not string"),
    "no-record": (no_record, "no record of the imported file and its time"),
    "empty": (empty, "holds no rows"),
    "folder": (a_folder, "not a regular file (a directory)"),
}


@pytest.mark.parametrize("stray", STRAYS.values(), ids=STRAYS.keys())
def test_a_stray_parquet_file_is_skipped_and_reported_never_deleted(
    store: ParquetStore, stray: tuple[Callable[[Path], Path], str]
) -> None:
    make, reason = stray
    path = make(store.root / "acled")
    assert store.count(EventQuery()) == 30
    assert store.counts_by_source(EventQuery()) == {"acled": 30}
    assert len(store.page(EventQuery(), limit=100)) == 30
    assert [record.rows for record in store.imports()] == [30]
    [skipped] = store.skipped()
    assert skipped.path == path
    assert reason in skipped.reason
    assert path.exists()


def test_imports_lists_what_it_skipped_and_remove_leaves_it(
    store: ParquetStore, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = store.root / "acled"
    other_columns(folder)
    os.mkfifo(folder / "notes.parquet")
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(store.root))
    monkeypatch.setenv("COLUMNS", "300")
    assert main(["imports"]) == 0
    out = capsys.readouterr().out
    assert "/data/a.csv" in out
    assert "skipped 2 file(s) the store did not write (left in place):" in out
    assert f"{folder / BATCH}: not in the store's layout: no column 'source'" in out
    assert f"{folder / 'notes.parquet'}: not a batch file of the store" in out
    assert main(["imports", "remove", "acled"]) == 0
    assert "removed acled /data/a.csv (30 rows)" in capsys.readouterr().out
    assert sorted(path.name for path in folder.iterdir()) == [BATCH, "notes.parquet"]
    assert main(["imports"]) == 0
    assert "nothing imported in" in capsys.readouterr().out


def test_a_batch_replaced_after_it_was_read_is_checked_again(store: ParquetStore) -> None:
    assert store.count(EventQuery()) == 30  # its footer read and found good
    (batch,) = (store.root / "acled").glob("2*.parquet")
    batch.write_bytes(batch.read_bytes()[:-100])  # now truncated: DuckDB would fail on it
    assert store.count(EventQuery()) == 0
    assert [skipped.path for skipped in store.skipped()] == [batch]
