"""``corridors feed`` writes an Atom feed of a view; ``corridors release`` keeps the events."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from corridors.cli.main import main
from corridors.core.datasets import RELEASED_FILE
from corridors.data.catalog import load_catalog
from corridors.data.release import guard, read_release
from support.records import EditRecords, record

ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_writes_atom_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["feed", "feature=baku-tbilisi-kars-railway", "--lang", "ar"]) == 0
    captured = capsysbinary.readouterr()
    root = ET.fromstring(captured.out)
    assert root.tag == f"{ATOM}feed"
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert "http://localhost:8501/?event=btk-railway-opening&lang=ar" in links
    assert captured.err == b""


def test_feed_to_a_file_with_a_base_url_names_what_it_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "feed.xml"
    query = "https://elsewhere.example/?feature=atlantis&kinds=agreement"
    assert main(["feed", query, "--base-url", "https://atlas.example/", "-o", str(out)]) == 0
    root = ET.parse(out).getroot()
    ids = [entry.findtext(f"{ATOM}id") or "" for entry in root.iter(f"{ATOM}entry")]
    assert ids
    assert all(entry_id.startswith("https://atlas.example/?event=") for entry_id in ids)
    assert "left out feature='atlantis' (unknown_id)" in capsys.readouterr().err


def test_release_writes_the_events_and_the_day(
    data_copy: Path, edit_records: EditRecords, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["release", "--data", str(data_copy), "--date", "2027-01-02"]) == 0
    assert "released 51 events as of 2027-01-02" in capsys.readouterr().out
    release = read_release(data_copy)
    assert release.day == dt.date(2027, 1, 2)
    edit_records(
        data_copy, "events.yaml", lambda r: record(r, "bishkek-protocol").update(date="1994-05-06")
    )
    changed = guard(release, load_catalog(data_copy).events)
    assert [str(c) for c in changed.unrecorded] == [
        "bishkek-protocol: date was 1994-05-05, is now 1994-05-06"
    ]


def test_release_refuses_invalid_data(
    data_copy: Path, edit_records: EditRecords, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_records(
        data_copy, "events.yaml", lambda r: record(r, "bishkek-protocol").update(date="1994-13-01")
    )
    kept = (data_copy / RELEASED_FILE).read_bytes()  # the bundled release, copied
    assert main(["release", "--data", str(data_copy)]) == 1
    assert "nothing released" in capsys.readouterr().out
    assert (data_copy / RELEASED_FILE).read_bytes() == kept
