"""Points -> the map features they concern: containing countries and regions, nearby corridors.

A point is linked to every country and region polygon that contains it (tested in
:data:`settings.default_crs`, the coordinates the polygons are drawn in) and to every corridor
within :data:`settings.corridor_buffer_m` metres, measured in :data:`settings.metric_crs`.
A point that stands for an area (:mod:`corridors.reported.precision`: ACLED's regional
centres, GDELT's country and ADM1 centroids) is linked only to what it stands for: the
countries and regions containing it (a country's centroid: the countries only), never to a
corridor, however near.
Everything is vectorised: each (prepared) polygon tests the coordinates inside its bounding
box at once (``shapely.intersects_xy``), so a million points link in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.reported.precision import PlaceScope, place_scopes

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Linker:
    """The features an event can be linked to, indexed for point queries.

    Build it once per import with :func:`build_linker`; :meth:`links` is pure.
    """

    area_ids: tuple[str, ...]
    areas: tuple[BaseGeometry, ...]
    #: How many of ``area_ids`` (the first ones) are countries; the rest are regions.
    countries: int
    corridor_ids: tuple[str, ...]
    corridor_zones: tuple[BaseGeometry, ...]
    to_metric: Transformer

    def links(
        self,
        longitude: npt.ArrayLike,
        latitude: npt.ArrayLike,
        scopes: npt.ArrayLike | None = None,
    ) -> pa.ListArray:
        """The feature ids of each point: countries and regions first, then corridors.

        Within each group ids keep the catalogue's order. ``scopes`` holds each point's
        :class:`~corridors.reported.precision.PlaceScope` (every point a place when
        ``None``): a region's centre links no corridor, a country's no region either.
        """
        x = np.asarray(longitude, dtype=float)
        y = np.asarray(latitude, dtype=float)
        scope = np.zeros(len(x), dtype=np.int8) if scopes is None else np.asarray(scopes)
        mx, my = self.to_metric.transform(x, y)
        hits = [
            *(_inside(shape, x, y) for shape in self.areas[: self.countries]),
            *(
                _kept(_inside(shape, x, y), scope, PlaceScope.REGION)
                for shape in self.areas[self.countries :]
            ),
            *(
                _kept(_inside(zone, np.asarray(mx), np.asarray(my)), scope, PlaceScope.POINT)
                for zone in self.corridor_zones
            ),
        ]
        point_index = np.concatenate([np.zeros(0, dtype=np.intp), *hits])
        feature_index = np.repeat(np.arange(len(hits)), [len(found) for found in hits])
        order = np.lexsort((feature_index, point_index))
        counts = np.bincount(point_index, minlength=len(x))
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
        names = pa.array([*self.area_ids, *self.corridor_ids], type=pa.string())
        values = names.take(pa.array(feature_index[order]))
        return pa.ListArray.from_arrays(pa.array(offsets), values)


def _kept(
    found: npt.NDArray[np.intp], scopes: npt.NDArray[np.int8], widest: PlaceScope
) -> npt.NDArray[np.intp]:
    """The points of ``found`` whose scope is no wider than ``widest``."""
    kept: npt.NDArray[np.intp] = found[scopes[found] <= widest]
    return kept


def _inside(shape: BaseGeometry, x: FloatArray, y: FloatArray) -> npt.NDArray[np.intp]:
    """Indices of the points ``(x, y)`` in or on ``shape`` (prepared)."""
    min_x, min_y, max_x, max_y = shape.bounds
    candidates = np.flatnonzero((x >= min_x) & (x <= max_x) & (y >= min_y) & (y <= max_y))
    found = shapely.intersects_xy(shape, x[candidates], y[candidates])
    inside: npt.NDArray[np.intp] = candidates[found]
    return inside


def build_linker(catalog: Catalog, *, buffer_m: float | None = None) -> Linker:
    """Index the catalogue's countries, regions and corridor buffers for :meth:`Linker.links`.

    Parameters
    ----------
    catalog
        The validated catalogue (geometries in :data:`settings.default_crs`).
    buffer_m
        Distance from a corridor within which a point is linked to it, in metres
        (default :data:`settings.corridor_buffer_m`).

    """
    distance = settings.corridor_buffer_m if buffer_m is None else buffer_m
    area_ids = tuple(record.id for record in (*catalog.countries, *catalog.regions))
    countries = len(catalog.countries)
    corridor_ids = tuple(record.id for record in catalog.corridors)
    lines = gpd.GeoSeries(
        [catalog.geometries[key] for key in corridor_ids], crs=settings.default_crs
    )
    zones = lines.to_crs(settings.metric_crs).buffer(distance)
    areas = tuple(catalog.geometries[key] for key in area_ids)
    corridor_zones = tuple(zones)
    shapely.prepare([*areas, *corridor_zones])
    return Linker(
        area_ids=area_ids,
        areas=areas,
        countries=countries,
        corridor_ids=corridor_ids,
        corridor_zones=corridor_zones,
        to_metric=Transformer.from_crs(settings.default_crs, settings.metric_crs, always_xy=True),
    )


def row_links(linker: Linker, rows: pa.Table) -> pa.ListArray:
    """The feature ids of each stored or imported row, by its point and its source's precision.

    ``rows`` has the store's ``source``, ``geo_precision``, ``longitude`` and ``latitude``.
    """
    scopes = place_scopes(
        rows.column("source").to_numpy(zero_copy_only=False),
        rows.column("geo_precision").to_pylist(),
    )
    return linker.links(
        rows.column("longitude").to_numpy(), rows.column("latitude").to_numpy(), scopes
    )
