"""The timeline: events in range by date and kind (Altair).

An event of a day is a point. An event known only to its month or year is a faded bar over
the whole month or year (never a point on its first day), and an event with an end a solid
bar from its start to its end, each on its kind's row; overlapping bars of a kind take
lanes of their own. Clicking a point or a bar selects its event; brushing a span (dragging
along the dates) sets the date range. Every kind has its row and its label, and a colour of
its own (none of them a corridor-status colour) with a key. Events of the same kind on the
same day are spread across their row so that each can be clicked. The axis spans the chosen
range.

When imported (reported) events are shown, their counts per week (a range under about a
year) or month stand behind the points as pale bars, counted by the store, with a count
axis of their own on the far side so that the rows of milestones keep theirs. An open
agreement's lifecycle stages stand across the chart as dashed rules, each named at its top.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Final

import altair as alt
import pandas as pd
import streamlit as st

from corridors.core import settings
from corridors.data.models import Event, Precision
from corridors.data.timeline import DateRange, event_span
from corridors.i18n import Translator
from corridors.i18n.when import event_when, precision_word
from corridors.render.styles import HIGHLIGHT, KIND_COLORS, css_rgb
from corridors.reported.store import Period
from corridors.ui.common.data import event_store
from corridors.ui.dashboard import session
from corridors.ui.dashboard.reported.query import reported_drawn, reported_query

PICK: Final = "picked"
#: The click on a bar (a month, a year, an interval): a selection of its own, since one
#: selection cannot span two layers of the chart.
PICK_BAR: Final = "picked_bar"
SPAN: Final = "span"
#: A brush shorter than this is a click, not a span.
MIN_SPAN: Final = dt.timedelta(days=1)
#: Ranges shorter than this count reported events per week; longer ones per month.
WEEKS_UNDER: Final = dt.timedelta(days=366)
#: The bars of reported events: a grey no kind uses, pale enough for the points to read; an
#: outline keeps a month a pixel wide over decades.
BAR_COLOUR: Final = "#8a8a8a"
BAR_OPACITY: Final = 0.35
#: Bars of events: an interval is drawn solid, a month or a year (a day not known) faded.
INTERVAL_OPACITY: Final = 0.9
PERIOD_OPACITY: Final = 0.35
#: The share of a lane of its kind's row that a bar fills.
BAR_BAND: Final = 0.7
#: An agreement's stages: a dark grey no kind uses, dashed so that they read as dates.
STAGE_COLOUR: Final = "#3d3d3d"


@dataclass(frozen=True, slots=True)
class StageMark:
    """A lifecycle stage on the timeline: its day and its name."""

    day: dt.date
    label: str


@dataclass(frozen=True, slots=True)
class ReportedBars:
    """Reported events counted per period: each period's first day and its count."""

    period: Period
    counts: tuple[tuple[dt.date, int], ...]


def render_timeline(
    events: Sequence[Event], translate: Translator, *, stages: Sequence[StageMark] = ()
) -> None:
    """Draw the chart of ``events`` over the chosen date range, with ``stages`` across it."""
    if not events:
        return
    dates = session.date_range()
    selected = st.session_state[session.EVENT]
    agreement = st.session_state[session.AGREEMENT]
    # a playing chart keeps its key: it is updated in place frame after frame
    shown = "playing" if session.playback().playing else f"{dates.start}-{dates.end}"
    key = f"{session.TIMELINE}-{shown}-{selected}-{agreement}"
    bars = reported_bars(dates) if reported_drawn() else None
    chart = timeline_chart(
        events, translate, dates=dates, selected=selected, bars=bars, stages=stages
    )
    picks = [PICK, PICK_BAR] if any(drawn_as_bar(event) for event in events) else [PICK]
    st.altair_chart(
        chart,
        width="stretch",
        on_select=partial(_on_select, key),
        selection_mode=[*picks, SPAN],
        key=key,
    )


def reported_bars(dates: DateRange) -> ReportedBars:
    """The reported events shown, counted by the store per week or month of ``dates``."""
    period: Period = "week" if dates.end - dates.start < WEEKS_UNDER else "month"
    counts = event_store().counts_by_period(reported_query(), period)
    return ReportedBars(period, tuple(counts))


