"""Imports within the size limits: a huge line or field costs no memory and is reported."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.reported.importers import ImportFileError, acled, gdelt, import_file
from corridors.reported.importers._opening import OpenedFile
from corridors.reported.importers.rows import RowProblemKind
from corridors.reported.linker import Linker, build_linker
from corridors.reported.store import EventQuery, EventStore, open_store
from support.paths import FIXTURES

ACLED_FILE = FIXTURES / "imports" / "acled_sample.csv"
GDELT_FILE = FIXTURES / "imports" / "20250808120000.export.CSV"
#: The fixture's first row, whose event is stored when the row is good.
GDELT_ROW = GDELT_FILE.read_bytes().split(b"\n")[0].decode().split("\t")
ACLED_HEADER, ACLED_ROW = list(
    csv.reader(ACLED_FILE.read_bytes().decode("utf-8", "replace").split("\n")[:2])
)
URL_AT = gdelt.COLUMNS.index("SOURCEURL")


@pytest.fixture(scope="module")
def linker(catalog: Catalog) -> Linker:
    return build_linker(catalog)


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    return open_store(tmp_path / "imports")


def gdelt_line(url: str, event_id: str) -> str:
    fields = [event_id, *GDELT_ROW[1:URL_AT], url]
    return "\t".join(fields) + "\n"


def stored_ids(store: EventStore) -> set[str]:
    return {event.event_id for event in store.page(EventQuery(), limit=100)}


@pytest.mark.parametrize("length", [40_000, 500_000], ids=["within-a-line", "past-a-line"])
def test_a_huge_gdelt_source_url_is_a_row_problem_naming_line_and_field(
    tmp_path, store, linker, length
):
    path = tmp_path / "urls.export.CSV"
    long_url = "https://example.org/" + "a" * length
    path.write_text(
        gdelt_line("https://example.org/1", "1")
        + gdelt_line(long_url, "2")
        + gdelt_line("https://example.org/3", "3"),
        encoding="utf-8",
    )
    report = import_file(store, "gdelt", path, linker=linker)
    assert (report.rows_read, report.added, report.bad_rows) == (3, 2, 1)
    (problem,) = report.problems
    assert (problem.line, problem.column, problem.field, problem.kind) == (
        2,
        URL_AT + 1,
        "SOURCEURL",
        RowProblemKind.TOO_LONG,
    )
    assert problem.reason.startswith(
        f"longer than {settings.max_import_field_chars:,} characters "
        "(settings.max_import_field_chars); not stored: 'https://example.org/aaa"
    )
    assert len(problem.reason) < 200
    assert stored_ids(store) == {"1", "3"}


def test_a_gdelt_line_past_the_limit_with_short_fields_is_read_whole(tmp_path, store, linker):
    """A long line is read in pieces; what fits the field limit is kept exactly."""
    url = "https://example.org/" + "b" * (settings.max_import_field_chars - 20)
    name = "N" * (settings.max_import_field_chars - 1)
    fields = gdelt_line(url, "7").rstrip("\n").split("\t")
    fields[gdelt.COLUMNS.index("Actor1Name")] = name
    fields[gdelt.COLUMNS.index("Actor2Name")] = name
    fields[gdelt.COLUMNS.index("ActionGeo_FullName")] = name
    fields[gdelt.COLUMNS.index("Actor1Geo_FullName")] = name  # not kept: only its size counts
    line = "\t".join(fields) + "\r\n"
    assert len(line) > settings.max_import_line_chars
    path = tmp_path / "wide.export.CSV"
    path.write_text(line + gdelt_line("https://example.org/8", "8"), encoding="utf-8", newline="")
    report = import_file(store, "gdelt", path, linker=linker)
    assert (report.added, report.problems) == (2, [])
    (event,) = [e for e in store.page(EventQuery(), limit=10) if e.event_id == "7"]
    assert (event.url, event.actor1, event.actor2, event.location) == (url, name, name, name)


def test_a_gdelt_line_of_tabs_is_a_column_count_problem(tmp_path, store, linker):
    path = tmp_path / "tabs.export.CSV"
    path.write_text("\t" * 1_000_000 + "\n" + gdelt_line("https://example.org/9", "9"))
    report = import_file(store, "gdelt", path, linker=linker)
    assert [(p.line, p.kind) for p in report.problems] == [(1, RowProblemKind.COLUMN_COUNT)]
    assert stored_ids(store) == {"9"}


def acled_file(path: Path, notes: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(ACLED_HEADER)
        for number, note in enumerate(notes, start=1):
            row = list(ACLED_ROW)
            row[acled.COLUMNS.index("event_id_cnty")] = f"ARM{number}"
            row[acled.COLUMNS.index("notes")] = note
            writer.writerow(row)
    return path


def test_an_acled_field_past_the_limit_is_a_row_problem(tmp_path, store, linker):
    long_note = "x" * (settings.max_import_field_chars + 1)
    path = acled_file(tmp_path / "notes.csv", ["short", long_note, "y" * 10_000])
    report = import_file(store, "acled", path, linker=linker)
    assert [(p.line, p.column, p.field, p.kind) for p in report.problems] == [
        (3, acled.COLUMNS.index("notes") + 1, "notes", RowProblemKind.TOO_LONG)
    ]
    assert stored_ids(store) == {"ARM1", "ARM3"}


def test_an_acled_line_past_the_limit_refuses_the_file_at_its_line(tmp_path, store, linker):
    long_note = "x" * (settings.max_import_line_chars + 1)
    path = acled_file(tmp_path / "line.csv", ["short", "short", long_note])
    with pytest.raises(ImportFileError, match=r"line\.csv, line 4: longer than 131,072 char"):
        import_file(store, "acled", path, linker=linker)
    assert store.imports() == []


def test_an_acled_row_growing_past_the_limit_over_lines_refuses_the_file(tmp_path, store, linker):
    """A quote left open makes the rest one row: it is refused, never held whole."""
    rows = "".join(f'"{number}\n",' for number in range(60_000))  # one row of short lines
    path = tmp_path / "open-quote.csv"
    path.write_text(",".join(ACLED_HEADER) + "\n" + ",".join(ACLED_ROW) + "\n" + rows)
    with pytest.raises(ImportFileError, match=r"open-quote\.csv, line 3: a row longer than 131,"):
        import_file(store, "acled", path, linker=linker)
    assert store.imports() == []


def test_a_long_step_of_rows_is_cut_by_its_characters(tmp_path, store, linker, monkeypatch):
    monkeypatch.setattr(settings, "import_chunk_chars", 30_000)
    path = acled_file(tmp_path / "many.csv", ["z" * 10_000] * 7)
    steps = list(acled.read_acled(_opened(path)))
    assert [step.seen for step in steps] == [3, 3, 1]  # 3 rows pass 30,000 kept characters
    assert import_file(store, "acled", path, linker=linker).added == 7


def _opened(path: Path) -> OpenedFile:
    return OpenedFile(io.BytesIO(path.read_bytes()), str(path), path.stat().st_size)


def test_a_geojson_field_past_the_limit_is_a_problem_of_its_feature(tmp_path, store, linker):
    def feature(event_id: str, title: str) -> dict[str, object]:
        return {
            "type": "Feature",
            "properties": {"event_id": event_id, "date": "2025-08-08", "title": {"en": title}},
            "geometry": {"type": "Point", "coordinates": [46.25, 38.9]},
        }

    long_title = "t" * (settings.max_import_field_chars + 1)
    collection = {
        "type": "FeatureCollection",
        "features": [feature("a", "short"), feature("b", long_title), feature("c", "short")],
    }
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    report = import_file(store, "geojson", path, linker=linker)
    assert [(p.line, p.field, p.kind, p.unit) for p in report.problems] == [
        (2, "notes", RowProblemKind.TOO_LONG, "feature")
    ]
    assert stored_ids(store) == {"a", "c"}


# -- memory: one huge line in a small zip, imported in a process of its own -----------------

#: Characters of the one line (about 300 MB): held whole, it took about 1.7 GB.
HUGE_LINE = 300 * 2**20
#: Peak resident memory allowed for the whole import process (the catalogue, the linker,
#: pandas, pyarrow and DuckDB loaded take about 200 MB).
MAX_RSS_BYTES = 400 * 2**20
#: The process's own peak resident memory, VmHWM of its address space. Not ``ru_maxrss``: a
#: child that Python starts (vfork and exec) keeps its parent's high-water mark there, so it
#: counted the test run's memory (about 720 MB under ``make test-lowest``).
PEAK_FUNCTION = """
def peak():
    status = open("/proc/self/status", encoding="ascii").read()
    return int(status.split("VmHWM:")[1].split()[0]) * 1024  # kilobytes
