"""A hostile or mistyped data directory is reported, never fatal, and costs little.

Each test writes raw YAML or JSON text (not through a dumper that would quote things) into
a copy of the bundled data and checks that loading returns a problem naming the file and,
where known, the record, field, line and column, while the rest is still served.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from corridors.atlas import inspect_atlas
from corridors.core import settings
from corridors.core.errors import Problem, ProblemKind
from corridors.data.catalog import CatalogReport
from corridors.testing import hostile

SECRET = "root:x:0:0:secret-first-line"


def inspect_within(directory: Path, seconds: float = 20.0) -> CatalogReport:
    """Load ``directory`` in a thread; fail (instead of hanging the suite) if it blocks."""
    result: list[CatalogReport] = []
    worker = threading.Thread(target=lambda: result.append(inspect_atlas(directory)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"loading {directory} did not finish within {seconds} s"
    return result[0]


def problems_of(report: CatalogReport, filename: str) -> list[Problem]:
    return [problem for problem in report.problems if problem.file == filename]


def test_unquoted_impossible_date_is_a_problem_of_its_record(data_copy: Path) -> None:
    hostile.unquoted_impossible_date(data_copy)
    report = inspect_within(data_copy)
    [problem] = report.problems
    assert (problem.file, problem.field, problem.kind) == (
        "events.yaml",
        "date",
        ProblemKind.BAD_DATE,
    )
    assert problem.record is not None
    assert "2025-02-30" in problem.reason
    assert len(report.catalog.events) > 30  # the other events are served


@pytest.mark.parametrize(
    ("breaker", "filename"),
    [(hostile.deep_json, "regions.geojson"), (hostile.deep_yaml, "places.yaml")],
)
def test_deep_nesting_is_refused_with_its_position(
    data_copy: Path, breaker: hostile.Breaker, filename: str
) -> None:
    breaker(data_copy)
    report = inspect_within(data_copy)
    [problem] = [p for p in problems_of(report, filename) if p.record is None]
    assert problem.kind is ProblemKind.REFUSED_SYNTAX
    assert (problem.line, problem.column) == (1, settings.max_nesting_depth + 1)
    assert "nested more than" in problem.reason
    assert report.catalog.countries  # the countries file is still served


def test_huge_integer_in_yaml_is_refused_with_its_position(data_copy: Path) -> None:
    corridors = data_copy / "corridors.yaml"
    hostile.huge_integer_yaml(data_copy)
    report = inspect_within(data_copy)
    [problem] = problems_of(report, "corridors.yaml")
    assert problem.kind is ProblemKind.REFUSED_SYNTAX
    assert problem.line is not None
    assert problem.column is not None
    assert "5,000 digits" in problem.reason
    lines = corridors.read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1][problem.column - 1 :].startswith("999")


def test_huge_integer_in_geojson_is_refused_with_its_position(data_copy: Path) -> None:
    hostile.huge_integer_json(data_copy)
    report = inspect_within(data_copy)
    [problem] = [p for p in problems_of(report, "regions.geojson") if p.record is None]
    assert problem.kind is ProblemKind.REFUSED_SYNTAX
    assert "5,000 digits" in problem.reason
    assert problem.line is not None
    assert "1" * 100 not in str(problem)  # the literal itself is never echoed


def test_yaml_alias_chain_is_refused_at_once(data_copy: Path) -> None:
    hostile.alias_chain(data_copy)
    report = inspect_within(data_copy)  # expanded, the chain would take minutes and gigabytes
    [problem] = [p for p in problems_of(report, "events.yaml")]
    assert problem.kind is ProblemKind.REFUSED_SYNTAX
    lines = (data_copy / "events.yaml").read_text(encoding="utf-8").splitlines()
    first_anchor = next(number for number, line in enumerate(lines, 1) if "&a0" in line)
    assert (problem.line, problem.column) == (first_anchor, 7)
    assert "anchors and aliases" in problem.reason
    assert sum(len(str(p)) for p in report.problems) < 20_000


def test_fifo_in_place_of_a_file_is_not_opened(data_copy: Path) -> None:
    hostile.fifo(data_copy)
    report = inspect_within(data_copy)
    [problem] = [p for p in problems_of(report, "events.yaml")]
    assert problem.kind is ProblemKind.NOT_A_FILE
    assert "named pipe" in problem.reason


def test_symlink_to_a_device_is_refused(data_copy: Path) -> None:
    hostile.symlink_to_dev_zero(data_copy)
    report = inspect_within(data_copy)
    [problem] = problems_of(report, "events.yaml")
    assert problem.kind is ProblemKind.NOT_A_FILE


def test_symlink_out_of_the_data_directory_leaks_nothing(data_copy: Path, tmp_path: Path) -> None:
    hostile.symlink_out(data_copy, secret=SECRET)
    report = inspect_within(data_copy)
    [problem] = problems_of(report, "events.yaml")
    assert problem.kind is ProblemKind.NOT_A_FILE
    assert "outside the data directory" in problem.reason
    assert all(SECRET not in str(p) and str(tmp_path) not in str(p) for p in report.problems)


def test_symlink_inside_the_data_directory_is_read(data_copy: Path) -> None:
    events = data_copy / "events.yaml"
    events.rename(data_copy / "events-real.yaml")
    events.symlink_to(data_copy / "events-real.yaml")
    assert inspect_within(data_copy).problems == ()


def test_oversized_file_is_not_read(data_copy: Path) -> None:
    events = data_copy / "events.yaml"
    padding = "# padding\n" * (settings.max_data_file_bytes // 10 + 1)
    events.write_text(events.read_text(encoding="utf-8") + padding, encoding="utf-8")
    report = inspect_within(data_copy)
    [problem] = [p for p in problems_of(report, "events.yaml")]
    assert problem.kind is ProblemKind.TOO_LARGE
    assert f"{settings.max_data_file_bytes:,}" in problem.reason


def test_polygon_with_too_many_vertices_is_refused(data_copy: Path) -> None:
    first = json.loads((data_copy / "regions.geojson").read_text(encoding="utf-8"))["features"][0]
    hostile.huge_polygon(data_copy, vertices=settings.max_geometry_vertices + 10)
    report = inspect_within(data_copy)
    too_large = [p for p in report.problems if p.kind is ProblemKind.TOO_LARGE]
    assert [(p.file, p.record, p.field) for p in too_large] == [
        ("regions.geojson", first["properties"]["id"], "geometry")
    ]


def test_missing_file_message_does_not_show_server_paths(data_copy: Path) -> None:
    (data_copy / "events.yaml").unlink()
    report = inspect_within(data_copy)
    assert report.problems[0].kind is ProblemKind.MISSING_FILE
    assert all(str(data_copy) not in str(problem) for problem in report.problems)


EditText = Callable[[str], str]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t.replace("- url: ", '- url: "javascript:' + "x" * 10_000 + '"\n      u: ', 1),
         "sources[0].url"),
        (lambda t: t.replace("date: ", 'date: "2025-' + "9" * 10_000 + '"\n  old_date: ', 1),
         "date"),
    ],
)  # fmt: skip
def test_long_values_are_capped_in_messages(data_copy: Path, change: EditText, field: str) -> None:
    events = data_copy / "events.yaml"
    events.write_text(change(events.read_text(encoding="utf-8")), encoding="utf-8")
    report = inspect_within(data_copy)
    assert report.problems
    assert any(p.field == field for p in report.problems)
    longest = max(len(str(p)) for p in report.problems)
    assert longest < 2 * settings.max_quoted_chars + 200


def test_twenty_thousand_bad_records_load_in_bounded_time(data_copy: Path) -> None:
    hostile.bad_records(data_copy, count=20_000)
    report = inspect_within(data_copy, seconds=60)
    assert len(problems_of(report, "events.yaml")) >= 20_000
    assert report.catalog.places  # everything else served


def test_geojson_in_another_crs_is_refused(data_copy: Path) -> None:
    regions = data_copy / "regions.geojson"
    collection = json.loads(regions.read_text(encoding="utf-8"))
    collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32638"}}
    regions.write_text(json.dumps(collection), encoding="utf-8")
    report = inspect_within(data_copy)
    [problem] = [p for p in problems_of(report, "regions.geojson") if p.record is None]
    assert "EPSG::32638" in problem.reason
    assert "EPSG:4326" in problem.reason


def test_geojson_naming_wgs84_is_read(data_copy: Path) -> None:
    regions = data_copy / "regions.geojson"
    collection = json.loads(regions.read_text(encoding="utf-8"))
    collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    regions.write_text(json.dumps(collection), encoding="utf-8")
    assert inspect_within(data_copy).problems == ()


def test_optional_water_file_that_is_not_a_file_is_reported(data_copy: Path) -> None:
    water = data_copy / "water.geojson"
    water.unlink()
    os.mkfifo(water)
    report = inspect_within(data_copy)
    [problem] = problems_of(report, "water.geojson")
    assert problem.kind is ProblemKind.NOT_A_FILE


def test_optional_water_file_may_be_absent(data_copy: Path) -> None:
    (data_copy / "water.geojson").unlink()
    report = inspect_within(data_copy)
    assert report.problems == ()
    assert report.catalog.water == ()
