"""The map: deck.gl or Leaflet, drawing the scene; a click selects the feature.

One chart per renderer for the life of the page (stable keys): a click, a filter or a
selection updates the data and the highlight in place, and the reader's pan and zoom are
kept; the camera moves only when the reader asks to see something new (see
:mod:`corridors.render.framing`). Clicks name features by id
(see :mod:`corridors.render.deck.picking`).

With imported events, their cells (:mod:`corridors.render.reported_layer`) are counted for the
map's view: for deck.gl that is the camera the app last gave the chart (its framing),
because Streamlit's deck.gl chart does not report the reader's pans and zooms; Leaflet
reports its centre and zoom after each pan (a rerun), so its cells follow the reader.
Neither reports its width, so :data:`settings.assumed_map_width` is used. A click on a
cell selects it (:func:`session.select_cell`).
"""

from __future__ import annotations

from typing import Any, Final

import streamlit as st
from streamlit_folium import st_folium

from corridors.core import settings
from corridors.geo.camera import Camera, fit_bounds
from corridors.i18n import Translator
from corridors.links.state import Renderer
from corridors.render.deck.builder import build_deck
from corridors.render.deck.picking import picked_row, stamp_layer_ids
from corridors.render.framing import Framing, next_framing
from corridors.render.leaflet.builder import build_base_map, build_feature_groups
from corridors.render.reported_layer import (
    CELLS_LAYER,
    MapView,
    ReportedLayer,
    build_reported_layer,
)
from corridors.render.scene import DEFAULT_BOUNDS, Scene, SceneRequest
from corridors.ui.common.data import cached_scene, event_store, imported_sources
from corridors.ui.dashboard import session
from corridors.ui.dashboard.reported.query import reported_query

#: The framing of the map (what the reader last asked to see, the camera last given).
FRAMING: Final = "map_framing"
#: Set by the map's own callbacks: this run's change of selection or position came from
#: the map, which is already where the reader put it.
FROM_MAP: Final = "map_changed_itself"
#: The deck.gl layer ids last sent (a selection on any other layer is stale).
DECK_LAYERS: Final = "deck_map_layers"
#: The Leaflet click count last handled (streamlit-folium counts clicks on features).
LEAFLET_CLICKS: Final = "leaflet_map_clicks"
#: What streamlit-folium returns: the last feature clicked and the map's position.
LEAFLET_RETURNS: Final = ["last_active_drawing", "last_object_clicked_count", "center", "zoom"]
#: Digits kept of a position read back from Leaflet (those of a link, about 10 m).
POSITION_DIGITS: Final = 4
ZOOM_DIGITS: Final = 2
#: The transition, in ms, that makes deck.gl show a new camera at once. Streamlit 1.67's
#: deck.gl chart shows a new camera without a transition only on the run after the one
#: that sent it (its view state lags one spec behind); a transition is applied at once.
#: It lasts a frame: a longer flight is frozen where it is when a rerun redraws the chart
#: mid-flight (seen under load: a 600 ms flight stopped halfway, 3 times in 3). The
#: duration alternates by one ms from one move to the next so that it is always a changed
#: value of the view.
FLY_MS: Final = 1


def render_map(request: SceneRequest, translate: Translator) -> None:
    """Draw the chosen renderer; clicks on features go to :func:`session.select_feature`."""
    scene = cached_scene(request)
    framing = _framing(scene, request)
    basemap = st.session_state[session.BASEMAP]
    if session.renderer() is Renderer.LEAFLET:
        reported = _reported(st.session_state[session.CAMERA] or framing.camera)
        _render_leaflet(scene, translate, framing.camera, basemap, reported)
    else:
        _render_deck(scene, translate, framing, basemap, _reported(framing.camera))


