"""Derive the bundled water (seas, lakes, reservoirs, rivers) from Natural Earth's physical layers.

``sources/water.yaml`` names each water feature and where it comes from: a Natural Earth
layer, the feature's name there, or a point inside the part of a layer to keep (the ocean
layer holds the Caspian and the Black Sea as one feature). Each is clipped to the regional
window, simplified, snapped to a grid and written to ``water.geojson`` atomically.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import numpy as np
import shapely
import yaml
from shapely.geometry import Point, mapping
from shapely.geometry.base import BaseGeometry

from corridors.core.datasets import DATASETS
from corridors.core.errors import BuildError
from corridors.data.builders.boundaries import read_in_window, round_coordinates, write_collection
from corridors.geo.window import REGIONAL_WINDOW, Window

#: Where the build reads what to keep, relative to the data directory.
WATER_SPEC: Final = Path("sources") / "water.yaml"
#: The Natural Earth 1:10m physical layers the spec may name (GeoJSON files of these stems).
LAYERS: Final = ("ne_10m_ocean", "ne_10m_lakes", "ne_10m_rivers_lake_centerlines")
_SPEC_ONLY: Final = ("layer", "natural_earth_name", "at")

NATURAL_EARTH_PHYSICAL: Final = {
    "url": "https://www.naturalearthdata.com/downloads/10m-physical-vectors/",
    "outlet": "Natural Earth 1:10m physical vectors (public domain)",
    "language": "en",
    "published": "2017-11",
}


@dataclass(frozen=True, slots=True)
class WaterSummary:
    """What a water build wrote."""

    path: Path
    size: int
    features: int
    vertices: int

    def __str__(self) -> str:
        return (
            f"wrote {self.path.name} ({self.size:,} bytes): "
            f"{self.features} features, {self.vertices:,} vertices"
        )


def build_water(
    source: Path,
    out_dir: Path,
    *,
    tolerance: float = 0.005,
    grid: float = 1e-4,
    window: Window = REGIONAL_WINDOW,
) -> WaterSummary:
    """Regenerate ``water.geojson`` in ``out_dir`` from Natural Earth physical layers.

    Parameters
    ----------
    source
        A folder holding ``ne_10m_ocean.json``, ``ne_10m_lakes.json`` and
        ``ne_10m_rivers_lake_centerlines.json`` (extracted from the ``.7z`` archives).
    out_dir
        The data directory; its ``sources/water.yaml`` says what to keep.
    tolerance
        Simplification tolerance, in degrees.
    grid
        Coordinates are snapped to this grid, in degrees (1e-4 is about 11 m).
    window
        The rectangle everything is clipped to.

    """
    entries = _read_spec(out_dir / WATER_SPEC)
    layers = {
        name: _read_layer(source, name, window)
        for name in sorted({entry["layer"] for entry in entries})
    }
    decimals = round(-np.log10(grid))
    features = []
    vertices = 0
    for entry in entries:
        geometry = _geometry(entry, layers[entry["layer"]], window)
        geometry = shapely.set_precision(geometry.simplify(tolerance), grid)
        if geometry.is_empty:
            raise BuildError(f"water {entry['id']!r}: nothing left after simplification")
        vertices += int(shapely.get_num_coordinates(geometry))
        features.append(_feature(entry, geometry, decimals))
    path = out_dir / DATASETS["water"]
    return WaterSummary(path, write_collection(path, features), len(features), vertices)


def _read_spec(path: Path) -> list[dict[str, Any]]:
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{path} is missing: it lists the water features to build") from None
    if not isinstance(spec, list) or not all(isinstance(entry, dict) for entry in spec):
        raise BuildError(f"{path} must hold a list of water features")
    for index, entry in enumerate(spec):
        missing = [key for key in ("id", "kind", "layer", "names") if key not in entry]
        if missing:
            raise BuildError(f"{path}: entry {index} lacks {', '.join(missing)}")
        if entry["layer"] not in LAYERS:
            raise BuildError(
                f"{path}: {entry['id']!r} names layer {entry['layer']!r}; "
                f"layers: {', '.join(LAYERS)}"
            )
        if "natural_earth_name" not in entry and "at" not in entry:
            raise BuildError(f"{path}: {entry['id']!r} needs natural_earth_name or at")
    return spec


def _read_layer(source: Path, name: str, window: Window) -> gpd.GeoDataFrame:
    path = source / f"{name}.json"
    if not path.is_file():
        raise BuildError(
            f"no {path.name} in {source}; extract it from {name}.7z (`7zz x {name}.7z`)"
        )
    return read_in_window(path, window)


def _geometry(entry: Mapping[str, Any], frame: gpd.GeoDataFrame, window: Window) -> BaseGeometry:
    """The entry's feature(s) of its layer, clipped to the window (only the part at ``at``)."""
    selected = frame
    if "natural_earth_name" in entry:
        selected = frame[frame["name"] == entry["natural_earth_name"]]
    if selected.empty:
        raise BuildError(
            f"water {entry['id']!r}: {entry['layer']} has no feature named "
            f"{entry.get('natural_earth_name')!r} in the window"
        )
    merged = shapely.intersection(
        shapely.union_all(np.asarray(selected.geometry.values)), window.as_polygon()
    )
    if "at" in entry:
        lat, lon = entry["at"]
        inside = Point(lon, lat)
        parts = [part for part in getattr(merged, "geoms", [merged]) if part.contains(inside)]
        if not parts:
            raise BuildError(f"water {entry['id']!r}: no part of {entry['layer']} at {lat}, {lon}")
        merged = parts[0]
    if merged.geom_type == "MultiLineString":
        merged = shapely.line_merge(merged)
    if merged.is_empty:
        raise BuildError(f"water {entry['id']!r}: nothing of it lies in the window")
    return merged


def _feature(entry: Mapping[str, Any], geometry: BaseGeometry, decimals: int) -> dict[str, Any]:
    properties = {key: value for key, value in entry.items() if key not in _SPEC_ONLY}
    properties["sources"] = [NATURAL_EARTH_PHYSICAL]
    rounded = round_coordinates(geometry, decimals)
    return {"type": "Feature", "properties": properties, "geometry": mapping(rounded)}
