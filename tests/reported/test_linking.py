"""Events linked to map features: the areas containing them, corridors within a buffer in metres."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.reported.linker import Linker, build_linker

MEGHRI = (46.2426, 38.9036)
NAKHCHIVAN_CITY = (45.4122, 39.2089)
KAPAN = (46.40, 39.21)  # 30.9 km from the nearest corridor (Syunik route)


@pytest.fixture(scope="module")
def linker(catalog: Catalog) -> Linker:
    return build_linker(catalog)


def links_of(linker: Linker, *points: tuple[float, float]) -> list[list[str]]:
    lon, lat = zip(*points, strict=True)
    return linker.links(np.array(lon), np.array(lat)).to_pylist()


def corridor_distances_m(catalog: Catalog, point: tuple[float, float]) -> dict[str, float]:
    """Distance from ``point`` to each corridor, in the metric CRS (independent of the linker)."""
    ids = [corridor.id for corridor in catalog.corridors]
    lines = gpd.GeoSeries([catalog.geometries[i] for i in ids], crs=settings.default_crs)
    spot = gpd.GeoSeries([shapely.Point(point)], crs=settings.default_crs)
    metric = lines.to_crs(settings.metric_crs)
    where = spot.to_crs(settings.metric_crs).iloc[0]
    return dict(zip(ids, metric.distance(where), strict=True))


def test_an_event_at_meghri_links_to_armenia_syunik_and_the_route_through_syunik(linker):
    (links,) = links_of(linker, MEGHRI)
    assert links[:3] == ["am", "am-su", "syunik-route"]
    assert not {"az", "az-nx"} & set(links)


def test_an_event_in_nakhchivan_city_links_to_the_exclave_not_mainland_azerbaijan(linker):
    (links,) = links_of(linker, NAKHCHIVAN_CITY)
    assert "az-nx" in links
    assert "az" not in links
    assert "kars-igdir-nakhchivan-railway" in links


def test_an_event_30_km_from_any_corridor_links_to_none(linker, catalog):
    assert min(corridor_distances_m(catalog, KAPAN).values()) > 30_000
    (links,) = links_of(linker, KAPAN)
    assert links == ["am", "am-su"]


def test_corridor_links_follow_the_buffer_in_metres(catalog):
    rng = np.random.default_rng(7)
    points = [
        tuple(p)
        for p in np.column_stack([rng.uniform(44.5, 47, 300), rng.uniform(38.7, 40.5, 300)])
    ]
    linker = build_linker(catalog, buffer_m=10_000)
    corridor_ids = {corridor.id for corridor in catalog.corridors}
    checked = 0
    for point, links in zip(points, links_of(linker, *points), strict=True):
        for corridor, distance in corridor_distances_m(catalog, point).items():
            if abs(distance - 10_000) > 50:  # the buffer polygon's facets: within 50 m
                assert (corridor in links) == (distance < 10_000), (point, corridor, distance)
                checked += 1
        assert set(links) - corridor_ids <= {
            feature.id for feature in (*catalog.countries, *catalog.regions)
        }
    assert checked > 1_000


def test_the_buffer_is_a_setting(catalog, monkeypatch):
    monkeypatch.setattr(settings, "corridor_buffer_m", 35_000)
    (links,) = links_of(build_linker(catalog), KAPAN)
    assert "syunik-route" in links


def test_a_point_outside_every_feature_has_no_links(linker):
    assert links_of(linker, (10.0, 50.0), (46.0, -80.0)) == [[], []]
