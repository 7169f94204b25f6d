"""Events linked to map features: the areas containing them, corridors within a buffer in metres.

A point that stands for an area (ACLED's regional centres, GDELT's country and ADM1
centroids) links that area only, never a corridor.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import shapely

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.reported.importers import import_file, relinker
from corridors.reported.linker import Linker, build_linker, row_links
from corridors.reported.store import EventQuery, open_store

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


NEAR_THE_ROUTE = (46.2426, 38.9216)  # 1.9 km north of the Syunik route, in Syunik
ACLED_HEADER = (
    "event_id_cnty,event_date,time_precision,event_type,latitude,longitude,geo_precision,"
    "timestamp\n"
)


def acled_file(tmp_path, *codes: int):
    """An ACLED file of one row per ``geo_precision`` code, all at NEAR_THE_ROUTE."""
    lon, lat = NEAR_THE_ROUTE
    rows = "".join(
        f"ARM{code},2026-04-18,1,Protests,{lat},{lon},{code},1776500000\n" for code in codes
    )
    path = tmp_path / "near.csv"
    path.write_text(ACLED_HEADER + rows, encoding="utf-8")
    return path


def scoped_links(linker, source, *codes):
    lon, lat = NEAR_THE_ROUTE
    table = pa.table(
        {
            "source": [source] * len(codes),
            "geo_precision": pa.array(codes, type=pa.int8()),
            "longitude": [lon] * len(codes),
            "latitude": [lat] * len(codes),
        }
    )
    return row_links(linker, table).to_pylist()


def test_an_imprecise_acled_row_near_the_route_links_its_region_not_the_route(
    linker, catalog, tmp_path
):
    assert 1_500 < corridor_distances_m(catalog, NEAR_THE_ROUTE)["syunik-route"] < 2_500
    store = open_store(tmp_path / "imports")
    import_file(store, "acled", acled_file(tmp_path, 1, 3), linker=linker)
    links = {event.event_id: event.features for event in store.page(EventQuery())}
    assert links["ARM3"] == ("am", "am-su")  # placed at a regional centre: the region only
    assert "syunik-route" in links["ARM1"]  # placed at the spot itself: the route too
    assert store.counts_by_feature(EventQuery())["syunik-route"] == 1
    assert sum(store.imprecise_by_cell(EventQuery(), 7).values()) == 1  # the cells say so


def test_gdelt_country_and_adm1_matches_link_no_corridor(linker):
    country, usstate, city, world_city, adm1 = scoped_links(linker, "gdelt", 1, 2, 3, 4, 5)
    assert country == ["am"]  # a country's centroid says nothing of its regions
    assert usstate == adm1 == ["am", "am-su"]
    assert "syunik-route" in city
    assert "syunik-route" in world_city
    # the codes are the source's own: ACLED's 1 and 2 are places
    assert all("syunik-route" in links for links in scoped_links(linker, "acled", 1, 2))


def test_relink_recomputes_the_links_of_an_existing_store(linker, tmp_path):
    store = open_store(tmp_path / "imports")
    import_file(store, "acled", acled_file(tmp_path, 1, 3), linker=linker)
    (batch,) = (tmp_path / "imports" / "acled").glob("2*.parquet")
    table = pq.read_table(batch)
    index = table.schema.get_field_index("features")
    old_rule = linker.links(table.column("longitude"), table.column("latitude"))  # no scopes
    pq.write_table(table.set_column(index, table.schema.field(index), old_rule), batch)
    assert store.counts_by_feature(EventQuery())["syunik-route"] == 2
    record = store.imports()
    assert store.relink(relinker(linker)) == 1
    assert store.counts_by_feature(EventQuery())["syunik-route"] == 1
    assert store.imports() == record  # the same import: file, rows, dates, time, batch
    assert store.relink(relinker(linker)) == 0
