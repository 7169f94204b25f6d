"""``corridors import``, ``corridors imports [remove]`` and ``corridors relink``."""

from __future__ import annotations

import subprocess
import zipfile

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corridors.cli.main import main
from support.paths import FIXTURES, REPOSITORY

IMPORT_FIXTURES = FIXTURES / "imports"
ACLED_FILE = IMPORT_FIXTURES / "acled_sample.csv"
GDELT_FILE = IMPORT_FIXTURES / "20250808120000.export.CSV"
GDELT_NEXT = IMPORT_FIXTURES / "20250808121500.export.CSV"
ACLED_REVISED = IMPORT_FIXTURES / "acled_revised.csv"
ACLED_DELETED = IMPORT_FIXTURES / "acled_deleted.csv"


def corridors(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().out


def test_import_reports_problems_by_line_and_column_and_lists_the_import(data_copy, capsys):
    status, out = corridors(capsys, "import", "acled", str(ACLED_FILE), "--data", str(data_copy))
    assert status == 0
    assert f"{ACLED_FILE}, line 7, column 2 (event_date): [bad-date] '2025-02-30'" in out
    assert f"{ACLED_FILE}, line 13, column 22 (location): [not-utf8]" in out
    assert (
        "11 rows read, 4 added, 0 updated, 0 kept (older or same), 1 repeated in the file, "
        "6 unusable" in out
    )
    status, out = corridors(capsys, "import", "gdelt", str(GDELT_FILE), "--data", str(data_copy))
    assert status == 0
    status, out = corridors(capsys, "imports", "--data", str(data_copy))
    assert status == 0
    assert "acled" in out
    assert "gdelt" in out
    assert "2025-07-01" in out  # the ACLED import's first day
    assert ACLED_FILE.name in out.replace("\n", "").replace("│", "").replace(" ", "")


def test_reimport_adds_nothing(data_copy, capsys):
    corridors(capsys, "import", "gdelt", str(GDELT_FILE), "--data", str(data_copy))
    status, out = corridors(capsys, "import", "gdelt", str(GDELT_FILE), "--data", str(data_copy))
    assert status == 0
    assert "0 added, 0 updated, 3 kept (older or same)" in out


def test_strict_fails_and_stores_nothing(data_copy, capsys):
    status, out = corridors(
        capsys, "import", "acled", str(ACLED_FILE), "--strict", "--data", str(data_copy)
    )
    assert status == 1
    assert "6 bad row(s); nothing imported (strict)" in out
    assert corridors(capsys, "imports", "--data", str(data_copy)) == (
        0,
        f"nothing imported in {data_copy / 'imports'}\n",
    )


def test_a_refused_archive_is_a_clear_error(data_copy, tmp_path, capsys):
    path = tmp_path / "two.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.export.CSV", "")
        archive.writestr("b.export.CSV", "")
    status, out = corridors(capsys, "import", "gdelt", str(path), "--data", str(data_copy))
    assert status == 2
    assert "must hold exactly one file" in out


def test_remove_by_file_and_by_source(data_copy, capsys):
    corridors(capsys, "import", "acled", str(ACLED_FILE), "--data", str(data_copy))
    corridors(capsys, "import", "gdelt", str(GDELT_FILE), "--data", str(data_copy))
    status, out = corridors(capsys, "imports", "remove", ACLED_FILE.name, "--data", str(data_copy))
    assert status == 0
    assert "removed acled" in out
    assert "(4 rows)" in out
    status, out = corridors(capsys, "imports", "--data", str(data_copy), "remove", "gdelt")
    assert status == 0
    assert "removed gdelt" in out
    status, out = corridors(capsys, "imports", "remove", "gdelt", "--data", str(data_copy))
    assert status == 1
    assert "no source or imported file called 'gdelt'" in out


def test_markup_in_a_file_name_is_printed_as_text(data_copy, tmp_path, capsys):
    path = tmp_path / "[bold red]x[blink].csv"
    path.write_bytes(ACLED_FILE.read_bytes())
    status, out = corridors(capsys, "import", "acled", str(path), "--data", str(data_copy))
    assert status == 0
    assert "[bold red]x[blink].csv" in out


def test_control_and_bidi_characters_in_names_are_printed_escaped(data_copy, tmp_path, capsys):
    path = tmp_path / "export\x1b[2J\u202e.zip"  # clear the screen; reverse what follows
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("\x1b]0;owned\x07\u2066red.export.CSV", GDELT_FILE.read_bytes())
    status, out = corridors(capsys, "import", "gdelt", str(path), "--data", str(data_copy))
    assert status == 0
    assert not [char for char in out if not char.isprintable() and char != "\n"]
    assert "export\\x1b[2J\\u202e.zip:\\x1b]0;owned\\x07\\u2066red.export.CSV, line 3" in out
    status, out = corridors(capsys, "imports", "--data", str(data_copy))
    assert status == 0
    assert "\x1b" not in out
    assert "\\x1b[2J" in out.replace("\n", "").replace("│", "").replace(" ", "")


