"""Where the map writes names, and which give way when they collide (renderer-neutral).

A label's rank comes from the data (a record's ``label_rank``) or else from its kind
(the tables in :mod:`corridors.render.styles`); a selected feature's label outranks all others.
Both renderers hide a label that would overlap one of a lower rank, so the most important
names show at the default zoom and more appear as the reader zooms in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from shapely.geometry import LineString, MultiLineString, MultiPoint, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from corridors.data.catalog import Catalog
from corridors.data.models import Boundary, Corridor, Place, PlaceKind, WaterBody
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
    lon, lat = _anchor(record, feature.geometry, places)
    if isinstance(record, Place):
        style = "capital" if record.kind is PlaceKind.CAPITAL else "place"
        return SceneLabel(record.id, text, lon, lat, rank, style, feature.radius + LABEL_GAP)
    if isinstance(record, Corridor):
        style = "route" if record.subject else "corridor"
    elif isinstance(record, WaterBody):
        style = "water"
    else:
        style = "country" if feature.layer == "countries" else "region"
    return SceneLabel(record.id, text, lon, lat, rank, style)


def _default_rank(record: Boundary | Place | Corridor | WaterBody) -> int:
    if isinstance(record, Place):
        return PLACE_LABEL_RANK[record.kind]
    if isinstance(record, Boundary):
        return BOUNDARY_LABEL_RANK[record.kind]
    if isinstance(record, WaterBody):
        return WATER_LABEL_RANK[record.kind]
    return CORRIDOR_LABEL_RANK


def _anchor(
    record: Boundary | Place | Corridor | WaterBody, geometry: BaseGeometry, places: BaseGeometry
) -> tuple[float, float]:
    """Longitude and latitude of a label: given in the data, or derived from the geometry.

    A point is labelled where it is; a line near its middle, where it is farthest from
    any place (lines run through places, whose dots a name must not cover); an area at
    the pole of inaccessibility of its largest part (the point inside farthest from its
    outline).
    """
    given = getattr(record, "label_at", None)
    if given is not None:
        lat, lon = given
        return lon, lat
    if isinstance(geometry, Point):
        return geometry.x, geometry.y
    if isinstance(geometry, LineString | MultiLineString):
        stops = [geometry.interpolate(share / 20, normalized=True) for share in range(6, 15)]
        best = max(stops, key=lambda stop: round(stop.distance(places), 6))
        return round(best.x, 4), round(best.y, 4)
    parts = getattr(geometry, "geoms", [geometry])
    largest = max(parts, key=lambda part: part.area)
    pole = polylabel(largest, tolerance=0.01)
    return round(float(pole.x), 4), round(float(pole.y), 4)


def glyphs(texts: Iterable[str]) -> str:
    """Every character the texts use, once each, sorted (deck.gl's ``characterSet``)."""
    return "".join(sorted(set("".join(texts))))
