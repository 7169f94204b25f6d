"""Readable names of the map's cells: the catalogue's place in the cell, its region, country.

A cell of reported events is named by the gazetteer, never by its H3 id: the first-ranked
catalogue place (capital, then city, town ...; the nearest of a rank) within a cell's width
of its centre, with that place's own region and country (so that a cell on a border is not
named "near Kapan, Azerbaijan"); without a place, the region (the widest below a country)
and the country its centre lies in. A cell outside every catalogue feature is named by its
centre's coordinates. Names are kept per cell (a map shows the same cells run after run).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import h3
import numpy as np
import shapely
from shapely import STRtree

from corridors.data.catalog import Catalog
from corridors.data.models import Boundary, Place
from corridors.geo.cells import cell_resolution
from corridors.i18n import Translator
from corridors.render.styles import BOUNDARY_LABEL_RANK, PLACE_LABEL_RANK

#: Metres in a degree of latitude (the search radius is measured in degrees).
DEGREE_M: Final = 111_320.0
#: Decimal places of a centre's coordinates when no feature names it (about 1 km).
COORDINATE_DIGITS: Final = 2
#: Cells whose names a gazetteer keeps (a few maps' worth: :data:`settings.max_map_cells`
#: is 1,500).
KEPT_NAMES: Final = 20_000

Names = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class CellPlace:
    """What a cell is named by: a place near its centre, the region and country holding it."""

    lat: float
    lon: float
    place: Names | None = None
    region: Names | None = None
    country: Names | None = None

    @property
    def areas(self) -> tuple[Names | None, Names | None]:
        """The region and the country holding the cell's centre (``None`` where none does)."""
        return self.region, self.country

    def lines(self, translate: Translator) -> list[str]:
        """The name in ``translate``'s language: "Near <place>", "<region>, <country>"."""
        lines = []
        if self.place is not None:
            lines.append(translate("cells.near", place=translate.text(self.place)))
        region, country = (translate.text(names) if names else "" for names in self.areas)
        if region and country:
            lines.append(translate("cells.area", region=region, country=country))
        elif region or country:
            lines.append(region or country)
        if not lines:
            lat, lon = (round(value, COORDINATE_DIGITS) for value in (self.lat, self.lon))
            number = translate.number
            lines.append(translate("cells.at", lat=number(lat), lon=number(lon)))
        return lines


class CellGazetteer:
    """Names cells from a catalogue's places, regions and countries (indexed once)."""

    def __init__(self, catalog: Catalog) -> None:
        self._places = sorted(catalog.places, key=_place_rank)
        self._place_tree = STRtree([shapely.Point(p.lon, p.lat) for p in self._places])
        # Nakhchivan (an autonomous republic in the countries' layer) before Azerbaijan
        self._countries = sorted(catalog.countries, key=_region_rank, reverse=True)
        self._country_tree = STRtree([catalog.geometries[c.id] for c in self._countries])
        self._regions = sorted(catalog.regions, key=_region_rank)
        self._region_tree = STRtree([catalog.geometries[r.id] for r in self._regions])
        self._areas = {area.id: area.names for area in (*catalog.countries, *catalog.regions)}
        self.name = lru_cache(maxsize=KEPT_NAMES)(self._name)

    def _name(self, cell: int) -> CellPlace:
        """The place, region and country of an H3 cell (an integer, any resolution)."""
        lat, lon = h3.api.basic_int.cell_to_latlng(cell)
        centre = shapely.Point(lon, lat)
        radius = 2 * h3.average_hexagon_edge_length(cell_resolution(cell), unit="m") / DEGREE_M
        near = self._place_tree.query(centre, predicate="dwithin", distance=radius)
        place = _first_near(self._places, near, centre)
        if place is not None:
            region = self._areas[place.region] if place.region else None
            return CellPlace(lat, lon, place.names, region, self._areas[place.country])
        return CellPlace(
            lat,
            lon,
            region=_first_holding(self._regions, self._region_tree, centre),
            country=_first_holding(self._countries, self._country_tree, centre),
        )


def _first_near(places: list[Place], found: np.ndarray, centre: shapely.Point) -> Place | None:
    """The first-ranked of the places ``found``, the nearest to ``centre`` of that rank."""
    if not len(found):
        return None
    best = min(
        found.tolist(),
        key=lambda index: (
            _place_rank(places[index]),
            centre.distance(shapely.Point(places[index].lon, places[index].lat)),
        ),
    )
    place: Place = places[best]
    return place


def _first_holding(records: list[Boundary], tree: STRtree, centre: shapely.Point) -> Names | None:
    """The names of the first (by rank) of ``records`` whose geometry holds ``centre``."""
    holding = tree.query(centre, predicate="within")
    if not len(holding):
        return None
    return records[int(min(holding))].names


def _place_rank(place: Place) -> int:
    """A place's rank for naming a cell (1 first): its label rank, or its kind's."""
    return place.label_rank or PLACE_LABEL_RANK[place.kind]


def _region_rank(region: Boundary) -> int:
    """A boundary's level as its label rank: lower for wider (country 2 ... city 9)."""
    return BOUNDARY_LABEL_RANK[region.kind]
