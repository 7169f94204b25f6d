"""Dates as known: an event's span at its precision, intervals, and the filters over them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from corridors.atlas import inspect_atlas
from corridors.core.errors import ProblemKind
from corridors.data.models import Event, Precision
from corridors.data.timeline import (
    DateRange,
    EventIndex,
    Overlap,
    active_on,
    catalogue_span,
    event_span,
    filter_events,
    overlap,
)
from support.records import EditRecords, record


def event(**changes: Any) -> Event:
    raw: dict[str, Any] = {
        "id": "e1",
        "date": "2025-08-08",
        "kind": "infrastructure",
        "title": {"en": "T", "ar": "ع"},
        "summary": {"en": "S", "ar": "م"},
        "features": ["am"],
        "sources": [{"url": "https://x.org/a", "outlet": "X", "language": "en"}],
    }
    raw.update(changes)
    return Event.model_validate(raw)


def days(start: str, end: str) -> DateRange:
    return DateRange(dt.date.fromisoformat(start), dt.date.fromisoformat(end))


DECEMBER = event(id="december", date="2025-12-01", precision="month")
#: The Lachin road's closure: December 2022 to September 2023, both known to the month.
CLOSURE = event(
    id="closure", date="2022-12-01", precision="month", end="2023-09-01", end_precision="month"
)


def test_the_span_of_a_day_a_month_a_year_and_an_interval() -> None:
    assert event_span(event()) == days("2025-08-08", "2025-08-08")
    assert event_span(DECEMBER) == days("2025-12-01", "2025-12-31")
    assert event_span(event(date="2024-01-01", precision="year")) == days(
        "2024-01-01", "2024-12-31"
    )
    assert event_span(CLOSURE) == days("2022-12-01", "2023-09-30")
    mandate = event(date="2020-11-10", end="2024-01-01", end_precision="year")
    assert event_span(mandate) == days("2020-11-10", "2024-12-31")
    february = event(date="2024-02-01", precision="month")
    assert event_span(february).end == dt.date(2024, 2, 29)  # a leap year's February


def test_a_month_event_is_in_a_range_that_meets_its_month() -> None:
    assert overlap(DECEMBER, days("2025-12-15", "2026-01-10")) is Overlap.PART
    assert overlap(DECEMBER, days("2025-11-01", "2026-01-31")) is Overlap.WHOLE
    assert overlap(DECEMBER, days("2025-12-01", "2025-12-31")) is Overlap.WHOLE
    assert overlap(DECEMBER, days("2026-01-01", "2026-03-01")) is Overlap.NONE
    assert overlap(DECEMBER, days("2025-06-01", "2025-11-30")) is Overlap.NONE
    assert filter_events([DECEMBER], days("2025-12-15", "2026-01-10")) == (DECEMBER,)
    assert filter_events([DECEMBER], days("2026-01-01", "2026-03-01")) == ()


def test_an_interval_is_active_on_every_day_it_lasts() -> None:
    assert active_on(CLOSURE, dt.date(2023, 4, 12))
    assert active_on(CLOSURE, dt.date(2023, 9, 30))  # the end's month is known, not its day
    assert not active_on(CLOSURE, dt.date(2023, 10, 1))
    assert not active_on(CLOSURE, dt.date(2022, 11, 30))
    assert active_on(DECEMBER, dt.date(2025, 12, 24))
    assert not active_on(event(), dt.date(2025, 8, 9))
    # a range inside the interval has it, in part
    assert overlap(CLOSURE, days("2023-03-01", "2023-03-31")) is Overlap.PART
    assert overlap(CLOSURE, days("2022-01-01", "2023-12-31")) is Overlap.WHOLE
    assert filter_events([CLOSURE, event()], days("2023-03-01", "2023-03-31")) == (CLOSURE,)


def test_the_index_keeps_events_whose_span_meets_the_range() -> None:
    index = EventIndex([DECEMBER, CLOSURE])
    assert index.events_of("am", days("2025-12-20", "2025-12-20")) == (DECEMBER,)
    assert index.events_of("am", days("2023-05-01", "2023-05-02")) == (CLOSURE,)


def test_an_end_before_the_date_is_refused_naming_the_end() -> None:
    with pytest.raises(ValidationError) as raised:
        event(date="2023-09-01", end="2022-12-01")
    (error,) = raised.value.errors()
    assert error["loc"] == ("end",)
    assert "2022-12-01" in error["msg"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": "2025-12-15", "precision": "month"}, "precision"),
        ({"date": "2025-03-01", "precision": "year"}, "precision"),
        ({"end": "2025-09-30", "end_precision": "month"}, "end_precision"),
    ],
)
def test_a_month_or_a_year_is_written_as_its_first_day(changes: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        event(**changes)
    (error,) = raised.value.errors()
    assert error["loc"] == (field,)
    assert "first day" in error["msg"]


def test_the_loader_names_file_record_and_field_of_an_end_before_the_date(
    data_copy: Path, edit_records: EditRecords
) -> None:
    edit_records(
        data_copy,
        "events.yaml",
        lambda r: record(r, "section-907-waiver-extended").update(end="2001-01-01"),
    )
    (problem,) = inspect_atlas(data_copy).problems
    assert (problem.file, problem.record, problem.field) == (
        "events.yaml",
        "section-907-waiver-extended",
        "end",
    )
    assert problem.kind is ProblemKind.BAD_DATE


def test_an_event_without_an_end_keeps_the_day_precision_default() -> None:
    assert (event().end, event().end_precision) == (None, Precision.DAY)


def test_the_catalogue_span_ends_with_the_last_day_an_event_covers() -> None:
    assert catalogue_span([event(), DECEMBER]) == days("2025-08-08", "2025-12-31")
    assert catalogue_span([CLOSURE]) == days("2022-12-01", "2023-09-30")
