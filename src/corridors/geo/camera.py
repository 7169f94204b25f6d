"""Fit a longitude/latitude box into a map camera (centre and Web Mercator zoom)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from corridors.core import settings

Bounds = tuple[float, float, float, float]  # west, south, east, north

#: Zoom levels here are those of web maps and links (a 256 px world at zoom 0, as in
#: Leaflet and OpenStreetMap); deck.gl's world is 512 px, so its zoom is one less (the map
#: component converts: ``frontend/deck-map/src/camera.ts``).
TILE_SIZE: Final = 256


@dataclass(frozen=True, slots=True)
class Camera:
    """Where a map looks: centre latitude and longitude and a zoom level."""

    lat: float
    lon: float
    zoom: float


def mercator_y(lat: float) -> float:
    """Latitude to Web Mercator y in [0, 1] world units (0 at the top)."""
    sine = math.sin(math.radians(max(min(lat, 85.0), -85.0)))
    return 0.5 - math.log((1 + sine) / (1 - sine)) / (4 * math.pi)


def mercator_latitude(y: float) -> float:
    """Web Mercator y in world units to latitude (the inverse of :func:`mercator_y`)."""
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))


def fit_bounds(
    bounds: Bounds,
    *,
    width: int | None = None,
    height: int = 560,
    padding: float = 0.05,
) -> Camera:
    """The camera that shows ``bounds`` inside a ``width`` x ``height`` pixel map.

    ``width`` defaults to :data:`settings.narrowest_map_width`: a view fitted to the
    narrowest column still shows everything in a wider one (the map column's width is
    not known on the server). ``padding`` is the share of the map kept free on every side.
    """
    width = settings.narrowest_map_width if width is None else width
    west, south, east, north = bounds
    top, bottom = mercator_y(north), mercator_y(south)
    centre_lat = mercator_latitude((top + bottom) / 2)
    span_x = max((east - west) / 360.0, 1e-9)
    span_y = max(bottom - top, 1e-9)
    usable = 1 - 2 * padding
    zoom_x = math.log2(width * usable / (TILE_SIZE * span_x))
    zoom_y = math.log2(height * usable / (TILE_SIZE * span_y))
    zoom = min(zoom_x, zoom_y, settings.max_fit_zoom)
    return Camera(lat=round(centre_lat, 4), lon=round((west + east) / 2, 4), zoom=round(zoom, 2))


def camera_extent(camera: Camera, *, width: int, height: int) -> Bounds:
    """The box a ``width`` x ``height`` pixel map seen from ``camera`` shows.

    The inverse of :func:`fit_bounds` without padding.
    """
    world = TILE_SIZE * 2**camera.zoom
    half_x, half_y = width / 2 / world, height / 2 / world
    centre_y = mercator_y(camera.lat)
    return (
        camera.lon - half_x * 360,
        mercator_latitude(centre_y + half_y),
        camera.lon + half_x * 360,
        mercator_latitude(centre_y - half_y),
    )
