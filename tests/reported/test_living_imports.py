"""ACLED revises and deletes events: a newer row replaces the stored one, an older or the
same one does not, a deleted-events list removes them; GDELT's next files add only new
events. Every change is one batch, so removing it undoes it, and a failed one changes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import h3
import pyarrow.parquet as pq
import pytest

from corridors.data.catalog import Catalog
from corridors.geo.cells import cell_name, parse_cell
from corridors.reported.importers import (
    ImportFileError,
    ImportReport,
    StrictImportError,
    import_file,
)
from corridors.reported.importers.acled_deleted import read_deletions
from corridors.reported.linker import Linker, build_linker
from corridors.reported.store import EventQuery, EventStore, ReportedEvent, open_store
from corridors.reported.store.schema import LATER_COLUMNS
from support.paths import FIXTURES

IMPORTS = FIXTURES / "imports"
SAMPLE = IMPORTS / "acled_sample.csv"  # ARM1001, AZE2001, ARM1002, ARM1003: timestamp 2025-08-12
REVISED = IMPORTS / "acled_revised.csv"
DELETED = IMPORTS / "acled_deleted.csv"
GDELT_FIRST = IMPORTS / "20250808120000.export.CSV"
GDELT_NEXT = IMPORTS / "20250808121500.export.CSV"


@pytest.fixture(scope="module")
def linker(catalog: Catalog) -> Linker:
    return build_linker(catalog)


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    return open_store(tmp_path / "imports")


def listed(store: EventStore) -> dict[str, ReportedEvent]:
    return {event.event_id: event for event in store.page(EventQuery(), limit=100)}


def counts(report: ImportReport) -> tuple[int, int, int]:
    return report.added, report.updated, report.already_stored


def test_a_newer_row_replaces_the_stored_one_an_older_or_same_one_does_not(store, linker):
    import_file(store, "acled", SAMPLE, linker=linker)
    before = listed(store)
    report = import_file(store, "acled", REVISED, linker=linker)
    assert counts(report) == (1, 1, 2)  # ARM1010 new; ARM1001 newer; AZE2001 older, ARM1002 same
    after = listed(store)
    assert sorted(after) == sorted([*before, "ARM1010"])
    assert after["ARM1001"].fatalities == 1
    assert after["ARM1001"].notes == "Revised: one protester injured in Meghri."
    assert after["ARM1001"].changed_at == dt.datetime(2025, 9, 12)
    assert after["AZE2001"] == before["AZE2001"]
    assert after["ARM1002"] == before["ARM1002"]
    assert store.count(EventQuery()) == 5
    assert store.counts_by_source(EventQuery()) == {"acled": 5}
    # the same file again: everything is as new in the store already
    assert counts(import_file(store, "acled", REVISED, linker=linker)) == (0, 0, 4)
    # removing the revising import brings the earlier version back
    store.remove(REVISED.name)
    assert listed(store) == before


def test_a_deleted_events_list_removes_them_and_counts_those_not_stored(store, linker):
    import_file(store, "acled", SAMPLE, linker=linker)
    deletions = read_deletions(DELETED)
    assert deletions == {
        "ARM1002": dt.datetime(2025, 9, 12),
        "ARM9999": dt.datetime(2025, 9, 12),
    }
    done = store.delete(source="acled", file=str(DELETED), deletions=deletions)
    assert (done.removed, done.missing, done.newer) == (1, 1, 0)
    assert sorted(listed(store)) == ["ARM1001", "ARM1003", "AZE2001"]
    assert store.count(EventQuery(start=dt.date(2025, 7, 1), end=dt.date(2025, 7, 1))) == 0
    assert [(r.file, r.rows, r.removed) for r in store.imports()][-1] == (str(DELETED), 0, 1)
    # deleting again finds nothing; the older export does not bring it back
    again = store.delete(source="acled", file=str(DELETED), deletions=deletions)
    assert (again.removed, again.missing) == (0, 2)
    assert counts(import_file(store, "acled", SAMPLE, linker=linker)) == (0, 0, 4)
    assert "ARM1002" not in listed(store)


def test_a_row_changed_after_its_deletion_time_is_kept(store, linker):
    import_file(store, "acled", SAMPLE, linker=linker)
    import_file(store, "acled", REVISED, linker=linker)  # ARM1001 changed 2025-09-12
    done = store.delete(
        source="acled", file="list.csv", deletions={"ARM1001": dt.datetime(2025, 9, 1)}
    )
    assert (done.removed, done.missing, done.newer) == (0, 0, 1)
    assert "ARM1001" in listed(store)


def test_a_failed_import_changes_nothing(store, linker, tmp_path):
    import_file(store, "acled", SAMPLE, linker=linker)
    before, files = listed(store), sorted((tmp_path / "imports").rglob("*"))
    broken = tmp_path / "revised-broken.csv"
    broken.write_text(REVISED.read_text() + "ARM1011,2025-02-30\n", encoding="utf-8")
    with pytest.raises(StrictImportError):
        import_file(store, "acled", broken, linker=linker, strict=True)
    assert listed(store) == before
    assert sorted((tmp_path / "imports").rglob("*")) == files


def test_a_deleted_events_list_with_a_bad_row_deletes_nothing(tmp_path):
    path = tmp_path / "deleted.csv"
    path.write_text("event_id_cnty,deleted_timestamp\nARM1002,1757635200\nARM1001,soon\n")
    with pytest.raises(ImportFileError, match=r"line 3, column 2 \(deleted_timestamp\): 'soon'"):
        read_deletions(path)
    path.write_text("event_id,deleted_timestamp\nARM1002,1757635200\n")
    with pytest.raises(ImportFileError, match=r"lacks the column\(s\) event_id_cnty"):
        read_deletions(path)


def test_an_old_store_without_timestamps_reads_and_takes_a_revised_export(store, linker, tmp_path):
    import_file(store, "acled", SAMPLE, linker=linker)
    (batch,) = (tmp_path / "imports" / "acled").glob("2*.parquet")
    table = pq.read_table(batch)
    pq.write_table(table.drop_columns(sorted(LATER_COLUMNS)), batch)  # as written before
    assert store.skipped() == []
    assert {event.changed_at for event in listed(store).values()} == {None}
    assert store.latest_changes() == {}
    report = import_file(store, "acled", REVISED, linker=linker)
    # a stored row that says nothing of its last change is replaced by one that does
    assert counts(report) == (1, 3, 0)
    assert store.count(EventQuery()) == 5
    assert store.latest_changes() == {"acled": dt.datetime(2025, 9, 12)}


def test_the_next_gdelt_files_add_only_new_events(store, linker):
    first = import_file(store, "gdelt", GDELT_FIRST, linker=linker)
    assert store.latest_changes() == {"gdelt": dt.datetime(2025, 8, 10, 9, 30)}
    following = import_file(store, "gdelt", GDELT_NEXT, linker=linker)
    assert counts(following) == (2, 0, 1)  # 1200000002 came in the first file
    assert store.count(EventQuery()) == first.added + 2
    assert [Path(r.file).name for r in store.imports()] == [GDELT_FIRST.name, GDELT_NEXT.name]
    assert counts(import_file(store, "gdelt", GDELT_NEXT, linker=linker)) == (0, 0, 3)


def test_the_store_gives_its_date_span_and_its_imprecise_events_per_cell(store, linker):
    assert store.date_span() is None
    import_file(store, "acled", SAMPLE, linker=linker)
    assert store.date_span() == (dt.date(2025, 7, 1), dt.date(2025, 8, 8))
    every = store.counts_by_cell(EventQuery(), 5)
    imprecise = store.imprecise_by_cell(EventQuery(), 5)
    # AZE2001 is dated to a week, ARM1002 to a month; every row is placed to a place
    expected: dict[int, int] = {}
    for event in listed(store).values():
        if event.precision != "day" or event.geo_precision == 3:
            assert event.cell is not None
            cell = parse_cell(h3.cell_to_parent(cell_name(event.cell), 5))
            assert cell is not None
            expected[cell] = expected.get(cell, 0) + 1
    assert imprecise == expected
    assert sum(imprecise.values()) == 2
    assert all(imprecise[cell] <= every[cell] for cell in imprecise)
