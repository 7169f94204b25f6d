"""The Leaflet renderer as a :class:`~corridors.render.protocol.MapRenderer`.

Its map is an :class:`~corridors.render.leaflet.builder.OfflineMap` (base map and data layers).
"""

from __future__ import annotations

from typing import Final

from corridors.render.leaflet.builder import OfflineMap, build_map
from corridors.render.protocol import BuilderRenderer

LEAFLET: Final[BuilderRenderer[OfflineMap]] = BuilderRenderer(
    "leaflet", "renderers.leaflet", build_map
)
