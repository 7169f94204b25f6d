"""The map: the chosen renderer's adapter draws the scene; a click selects the feature.

One chart per renderer for the life of the page (stable keys): a click, a filter or a
selection updates the data and the highlight in place, and the reader's pan and zoom are
kept; the camera moves only when the reader asks to see something new (see
:mod:`corridors.render.framing`). The renderer is picked by name from the adapters
(:mod:`corridors.ui.dashboard.map.adapters`: :mod:`~corridors.ui.dashboard.map.deck`,
:mod:`~corridors.ui.dashboard.map.leaflet`).

With imported events, their cells (:mod:`corridors.render.reported_layer`) are counted for
what the adapter says the map shows (:meth:`MapAdapter.map_view`): the deck.gl component
reports its centre, zoom and size; Leaflet its centre and zoom (its width is taken to be
:data:`settings.assumed_map_width`). A click on a cell selects it
(:func:`session.select_cell`).
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from corridors.core import settings
from corridors.geo.camera import Camera, camera_extent, fit_bounds
from corridors.i18n import Translator
from corridors.render.framing import Framing, next_framing
from corridors.render.reported_layer import MapView, ReportedLayer, build_reported_layer
from corridors.render.scene import Scene, SceneRequest
from corridors.ui.common.data import cached_scene, cell_gazetteer, event_store, imported_sources
from corridors.ui.dashboard import session
from corridors.ui.dashboard.map.adapter import FROM_MAP, MapDraw
from corridors.ui.dashboard.map.adapters import adapter
from corridors.ui.dashboard.reported.query import reported_query

#: The framing of the map (what the reader last asked to see, the camera last given).
FRAMING: Final = "map_framing"


def render_map(request: SceneRequest, translate: Translator) -> None:
    """Draw the chosen renderer; clicks on features go to :func:`session.select_feature`."""
    scene = cached_scene(request)
    framing = _framing(scene, request)
    chosen = adapter(session.renderer())
    reported = _reported(chosen.map_view(framing))
    basemap = st.session_state[session.BASEMAP]
    chosen.draw(MapDraw(scene, translate, framing, basemap, reported))


def _reported(view: MapView) -> ReportedLayer | None:
    """The cells of reported events seen in ``view``; ``None`` with nothing imported.

    Cells show every event in the filters (dates, kinds, sources), not only those of the
    selected feature (see :mod:`corridors.render.reported_layer`); while playing, one
    resolution coarser.
    """
    if not imported_sources():
        return None
    selected = st.session_state[session.CELL]
    playing = session.playback().playing
    return build_reported_layer(
        event_store(),
        reported_query(),
        view,
        selected=selected,
        gazetteer=cell_gazetteer(),
        min_cell_px=settings.playing_min_cell_px if playing else settings.min_cell_px,
    )


def _framing(scene: Scene, request: SceneRequest) -> Framing:
    """The camera to give the map this run (the one last given unless asked otherwise)."""
    chosen = st.session_state[session.CAMERA]
    fitted = Camera(*chosen) if chosen else None
    requested = fitted or fit_bounds(scene.bounds, height=settings.dashboard_map_height)
    bounds = None if fitted else scene.bounds
    if fitted and session.page_mode() is not None:  # a step's camera frames what it shows
        bounds = camera_extent(
            fitted, width=settings.story_frame_width, height=settings.story_frame_height
        )
    asked = (
        tuple(chosen) if chosen else None,
        st.session_state[session.EVENT],
        st.session_state[session.FEATURE],
        st.session_state[session.STEP],
    )
    from_map = bool(st.session_state.pop(FROM_MAP, False))
    something = chosen is not None or bool(request.highlighted)
    previous: Framing | None = st.session_state.get(FRAMING)
    moves = something and not from_map
    framing = next_framing(previous, asked, requested, moves=moves, bounds=bounds)
    st.session_state[FRAMING] = framing
    return framing
