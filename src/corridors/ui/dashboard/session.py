"""The session's view state: widget keys, their values for a view state, selection callbacks.

:class:`~corridors.links.view_state.ViewState` is the one home of the defaults: a session starts
from the values of ``ViewState()``, and a link or a story step writes its own through
the same :func:`values_of`.
"""

from __future__ import annotations

from typing import Any, Final

import streamlit as st

from corridors.data.models import LAYERS, EventKind, ReportedKind, ReportedSource
from corridors.data.playback import Playback, PlayMode
from corridors.data.timeline import DateRange, presets
from corridors.links.view_state import EventOrder, PageMode, ViewState

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
PAGE_BOTTOM: Final = "page_bottom"
SEARCH: Final = "search"
ORDER: Final = "order"
DATE_RANGE: Final = "date_range"
#: The range the date field was last set to from the slider's value.
DATES_SHOWN: Final = "dates_shown"
#: The language the widgets were last drawn in (their shown options follow a switch).
LANG_SHOWN: Final = "lang_shown"
#: The selection the page last brought into view.
SHOWN_SELECTION: Final = "shown_selection"
DECK_MAP: Final = "deck_map"
DECK_GENERATION: Final = "deck_map_generation"
LEAFLET_MAP: Final = "leaflet_map"
TIMELINE: Final = "timeline"
LANG: Final = "lang"
CAMERA: Final = "camera"
PAGE_MODE: Final = "mode"
STEP: Final = "step"
#: The sidebar's find-by-any-name text.
FIND: Final = "find_name"
#: Imported sources drawn and listed, kinds of reported events shown, the selected cell.
SOURCES: Final = "reported_sources"
REPORTED_KINDS: Final = "reported_kinds"
CELL: Final = "cell"
#: The agreement whose status colours the map, and its provision opened.
AGREEMENT: Final = "agreement"
PROVISION: Final = "provision"
#: What the side column lists: the events or the agreements.
SIDE_VIEW: Final = "side_view"

#: The playback: its mode, speed (days per second), window (days), whether it plays; the
#: playback time not yet a whole step, and the frames drawn (each action draws one).
PLAY_MODE: Final = "play_mode"
PLAY_SPEED: Final = "play_speed"
PLAY_WINDOW: Final = "play_window"
PLAYING: Final = "playing"
PLAY_ELAPSED: Final = "play_elapsed"
PLAY_FRAME: Final = "play_frame"
#: The number of the reader's last action handled (the bar sends no tick until then).
PLAY_HANDLED: Final = "play_handled"
#: The range shown while playing (the date slider, outside the playing map's fragment, is
#: set when playing stops: the browser would send its old value back with every frame).
PLAYING_RANGE: Final = "playing_range"

#: Session keys that are not part of the view state (and their starting values).
_OWN_DEFAULTS: Final[dict[str, Any]] = {
    ALL_DATES: False,
    PLAY_ELAPSED: 0.0,
    PLAY_FRAME: 0,
    PLAY_HANDLED: 0,
    PLAYING_RANGE: None,
}

#: Widgets whose options are shown through the UI language: what the browser shows of
#: their value is only sent again when the value is set from here.
_WORDED_WIDGETS: Final = (
    PRESET,
    KINDS,
    LAYER_CHOICE,
    RENDERER,
    BASEMAP,
    FEATURE,
    ORDER,
    SOURCES,
    REPORTED_KINDS,
)


def values_of(state: ViewState, span: DateRange) -> dict[str, Any]:
    """The session values that show ``state`` (its ``None`` parts as their defaults)."""
    start, end = state.start or span.start, state.end or span.end
    has_camera = None not in (state.lat, state.lon, state.zoom)
    return {
        DATES: (start, end),
        PRESET: preset_naming(presets(span), DateRange(start, end)),
        KINDS: _members_chosen(state.kinds, tuple(EventKind)),
        LAYER_CHOICE: _members_chosen(state.layers, LAYERS),
        EVENT: state.event,
        FEATURE: state.feature,
        RENDERER: str(state.renderer),
        BASEMAP: state.basemap,
        LANG: state.lang,
        CAMERA: (state.lat, state.lon, state.zoom) if has_camera else None,
        PAGE_MODE: None if state.mode is None else str(state.mode),
        STEP: state.step,
        PAGE: state.page or 1,
        SEARCH: state.search or "",
        ORDER: str(state.order),
        SOURCES: _members_chosen(state.sources, tuple(ReportedSource)),
        REPORTED_KINDS: _members_chosen(state.reported_kinds, tuple(ReportedKind)),
        CELL: state.cell,
        AGREEMENT: state.agreement,
        PROVISION: state.provision,
        SIDE_VIEW: _side_view(state),
        PLAY_MODE: str(state.play or _PLAYBACK.mode),
        PLAY_SPEED: state.speed or _PLAYBACK.speed,
        PLAY_WINDOW: state.window or _PLAYBACK.window,
        PLAYING: state.playing,
        PLAYING_RANGE: None,  # the view's range, not the one a playback was showing
    }


