"""The deck.gl map on the page: Streamlit's deck.gl chart; a click selects by feature id.

Streamlit's deck.gl chart does not report the reader's pans and zooms, so the map is seen
from the camera the app last gave it (its framing). Clicks name features by id
(:mod:`corridors.render.deck.picking`).
"""

from __future__ import annotations

from typing import Any, Final

import streamlit as st

from corridors.core import settings
from corridors.geo.camera import Camera
from corridors.render.deck.picking import picked_row, stamp_layer_ids
from corridors.render.deck.renderer import DECK
from corridors.render.framing import Framing
from corridors.ui.dashboard import session
from corridors.ui.dashboard.map.adapter import FROM_MAP, MapDraw, select

#: The deck.gl layer ids last sent (a selection on any other layer is stale).
DECK_LAYERS: Final = "deck_map_layers"
#: The transition, in ms, that makes deck.gl show a new camera at once. Streamlit 1.67's
#: deck.gl chart shows a new camera without a transition only on the run after the one
#: that sent it (its view state lags one spec behind); a transition is applied at once.
#: It lasts a frame: a longer flight is frozen where it is when a rerun redraws the chart
#: mid-flight (seen under load: a 600 ms flight stopped halfway, 3 times in 3). The
#: duration alternates by one ms from one move to the next so that it is always a changed
#: value of the view.
FLY_MS: Final = 1


class DeckAdapter:
    """deck.gl through ``st.pydeck_chart``, one chart for the life of the page."""

    name: Final = DECK.name

    def view_camera(self, framing: Framing) -> Camera:
        """The camera last given to the chart (it does not report the reader's)."""
        return framing.camera

    def draw(self, draw: MapDraw) -> None:
        """The chart of the scene; a click selects (:func:`_on_deck_select`)."""
        framing = draw.framing
        deck = DECK.build(
            draw.scene,
            draw.translate,
            camera=framing.camera,
            basemap=draw.basemap,
            reported=draw.reported,
        )
        deck.initial_view_state.transition_duration = FLY_MS + framing.moves % 2
        clicks = st.session_state.get(session.DECK_GENERATION, 0)
        st.session_state[DECK_LAYERS] = stamp_layer_ids(deck, clicks=clicks)
        st.pydeck_chart(
            deck,
            height=settings.dashboard_map_height,
            on_select=_on_deck_select,
            selection_mode="single-object",
            key=session.DECK_MAP,
        )


def _on_deck_select() -> None:
    """A click on the deck.gl map: select the clicked feature or cell, keep the camera."""
    state: Any = st.session_state[session.DECK_MAP]
    picked = picked_row(state.selection, st.session_state.get(DECK_LAYERS, frozenset()))
    if picked is None:  # a click off every feature, or the selection dropped
        return
    select(picked.layer, picked.id)
    st.session_state[FROM_MAP] = True
    # new layer ids on the next run: Streamlit drops this handled selection
    st.session_state[session.DECK_GENERATION] = st.session_state.get(session.DECK_GENERATION, 0) + 1
