"""Where the map writes names, and which give way when they collide (renderer-neutral).

A label's rank comes from the data (a record's ``label_rank``) or else from its kind
(the tables in :mod:`corridors.render.styles`); a selected feature's label outranks all others.
Both renderers hide a label that would overlap one of a lower rank, so the most important
names show at the default zoom and more appear as the reader zooms in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import shapely
from shapely.geometry import LineString, MultiLineString, MultiPoint, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.models import Boundary, BoundaryKind, Corridor, Place, PlaceKind, WaterBody
from corridors.i18n import Translator
from corridors.render.styles import (
    BOUNDARY_LABEL_RANK,
    CORRIDOR_LABEL_RANK,
    PLACE_LABEL_RANK,
    SELECTED_LABEL_RANK,
    WATER_LABEL_RANK,
)

#: Gap in pixels between a place's dot and its label.
LABEL_GAP = 2.0
#: Other places for an area's name: the deepest points of a grid of INNER_GRID x INNER_GRID
#: over the area, at least INNER_DEPTH as deep as its pole, INNER_POINTS at most.
INNER_GRID = 10
INNER_DEPTH = 0.15
INNER_POINTS = 16


@dataclass(frozen=True, slots=True)
class SceneLabel:
    """A name written on the map, in the scene's language (logical order, not shaped)."""

    id: str
    text: str
    lon: float
    lat: float
    #: 0 (selected) .. 9: a label gives way to any label of a lower rank it would overlap.
    rank: int
    #: A key of :data:`corridors.render.styles.LABEL_STYLES`.
    style: str
    #: Pixels between a place's position and the bottom of its label (0: centred on it).
    offset: float = 0.0
    #: Where else the label may go, best first (``(lon, lat)``; the first is ``lon, lat``):
    #: points along a line, away from places, for a renderer that places labels itself.
    anchors: tuple[tuple[float, float], ...] = ()


class Drawn(Protocol):
    """What labelling needs of a drawn feature (a :class:`corridors.render.scene.SceneFeature`)."""

    @property
    def id(self) -> str: ...  # noqa: D102
    @property
    def layer(self) -> str: ...  # noqa: D102
    @property
    def highlighted(self) -> bool: ...  # noqa: D102
    @property
    def radius(self) -> float: ...  # noqa: D102
    @property
    def geometry(self) -> BaseGeometry: ...  # noqa: D102


def scene_labels(
    catalog: Catalog, drawn: Iterable[Drawn], translate: Translator
) -> tuple[SceneLabel, ...]:
    """A label for each drawn feature, most important first (rank, then id)."""
    water = {body.id: body for body in catalog.water}
    places = MultiPoint([(place.lon, place.lat) for place in catalog.places])
    labels = []
    for feature in drawn:
        record = water.get(feature.id) or catalog.feature(feature.id)
        label = _label(record, feature, translate, places)
        labels.append(label)
    return tuple(sorted(labels, key=lambda label: (label.rank, label.id)))


def _label(
    record: Boundary | Place | Corridor | WaterBody,
    feature: Drawn,
    translate: Translator,
    places: BaseGeometry,
) -> SceneLabel:
    short = getattr(record, "short_name", None)
    text = translate.text(short or record.names)
    rank = record.label_rank or _default_rank(record)
    if feature.highlighted:
        rank = SELECTED_LABEL_RANK
    anchors = _anchors(record, feature.geometry, places)
    lon, lat = anchors[0]
    if isinstance(record, Place):
        style = "capital" if record.kind is PlaceKind.CAPITAL else "place"
        gap = feature.radius + LABEL_GAP
        return SceneLabel(record.id, text, lon, lat, rank, style, gap, anchors)
    if isinstance(record, Corridor):
        style = "route" if record.subject else "corridor"
    elif isinstance(record, WaterBody):
        style = "water"
    else:
        country = feature.layer == "countries" and record.kind is BoundaryKind.COUNTRY
        style = "country" if country else "region"
    return SceneLabel(record.id, text, lon, lat, rank, style, anchors=anchors)


def _default_rank(record: Boundary | Place | Corridor | WaterBody) -> int:
    if isinstance(record, Place):
        return PLACE_LABEL_RANK[record.kind]
    if isinstance(record, Boundary):
        return BOUNDARY_LABEL_RANK[record.kind]
    if isinstance(record, WaterBody):
        return WATER_LABEL_RANK[record.kind]
    return CORRIDOR_LABEL_RANK


def _anchors(
    record: Boundary | Place | Corridor | WaterBody, geometry: BaseGeometry, places: BaseGeometry
) -> tuple[tuple[float, float], ...]:
    """Longitudes and latitudes a label may be written at, best first.

    Given in the data first, then derived from the geometry: a point is labelled where it
    is; a line along its middle, farthest from any place first (lines run through places,
    whose dots a name must not cover); an area at the pole of inaccessibility of its largest
    part (the point inside farthest from its outline), then at other points well inside.
    """
    given = getattr(record, "label_at", None)
    if isinstance(geometry, Point):
        return _given(given) or ((geometry.x, geometry.y),)
    if isinstance(geometry, LineString | MultiLineString):
        stops = [geometry.interpolate(share / 20, normalized=True) for share in range(6, 15)]
        stops.sort(key=lambda stop: -round(stop.distance(places), 6))
        return _given(given) + tuple((round(stop.x, 4), round(stop.y, 4)) for stop in stops)
    parts = getattr(geometry, "geoms", [geometry])
    largest = max(parts, key=lambda part: part.area)
    return _given(given) + _inner_points(shapely.to_wkb(largest))


def _given(label_at: tuple[float, float] | None) -> tuple[tuple[float, float], ...]:
    """The data's label position (latitude, longitude) as the first anchor, if given."""
    if label_at is None:
        return ()
    lat, lon = label_at
    return ((lon, lat),)


@lru_cache(maxsize=settings.cached_label_areas)
def _inner_points(shape: bytes) -> tuple[tuple[float, float], ...]:
    """The pole of inaccessibility, then other points well inside an area, deepest first.

    A renderer that places labels itself tries them in turn, so that an area's name stays
    inside the area when its middle is taken by other names. The area comes as its WKB
    (``shape``): the points of each shape are worked out once.
    """
    area = shapely.from_wkb(shape)
    pole = polylabel(area, tolerance=0.01)
    depth = area.exterior.distance(pole)
    west, south, east, north = area.bounds
    step = max(east - west, north - south) / INNER_GRID
    grid = (
        Point(west + step * (column + 0.5), south + step * (row + 0.5))
        for row in range(INNER_GRID)
        for column in range(INNER_GRID)
    )
    deep = [point for point in grid if area.contains(point)]
    deep = [point for point in deep if area.exterior.distance(point) >= depth * INNER_DEPTH]
    deep.sort(key=lambda point: -area.exterior.distance(point))
    points = [pole, *deep[:INNER_POINTS]]
    return tuple((round(float(point.x), 4), round(float(point.y), 4)) for point in points)
