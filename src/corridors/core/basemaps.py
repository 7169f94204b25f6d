"""The basemaps a map can be drawn on, listed once for the link, the sidebar and both renderers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Basemap:
    """A basemap: its MapLibre style for deck.gl and its raster tiles for Leaflet.

    ``style`` is served by the app itself (``static/``); ``tiles`` is ``None`` for the
    bundled basemap, which is only a background colour and needs no network.
    """

    name: str
    style: str
    tiles: str | None = None
    attribution: str = ""


BUNDLED: Final = "bundled"
BASEMAPS: Final = {
    basemap.name: basemap
    for basemap in (
        Basemap(BUNDLED, "/app/static/basemap-bundled.json"),
        Basemap(
            "osm",
            "/app/static/basemap-osm.json",
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "&copy; OpenStreetMap contributors",
        ),
        Basemap(
            "carto",
            "/app/static/basemap-carto.json",
            "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
            "&copy; OpenStreetMap contributors &copy; CARTO",
        ),
    )
}