#: The playback a session starts with (a link or a story step may give its own).
_PLAYBACK: Final = Playback()


def _side_view(state: ViewState) -> str:
    """Which list is beside the map for a link: the agreements when it opens one.

    Unless it also selects a feature or an event, whose panel is with the events.
    """
    opens_agreement = state.provision or (state.agreement and not (state.feature or state.event))
    return "agreements" if opens_agreement else "events"


def _members_chosen(chosen: frozenset[str] | None, members: tuple[str, ...]) -> list[str]:
    """The members chosen (all of them for ``None``), as a widget holds them."""
    return [str(member) for member in members if chosen is None or member in chosen]


def preset_naming(ranges: dict[str, DateRange], chosen: DateRange) -> str:
    """The first preset whose range is ``chosen``, or ``"custom"``."""
    return next((name for name, days in ranges.items() if days == chosen), "custom")


def init(span: DateRange) -> None:
    """Give every state key its default (that of ``ViewState()``) where it has none."""
    for key, value in {**values_of(ViewState(), span), **_OWN_DEFAULTS}.items():
        st.session_state.setdefault(key, value)


def renderer() -> str:
    """The name of the chosen renderer (see :mod:`corridors.render.registry`)."""
    return str(st.session_state[RENDERER])


def page_mode() -> PageMode | None:
    """The page's mode (``None``: the dashboard)."""
    mode = st.session_state[PAGE_MODE]
    return None if mode is None else PageMode(mode)


def date_range() -> DateRange:
    """The chosen date range (while playing: the one the playhead shows)."""
    playing: DateRange | None = st.session_state.get(PLAYING_RANGE)
    if playing is not None:
        return playing
    start, end = st.session_state[DATES]
    return DateRange(start, end) if start <= end else DateRange(end, start)


def playback() -> Playback:
    """The playback chosen, and whether it plays."""
    return Playback(
        mode=PlayMode(st.session_state[PLAY_MODE] or _PLAYBACK.mode),
        speed=float(st.session_state[PLAY_SPEED]),
        window=int(st.session_state[PLAY_WINDOW]),
        playing=bool(st.session_state[PLAYING]),
        elapsed=float(st.session_state[PLAY_ELAPSED]),
    )


def show_playhead(chosen: Playback, shown: DateRange) -> None:
    """Play or pause as ``chosen`` says, and show ``shown`` (it ends on the playhead).

    Each call is a new frame: the playback bar asks for the next one once it is drawn.
    """
    st.session_state[PLAYING] = chosen.playing
    st.session_state[PLAY_ELAPSED] = chosen.elapsed
    st.session_state[PLAY_FRAME] += 1
    if chosen.playing:
        st.session_state[PLAYING_RANGE] = shown
        return
    st.session_state[PLAYING_RANGE] = None
    st.session_state[DATES] = (shown.start, shown.end)
    dates_changed()


def pause() -> None:
    """Stop playing (the playhead stays: the date slider takes its range)."""
    if st.session_state[PLAYING]:
        show_playhead(Playback(playing=False), date_range())


def kinds() -> frozenset[EventKind]:
    """The chosen event kinds."""
    return frozenset(EventKind(kind) for kind in st.session_state[KINDS])


def sources() -> frozenset[ReportedSource]:
    """The imported sources chosen to be drawn and listed."""
    return frozenset(ReportedSource(source) for source in st.session_state[SOURCES])


def reported_kinds() -> frozenset[ReportedKind]:
    """The kinds of reported events chosen."""
    return frozenset(ReportedKind(kind) for kind in st.session_state[REPORTED_KINDS])


def select_event(event_id: str | None) -> None:
    """Select an event (its features highlighted); clears a selected feature, cell, provision.

    The side column shows the events (an open agreement still colours the map); a
    playback pauses, to let the selection be read.
    """
    pause()
    st.session_state[EVENT] = event_id
    st.session_state[CAMERA] = None
    if event_id is not None:
        st.session_state[FEATURE] = None
        st.session_state[CELL] = None
        st.session_state[PROVISION] = None
        st.session_state[SIDE_VIEW] = "events"


