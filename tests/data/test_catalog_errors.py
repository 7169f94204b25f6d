"""Each kind of broken input gives its own specific problem, naming file, record and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corridors.atlas import inspect_atlas
from corridors.core.errors import CatalogError, Problem, ProblemKind
from corridors.data.catalog import load_catalog
from support.records import EditRecords, record


def only_problem(directory: Path) -> Problem:
    problems = inspect_atlas(directory).problems
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_bundled_copy_is_clean(data_copy: Path) -> None:
    assert inspect_atlas(data_copy).problems == ()


def test_impossible_date(data_copy: Path, edit_records: EditRecords) -> None:
    edit_records(
        data_copy,
        "events.yaml",
        lambda r: record(r, "section-907-waiver-extended").update(date="2025-02-30"),
    )
    problem = only_problem(data_copy)
    assert (problem.file, problem.record, problem.field) == (
        "events.yaml",
        "section-907-waiver-extended",
        "date",
    )
    assert problem.kind is ProblemKind.BAD_DATE
    assert "2025-02-30" in problem.reason


def test_partial_publication_date_must_be_real(data_copy: Path, edit_records: EditRecords) -> None:
    def change(records: list[dict[str, Any]]) -> None:
        record(records, "section-907-waiver-extended")["sources"][0]["published"] = "2025-13"

    edit_records(data_copy, "events.yaml", change)
    problem = only_problem(data_copy)
    assert problem.kind is ProblemKind.BAD_DATE
    assert problem.field == "sources[0].published"


def test_unknown_link(data_copy: Path, edit_records: EditRecords) -> None:
    def change(records: list[dict[str, Any]]) -> None:
        record(records, "section-907-waiver-extended")["features"].append("atlantis")

    edit_records(data_copy, "events.yaml", change)
    problem = only_problem(data_copy)
    assert problem.kind is ProblemKind.UNKNOWN_LINK
    assert problem.record == "section-907-waiver-extended"
    assert problem.field is not None
    assert problem.field.startswith("features[")
    assert "'atlantis'" in problem.reason


def test_missing_source(data_copy: Path, edit_records: EditRecords) -> None:
    edit_records(
        data_copy,
        "events.yaml",
        lambda r: record(r, "section-907-waiver-extended").update(sources=[]),
    )
    problem = only_problem(data_copy)
    assert problem.kind is ProblemKind.MISSING_SOURCE
    assert problem.field == "sources"


def test_source_without_any_url_is_a_missing_source(
    data_copy: Path, edit_records: EditRecords
) -> None:
    def change(records: list[dict[str, Any]]) -> None:
        for source in record(records, "section-907-waiver-extended")["sources"]:
            source.pop("url", None)

    edit_records(data_copy, "events.yaml", change)
    assert only_problem(data_copy).kind is ProblemKind.MISSING_SOURCE


def test_javascript_url_is_rejected(data_copy: Path, edit_records: EditRecords) -> None:
    def change(records: list[dict[str, Any]]) -> None:
        record(records, "section-907-waiver-extended")["sources"][0]["url"] = "javascript:alert(1)"

    edit_records(data_copy, "events.yaml", change)
    problem = only_problem(data_copy)
    assert problem.kind is ProblemKind.BAD_URL
    assert problem.field == "sources[0].url"


def test_duplicate_id_across_files(data_copy: Path, edit_records: EditRecords) -> None:
    def change(records: list[dict[str, Any]]) -> None:
        record(records, "meghri")["id"] = "am"

    edit_records(data_copy, "places.yaml", change)
    problems = inspect_atlas(data_copy).problems
    duplicate = [p for p in problems if p.kind is ProblemKind.DUPLICATE_ID]
    assert [(p.file, p.record, p.field) for p in duplicate] == [("places.yaml", "am", "id")]
    assert "countries.geojson" in duplicate[0].reason


def test_invalid_geometry_is_rejected_not_repaired(data_copy: Path) -> None:
    path = data_copy / "regions.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    bowtie = [[[46.0, 39.0], [46.2, 39.2], [46.2, 39.0], [46.0, 39.2], [46.0, 39.0]]]
    collection["features"][0]["geometry"] = {"type": "Polygon", "coordinates": bowtie}
    path.write_text(json.dumps(collection), encoding="utf-8")
    problems = inspect_atlas(data_copy).problems
    geometry = [p for p in problems if p.kind is ProblemKind.INVALID_GEOMETRY]
    assert [(p.file, p.record, p.field) for p in geometry] == [
        ("regions.geojson", "am-su", "geometry")
    ]
    assert "Self-intersection" in geometry[0].reason
    # the rejected region is not silently missing: whatever linked to it says why
    dependants = [p for p in problems if p.kind is ProblemKind.UNKNOWN_LINK]
    assert dependants
    assert all("rejected" in p.reason for p in dependants)


def test_non_utf8_file(data_copy: Path) -> None:
    path = data_copy / "places.yaml"
    path.write_bytes(path.read_bytes().replace(b"Meghri", "M\xe9ghri".encode("latin-1"), 1))
    problems = inspect_atlas(data_copy).problems
    assert problems[0].kind is ProblemKind.NOT_UTF8
    assert (problems[0].file, problems[0].record) == ("places.yaml", None)
    assert "byte 0xe9" in problems[0].reason


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "events.yaml").unlink()
    first, *rest = inspect_atlas(data_copy).problems
    assert (first.file, first.kind) == ("events.yaml", ProblemKind.MISSING_FILE)
    # the story's steps and the agreements' stages name events that are now missing:
    # said, not silently dropped
    assert rest
    assert {p.kind for p in rest} == {ProblemKind.UNKNOWN_LINK}
    assert {p.file.split("/")[0] for p in rest} == {"stories", "agreements.yaml"}


def test_place_outside_the_window(data_copy: Path, edit_records: EditRecords) -> None:
    edit_records(data_copy, "places.yaml", lambda r: record(r, "meghri").update(lat=10.0))
    problems = inspect_atlas(data_copy).problems
    assert problems[0].kind is ProblemKind.OUT_OF_WINDOW
    assert (problems[0].record, problems[0].field) == ("meghri", "lat/lon")


def test_several_problems_are_reported_in_one_run(
    data_copy: Path, edit_records: EditRecords
) -> None:
    def break_events(records: list[dict[str, Any]]) -> None:
        record(records, "section-907-waiver-extended")["date"] = "not a date"
        record(records, "bishkek-protocol")["sources"] = []

    edit_records(data_copy, "events.yaml", break_events)
    edit_records(data_copy, "places.yaml", lambda r: record(r, "kars").update(country="narnia"))
    with pytest.raises(CatalogError) as raised:
        load_catalog(data_copy)
    kinds = {(p.record, p.kind) for p in raised.value.problems}
    assert kinds >= {
        ("section-907-waiver-extended", ProblemKind.BAD_DATE),
        ("bishkek-protocol", ProblemKind.MISSING_SOURCE),
        ("kars", ProblemKind.UNKNOWN_LINK),
    }
    assert "problem(s) in the corridor data" in str(raised.value)


def test_valid_records_survive_beside_broken_ones(
    data_copy: Path, edit_records: EditRecords
) -> None:
    edit_records(
        data_copy, "events.yaml", lambda r: record(r, "bishkek-protocol").update(kind="rumour")
    )
    report = inspect_atlas(data_copy)
    ids = {event.id for event in report.catalog.events}
    assert "bishkek-protocol" not in ids
    assert "section-907-waiver-extended" in ids
    assert [(p.record, p.field, p.kind) for p in report.problems] == [
        ("bishkek-protocol", "kind", ProblemKind.INVALID_VALUE)
    ]


def test_missing_arabic_text_is_reported(data_copy: Path, edit_records: EditRecords) -> None:
    edit_records(
        data_copy, "events.yaml", lambda r: record(r, "bishkek-protocol")["title"].pop("ar")
    )
    problem = only_problem(data_copy)
    assert (problem.record, problem.field) == ("bishkek-protocol", "title")
    assert "ar" in problem.reason


def test_story_steps_are_checked_like_links(data_copy: Path) -> None:
    path = data_copy / "stories" / "ceasefire-to-syunik.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("event: moscow-statement-2021", "event: moscow-2021")
    text = text.replace('to: "2021-03-13"', 'to: "2021-02-30"')
    path.write_text(text, encoding="utf-8")
    problems = inspect_atlas(data_copy).problems
    assert [(p.file, p.record, p.field, p.kind) for p in problems] == [
        ("stories/ceasefire-to-syunik.yaml", "ceasefire-to-syunik", "steps[1].view.event",
         ProblemKind.UNKNOWN_LINK),
        ("stories/ceasefire-to-syunik.yaml", "ceasefire-to-syunik", "steps[2].view.to",
         ProblemKind.BAD_DATE),
    ]  # fmt: skip
    assert inspect_atlas(data_copy).catalog.stories == ()