def _reported(camera: Camera | tuple[float, float, float]) -> ReportedLayer | None:
    """The cells of reported events seen from ``camera``; ``None`` with nothing imported.

    Cells show every event in the filters (dates, kinds, sources), not only those of the
    selected feature (see :mod:`corridors.render.reported_layer`).
    """
    if not imported_sources():
        return None
    view = MapView(
        camera if isinstance(camera, Camera) else Camera(*camera),
        settings.assumed_map_width,
        settings.dashboard_map_height,
    )
    selected = st.session_state[session.CELL]
    return build_reported_layer(event_store(), reported_query(), view, selected=selected)


def _framing(scene: Scene, request: SceneRequest) -> Framing:
    """The camera to give the map this run (the one last given unless asked otherwise)."""
    chosen = st.session_state[session.CAMERA]
    requested = (
        Camera(*chosen)
        if chosen
        else fit_bounds(scene.bounds, height=settings.dashboard_map_height)
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
    framing = next_framing(previous, asked, requested, moves=something and not from_map)
    st.session_state[FRAMING] = framing
    return framing


def _render_deck(
    scene: Scene,
    translate: Translator,
    framing: Framing,
    basemap: str,
    reported: ReportedLayer | None,
) -> None:
    deck = build_deck(scene, translate, camera=framing.camera, basemap=basemap, reported=reported)
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


def _render_leaflet(
    scene: Scene,
    translate: Translator,
    camera: Camera,
    basemap: str,
    reported: ReportedLayer | None,
) -> None:
    # The base map never changes with filters, so the component is not reloaded;
    # data layers and the camera are updated in place.
    base = build_base_map(
        camera=fit_bounds(DEFAULT_BOUNDS, height=settings.dashboard_map_height), basemap=basemap
    )
    st_folium(
        base,
        key=session.LEAFLET_MAP,
        height=settings.dashboard_map_height,
        use_container_width=True,
        feature_group_to_add=build_feature_groups(scene, translate, reported),
        center=(camera.lat, camera.lon),
        zoom=camera.zoom,
        returned_objects=LEAFLET_RETURNS,
        on_change=_on_leaflet_change,
        wrap_longitude=True,  # a position in the link is within -180..180
    )


def _on_deck_select() -> None:
    """A click on the deck.gl map: select the clicked feature or cell, keep the camera."""
    state: Any = st.session_state[session.DECK_MAP]
    picked = picked_row(state.selection, st.session_state.get(DECK_LAYERS, frozenset()))
    if picked is None:  # a click off every feature, or the selection dropped
        return
    _select(picked.layer, picked.id)
    st.session_state[FROM_MAP] = True
    # new layer ids on the next run: Streamlit drops this handled selection
    st.session_state[session.DECK_GENERATION] = st.session_state.get(session.DECK_GENERATION, 0) + 1


def _on_leaflet_change() -> None:
    """A click on a feature or cell selects it; a pan or zoom puts the position in the link."""
    state: dict[str, Any] = st.session_state.get(session.LEAFLET_MAP) or {}
    clicks = state.get("last_object_clicked_count")
    if clicks != st.session_state.get(LEAFLET_CLICKS):
        st.session_state[LEAFLET_CLICKS] = clicks
        drawing = state.get("last_active_drawing") or {}
        properties = drawing.get("properties") or {}
        if properties.get("id"):
            _select(str(properties.get("layer")), str(properties["id"]))
    position = leaflet_position(state)
    if position is not None:
        st.session_state[session.CAMERA] = position
    st.session_state[FROM_MAP] = True


def _select(layer: str, row_id: str) -> None:
    """Select what a click on the map named: a cell of reported events, or a feature."""
    if layer == CELLS_LAYER:
        session.select_cell(row_id)
    else:
        session.select_feature(row_id)


def leaflet_position(state: dict[str, Any]) -> tuple[float, float, float] | None:
    """Latitude, longitude and zoom of the Leaflet map, rounded as a link writes them."""
    center, zoom = state.get("center"), state.get("zoom")
    if not isinstance(center, dict) or not isinstance(zoom, int | float):
        return None
    lat, lon = center.get("lat"), center.get("lng")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    return (round(lat, POSITION_DIGITS), round(lon, POSITION_DIGITS), round(zoom, ZOOM_DIGITS))