def test_an_encrypted_archive_is_a_clear_error(data_copy, tmp_path, capsys):
    path = tmp_path / "locked.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.export.CSV", "x")
    data = bytearray(path.read_bytes())
    data[6] |= 1  # the local header's "encrypted" flag
    data[data.index(b"PK\x01\x02") + 8] |= 1  # and the central directory's
    path.write_bytes(bytes(data))
    status, out = corridors(capsys, "import", "gdelt", str(path), "--data", str(data_copy))
    assert status == 2
    assert f"error: {path}: the archive's member 'a.export.CSV' is encrypted" in out


def test_the_store_in_a_checkout_is_git_ignored():
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "geodata/imports/acled/20250101T000000-x.parquet"],
        cwd=REPOSITORY,
        check=False,
    )
    assert ignored.returncode == 0
    fixture = subprocess.run(
        ["git", "check-ignore", "-q", str(ACLED_FILE.relative_to(REPOSITORY))],
        cwd=REPOSITORY,
        check=False,
    )
    assert fixture.returncode == 1  # the fixtures themselves are committed


def flat(out: str) -> str:
    """The output with the table's borders and line breaks taken out."""
    return out.replace("\n", "").replace("│", "").replace(" ", "")


def test_a_revised_acled_export_updates_and_a_deleted_list_removes(data_copy, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # the listing's table unfolded
    corridors(capsys, "import", "acled", str(ACLED_FILE), "--data", str(data_copy))
    status, out = corridors(capsys, "import", "acled", str(ACLED_REVISED), "--data", str(data_copy))
    assert status == 0
    assert "4 rows read, 1 added, 1 updated, 2 kept (older or same)" in out
    status, out = corridors(capsys, "imports", "--data", str(data_copy))
    assert "acled: newest timestamp 2025-09-12 00:00:00 UTC" in out
    status, out = corridors(
        capsys, "import", "acled-deleted", str(ACLED_DELETED), "--data", str(data_copy)
    )
    assert status == 0
    assert "2 listed, 1 removed, 1 not in the store, 0 kept (changed after their deletion)" in out
    status, out = corridors(capsys, "imports", "--data", str(data_copy))
    (listed,) = [line for line in out.splitlines() if ACLED_DELETED.name in line]
    assert [cell.strip() for cell in listed.split("│")][3:5] == ["0", "1"]  # rows, deleted


def test_a_bad_deleted_events_list_is_refused_by_line_and_field(data_copy, tmp_path, capsys):
    path = tmp_path / "deleted.csv"
    path.write_text("event_id_cnty,deleted_timestamp\n,1757635200\n", encoding="utf-8")
    status, out = corridors(capsys, "import", "acled-deleted", str(path), "--data", str(data_copy))
    assert status == 2
    assert f"{path}, line 2, column 1 (event_id_cnty): no event id" in out


def test_imports_lists_each_gdelt_file_and_the_newest_dateadded(data_copy, capsys):
    corridors(capsys, "import", "gdelt", str(GDELT_FILE), "--data", str(data_copy))
    status, out = corridors(capsys, "import", "gdelt", str(GDELT_NEXT), "--data", str(data_copy))
    assert "3 rows read, 2 added, 0 updated, 1 kept (older or same)" in out
    status, out = corridors(capsys, "imports", "--data", str(data_copy))
    assert status == 0
    assert GDELT_FILE.name in flat(out)
    assert GDELT_NEXT.name in flat(out)
    assert "gdelt: newest DATEADDED 2025-08-10 09:30:00 UTC" in out


def test_relink_prints_how_many_rows_changed_links(data_copy, tmp_path, capsys):
    path = tmp_path / "near.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,latitude,longitude,geo_precision\n"
        "ARM3,2025-08-08,Protests,38.9216,46.2426,3\n"
        "ARM1,2025-08-08,Protests,38.9216,46.2426,1\n",
        encoding="utf-8",
    )
    corridors(capsys, "import", "acled", str(path), "--data", str(data_copy))
    (batch,) = (data_copy / "imports" / "acled").glob("2*.parquet")
    table = pq.read_table(batch)
    index = table.schema.get_field_index("features")
    precise = table.column("features").to_pylist()[
        table.column("event_id").to_pylist().index("ARM1")
    ]
    assert "syunik-route" in precise
    linked = [precise, precise]  # both linked as places, as before precision counted
    pq.write_table(table.set_column(index, table.schema.field(index), pa.array(linked)), batch)
    assert corridors(capsys, "relink", "--data", str(data_copy)) == (
        0,
        "relinked: 1 row(s) changed links\n",
    )
    assert corridors(capsys, "relink", "--data", str(data_copy)) == (
        0,
        "relinked: 0 row(s) changed links\n",
    )
