"""The deck.gl map on the page: the atlas's own map component (Streamlit components v1).

The component (:mod:`corridors.render.deck.component`) fits the map to its box, keeps the
reader's pan and zoom, places the labels and clusters the event marks in the browser. It
sends back the view it shows (centre, zoom, size) and each click, with what it picked
(:mod:`corridors.ui.dashboard.map.clicks`): a click selects; a pan or zoom by the reader
goes into the link; the view counts the cells of reported events.
"""

from __future__ import annotations

from typing import Any, Final

import streamlit as st

from corridors.core import settings
from corridors.geo.camera import Camera
from corridors.render.deck.component import (
    DASHBOARD_LABELS,
    PRESENTER_LABELS,
    component_drawing,
    map_frame,
)
from corridors.render.deck.renderer import DECK
from corridors.render.framing import Framing
from corridors.render.reported_layer import MapView
from corridors.ui.common.deck_map import mount_deck_map, resend_asked
from corridors.ui.dashboard import session
from corridors.ui.dashboard.map.adapter import FROM_MAP, MapDraw, select
from corridors.ui.dashboard.map.clicks import MapValue, clicked_feature, map_value

#: The view the map last reported (a :class:`~corridors.ui.dashboard.map.clicks.MapValue`).
DECK_VIEW: Final = "deck_map_view"
#: The number of the map's last message handled (a message is handled once).
DECK_SEQ: Final = "deck_map_seq"


class DeckAdapter:
    """deck.gl through the atlas's map component, one for the life of the page."""

    name: Final = DECK.name

    def map_view(self, framing: Framing) -> MapView:
        """The view the map last reported, or else the camera given (at the assumed width)."""
        shown: MapValue | None = st.session_state.get(DECK_VIEW)
        if shown is None:
            height = settings.dashboard_map_height
            return MapView(framing.camera, settings.assumed_map_width, height)
        view = shown.view
        return MapView(Camera(view.lat, view.lon, view.zoom), view.width, view.height)

    def draw(self, draw: MapDraw) -> None:
        """The map of the scene; clicks and moves come back in :func:`_on_map_change`."""
        presenting = session.page_mode() is not None
        drawing = component_drawing(
            draw.scene,
            draw.translate,
            basemap=draw.basemap,
            reported=draw.reported,
            labels=PRESENTER_LABELS if presenting else DASHBOARD_LABELS,
        )
        mount_deck_map(
            {**drawing, "frame": _frame(draw.framing)},
            height=settings.dashboard_map_height,
            key=session.DECK_MAP,
            report_view=draw.reported is not None,
            on_change=_on_map_change,
            only_changes=session.playback().playing,
        )


def _frame(framing: Framing) -> dict[str, Any]:
    """Where the map is asked to look: fitted bounds, or a camera asked for as such."""
    camera = framing.camera
    if framing.bounds is not None:
        return map_frame(framing.bounds, moves=framing.moves)
    return map_frame((camera.lon, camera.lat, camera.lon, camera.lat), camera, framing.moves)


def _on_map_change() -> None:
    """A message from the map: a click selects; a reader's move goes into the link."""
    value = map_value(st.session_state.get(session.DECK_MAP))
    if value is None or value.seq == st.session_state.get(DECK_SEQ):
        return
    st.session_state[DECK_SEQ] = value.seq
    if value.resend:  # nothing else in it (the map has not drawn yet)
        resend_asked(session.DECK_MAP)
        return
    st.session_state[DECK_VIEW] = value
    if value.click is not None:
        chosen = clicked_feature(value.click, st.session_state[session.FEATURE])
        select(value.click.layer, chosen)
    if value.moved:
        view = value.view
        st.session_state[session.CAMERA] = (view.lat, view.lon, view.zoom)
    st.session_state[FROM_MAP] = True
