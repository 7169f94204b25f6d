from __future__ import annotations

import datetime as dt

import pytest

from corridors.data.catalog import Catalog
from corridors.data.models import EventKind, Status
from corridors.data.timeline import (
    CEASEFIRE_STATEMENT,
    DateRange,
    EventIndex,
    catalogue_span,
    count_by_feature,
    filter_events,
    preset_start,
    presets,
)


def test_date_range_is_inclusive_and_ordered() -> None:
    days = DateRange(dt.date(2025, 8, 7), dt.date(2025, 8, 8))
    assert dt.date(2025, 8, 7) in days
    assert dt.date(2025, 8, 8) in days
    assert dt.date(2025, 8, 9) not in days
    with pytest.raises(ValueError, match="starts"):
        DateRange(dt.date(2025, 8, 9), dt.date(2025, 8, 8))


def test_presets_are_cut_to_the_catalogue(catalog: Catalog) -> None:
    span = catalogue_span(catalog.events)
    assert span.start == min(e.date for e in catalog.events)
    ranges = presets(span)
    assert ranges["everything"] == span
    assert ranges["since-ceasefire"] == DateRange(CEASEFIRE_STATEMENT, span.end)
    assert ranges["summit-week"] == DateRange(dt.date(2025, 8, 7), dt.date(2025, 8, 8))
    short = DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert presets(short)["summit-week"] == short  # no overlap: the whole span


def test_every_year_and_month_of_the_span_is_a_preset_latest_first() -> None:
    span = DateRange(dt.date(2024, 11, 20), dt.date(2026, 2, 10))
    ranges = presets(span)
    years = [name for name in ranges if name.startswith("year-")]
    months = [name for name in ranges if name.startswith("month-")]
    assert years == ["year-2026", "year-2025", "year-2024"]
    assert (months[0], months[-1]) == ("month-2026-02", "month-2024-11")
    assert len(months) == 2 + 12 + 2
    assert ranges["year-2025"] == DateRange(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert ranges["month-2025-02"] == DateRange(dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    assert ranges["month-2024-12"] == DateRange(dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    # cut to the span at both ends
    assert ranges["year-2024"] == DateRange(span.start, dt.date(2024, 12, 31))
    assert ranges["month-2026-02"] == DateRange(dt.date(2026, 2, 1), span.end)
    assert preset_start("month-2025-02") == dt.date(2025, 2, 1)
    assert preset_start("year-2024") == dt.date(2024, 1, 1)
    assert preset_start("summit-week") is None


def test_filter_by_dates_and_kinds(catalog: Catalog) -> None:
    week = DateRange(dt.date(2025, 8, 7), dt.date(2025, 8, 8))
    in_week = filter_events(catalog.events, week)
    assert in_week
    assert all(e.date in week for e in in_week)
    assert len(in_week) == sum(1 for e in catalog.events if e.date in week)
    memoranda = filter_events(catalog.events, week, [EventKind.MEMORANDUM])
    assert memoranda
    assert {e.kind for e in memoranda} == {EventKind.MEMORANDUM}
    assert filter_events(catalog.events, week, []) == ()


def test_status_as_of_follows_each_corridors_history(catalog: Catalog) -> None:
    def status_as_of(day: dt.date) -> dict[str, Status | None]:
        return {corridor.id: corridor.status_on(day) for corridor in catalog.corridors}

    before = status_as_of(dt.date(2016, 1, 1))
    assert before["baku-tbilisi-kars-railway"] is Status.UNDER_CONSTRUCTION
    assert before["syunik-route"] is None
    after = status_as_of(dt.date(2025, 9, 1))
    assert after["baku-tbilisi-kars-railway"] is Status.OPERATING
    assert after["syunik-route"] is Status.PLANNED
    assert after["kars-igdir-nakhchivan-railway"] is Status.UNDER_CONSTRUCTION


def test_count_by_feature(catalog: Catalog) -> None:
    counts = count_by_feature(catalog.events)
    assert counts["am"] == sum("am" in e.features for e in catalog.events)
    assert counts["atlantis"] == 0


def test_event_index_links_both_ways(catalog: Catalog) -> None:
    index = EventIndex(catalog.events)
    for event in catalog.events:
        assert index.event(event.id) is event
        for feature in event.features:
            assert event in index.events_of(feature)
    meghri = index.events_of("meghri")
    assert [e.date for e in meghri] == sorted(e.date for e in meghri)
    summit = DateRange(dt.date(2025, 8, 7), dt.date(2025, 8, 8))
    assert [e.id for e in index.events_of("am", summit)] == [
        e.id for e in catalog.events if "am" in e.features and e.date in summit
    ]
    assert index.events_of("atlantis") == ()
    assert index.event("atlantis") is None
