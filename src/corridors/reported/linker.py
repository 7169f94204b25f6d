"""Points -> the map features they concern: containing countries and regions, nearby corridors.

A point is linked to every country and region polygon that contains it (tested in
:data:`settings.default_crs`, the coordinates the polygons are drawn in) and to every corridor
within :data:`settings.corridor_buffer_m` metres, measured in :data:`settings.metric_crs`.
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

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Linker:
    """The features an event can be linked to, indexed for point queries.

    Build it once per import with :func:`build_linker`; :meth:`links` is pure.
    """

    area_ids: tuple[str, ...]
    areas: tuple[BaseGeometry, ...]
    corridor_ids: tuple[str, ...]
    corridor_zones: tuple[BaseGeometry, ...]
    to_metric: Transformer

    def links(self, longitude: npt.ArrayLike, latitude: npt.ArrayLike) -> pa.ListArray:
        """The feature ids of each point: countries and regions first, then corridors.

        Within each group ids keep the catalogue's order.
        """
        x = np.asarray(longitude, dtype=float)
        y = np.asarray(latitude, dtype=float)
        mx, my = self.to_metric.transform(x, y)
        hits = [
            *(_inside(shape, x, y) for shape in self.areas),
            *(_inside(zone, np.asarray(mx), np.asarray(my)) for zone in self.corridor_zones),
        ]
        point_index = np.concatenate([np.zeros(0, dtype=np.intp), *hits])
        feature_index = np.repeat(np.arange(len(hits)), [len(found) for found in hits])
        order = np.lexsort((feature_index, point_index))
        counts = np.bincount(point_index, minlength=len(x))
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
        names = pa.array([*self.area_ids, *self.corridor_ids], type=pa.string())
        values = names.take(pa.array(feature_index[order]))
        return pa.ListArray.from_arrays(pa.array(offsets), values)


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
        corridor_ids=corridor_ids,
        corridor_zones=corridor_zones,
        to_metric=Transformer.from_crs(settings.default_crs, settings.metric_crs, always_xy=True),
    )
