"""The timeline: events in range by date and kind (Altair); a click selects an event."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import altair as alt
import pandas as pd
import streamlit as st

from corridors.i18n import Translator
from corridors.models import Event
from corridors.ui import session

SELECTION: Final = "picked"


def render_timeline(events: Sequence[Event], translate: Translator) -> None:
    """Draw the chart of ``events``; clicking a point selects its event."""
    if not events:
        return
    frame = pd.DataFrame(
        {
            "id": [event.id for event in events],
            "date": pd.to_datetime([event.date for event in events]),
            "label": [translate.date(event.date, event.precision) for event in events],
            "kind": [translate(f"kinds.{event.kind}") for event in events],
            "title": [translate.text(event.title) for event in events],
            "selected": [event.id == st.session_state[session.EVENT] for event in events],
        }
    )
    pick = alt.selection_point(name=SELECTION, fields=["id"], on="click", clear=False)
    chart = (
        alt.Chart(frame)
        .mark_circle(size=140, opacity=0.85, stroke="#d62728")
        .encode(
            x=alt.X("date:T", title=translate("timeline.date")),
            y=alt.Y("kind:N", title=None),
            color=alt.Color("kind:N", legend=None),
            strokeWidth=alt.condition("datum.selected", alt.value(3), alt.value(0)),
            tooltip=[
                alt.Tooltip("label:N", title=translate("timeline.date")),
                alt.Tooltip("kind:N", title=translate("timeline.kind")),
                alt.Tooltip("title:N", title=translate("timeline.title")),
            ],
        )
        .add_params(pick)
        .properties(height=200)
        .configure(locale={"time": translate.d3_time_locale()})
    )
    st.altair_chart(
        chart,
        width="stretch",
        on_select=_on_pick,
        selection_mode=SELECTION,
        key=session.TIMELINE,
    )


def _on_pick() -> None:
    state: Any = st.session_state[session.TIMELINE]
    picked: list[dict[str, Any]] = state.get("selection", {}).get(SELECTION, [])
    if picked and picked[0].get("id"):
        session.select_event(str(picked[0]["id"]))
