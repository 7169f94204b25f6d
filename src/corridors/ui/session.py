"""The session's view state: widget keys, defaults, and the selection callbacks."""

from __future__ import annotations

from typing import Any, Final

import streamlit as st

from corridors.models import LAYERS, EventKind
from corridors.timeline import DateRange

DATES: Final = "dates"
PRESET: Final = "preset"
KINDS: Final = "kinds"
LAYER_CHOICE: Final = "layers"
RENDERER: Final = "renderer"
BASEMAP: Final = "basemap"
FEATURE: Final = "feature"
EVENT: Final = "event"
ALL_DATES: Final = "all_dates"
PAGE: Final = "page"
DECK_MAP: Final = "deck_map"
DECK_GENERATION: Final = "deck_map_generation"
LEAFLET_MAP: Final = "leaflet_map"
TIMELINE: Final = "timeline"
LANG: Final = "lang"
VIEW: Final = "map_view"
MODE: Final = "mode"
STEP: Final = "step"

RENDERERS: Final = ("deck", "leaflet")
BASEMAPS: Final = ("bundled", "osm", "carto")


def init(span: DateRange) -> None:
    """Give every state key its default on a session's first run."""
    defaults: dict[str, Any] = {
        DATES: (span.start, span.end),
        PRESET: "everything",
        KINDS: [str(kind) for kind in EventKind],
        LAYER_CHOICE: list(LAYERS),
        RENDERER: "deck",
        BASEMAP: "bundled",
        FEATURE: None,
        EVENT: None,
        ALL_DATES: False,
        PAGE: 1,
        LANG: "en",
        VIEW: None,
        MODE: None,
        STEP: None,
    }
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def date_range() -> DateRange:
    """The chosen date range."""
    start, end = st.session_state[DATES]
    return DateRange(start, end) if start <= end else DateRange(end, start)


def kinds() -> frozenset[EventKind]:
    """The chosen event kinds."""
    return frozenset(EventKind(kind) for kind in st.session_state[KINDS])


def select_event(event_id: str | None) -> None:
    """Select an event (its features are highlighted); clears a selected feature."""
    st.session_state[EVENT] = event_id
    st.session_state[VIEW] = None
    if event_id is not None:
        st.session_state[FEATURE] = None


def select_feature(feature_id: str | None) -> None:
    """Select a map feature (its events are listed); clears a selected event."""
    st.session_state[FEATURE] = feature_id
    st.session_state[VIEW] = None
    if feature_id is not None:
        st.session_state[EVENT] = None


def clear_selection() -> None:
    """Select nothing."""
    st.session_state[EVENT] = None
    st.session_state[FEATURE] = None
    st.session_state[VIEW] = None


def apply_preset(ranges: dict[str, DateRange]) -> None:
    """Callback of the range preset: move the date slider to the preset's range."""
    chosen = ranges.get(st.session_state[PRESET])
    if chosen is not None:
        st.session_state[DATES] = (chosen.start, chosen.end)
    st.session_state[PAGE] = 1


def dates_changed() -> None:
    """Callback of the date slider: the range is now a custom one."""
    st.session_state[PRESET] = "custom"
    st.session_state[PAGE] = 1
