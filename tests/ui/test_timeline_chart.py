"""The timeline chart as data: rows, labels, colours, spread points, axis, and the brush."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.models import Event, EventKind
from corridors.data.timeline import DateRange, catalogue_span
from corridors.i18n import Translator
from corridors.render.styles import HIGHLIGHT, KIND_COLORS, STATUS_COLOR
from corridors.ui.dashboard.timeline_chart import (
    INTERVAL_OPACITY,
    PERIOD_OPACITY,
    PICK,
    PICK_BAR,
    SPAN,
    STAGE_COLOUR,
    ReportedBars,
    StageMark,
    brushed_range,
    picked_event,
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


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's single views, however deeply layered."""
    if "layer" not in spec:
        return [spec]
    return [view for layer in spec["layer"] for view in layers(layer)]


def view_of(spec: dict[str, Any], mark: str) -> dict[str, Any]:
    (view,) = [view for view in layers(spec) if view["mark"]["type"] == mark]
    return view


def rows_of(spec: dict[str, Any], view: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = spec["datasets"][view["data"]["name"]]
    return rows


def ms(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp() * 1000


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_every_row_has_room_for_its_label(catalog: Catalog) -> None:
    spec = spec_of(catalog)
    y = view_of(spec, "circle")["encoding"]["y"]
    kinds = {EN(f"kinds.{event.kind}") for event in catalog.events}
    assert set(y["sort"]) == kinds
    assert y["axis"]["labelOverlap"] is False  # no label hidden for want of room
    assert spec["height"] >= settings.timeline_row_px * len(kinds)


def test_a_colour_key_with_colours_of_its_own(catalog: Catalog) -> None:
    colour = view_of(spec_of(catalog), "circle")["encoding"]["color"]
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
    points = view_of(spec, "circle")
    rows = rows_of(spec, points)
    assert points["encoding"]["yOffset"]["field"] == "slot"
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
    x = view_of(spec_of(catalog, chosen), "circle")["encoding"]["x"]
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
    behind, spans, points = spec["layer"]  # one flat layer
    assert behind["mark"]["type"] == "bar"
    assert points["mark"]["type"] == "circle"
    assert points["encoding"]["y"]["field"] == "kind"
    # the month's event stays a bar among them, clickable (Streamlit needs every pick named)
    assert spans["encoding"]["x2"]["field"] == "end"
    assert {param["name"] for param in spec["params"]} == {PICK, PICK_BAR, SPAN}
    # each selection on one view (a nested layer had them twice: Vega's "duplicate signal"
    # left the chart blank), and the rows of the events' two layers line up
    assert all(len(param["views"]) == 1 for param in spec["params"])
    rows = points["encoding"]["y"]["scale"]["domain"]
    assert spans["encoding"]["y"]["scale"]["domain"] == rows
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
    spec = spec_of(catalog, DateRange(dt.date(2025, 8, 7), dt.date(2025, 8, 8)))
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
    unopened = spec_of(catalog, dates)  # no agreement open: no rules
    assert [view for view in layers(unopened) if view["mark"]["type"] == "rule"] == []


def dated(event_id: str, kind: str = "conflict", **dates: str) -> Event:
    return Event.model_validate(
        {
            "id": event_id,
            "kind": kind,
            "title": {"en": event_id, "ar": event_id},
            "summary": {"en": "S", "ar": "م"},
            "features": ["am"],
            "sources": [{"url": "https://x.org/a", "outlet": "X", "language": "en"}],
            **dates,
        }
    )


#: A day, a month, and two overlapping intervals of one kind.
DAY = dated("day", date="2023-03-04")
MONTH = dated("month", kind="infrastructure", date="2022-12-01", precision="month")
CLOSURE = dated("closure", date="2022-12-12", end="2023-09-01", end_precision="month")
MANDATE = dated("mandate", date="2020-11-10", end="2024-06-12")
SHOWN = DateRange(dt.date(2020, 1, 1), dt.date(2024, 12, 31))


def bar_spec(selected: str | None = None) -> dict[str, Any]:
    events = [MANDATE, MONTH, CLOSURE, DAY]
    spec: dict[str, Any] = timeline_chart(events, EN, dates=SHOWN, selected=selected).to_dict()
    return spec


def test_a_month_is_a_faded_bar_over_the_whole_month_never_a_point() -> None:
    spec = bar_spec()
    bars, points = view_of(spec, "bar"), view_of(spec, "circle")
    assert [row["id"] for row in rows_of(spec, points)] == ["day"]
    month = next(row for row in rows_of(spec, bars) if row["id"] == "month")
    assert (month["date"][:10], month["end"][:10]) == ("2022-12-01", "2023-01-01")
    assert month["opacity"] == PERIOD_OPACITY < INTERVAL_OPACITY
    assert bars["encoding"]["x2"]["field"] == "end"
    assert bars["encoding"]["opacity"] == {
        "field": "opacity",
        "type": "quantitative",
        "scale": None,
        "legend": None,
    }
    assert month["kind"] == EN("kinds.infrastructure")  # on its kind's row
    assert (month["label"], month["precision"]) == ("December 2022", "month")


def test_an_interval_is_a_solid_bar_from_its_start_to_its_end() -> None:
    spec = bar_spec()
    by_id = {row["id"]: row for row in rows_of(spec, view_of(spec, "bar"))}
    closure = by_id["closure"]
    assert (closure["date"][:10], closure["end"][:10]) == ("2022-12-12", "2023-10-01")
    assert closure["opacity"] == INTERVAL_OPACITY
    assert closure["label"] == "December 12, 2022 \u2013 September 2023"
    assert closure["precision"] == "day, month"
    # two conflicts at once: each its own lane of the row, so that each can be clicked
    assert (by_id["mandate"]["lane"], closure["lane"]) == (0, 1)
    tooltip = [item["field"] for item in view_of(spec, "bar")["encoding"]["tooltip"]]
    assert tooltip == ["label", "precision", "kind", "title"]


def test_a_bar_is_clicked_by_its_events_id() -> None:
    spec = bar_spec(selected="closure")
    params = {param["name"]: param for param in spec["params"]}
    assert params[PICK_BAR]["select"]["fields"] == ["id"]
    assert params[PICK]["select"]["fields"] == ["id"]
    assert picked_event({PICK_BAR: [{"id": "closure"}]}) == "closure"
    assert picked_event({PICK: [{"id": "day"}], PICK_BAR: []}) == "day"
    assert picked_event({SPAN: {}}) is None
    selected = [row["id"] for row in rows_of(spec, view_of(spec, "bar")) if row["selected"]]
    assert selected == ["closure"]


def test_a_range_that_cuts_a_bar_says_in_part() -> None:
    spec = timeline_chart(
        [CLOSURE], EN, dates=DateRange(dt.date(2023, 1, 1), dt.date(2023, 3, 31)), selected=None
    ).to_dict()
    (row,) = rows_of(spec, view_of(spec, "bar"))
    assert row["label"] == "December 12, 2022 \u2013 September 2023 (in part)"
