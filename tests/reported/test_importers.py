"""Importing ACLED, GDELT and GeoJSON files: every column, every bad row, the store's guarantees."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
import os
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.export import events_geojson, geojson_text
from corridors.data.models import ReportedSource
from corridors.reported import importers
from corridors.reported.importers import (
    SOURCES,
    ImportFileError,
    ImportReport,
    StrictImportError,
    acled,
    gdelt,
    import_file,
)
from corridors.reported.importers.rows import RowProblemKind
from corridors.reported.importers.source_kinds import ReportedKind
from corridors.reported.linker import Linker, build_linker
from corridors.reported.store import EventQuery, EventStore, ReportedEvent, open_store
from support.paths import FIXTURES

IMPORT_FIXTURES = FIXTURES / "imports"
ACLED_FILE = IMPORT_FIXTURES / "acled_sample.csv"
GDELT_FILE = IMPORT_FIXTURES / "20250808120000.export.CSV"

#: (line, column, field, kind) of every bad row of the ACLED fixture, in file order.
ACLED_PROBLEMS = [
    (7, 2, "event_date", RowProblemKind.BAD_DATE),
    (8, 23, "latitude", RowProblemKind.OUT_OF_RANGE),
    (9, 24, "longitude", RowProblemKind.MISSING_VALUE),
    (10, None, None, RowProblemKind.COLUMN_COUNT),
    (11, None, None, RowProblemKind.DUPLICATE_ID),
    (12, 29, "fatalities", RowProblemKind.BAD_NUMBER),
    (13, 22, "location", RowProblemKind.NOT_UTF8),
]
GDELT_PROBLEMS = [
    (3, 2, "SQLDATE", RowProblemKind.BAD_DATE),
    (4, 57, "ActionGeo_Lat", RowProblemKind.MISSING_VALUE),
    (4, 58, "ActionGeo_Long", RowProblemKind.MISSING_VALUE),
    (5, None, None, RowProblemKind.COLUMN_COUNT),
    (6, None, None, RowProblemKind.DUPLICATE_ID),
    (8, 58, "ActionGeo_Long", RowProblemKind.OUT_OF_RANGE),
]


@pytest.fixture(scope="module")
def linker(catalog: Catalog) -> Linker:
    return build_linker(catalog)


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    return open_store(tmp_path / "data" / "imports")


def run(store: EventStore, source: str, path: Path, linker: Linker, **options: Any) -> ImportReport:
    return import_file(store, source, path, linker=linker, **options)


def events(store: EventStore) -> dict[str, ReportedEvent]:
    return {event.event_id: event for event in store.page(EventQuery(), limit=10_000)}


def where(report: ImportReport) -> list[tuple[int, int | None, str | None, RowProblemKind]]:
    return [(p.line, p.column, p.field, p.kind) for p in report.problems]


def store_files(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def acled_records() -> dict[str, dict[str, str]]:
    """The fixture's good rows read independently (csv.DictReader), by event id."""
    with ACLED_FILE.open(encoding="utf-8", errors="replace", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return {row["event_id_cnty"]: row for row in rows[:4]}


# -- ACLED -------------------------------------------------------------------------------


def test_acled_fixture_reports_every_bad_row_by_line_and_column(store, linker):
    report = run(store, "acled", ACLED_FILE, linker)
    assert (report.rows_read, report.added, report.bad_rows, report.repeated) == (11, 4, 6, 1)
    assert where(report) == ACLED_PROBLEMS
    assert all(problem.file == str(ACLED_FILE) for problem in report.problems)
    assert sorted(events(store)) == ["ARM1001", "ARM1002", "ARM1003", "AZE2001"]


def test_acled_every_kept_column_is_mapped(store, linker):
    run(store, "acled", ACLED_FILE, linker)
    stored = events(store)
    for event_id, row in acled_records().items():
        event = stored[event_id]
        assert event.source == "acled"
        assert event.latitude == float(row["latitude"])
        assert event.longitude == float(row["longitude"])
        assert event.geo_precision == int(row["geo_precision"])
        assert event.fatalities == int(row["fatalities"])
        assert event.event_type == f"{row['event_type']}: {row['sub_event_type']}"
        for column in ("location", "country", "actor1", "notes"):
            assert getattr(event, column) == row[column], column
        assert event.source_name == row["source"]
        assert event.actor2 == (row["actor2"] or None)
        assert event.url is None
    assert stored["AZE2001"].date == dt.date(2025, 8, 8)  # "08 August 2025"
    assert stored["ARM1002"].date == dt.date(2025, 7, 1)
    assert stored["ARM1002"].kind == ReportedKind.CONFLICT
    assert stored["AZE2001"].kind == ReportedKind.COOPERATION  # Strategic developments: Agreement
    assert stored["ARM1001"].kind == ReportedKind.UNREST


def test_every_codebook_column_is_mapped_or_listed_as_not_kept():
    assert len(acled.COLUMNS) == 31
    assert len(gdelt.COLUMNS) == 61
    accounted = {*acled.MAPPING.values(), *acled.ALSO_READ, *acled.NOT_KEPT}
    assert accounted == set(acled.COLUMNS)
    assert {*gdelt.MAPPING.values(), *gdelt.NOT_KEPT} == set(gdelt.COLUMNS)
    assert gdelt.COLUMNS[0] == "GLOBALEVENTID"
    assert gdelt.COLUMNS[56:60] == (
        "ActionGeo_Lat",
        "ActionGeo_Long",
        "ActionGeo_FeatureID",
        "DATEADDED",
    )
    assert gdelt.COLUMNS[-1] == "SOURCEURL"


def test_quoted_newlines_arabic_cyrillic_and_hostile_text_are_kept_verbatim(store, linker):
    run(store, "acled", ACLED_FILE, linker)
    stored = events(store)
    assert stored["ARM1002"].notes == (
        "Exchange of fire reported near Kapan.\nA second report gave the time as 22:00."
    )
    assert stored["ARM1001"].notes == "متظاهرون في ميغري يطالبون بفتح الطريق عبر سيونيك"
    assert stored["AZE2001"].notes == "Соглашение о транзите подписано в Нахичевани."  # noqa: RUF001
    hostile = stored["ARM1003"]
    assert (
        hostile.notes
        == '<script>alert("x")</script> **bold** [link](javascript:alert(1)) @SUM(A1) -2+3'
    )
    assert hostile.actor1 == "=cmd|' /C calc'!A0"
    assert hostile.location == "+Goris"


def test_a_10000_character_note_is_stored_whole(tmp_path, store, linker):
    note = ("<b>" + "x" * 9_990 + "</b>")[:10_000]
    source = ACLED_FILE.read_bytes().split(b"\n")
    header, row = source[0], next(csv.reader([source[1].decode()]))
    row[acled.COLUMNS.index("notes")] = note
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(header.decode() + "\n")
        csv.writer(stream).writerow(row)
    run(store, "acled", path, linker)
    assert events(store)["ARM1001"].notes == note


@pytest.mark.parametrize(
    ("change", "line_shift"),
    [
        (lambda data: codecs.BOM_UTF8 + data, 0),
        (lambda data: data.replace(b"\n", b"\r\n"), 0),
        (lambda data: codecs.BOM_UTF8 + data.replace(b"\n", b"\r\n"), 0),
        (lambda data: data.split(b"\n", 1)[1], -1),  # no header row
    ],
    ids=["bom", "crlf", "bom-crlf", "headerless"],
)
def test_acled_variants_read_the_same(tmp_path, store, linker, change, line_shift):
    reference = open_store(tmp_path / "reference")
    run(reference, "acled", ACLED_FILE, linker)
    path = tmp_path / "variant.csv"
    path.write_bytes(change(ACLED_FILE.read_bytes()))
    report = run(store, "acled", path, linker)
    expected_events = events(reference)
    if b"\r\n" in path.read_bytes():  # the quoted newline inside a note changed too
        note = expected_events["ARM1002"].notes or ""
        expected_events["ARM1002"] = replace(
            expected_events["ARM1002"], notes=note.replace("\n", "\r\n")
        )
    assert events(store) == expected_events
    expected = [(line + line_shift, *rest) for line, *rest in ACLED_PROBLEMS]
    assert where(report) == expected


def test_a_header_missing_a_required_column_refuses_the_file(tmp_path, store, linker):
    path = tmp_path / "no-latitude.csv"
    path.write_text("event_id_cnty,event_date,event_type,longitude\nA1,2025-01-01,Riots,45\n")
    with pytest.raises(ImportFileError, match=r"line 1: the header lacks the column\(s\) latitude"):
        run(store, "acled", path, linker)


def test_utf16_is_refused_with_a_clear_error(tmp_path, store, linker):
    path = tmp_path / "utf16.csv"
    path.write_bytes(ACLED_FILE.read_bytes().decode("utf-8", "replace").encode("utf-16"))
    with pytest.raises(ImportFileError, match="UTF-16; save it as UTF-8"):
        run(store, "acled", path, linker)


# -- GDELT -------------------------------------------------------------------------------


def test_gdelt_fixture_reports_every_bad_row_and_maps_every_kept_column(store, linker):
    report = run(store, "gdelt", GDELT_FILE, linker)
    assert (report.rows_read, report.added, report.bad_rows, report.repeated) == (8, 3, 4, 1)
    assert where(report) == GDELT_PROBLEMS
    rows = [line.split("\t") for line in GDELT_FILE.read_text(encoding="utf-8").splitlines()]
    by_id: dict[str, list[str]] = {}
    for row in rows:
        if len(row) == 61:
            by_id.setdefault(row[0], row)  # the first occurrence is kept
    stored = events(store)
    assert sorted(stored) == ["1200000001", "1200000002", "1200000005"]
    for event_id, event in stored.items():
        row = dict(zip(gdelt.COLUMNS, by_id[event_id], strict=True))
        assert event.date == dt.datetime.strptime(row["SQLDATE"], "%Y%m%d").date()
        assert event.latitude == float(row["ActionGeo_Lat"])
        assert event.longitude == float(row["ActionGeo_Long"])
        assert event.geo_precision == int(row["ActionGeo_Type"])
        assert event.location == row["ActionGeo_FullName"]
        assert event.country == row["ActionGeo_CountryCode"]
        assert (event.actor1, event.actor2) == (row["Actor1Name"], row["Actor2Name"])
        assert event.event_type == row["EventCode"]
        assert event.url == row["SOURCEURL"]
        assert event.fatalities is None
        assert event.notes is None
    assert stored["1200000001"].url == "https://example.org/news/meghri-protest"  # not the repeat
    kinds = {key: event.kind for key, event in stored.items()}
    assert kinds == {"1200000001": "unrest", "1200000002": "cooperation", "1200000005": "conflict"}


def zipped(tmp_path: Path, members: dict[str, bytes], name: str = "export.CSV.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


def test_a_zipped_gdelt_export_is_read_as_the_project_publishes_it(tmp_path, store, linker):
    path = zipped(tmp_path, {GDELT_FILE.name: GDELT_FILE.read_bytes()}, f"{GDELT_FILE.name}.zip")
    report = run(store, "gdelt", path, linker)
    assert report.added == 3
    assert where(report) == GDELT_PROBLEMS
    assert report.problems[0].file == f"{path}:{GDELT_FILE.name}"


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"a.export.CSV": b"", "b.export.CSV": b""}, "must hold exactly one file"),
        ({"payload.exe": b"MZ"}, "not a plain .csv or .tsv or .txt file"),
        ({"../escape.export.CSV": b""}, "not a plain"),
        ({"nested/20250808.export.CSV": b""}, "not a plain"),
        ({}, "it holds 0"),
    ],
    ids=["two-members", "wrong-type", "parent-path", "folder", "empty"],
)
def test_an_archive_with_anything_but_the_expected_member_is_refused(
    tmp_path, store, linker, members, message
):
    path = zipped(tmp_path, members)
    with pytest.raises(ImportFileError, match=message):
        run(store, "gdelt", path, linker)
    assert store.imports() == []