def timeline_chart(
    events: Sequence[Event],
    translate: Translator,
    *,
    dates: DateRange,
    selected: str | None,
    bars: ReportedBars | None = None,
    stages: Sequence[StageMark] = (),
) -> alt.Chart | alt.LayerChart:
    """The chart: a row per kind, a point or a bar per event, and a brush.

    A point per event of a day (spread on the same day); a bar per event of a month or a
    year, or one that lasts.

    Behind them, the ``bars`` of reported events and the ``stages`` in range, if given.
    """
    rows = _row_names(events, translate)
    encodings = _Encodings(translate, dates, rows)
    day_events = [event for event in events if not drawn_as_bar(event)]
    bar_events = [event for event in events if drawn_as_bar(event)]
    span = alt.selection_interval(name=SPAN, encodings=["x"])
    points = (
        alt.Chart(_frame(day_events, translate, selected))
        .mark_circle(size=120, opacity=0.9, stroke=css_rgb(HIGHLIGHT))
        .encode(**encodings.common("slot:O"))
        .add_params(alt.selection_point(name=PICK, fields=["id"], on="click", clear=False), span)
    )
    # one flat layer: Altair lifts a nested layer's selections twice (a duplicate signal)
    layers: list[alt.Chart] = [] if bars is None else [_bar_layer(bars, translate, dates)]
    if bar_events:  # the bars behind the points, each kind's bars in lanes of their own
        layers.append(_span_layer(bar_events, translate, dates, selected, encodings))
    chart: alt.Chart | alt.LayerChart | alt.FacetChart = points
    if layers:
        chart = alt.layer(*layers, points).resolve_scale(
            y="independent" if bars is not None else "shared", yOffset="independent"
        )
    shown = [stage for stage in stages if dates.start <= stage.day <= dates.end]
    if shown:
        chart = alt.layer(*_stage_layers(shown, translate, dates), chart)
    drawn: alt.Chart | alt.LayerChart = chart.properties(
        height=settings.timeline_row_px * len(rows)
        + settings.timeline_axis_px
        + _legend_px(len(KIND_COLORS))
    ).configure(locale={"time": translate.d3_time_locale()})
    return drawn


def drawn_as_bar(event: Event) -> bool:
    """Whether the timeline draws ``event`` as a bar: it lasts, or its day is not known."""
    return event.end is not None or event.precision is not Precision.DAY


@dataclass(frozen=True, slots=True)
class _Encodings:
    """What points and bars share: the time axis, the rows of kinds, colours and tooltips."""

    translate: Translator
    dates: DateRange
    rows: list[str]

    def common(self, lane: str, *, axis: bool = True) -> dict[str, Any]:
        """The x, y, lane, colour, outline and tooltip of a mark in a kind's row.

        The rows are the same in every layer (their domain is given), so layers whose y
        scales are independent (beside the reported bars' counts) still line up; one
        layer draws the axis.
        """
        translate = self.translate
        kinds = [translate(f"kinds.{kind}") for kind in KIND_COLORS]
        domain = [self.dates.start.isoformat(), self.dates.end.isoformat()]
        return {
            "x": alt.X("date:T", title=translate("timeline.date"), scale=alt.Scale(domain=domain)),
            "y": alt.Y(
                "kind:N",
                title=None,
                sort=self.rows,
                scale=alt.Scale(domain=self.rows),
                axis=alt.Axis(labelOverlap=False, labelLimit=200) if axis else None,
            ),
            "yOffset": alt.YOffset(lane),
            "color": alt.Color(
                "kind:N",
                scale=alt.Scale(domain=kinds, range=list(KIND_COLORS.values())),
                legend=alt.Legend(
                    title=translate("timeline.kind"),
                    orient="bottom",
                    columns=settings.timeline_legend_columns,
                    symbolStrokeWidth=0,
                    labelLimit=150,
                ),
            ),
            "strokeWidth": alt.condition("datum.selected", alt.value(3), alt.value(0)),
            "tooltip": [
                alt.Tooltip("label:N", title=translate("timeline.date")),
                alt.Tooltip("precision:N", title=translate("dates.precision")),
                alt.Tooltip("kind:N", title=translate("timeline.kind")),
                alt.Tooltip("title:N", title=translate("timeline.title")),
            ],
        }


