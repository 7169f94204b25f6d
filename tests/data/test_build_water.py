"""`build-water` on tiny hand-made Natural Earth layers (no network, no download)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from shapely.geometry import LineString, Point, Polygon, box, mapping, shape

from corridors.cli.main import main
from corridors.core.errors import BuildError
from corridors.data.builders.water import NATURAL_EARTH_PHYSICAL, build_water
from corridors.data.catalog import inspect_catalog
from corridors.geo.window import REGIONAL_WINDOW


def layer(*features: tuple[dict[str, Any], Any]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        "features": [
            {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}
            for properties, geometry in features
        ],
    }


def zigzag(start: tuple[float, float], end: tuple[float, float], steps: int = 60) -> LineString:
    """A line with small zigzags, so that simplification has work to do."""
    (x0, y0), (x1, y1) = start, end
    return LineString(
        (x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps + 0.001 * (i % 2))
        for i in range(steps + 1)
    )


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """An ocean of two seas (one reaching outside the window), a lake and two rivers."""
    folder = tmp_path / "ne"
    folder.mkdir()
    seas = box(49.0, 36.0, 53.0, 44.0).union(box(38.0, 41.0, 40.5, 43.0))
    (folder / "ne_10m_ocean.json").write_text(json.dumps(layer(({"featurecla": "Ocean"}, seas))))
    lake = Point(45.3, 40.35).buffer(0.2)
    elsewhere = Point(10.0, 50.0).buffer(0.2)
    (folder / "ne_10m_lakes.json").write_text(
        json.dumps(layer(({"name": "Lake Sevan"}, lake), ({"name": "Bodensee"}, elsewhere)))
    )
    aras = zigzag((38.0, 39.8), (48.5, 39.5))
    kura = zigzag((43.0, 41.8), (49.3, 39.3))
    (folder / "ne_10m_rivers_lake_centerlines.json").write_text(
        json.dumps(layer(({"name": "Aras"}, aras), ({"name": "Kura"}, kura)))
    )
    return folder


def names(text: str) -> dict[str, str]:
    return {"en": text, "ar": f"{text} (ar)"}


SPEC: list[dict[str, Any]] = [
    {"id": "caspian-sea", "kind": "sea", "layer": "ne_10m_ocean", "at": [40.0, 50.5],
     "names": names("Caspian Sea")},
    {"id": "lake-sevan", "kind": "lake", "layer": "ne_10m_lakes",
     "natural_earth_name": "Lake Sevan", "names": names("Lake Sevan")},
    {"id": "aras-river", "kind": "river", "layer": "ne_10m_rivers_lake_centerlines",
     "natural_earth_name": "Aras", "label_rank": 4, "names": names("Aras")},
]  # fmt: skip


@pytest.fixture
def out(data_copy: Path) -> Path:
    (data_copy / "sources" / "water.yaml").write_text(yaml.safe_dump(SPEC), encoding="utf-8")
    return data_copy


def written(out: Path) -> dict[str, dict[str, Any]]:
    collection = json.loads((out / "water.geojson").read_text(encoding="utf-8"))
    return {feature["properties"]["id"]: feature for feature in collection["features"]}


def test_build_keeps_the_named_features_clipped_simplified_and_sourced(
    source: Path, out: Path
) -> None:
    summary = build_water(source, out, tolerance=0.01)
    features = written(out)
    assert list(features) == ["caspian-sea", "lake-sevan", "aras-river"]
    window = REGIONAL_WINDOW.as_polygon()

    caspian = shape(features["caspian-sea"]["geometry"])
    assert caspian.equals(box(49.0, 37.0, 51.0, 43.5))  # only the part at `at`, clipped
    aras = shape(features["aras-river"]["geometry"])
    assert aras.geom_type == "LineString"
    assert window.buffer(1e-9).contains(aras)
    assert aras.bounds[0] == pytest.approx(40.0)  # cut at the window's west edge
    assert len(aras.coords) < 10  # the zigzags are simplified away
    lake = shape(features["lake-sevan"]["geometry"])
    assert lake.contains(Point(45.3, 40.35))

    properties = features["aras-river"]["properties"]
    assert properties == {
        "id": "aras-river",
        "kind": "river",
        "label_rank": 4,
        "names": names("Aras"),
        "sources": [NATURAL_EARTH_PHYSICAL],
    }
    assert summary.features == 3
    assert summary.size == len((out / "water.geojson").read_bytes())


def test_the_built_water_loads_through_the_catalogue(source: Path, out: Path) -> None:
    build_water(source, out)
    report = inspect_catalog(out)
    assert report.problems == ()
    assert [body.id for body in report.catalog.water] == ["caspian-sea", "lake-sevan", "aras-river"]
    assert isinstance(report.catalog.water_geometries["lake-sevan"], Polygon)


def test_a_missing_layer_file_says_how_to_get_it(source: Path, out: Path) -> None:
    (source / "ne_10m_lakes.json").unlink()
    before = (out / "water.geojson").read_bytes()
    with pytest.raises(BuildError, match=r"no ne_10m_lakes\.json .*7zz x ne_10m_lakes\.7z"):
        build_water(source, out)
    assert (out / "water.geojson").read_bytes() == before


def test_a_name_not_in_the_layer_is_an_error_naming_the_entry(source: Path, out: Path) -> None:
    spec = [*SPEC, {**SPEC[1], "id": "lake-x", "natural_earth_name": "Lake X"}]
    (out / "sources" / "water.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    before = (out / "water.geojson").read_bytes()
    with pytest.raises(BuildError, match=r"'lake-x'.*'Lake X'"):
        build_water(source, out)
    assert (out / "water.geojson").read_bytes() == before  # nothing half-written


def test_an_entry_without_a_selection_is_refused(source: Path, out: Path) -> None:
    spec = [{key: value for key, value in SPEC[1].items() if key != "natural_earth_name"}]
    (out / "sources" / "water.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    with pytest.raises(BuildError, match="'lake-sevan' needs natural_earth_name or at"):
        build_water(source, out)


def test_the_command_line_builds_into_a_data_directory(source: Path, out: Path) -> None:
    assert main(["build-water", str(source), "--data", str(out)]) == 0
    assert set(written(out)) == {"caspian-sea", "lake-sevan", "aras-river"}
    assert main(["build-water", str(source / "missing"), "--data", str(out)]) == 2