def test_a_zip_bomb_is_refused_before_it_expands(tmp_path, store, linker, monkeypatch):
    monkeypatch.setattr(settings, "max_unzipped_bytes", 1_000_000)
    path = zipped(tmp_path, {"bomb.export.CSV": b"\t" * 5_000_000})
    assert path.stat().st_size < 20_000
    with pytest.raises(ImportFileError, match="expands past 1,000,000 bytes"):
        run(store, "gdelt", path, linker)
    assert store.imports() == []


def test_an_archive_understating_its_member_size_fails_without_expanding(tmp_path, store, linker):
    path = zipped(tmp_path, {GDELT_FILE.name: GDELT_FILE.read_bytes() * 1000})
    data = bytearray(path.read_bytes())
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    data[local + 22 : local + 26] = (10).to_bytes(4, "little")  # uncompressed size: 10 bytes
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFileError, match="damaged zip archive"):
        run(store, "gdelt", path, linker)
    assert store.imports() == []


def test_a_damaged_archive_is_an_import_error(tmp_path, store, linker):
    path = zipped(tmp_path, {GDELT_FILE.name: GDELT_FILE.read_bytes()})
    data = bytearray(path.read_bytes())
    data[70:90] = b"\xff" * 20  # inside the compressed member
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFileError, match="damaged zip archive"):
        run(store, "gdelt", path, linker)


