"""Points -> the map features they concern: containing countries and regions, nearby corridors.

A point is linked to every country and region polygon that contains it (tested in
:data:`settings.default_crs`, the coordinates the polygons are drawn in) and to every corridor
within :data:`settings.corridor_buffer_m` metres, measured in :data:`settings.metric_crs`.
Everything is vectorised (shapely STRtree queries over arrays of points), so a million points
link in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import shapely
from pyproj import Transformer
from shapely import STRtree

from corridors import settings
from corridors.catalog import Catalog


@dataclass(frozen=True)
class Linker:
    """The features an event can be linked to, indexed for point queries.

    Build it once per import with :func:`build_linker`; :meth:`links` is pure.
    """

    area_ids: tuple[str, ...]
    areas: STRtree
    corridor_ids: tuple[str, ...]
    corridor_zones: STRtree
    to_metric: Transformer

    def links(self, longitude: npt.ArrayLike, latitude: npt.ArrayLike) -> pa.ListArray:
        """The feature ids of each point: countries and regions first, then corridors.

        Within each group ids keep the catalogue's order.
        """
        x = np.asarray(longitude, dtype=float)
        y = np.asarray(latitude, dtype=float)
        points = shapely.points(x, y)
        area_hits = self.areas.query(points, predicate="intersects")
        mx, my = self.to_metric.transform(x, y)
        corridor_hits = self.corridor_zones.query(shapely.points(mx, my), predicate="intersects")
        point_index = np.concatenate([area_hits[0], corridor_hits[0]])
        feature_index = np.concatenate([area_hits[1], corridor_hits[1] + len(self.area_ids)])
        order = np.lexsort((feature_index, point_index))
        counts = np.bincount(point_index, minlength=len(x))
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
        names = pa.array([*self.area_ids, *self.corridor_ids], type=pa.string())
        values = names.take(pa.array(feature_index[order]))
        return pa.ListArray.from_arrays(pa.array(offsets), values)


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
    return Linker(
        area_ids=area_ids,
        areas=STRtree([catalog.geometries[key] for key in area_ids]),
        corridor_ids=corridor_ids,
        corridor_zones=STRtree(list(zones)),
        to_metric=Transformer.from_crs(settings.default_crs, settings.metric_crs, always_xy=True),
    )