"""

IMPORT_SCRIPT = (
    PEAK_FUNCTION
    + """
import json, sys
from pathlib import Path
from corridors.core.datasets import data_dir
from corridors.data.catalog import load_catalog
from corridors.reported.importers import ImportFileError, import_file
from corridors.reported.linker import build_linker
from corridors.reported.store import open_store

source, path, store_dir = sys.argv[1:]
linker = build_linker(load_catalog(data_dir(None)))
try:
    report = import_file(open_store(Path(store_dir)), source, Path(path), linker=linker)
    outcome = [str(problem) for problem in report.problems]
except ImportFileError as error:
    outcome = f"error: {error}"
print(json.dumps({"peak": peak(), "outcome": outcome}))
"""
)


def huge_line_zip(path: Path, member: str, head: str, tail: str) -> Path:
    """A zip holding ``head``, :data:`HUGE_LINE` letters and ``tail``, written as a stream."""
    block = b"a" * 2**20
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open(member, "w", force_zip64=True) as stream,
    ):
        stream.write(head.encode())
        for _ in range(HUGE_LINE // len(block)):
            stream.write(block)
        stream.write(tail.encode())
    return path


def import_in_a_process(source: str, path: Path, store: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_SCRIPT, source, str(path), str(store)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_peak_counted_is_the_importing_process_own_not_the_test_run():
    ballast = b"\x01" * MAX_RSS_BYTES  # the test run's high-water mark, over the limit
    done = subprocess.run(
        [sys.executable, "-c", PEAK_FUNCTION + "print(peak())"],
        capture_output=True,
        text=True,
        check=True,
    )
    del ballast
    assert int(done.stdout) < MAX_RSS_BYTES // 10


def test_a_huge_gdelt_line_in_a_small_zip_costs_no_memory(tmp_path):
    head = gdelt_line("https://example.org/", "1").rstrip("\n")
    path = huge_line_zip(tmp_path / "huge.zip", "huge.export.CSV", head, "\n")
    assert path.stat().st_size < 2_000_000
    result = import_in_a_process("gdelt", path, tmp_path / "imports")
    assert result["peak"] < MAX_RSS_BYTES, result["peak"]
    (problem,) = result["outcome"]  # type: ignore[misc]
    assert f"{path}:huge.export.CSV, line 1, column {URL_AT + 1} (SOURCEURL): [too-long]" in problem


def test_a_huge_acled_line_in_a_small_zip_costs_no_memory(tmp_path):
    path = huge_line_zip(tmp_path / "huge.zip", "huge.csv", ",".join(ACLED_HEADER) + "\n", "\n")
    result = import_in_a_process("acled", path, tmp_path / "imports")
    assert result["peak"] < MAX_RSS_BYTES, result["peak"]
    assert str(result["outcome"]).startswith(f"error: {path}:huge.csv, line 2: longer than")


def test_many_wide_rows_in_a_small_zip_are_imported_in_bounded_steps(tmp_path):
    """Rows just within the limits (4 fields of 32,000 characters) add up step by step."""
    fields = gdelt_line("https://example.org/", "1").rstrip("\n").split("\t")
    for name in ("Actor1Name", "Actor2Name", "ActionGeo_FullName", "SOURCEURL"):
        fields[gdelt.COLUMNS.index(name)] = "w" * 32_000
    path = tmp_path / "wide.zip"
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("wide.export.CSV", "w", force_zip64=True) as stream,
    ):
        for number in range(3000):  # 384 million characters
            stream.write(("\t".join([str(number), *fields[1:]]) + "\n").encode())
    assert path.stat().st_size < 1_000_000
    result = import_in_a_process("gdelt", path, tmp_path / "imports")
    assert result["outcome"] == []
    assert result["peak"] < 2 * MAX_RSS_BYTES, result["peak"]