def patched(path: Path, *, flags: int = 0, method: int | None = None) -> Path:
    """The one-member archive at ``path`` with header flags set or its method changed."""
    data = bytearray(path.read_bytes())
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    for flag_at in (local + 6, central + 8):
        data[flag_at] |= flags
    if method is not None:
        data[local + 8 : local + 10] = method.to_bytes(2, "little")
        data[central + 10 : central + 12] = method.to_bytes(2, "little")
    path.write_bytes(bytes(data))
    return path


def damaged(tmp_path: Path, compression: int) -> Path:
    """A one-member archive compressed with ``compression`` whose data is damaged."""
    path = tmp_path / "damaged.zip"
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        archive.writestr(GDELT_FILE.name, GDELT_FILE.read_bytes() * 20)
    data = bytearray(path.read_bytes())
    start = data.index(b"PK\x03\x04") + 30 + len(GDELT_FILE.name)
    data[start + 20 : start + 60] = b"\x00" * 40  # inside the compressed data
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("archive", "message"),
    [
        (
            lambda tmp: patched(zipped(tmp, {GDELT_FILE.name: b"x"}), flags=0x1),
            "is encrypted; import it unencrypted",
        ),
        (
            lambda tmp: patched(zipped(tmp, {GDELT_FILE.name: b"x"}), method=99),
            "compressed with method 99, which cannot be read",
        ),
        (lambda tmp: damaged(tmp, zipfile.ZIP_DEFLATED), "damaged zip archive"),
        (lambda tmp: damaged(tmp, zipfile.ZIP_BZIP2), "damaged zip archive"),
        (lambda tmp: damaged(tmp, zipfile.ZIP_LZMA), "damaged zip archive"),
    ],
    ids=["encrypted", "unknown-method", "damaged-deflate", "damaged-bzip2", "damaged-lzma"],
)
def test_an_archive_that_cannot_be_read_is_a_clear_error_naming_it(
    tmp_path, store, linker, archive, message
):
    path = archive(tmp_path)
    with pytest.raises(ImportFileError, match=message) as caught:
        run(store, "gdelt", path, linker)
    assert str(caught.value).startswith(f"{path}")
    assert store.imports() == []