def _span_layer(
    events: Sequence[Event],
    translate: Translator,
    dates: DateRange,
    selected: str | None,
    encodings: _Encodings,
) -> alt.Chart:
    """A bar per event from the first day it covers to its last: solid if it lasts."""
    frame = _frame(events, translate, selected, dates=dates)
    spans = [event_span(event) for event in events]
    frame["date"] = pd.to_datetime([span.start for span in spans])
    # to the first day after the last: a bar covers its last day whole
    frame["end"] = pd.to_datetime([span.end + dt.timedelta(days=1) for span in spans])
    frame["opacity"] = [
        INTERVAL_OPACITY if event.end is not None else PERIOD_OPACITY for event in events
    ]
    frame["lane"] = _lanes(events)
    pick = alt.selection_point(name=PICK_BAR, fields=["id"], on="click", clear=False)
    layer: alt.Chart = (
        alt.Chart(frame)
        .mark_bar(clip=True, stroke=css_rgb(HIGHLIGHT), height=alt.RelativeBandSize(BAR_BAND))
        .encode(
            x2="end:T",
            opacity=alt.Opacity("opacity:Q", scale=None, legend=None),
            **encodings.common("lane:O", axis=False),
        )
        .add_params(pick)
    )
    return layer


def _lanes(events: Sequence[Event]) -> list[int]:
    """A lane per bar within its kind's row: the first whose bars end before it starts."""
    lane_ends: defaultdict[str, list[dt.date]] = defaultdict(list)
    lanes = []
    for event in events:
        span, ends = event_span(event), lane_ends[event.kind]
        free = next((lane for lane, end in enumerate(ends) if end < span.start), len(ends))
        if free == len(ends):
            ends.append(span.end)
        else:
            ends[free] = span.end
        lanes.append(free)
    return lanes


def _row_names(events: Sequence[Event], translate: Translator) -> list[str]:
    """The kinds' names that have a row: those of ``events``, in the key's order."""
    present = {event.kind for event in events}
    return [translate(f"kinds.{kind}") for kind in KIND_COLORS if kind in present]


def _bar_layer(bars: ReportedBars, translate: Translator, dates: DateRange) -> alt.Chart:
    """Pale bars of reported events per period, with a count axis on the far side."""
    starts = [start for start, _ in bars.counts]
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(starts),
            "end": pd.to_datetime([_period_end(start, bars.period) for start in starts]),
            "count": [count for _, count in bars.counts],
            "period": [_period_label(start, bars.period, translate) for start in starts],
        }
    )
    title = translate(f"reported.per_{bars.period}")
    layer: alt.Chart = (
        alt.Chart(frame)
        .mark_bar(
            color=BAR_COLOUR, opacity=BAR_OPACITY, stroke=BAR_COLOUR, strokeWidth=1, clip=True
        )
        .encode(
            x=alt.X(
                "date:T", scale=alt.Scale(domain=[dates.start.isoformat(), dates.end.isoformat()])
            ),
            x2="end:T",
            y=alt.Y(
                "count:Q",
                title=title,
                axis=alt.Axis(orient="right", grid=False, tickMinStep=1, format="d"),
            ),
            tooltip=[
                alt.Tooltip("period:N", title=translate("timeline.date")),
                alt.Tooltip("count:Q", title=title),
            ],
        )
    )
    return layer


