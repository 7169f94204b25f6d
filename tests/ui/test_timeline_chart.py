"""The timeline chart as data: rows, labels, colours, spread points, axis, and the brush."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.models import EventKind
from corridors.data.timeline import DateRange, catalogue_span
from corridors.i18n import Translator
from corridors.render.styles import HIGHLIGHT, KIND_COLORS, STATUS_COLOR
from corridors.ui.dashboard.timeline_chart import (
    STAGE_COLOUR,
    ReportedBars,
    StageMark,
    brushed_range,
    timeline_chart,
)

EN = Translator("en")
#: Smallest distance (sum of channel differences) between a kind's and a status colour.
DISTINCT = 60


def spec_of(catalog: Catalog, dates: DateRange | None = None) -> dict[str, Any]:
    dates = dates or catalogue_span(catalog.events)
    events = [event for event in catalog.events if event.date in dates]
    spec: dict[str, Any] = timeline_chart(events, EN, dates=dates, selected=None).to_dict()
    return spec


def ms(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp() * 1000


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_every_row_has_room_for_its_label(catalog: Catalog) -> None:
    spec = spec_of(catalog)
    y = spec["encoding"]["y"]
    kinds = {EN(f"kinds.{event.kind}") for event in catalog.events}
    assert set(y["sort"]) == kinds
    assert y["axis"]["labelOverlap"] is False  # no label hidden for want of room
    assert spec["height"] >= settings.timeline_row_px * len(kinds)


def test_a_colour_key_with_colours_of_its_own(catalog: Catalog) -> None:
    colour = spec_of(catalog)["encoding"]["color"]
    assert colour["legend"]["title"] == EN("timeline.kind")
    assert colour["scale"]["domain"] == [EN(f"kinds.{kind}") for kind in EventKind]
    assert len(set(colour["scale"]["range"])) == len(EventKind)
    taken = [*STATUS_COLOR.values(), HIGHLIGHT]
    for kind, mine in KIND_COLORS.items():
        for other in taken:
            distance = sum(abs(a - b) for a, b in zip(rgb(mine), other[:3], strict=True))
            assert distance >= DISTINCT, f"{kind} looks like {other}"


def test_events_of_a_kind_on_the_same_day_are_spread(catalog: Catalog) -> None:
    spec = spec_of(catalog)
    rows = next(iter(spec["datasets"].values()))
    assert spec["encoding"]["yOffset"]["field"] == "slot"
    by_day: dict[tuple[str, str], set[int]] = {}
    for row in rows:
        by_day.setdefault((row["date"], row["kind"]), set()).add(row["slot"])
    crowded = [slots for slots in by_day.values() if len(slots) > 1]
    assert crowded, "the catalogue has no two events of a kind on one day"
    for key, slots in by_day.items():
        count = sum(1 for row in rows if (row["date"], row["kind"]) == key)
        assert slots == set(range(count))  # each its own lane


def test_the_axis_spans_the_chosen_range(catalog: Catalog) -> None:
    chosen = DateRange(dt.date(2020, 11, 10), dt.date(2025, 8, 8))
    x = spec_of(catalog, chosen)["encoding"]["x"]
    assert x["scale"]["domain"] == ["2020-11-10", "2025-08-08"]


def test_a_brushed_span_gives_its_dates() -> None:
    within = DateRange(dt.date(2000, 1, 1), dt.date(2026, 1, 1))
    span = {"date": [ms(dt.date(2021, 3, 1)), ms(dt.date(2024, 6, 30))]}
    assert brushed_range(span, within) == DateRange(dt.date(2021, 3, 1), dt.date(2024, 6, 30))
    backwards = {"date": list(reversed(span["date"]))}
    assert brushed_range(backwards, within) == brushed_range(span, within)


def test_a_brushed_span_stays_inside_the_range() -> None:
    within = DateRange(dt.date(2020, 1, 1), dt.date(2021, 1, 1))
    span = {"date": [ms(dt.date(2019, 6, 1)), ms(dt.date(2020, 6, 1))]}
    assert brushed_range(span, within) == DateRange(dt.date(2020, 1, 1), dt.date(2020, 6, 1))


@pytest.mark.parametrize(
    "selection",
    [{}, {"date": []}, {"date": ["a", "b"]}, {"date": [ms(dt.date(2020, 1, 1))] * 2}],
    ids=["none", "empty", "not-numbers", "a-click"],
)
def test_no_range_from_a_click_or_a_malformed_brush(selection: dict[str, Any]) -> None:
    within = DateRange(dt.date(2000, 1, 1), dt.date(2026, 1, 1))
    assert brushed_range(selection, within) is None


def test_reported_bars_stand_behind_the_points_on_their_own_scale(catalog: Catalog) -> None:
    dates = DateRange(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    events = [event for event in catalog.events if event.date in dates]
    bars = ReportedBars("month", ((dt.date(2025, 11, 1), 4), (dt.date(2025, 12, 1), 7)))
    spec = timeline_chart(events, EN, dates=dates, selected=None, bars=bars).to_dict()
    behind, points = spec["layer"]
    assert behind["mark"]["type"] == "bar"
    assert points["mark"]["type"] == "circle"
    assert spec["resolve"]["scale"]["y"] == "independent"
    assert behind["encoding"]["y"]["axis"]["orient"] == "right"
    data = spec["datasets"][behind["data"]["name"]]
    assert [(row["date"][:10], row["end"][:10], row["count"]) for row in data] == [
        ("2025-11-01", "2025-12-01", 4),
        ("2025-12-01", "2026-01-01", 7),  # December ends with the year
    ]
    assert [row["period"] for row in data] == ["November 2025", "December 2025"]
    weeks = ReportedBars("week", ((dt.date(2025, 8, 4), 2),))
    spec = timeline_chart(events, EN, dates=dates, selected=None, bars=weeks).to_dict()
    row = spec["datasets"][spec["layer"][0]["data"]["name"]][0]
    assert (row["end"][:10], row["period"]) == ("2025-08-11", "Week of August 4, 2025")


def test_without_bars_the_chart_is_the_points_alone(catalog: Catalog) -> None:
    spec = spec_of(catalog)
    assert "layer" not in spec
    assert spec["mark"]["type"] == "circle"


def test_an_agreements_stages_in_range_stand_across_the_chart(catalog: Catalog) -> None:
    dates = DateRange(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    events = [event for event in catalog.events if event.date in dates]
    stages = [
        StageMark(dt.date(2025, 3, 13), "Text agreed"),
        StageMark(dt.date(2025, 8, 8), "Initialled"),
        StageMark(dt.date(2020, 11, 10), "Signed"),  # before the range: not drawn
    ]
    spec = timeline_chart(events, EN, dates=dates, selected=None, stages=stages).to_dict()
    rules = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "rule"]
    assert len(rules) == 1
    assert rules[0]["mark"]["color"] == STAGE_COLOUR
    rows = next(iter(spec["datasets"][name] for name in spec["datasets"] if name in
                     rules[0]["data"]["name"]))  # fmt: skip
    assert [(row["date"][:10], row["stage"]) for row in rows] == [
        ("2025-03-13", "Text agreed"),
        ("2025-08-08", "Initialled"),
    ]
    assert "layer" not in spec_of(catalog, dates)  # no agreement open: the points alone