def test_only_regular_files_are_opened(tmp_path, store, linker):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(ImportFileError, match="not a regular file"):
        run(store, "gdelt", fifo, linker)  # returns at once: never blocks on the pipe
    with pytest.raises(ImportFileError, match="not a regular file"):
        run(store, "gdelt", tmp_path, linker)
    with pytest.raises(ImportFileError, match="cannot open"):
        run(store, "gdelt", tmp_path / "missing.csv", linker)


# -- the store's guarantees ---------------------------------------------------------------


def test_reimporting_the_same_or_an_overlapping_file_adds_no_duplicates(tmp_path, store, linker):
    first = run(store, "acled", ACLED_FILE, linker)
    again = run(store, "acled", ACLED_FILE, linker)
    assert (again.added, again.already_stored) == (0, first.added)
    overlap = tmp_path / "overlap.csv"
    lines = ACLED_FILE.read_bytes().split(b"\n")
    new_row = lines[1].replace(b"ARM1001", b"ARM2000", 1)
    overlap.write_bytes(b"\n".join([lines[0], lines[1], lines[2], new_row]) + b"\n")
    report = run(store, "acled", overlap, linker)
    assert (report.added, report.already_stored) == (1, 2)
    assert store.count(EventQuery()) == 5
    assert [record.rows for record in store.imports()] == [4, 1]  # the re-import wrote nothing


