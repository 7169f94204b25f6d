"""Correction histories: `corridors validate` refuses dates out of order, in the future, before
the event, corrections without a linked source or naming no field of the record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from corridors.atlas import inspect_atlas
from corridors.core.errors import Problem, ProblemKind
from corridors.data.catalog import Catalog
from corridors.data.corrections import all_corrections
from corridors.data.models import Event
from corridors.data.validate import history_problems
from support.records import EditRecords, record

EVENT = "btk-railway-opening"  # 2017-10-30, corrected on 2026-11-28


def _entry(day: str, **changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "date": day,
        "fields": ["summary"],
        "text": {"en": "What changed.", "ar": "ما الذي تغيّر."},
        "sources": [{"url": "https://example.org/a", "outlet": "Example", "language": "en"}],
    }
    entry.update(changes)
    return entry


def _problems_with(data: Path, edit: EditRecords, *entries: dict[str, Any]) -> list[Problem]:
    def change(records: list[dict[str, Any]]) -> None:
        record(records, EVENT)["corrections"] = list(entries)

    edit(data, "events.yaml", change)
    return list(inspect_atlas(data).problems)


def _where(problem: Problem) -> tuple[str, str | None, str | None, ProblemKind]:
    return problem.file, problem.record, problem.field, problem.kind


def test_a_history_out_of_date_order_is_refused(data_copy: Path, edit_records: EditRecords) -> None:
    problems = _problems_with(data_copy, edit_records, _entry("2024-05-02"), _entry("2024-05-01"))
    assert [_where(p) for p in problems] == [
        ("events.yaml", EVENT, "corrections[1].date", ProblemKind.BAD_DATE)
    ]
    assert "before the correction above it (2024-05-02)" in problems[0].reason


def test_a_correction_in_the_future_is_refused(data_copy: Path, edit_records: EditRecords) -> None:
    problems = _problems_with(data_copy, edit_records, _entry("2999-01-01"))
    assert [_where(p) for p in problems] == [
        ("events.yaml", EVENT, "corrections[0].date", ProblemKind.BAD_DATE)
    ]
    assert "in the future" in problems[0].reason


def test_a_correction_before_the_event_is_refused(
    data_copy: Path, edit_records: EditRecords
) -> None:
    problems = _problems_with(data_copy, edit_records, _entry("2017-10-29"))
    assert [_where(p) for p in problems] == [
        ("events.yaml", EVENT, "corrections[0].date", ProblemKind.BAD_DATE)
    ]
    assert "before the event itself (2017-10-30)" in problems[0].reason


def test_a_correction_needs_a_source_with_a_url(data_copy: Path, edit_records: EditRecords) -> None:
    unlinked = [{"outlet": "Seed article", "language": "ar"}]
    problems = _problems_with(data_copy, edit_records, _entry("2024-05-01", sources=unlinked))
    assert [_where(p) for p in problems] == [
        ("events.yaml", EVENT, "corrections[0].sources", ProblemKind.MISSING_SOURCE)
    ]
    without = _entry("2024-05-01")
    del without["sources"]
    problems = _problems_with(data_copy, edit_records, without)
    assert [_where(p) for p in problems] == [
        ("events.yaml", EVENT, "corrections[0].sources", ProblemKind.MISSING_SOURCE)
    ]


def test_a_correction_names_fields_of_the_record(
    data_copy: Path, edit_records: EditRecords
) -> None:
    problems = _problems_with(data_copy, edit_records, _entry("2024-05-01", fields=["sumary"]))
    assert [_where(p) for p in problems] == [
        ("events.yaml", EVENT, "corrections", ProblemKind.INVALID_VALUE)
    ]
    assert "'sumary'" in problems[0].reason


def test_a_checked_day_in_the_future_is_refused(data_copy: Path, edit_records: EditRecords) -> None:
    edit_records(data_copy, "events.yaml", lambda r: record(r, EVENT).update(checked="2999-01-01"))
    assert [_where(p) for p in inspect_atlas(data_copy).problems] == [
        ("events.yaml", EVENT, "checked", ProblemKind.BAD_DATE)
    ]


def test_a_corridor_history_is_checked_too(data_copy: Path, edit_records: EditRecords) -> None:
    def change(records: list[dict[str, Any]]) -> None:
        record(records, "syunik-route")["corrections"].append(
            _entry("2020-01-01", fields=["description"])
        )

    edit_records(data_copy, "corridors.yaml", change)
    problems = [p for p in inspect_atlas(data_copy).problems if p.record == "syunik-route"]
    assert [_where(p) for p in problems] == [
        ("corridors.yaml", "syunik-route", "corrections[1].date", ProblemKind.BAD_DATE)
    ]


def test_history_problems_takes_today(catalog: Catalog) -> None:
    event = next(e for e in catalog.events if e.id == EVENT)
    assert history_problems("events.yaml", event, today=dt.date(2026, 11, 28)) == []
    late = history_problems("events.yaml", event, today=dt.date(2026, 11, 27))
    assert [p.field for p in late] == ["checked", "corrections[0].date"]


def test_the_turn_two_corrections_are_recorded(catalog: Catalog) -> None:
    turn_two = [c for c in all_corrections(catalog) if c.correction.date == dt.date(2026, 11, 28)]
    assert {(c.record_id, c.layer) for c in turn_two} == {
        ("btk-railway-opening", "events"),
        ("ceasefire-1994", "events"),
        ("horadiz-aghband-railway-decree", "events"),
        ("syunik-route", "corridors"),
    }
    for entry in turn_two:
        assert set(entry.correction.text) >= {"en", "ar"}
    btk = next(c for c in turn_two if c.record_id == "btk-railway-opening").correction
    assert "105" in btk.text["en"]
    assert "105" in btk.text["ar"]
    corridor = next(c for c in catalog.corridors if c.id == "syunik-route")
    assert corridor.checked == dt.date(2026, 11, 28)
    assert "length_km" in corridor.corrections[0].fields


def test_all_corrections_newest_first() -> None:
    base: dict[str, Any] = {
        "kind": "summit",
        "title": {"en": "T", "ar": "ت"},
        "summary": {"en": "S", "ar": "س"},
        "features": ["az"],
        "sources": [{"url": "https://example.org/e", "outlet": "E", "language": "en"}],
    }
    old = Event.model_validate(
        {**base, "id": "old", "date": "2020-01-01", "corrections": [_entry("2021-01-01")]}
    )
    new = Event.model_validate(
        {
            **base,
            "id": "new",
            "date": "2020-01-01",
            "corrections": [_entry("2020-06-01"), _entry("2022-01-01")],
        }
    )
    catalog = Catalog((), (), (), (), (old, new), {})
    listed = all_corrections(catalog)
    assert [(c.record_id, c.correction.date.year, c.index) for c in listed] == [
        ("new", 2022, 1),
        ("old", 2021, 0),
        ("new", 2020, 0),
    ]
