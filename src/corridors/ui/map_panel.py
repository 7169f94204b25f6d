"""The map: deck.gl or Leaflet, drawing the scene; a click selects the feature."""

from __future__ import annotations

from functools import partial
from typing import Any, Final

import streamlit as st
from streamlit_folium import st_folium

from corridors.deck import build_deck
from corridors.i18n import Translator
from corridors.leaflet import build_base_map, build_feature_groups
from corridors.scene import DEFAULT_BOUNDS, Scene, SceneRequest
from corridors.state import Renderer
from corridors.ui import session
from corridors.ui.data import cached_scene
from corridors.viewport import Camera, fit_bounds

MAP_HEIGHT: Final = 560


def render_map(request: SceneRequest, translate: Translator) -> None:
    """Draw the chosen renderer; clicks on features go to :func:`session.select_feature`."""
    scene = cached_scene(request)
    chosen = st.session_state[session.CAMERA]
    camera = Camera(*chosen) if chosen else fit_bounds(scene.bounds, height=MAP_HEIGHT)
    basemap = st.session_state[session.BASEMAP]
    if session.renderer() is Renderer.LEAFLET:
        _render_leaflet(scene, translate, camera, basemap)
    else:
        deck = build_deck(scene, translate, camera=camera, basemap=basemap)
        # Streamlit keeps a deck.gl selection as row indices into the layer data, and the
        # rows change with the selection and the filters; so a handled click retires the
        # chart's key, and the next rerun starts a chart with no stale selection.
        key = f"{session.DECK_MAP}-{st.session_state.get(session.DECK_GENERATION, 0)}"
        st.pydeck_chart(
            deck,
            height=MAP_HEIGHT,
            on_select=partial(_on_deck_select, key),
            selection_mode="single-object",
            key=key,
        )


def _render_leaflet(scene: Scene, translate: Translator, camera: Camera, basemap: str) -> None:
    # The base map never changes with filters, so the component is not reloaded;
    # data layers and the camera are updated in place.
    base = build_base_map(camera=fit_bounds(DEFAULT_BOUNDS, height=MAP_HEIGHT), basemap=basemap)
    st_folium(
        base,
        key=session.LEAFLET_MAP,
        height=MAP_HEIGHT,
        use_container_width=True,
        feature_group_to_add=build_feature_groups(scene, translate),
        center=(camera.lat, camera.lon),
        zoom=camera.zoom,
        returned_objects=["last_active_drawing"],
        on_change=_on_leaflet_click,
    )


def _on_deck_select(key: str) -> None:
    state: Any = st.session_state[key]
    objects: dict[str, list[dict[str, Any]]] = state.selection.get("objects", {})
    for picked in objects.values():
        if picked:
            session.select_feature(str(picked[0]["id"]))
            generation = st.session_state.get(session.DECK_GENERATION, 0)
            st.session_state[session.DECK_GENERATION] = generation + 1
            return


def _on_leaflet_click() -> None:
    state: dict[str, Any] = st.session_state.get(session.LEAFLET_MAP) or {}
    drawing = state.get("last_active_drawing") or {}
    feature_id = (drawing.get("properties") or {}).get("id")
    if feature_id:
        session.select_feature(str(feature_id))