def test_the_same_id_in_two_sources_is_two_events(store, linker, tmp_path):
    path = tmp_path / "acled.csv"
    path.write_bytes(ACLED_FILE.read_bytes().replace(b"ARM1001", b"1200000001"))
    run(store, "acled", path, linker)
    assert run(store, "gdelt", GDELT_FILE, linker).added == 3
    assert store.counts_by_source(EventQuery()) == {"acled": 4, "gdelt": 3}


class FailingLinker:
    """Links like the real one, then fails on its ``fail_at``-th call (an interruption)."""

    def __init__(self, linker: Linker, fail_at: int, error: BaseException) -> None:
        self.linker, self.fail_at, self.error, self.calls = linker, fail_at, error, 0

    def links(
        self, longitude: np.ndarray, latitude: np.ndarray, scopes: np.ndarray | None = None
    ) -> pa.ListArray:
        self.calls += 1
        if self.calls == self.fail_at:
            raise self.error
        return self.linker.links(longitude, latitude, scopes)


@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError("disk full")], ids=repr)
def test_an_interrupted_import_leaves_the_store_as_it_was(
    tmp_path, store, linker, monkeypatch, error
):
    run(store, "gdelt", GDELT_FILE, linker)
    root = tmp_path / "data" / "imports"
    before = (store_files(root), store.imports(), events(store))
    monkeypatch.setattr(settings, "import_chunk_rows", 3)  # the ACLED fixture: 4 chunks
    failing = FailingLinker(linker, fail_at=2, error=error)
    with pytest.raises(type(error)):
        import_file(store, "acled", ACLED_FILE, linker=failing)  # type: ignore[arg-type]
    assert failing.calls == 2  # the first chunk had been written to the temporary file
    assert (store_files(root), store.imports(), events(store)) == before


def test_strict_refuses_a_file_with_any_bad_row_and_adds_nothing(store, linker, monkeypatch):
    monkeypatch.setattr(settings, "import_chunk_rows", 100)
    with pytest.raises(StrictImportError, match="6 bad row") as raised:
        run(store, "acled", ACLED_FILE, linker, strict=True)
    assert where(raised.value.report) == ACLED_PROBLEMS
    assert store.imports() == []
    assert store.count(EventQuery()) == 0


def test_strict_accepts_a_clean_file(tmp_path, store, linker):
    clean = tmp_path / "clean.csv"
    clean.write_bytes(b"\n".join(ACLED_FILE.read_bytes().split(b"\n")[:6]) + b"\n")
    assert run(store, "acled", clean, linker, strict=True).added == 4


