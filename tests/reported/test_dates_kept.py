"""Imported events keep their source's date precision (and GDELT its date added).

A store written before the store kept them still reads: those rows say nothing of it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from corridors.data.catalog import Catalog
from corridors.data.export import events_geojson, geojson_text
from corridors.data.models import Precision
from corridors.reported.importers import import_file
from corridors.reported.linker import Linker, build_linker
from corridors.reported.store import EVENT_SCHEMA, EventQuery, ReportedEvent, open_store
from corridors.reported.store.parquet import ParquetStore
from corridors.reported.store.schema import LATER_COLUMNS
from support.paths import FIXTURES
from support.store_rows import add, rows


@pytest.fixture(scope="module")
def linker(catalog: Catalog) -> Linker:
    return build_linker(catalog)


def imported(tmp_path: Path, source: str, path: Path, linker: Linker) -> dict[str, ReportedEvent]:
    store = open_store(tmp_path / "imports")
    import_file(store, source, path, linker=linker)
    return {event.event_id: event for event in store.page(EventQuery(), limit=100)}


def test_acled_time_precision_is_kept_as_day_week_or_month(tmp_path: Path, linker: Linker) -> None:
    stored = imported(tmp_path, "acled", FIXTURES / "imports" / "acled_sample.csv", linker)
    # time_precision 1, 2 and 3 in the fixture; the date stays the one ACLED gives
    assert stored["ARM1001"].precision == "day"
    assert (stored["AZE2001"].precision, stored["AZE2001"].date) == ("week", dt.date(2025, 8, 8))
    assert (stored["ARM1002"].precision, stored["ARM1002"].date) == ("month", dt.date(2025, 7, 1))
    assert all(event.date_added is None for event in stored.values())


def test_gdelt_keeps_the_day_of_the_event_and_the_day_it_was_added(
    tmp_path: Path, linker: Linker
) -> None:
    gdelt = FIXTURES / "imports" / "20250808120000.export.CSV"
    stored = imported(tmp_path, "gdelt", gdelt, linker)
    first = stored["1200000001"]
    assert (first.date, first.date_added) == (dt.date(2025, 8, 8), dt.date(2025, 8, 10))
    assert stored["1200000002"].date_added == dt.date(2025, 8, 8)
    assert {event.precision for event in stored.values()} == {"day"}


def test_the_atlas_export_reads_back_with_its_precision(
    tmp_path: Path, linker: Linker, catalog: Catalog
) -> None:
    month = next(event for event in catalog.events if event.precision is Precision.MONTH)
    path = tmp_path / "export.geojson"
    path.write_text(geojson_text(events_geojson(catalog, catalog.events)), encoding="utf-8")
    stored = imported(tmp_path, "geojson", path, linker)
    assert stored[month.id].precision == "month"
    assert {event.precision for event in stored.values()} <= {"day", "month", "year"}


def test_a_batch_written_before_precision_was_kept_reads_as_not_recorded(tmp_path: Path) -> None:
    store = ParquetStore(tmp_path / "imports")
    assert add(store, "acled", "/data/new.csv", rows("acled", 3)) == 3
    (batch,) = (tmp_path / "imports" / "acled").glob("2*.parquet")
    old = pq.read_table(batch).drop_columns(sorted(LATER_COLUMNS))
    assert old.schema.names == [n for n in EVENT_SCHEMA.names if n not in LATER_COLUMNS]
    pq.write_table(old, batch)  # the same batch, as the store wrote it before
    assert store.skipped() == []
    listed = store.page(EventQuery())
    assert len(listed) == 3
    assert {(event.precision, event.date_added) for event in listed} == {(None, None)}
    # a newer import beside it keeps its own
    assert add(store, "acled", "/data/later.csv", rows("acled", 2, offset=12)) == 2
    kept = {event.event_id: event.precision for event in store.page(EventQuery())}
    assert kept["acled-12"] == "day"
    assert kept["acled-0"] is None
    assert store.count(EventQuery(start=dt.date(2024, 1, 1))) == 5
