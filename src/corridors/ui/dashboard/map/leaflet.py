"""The Leaflet map on the page: streamlit-folium; a click selects, a pan goes in the link.

The base map never changes with filters, so the component is not reloaded; the data
layers (:func:`~corridors.render.leaflet.builder.build_feature_groups`) and the camera are
updated in place. Leaflet reports its centre and zoom after each pan (a rerun), so the map
is seen from the reader's position and its cells of reported events follow the reader.
"""

from __future__ import annotations

from typing import Any, Final

import streamlit as st
from streamlit_folium import st_folium

from corridors.core import settings
from corridors.geo.camera import Camera, fit_bounds
from corridors.render.framing import Framing
from corridors.render.leaflet.builder import build_base_map, build_feature_groups
from corridors.render.leaflet.renderer import LEAFLET
from corridors.render.reported_layer import MapView
from corridors.render.scene import DEFAULT_BOUNDS
from corridors.ui.dashboard import session
from corridors.ui.dashboard.map.adapter import FROM_MAP, MapDraw, select

#: The Leaflet click count last handled (streamlit-folium counts clicks on features).
LEAFLET_CLICKS: Final = "leaflet_map_clicks"
#: What streamlit-folium returns: the last feature clicked and the map's position.
LEAFLET_RETURNS: Final = ["last_active_drawing", "last_object_clicked_count", "center", "zoom"]
#: Digits kept of a position read back from Leaflet (those of a link, about 10 m).
POSITION_DIGITS: Final = 4
ZOOM_DIGITS: Final = 2


class LeafletAdapter:
    """Leaflet through ``st_folium``: a base map that stays, data layers updated in place."""

    name: Final = LEAFLET.name

    def map_view(self, framing: Framing) -> MapView:
        """The reader's position, read back from the map, or else the one given.

        Leaflet does not report its width: :data:`settings.assumed_map_width` is used.
        """
        chosen = st.session_state[session.CAMERA]
        camera = Camera(*chosen) if chosen else framing.camera
        return MapView(camera, settings.assumed_map_width, settings.dashboard_map_height)

    def draw(self, draw: MapDraw) -> None:
        """The map of the scene; clicks and pans come back in :func:`_on_leaflet_change`."""
        camera = draw.framing.camera
        home = fit_bounds(DEFAULT_BOUNDS, height=settings.dashboard_map_height)
        base = build_base_map(camera=home, basemap=draw.basemap)
        st_folium(
            base,
            key=session.LEAFLET_MAP,
            height=settings.dashboard_map_height,
            use_container_width=True,
            feature_group_to_add=build_feature_groups(draw.scene, draw.translate, draw.reported),
            center=(camera.lat, camera.lon),
            zoom=camera.zoom,
            returned_objects=LEAFLET_RETURNS,
            on_change=_on_leaflet_change,
            wrap_longitude=True,  # a position in the link is within -180..180
        )


def _on_leaflet_change() -> None:
    """A click on a feature or cell selects it; a pan or zoom puts the position in the link."""
    state: dict[str, Any] = st.session_state.get(session.LEAFLET_MAP) or {}
    clicks = state.get("last_object_clicked_count")
    if clicks != st.session_state.get(LEAFLET_CLICKS):
        st.session_state[LEAFLET_CLICKS] = clicks
        drawing = state.get("last_active_drawing") or {}
        properties = drawing.get("properties") or {}
        if properties.get("id"):
            select(str(properties.get("layer")), str(properties["id"]))
    position = leaflet_position(state)
    if position is not None:
        st.session_state[session.CAMERA] = position
    st.session_state[FROM_MAP] = True


def leaflet_position(state: dict[str, Any]) -> tuple[float, float, float] | None:
    """Latitude, longitude and zoom of the Leaflet map, rounded as a link writes them."""
    center, zoom = state.get("center"), state.get("zoom")
    if not isinstance(center, dict) or not isinstance(zoom, int | float):
        return None
    lat, lon = center.get("lat"), center.get("lng")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    return (round(lat, POSITION_DIGITS), round(lon, POSITION_DIGITS), round(zoom, ZOOM_DIGITS))