def test_problems_are_listed_up_to_the_limit_and_all_counted(store, linker, monkeypatch):
    monkeypatch.setattr(settings, "max_import_problems_listed", 2)
    report = run(store, "acled", ACLED_FILE, linker)
    assert where(report) == ACLED_PROBLEMS[:2]
    assert sum(report.problem_counts.values()) == len(ACLED_PROBLEMS)
    assert report.problem_counts[("not-utf8", "location")] == 1


# -- GeoJSON: the atlas's own export, read back ---------------------------------------------


def test_the_atlas_geojson_export_reads_back(tmp_path, store, linker, catalog):
    exported = events_geojson(catalog, catalog.events)
    path = tmp_path / "export.geojson"
    path.write_text(geojson_text(exported), encoding="utf-8")
    report = run(store, "geojson", path, linker)
    assert report.bad_rows == 0
    assert report.problems == []
    stored = events(store)
    assert sorted(stored) == sorted(event.id for event in catalog.events if event.features)
    for event in catalog.events:
        if event.features:
            back = stored[event.id]
            assert back.date == event.date
            assert back.notes == event.title["en"]
            assert back.event_type == str(event.kind)
            assert back.features[: len(event.features)] == tuple(dict.fromkeys(event.features))


def test_geojson_features_without_usable_fields_are_reported(tmp_path, store, linker):
    def feature(properties: Any, geometry: Any) -> dict[str, Any]:
        return {"type": "Feature", "properties": properties, "geometry": geometry}

    point = {"type": "Point", "coordinates": [46.2426, 38.9036]}
    good = {"event_id": "e1", "date": "2025-08-08", "kind": "summit", "title": {"en": "<i>t</i>"}}
    collection = {
        "type": "FeatureCollection",
        "features": [
            feature(good, point),
            feature({**good, "event_id": "e2"}, None),
            feature({**good, "event_id": "e3", "date": "2025-02-30"}, point),
            feature({**good, "event_id": ""}, point),
            "not a feature",
        ],
    }
    path = tmp_path / "mixed.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    report = run(store, "geojson", path, linker)
    assert [(p.line, p.field, p.kind) for p in report.problems] == [
        (2, "geometry", RowProblemKind.INVALID_VALUE),
        (3, "date", RowProblemKind.BAD_DATE),
        (4, "event_id", RowProblemKind.MISSING_VALUE),
        (5, "properties", RowProblemKind.INVALID_VALUE),
    ]
    assert str(report.problems[0]).startswith(f"{path}, feature 2 (geometry)")
    assert events(store)["e1"].notes == "<i>t</i>"
    assert events(store)["e1"].features[:3] == ("am", "am-su", "syunik-route")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"type": "FeatureCollection", "features": [NaN]}', "not JSON"),
        ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        ("[" * 100_000, "not JSON"),
    ],
    ids=["nan", "not-a-collection", "deep"],
)
def test_unusable_geojson_is_refused(tmp_path, store, linker, text, message):
    path = tmp_path / "bad.geojson"
    path.write_text(text)
    with pytest.raises(ImportFileError, match=message):
        run(store, "geojson", path, linker)


def test_an_error_of_the_import_itself_is_not_blamed_on_the_archive(
    tmp_path, store, linker, monkeypatch
):
    path = zipped(tmp_path, {GDELT_FILE.name: GDELT_FILE.read_bytes()})

    def failing(*_: object) -> None:
        raise EOFError("the import's own failure")

    monkeypatch.setattr(importers, "cell_ids", failing)  # while the archive is open
    with pytest.raises(EOFError, match="the import's own failure"):
        run(store, "gdelt", path, linker)


def test_every_reported_source_has_an_importer_and_no_more():
    """The command line offers ``ReportedSource`` (cheap to load) as the importers' names."""
    assert set(SOURCES) == {str(source) for source in ReportedSource}
