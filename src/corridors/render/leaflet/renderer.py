"""The Leaflet renderer as a :class:`~corridors.render.protocol.MapRenderer`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from corridors.core.basemaps import BUNDLED
from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.leaflet.builder import OfflineMap, build_map
from corridors.render.reported_layer import ReportedLayer
from corridors.render.scene import Scene


@dataclass(frozen=True, slots=True)
class LeafletRenderer:
    """Leaflet through folium: the map is an :class:`OfflineMap` (base map and data layers)."""

    name: str = "leaflet"
    label_key: str = "renderers.leaflet"

    def build(
        self,
        scene: Scene,
        translate: Translator,
        *,
        camera: Camera,
        basemap: str = BUNDLED,
        reported: ReportedLayer | None = None,
    ) -> OfflineMap:
        """See :func:`~corridors.render.leaflet.builder.build_map`."""
        return build_map(scene, translate, camera=camera, basemap=basemap, reported=reported)


LEAFLET: Final = LeafletRenderer()