def select_feature(feature_id: str | None) -> None:
    """Select a map feature (its events are listed); clears a selected event, cell, provision.

    The side column shows the events, the feature's panel first; a playback pauses.
    """
    pause()
    st.session_state[FEATURE] = feature_id
    st.session_state[CAMERA] = None
    if feature_id is not None:
        st.session_state[EVENT] = None
        st.session_state[CELL] = None
        st.session_state[PROVISION] = None
        st.session_state[SIDE_VIEW] = "events"


def select_agreement(agreement_id: str | None) -> None:
    """Open an agreement (the map takes its status colours), or close it; no provision open."""
    st.session_state[AGREEMENT] = agreement_id
    st.session_state[PROVISION] = None
    st.session_state[SIDE_VIEW] = "agreements"
    st.session_state[CAMERA] = None


def select_provision(provision_id: str | None) -> None:
    """Open a provision (its features highlighted and framed); clears an event and feature."""
    st.session_state[PROVISION] = provision_id
    st.session_state[CAMERA] = None
    if provision_id is not None:
        st.session_state[AGREEMENT] = provision_id.partition("/")[0]
        st.session_state[SIDE_VIEW] = "agreements"
        st.session_state[EVENT] = None
        st.session_state[FEATURE] = None
        st.session_state[CELL] = None


def select_cell(cell: str | None) -> None:
    """Select a cell of reported events: they are listed.

    A selected feature stays (it narrows the list); a selected event is cleared; the
    camera stays where it is.
    """
    st.session_state[CELL] = cell
    if cell is not None:
        st.session_state[EVENT] = None


def clear_selection() -> None:
    """Select nothing."""
    st.session_state[EVENT] = None
    st.session_state[FEATURE] = None
    st.session_state[CELL] = None
    st.session_state[PROVISION] = None
    st.session_state[CAMERA] = None


def apply_preset(ranges: dict[str, DateRange]) -> None:
    """Callback of the range preset: move the date slider to the preset's range."""
    chosen = ranges.get(st.session_state[PRESET])
    if chosen is not None:
        st.session_state[DATES] = (chosen.start, chosen.end)
    st.session_state[PAGE] = 1
    _stop_playing()


def dates_changed() -> None:
    """Callback of the date slider: the range is now a custom one (and playing stops)."""
    st.session_state[PRESET] = "custom"
    st.session_state[PAGE] = 1
    _stop_playing()


def _stop_playing() -> None:
    """A range chosen by hand stops the playback (its range is the one chosen)."""
    st.session_state[PLAYING] = False
    st.session_state[PLAYING_RANGE] = None


def dates_typed() -> None:
    """Callback of the from / to date field: the slider follows once both days are given."""
    days = st.session_state[DATE_RANGE]
    if len(days) == 2:
        st.session_state[DATES] = (min(days), max(days))
        dates_changed()


def settle_dates(ranges: dict[str, DateRange]) -> None:
    """Before the date widgets are drawn: the preset and the date inputs show the range.

    Whoever set the range (a link, a preset, the slider, the timeline's brush), the
    preset names it when one matches and the from / to field shows its days.
    """
    start, end = st.session_state[DATES]
    chosen = DateRange(min(start, end), max(start, end))
    if ranges.get(st.session_state[PRESET]) != chosen:
        st.session_state[PRESET] = preset_naming(ranges, chosen)
    # only when the range changed: a half-picked range (its first day) stays in the field
    if st.session_state.get(DATES_SHOWN) != chosen:
        st.session_state[DATE_RANGE] = (chosen.start, chosen.end)
        st.session_state[DATES_SHOWN] = chosen


def follow_language() -> None:
    """After a language switch, send the worded widgets their values again.

    A keyed widget keeps its identity when its options' wording changes, and the browser
    keeps showing the old wording of the chosen options until the value is set anew.
    """
    lang = st.session_state[LANG]
    if st.session_state.get(LANG_SHOWN) not in (None, lang):
        for key in _WORDED_WIDGETS:
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
    st.session_state[LANG_SHOWN] = lang


def event_order() -> EventOrder:
    """The chosen order of the event list."""
    return EventOrder(st.session_state[ORDER] or EventOrder.NEWEST)


def list_changed() -> None:
    """Callback of the list's search and order: back to its first page."""
    st.session_state[PAGE] = 1


def page_chosen_below() -> None:
    """Callback of the page buttons under the list: the same page above."""
    st.session_state[PAGE] = st.session_state[PAGE_BOTTOM]