def _stage_layers(
    stages: Sequence[StageMark], translate: Translator, dates: DateRange
) -> tuple[alt.Chart, alt.Chart]:
    """Dashed rules at the stages' days, each named at the top of the chart."""
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime([stage.day for stage in stages]),
            "stage": [stage.label for stage in stages],
            "label": [translate.date(stage.day) for stage in stages],
        }
    )
    x = alt.X("date:T", scale=alt.Scale(domain=[dates.start.isoformat(), dates.end.isoformat()]))
    tooltip = [
        alt.Tooltip("label:N", title=translate("timeline.date")),
        alt.Tooltip("stage:N", title=translate("agreements.lifecycle")),
    ]
    base = alt.Chart(frame).encode(x=x, tooltip=tooltip)
    rules = base.mark_rule(color=STAGE_COLOUR, strokeDash=[4, 3], strokeWidth=1.5)
    names = base.mark_text(
        color=STAGE_COLOUR, align="left", baseline="top", dx=3, y=2, fontSize=11
    ).encode(text="stage:N")
    return rules, names


def _period_end(start: dt.date, period: Period) -> dt.date:
    """The first day after the week or month that starts on ``start``."""
    if period == "week":
        return start + dt.timedelta(days=7)
    return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _period_label(start: dt.date, period: Period, translate: Translator) -> str:
    """A period as a tooltip names it: the week of its Monday, or the month."""
    if period == "week":
        return translate("reported.week_of", date=translate.date(start))
    return translate.date(start, Precision.MONTH)


def _legend_px(entries: int) -> int:
    """The height of the colour key under the chart (Streamlit fits the whole chart)."""
    rows = -(-entries // settings.timeline_legend_columns) + 1
    return settings.timeline_legend_row_px * rows


def _frame(
    events: Sequence[Event],
    translate: Translator,
    selected: str | None,
    *,
    dates: DateRange | None = None,
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "id": [event.id for event in events],
            "date": pd.to_datetime([event.date for event in events]),
            "label": [event_when(event, translate, dates) for event in events],
            "precision": [_precisions(event, translate) for event in events],
            "kind": [translate(f"kinds.{event.kind}") for event in events],
            "title": [translate.text(event.title) for event in events],
            "selected": [event.id == selected for event in events],
        }
    )
    # events of one kind on one day: each its own lane in the kind's row
    frame["slot"] = frame.groupby(["date", "kind"]).cumcount()
    return frame


def _precisions(event: Event, translate: Translator) -> str:
    """How much of the event's date (and end) is known, in words."""
    known = [event.precision] if event.end is None else [event.precision, event.end_precision]
    return translate.join_list(dict.fromkeys(precision_word(translate, p) for p in known))


def brushed_range(selection: Mapping[str, Any], within: DateRange) -> DateRange | None:
    """The date range a brushed span selects, inside ``within`` (``None``: no span).

    ``selection`` is the brush's value as Streamlit returns it: ``{"date": [start, end]}``
    in milliseconds since the epoch (UTC), the dates the brush covers.
    """
    ends = selection.get("date")
    if not isinstance(ends, list | tuple) or len(ends) != 2:
        return None
    if not all(isinstance(end, int | float) for end in ends):
        return None
    first, last = (
        dt.datetime.fromtimestamp(min(ends) / 1000, tz=dt.UTC).date(),
        dt.datetime.fromtimestamp(max(ends) / 1000, tz=dt.UTC).date(),
    )
    if last - first < MIN_SPAN:
        return None
    start, end = max(first, within.start), min(last, within.end)
    return DateRange(start, end) if start <= end else None


def _on_select(key: str) -> None:
    """A brushed span sets the date range; otherwise a clicked point selects its event."""
    state: Any = st.session_state[key]
    selection: Mapping[str, Any] = state.get("selection", {})
    chosen = brushed_range(selection.get(SPAN) or {}, session.date_range())
    if chosen is not None:
        st.session_state[session.DATES] = (chosen.start, chosen.end)
        session.dates_changed()
        return
    picked = picked_event(selection)
    if picked is not None:
        session.select_event(picked)


def picked_event(selection: Mapping[str, Any]) -> str | None:
    """The id of the event a click on a point or a bar picked, if any."""
    picked: list[dict[str, Any]] = selection.get(PICK) or selection.get(PICK_BAR) or []
    return str(picked[0]["id"]) if picked and picked[0].get("id") else None
