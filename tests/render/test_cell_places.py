"""Cells of reported events are named by the catalogue's places and areas, never by H3 ids."""

from __future__ import annotations

import h3
import pytest

from corridors.data.catalog import Catalog
from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.cell_places import CellGazetteer
from corridors.render.reported_layer import MapView, build_reported_layer
from corridors.reported.store import EventQuery, EventStore, open_store
from corridors.testing.synthetic import fill_store

EN, AR = Translator("en"), Translator("ar")


@pytest.fixture(scope="module")
def gazetteer(catalog: Catalog) -> CellGazetteer:
    return CellGazetteer(catalog)


def names(catalog: Catalog, feature_id: str, translate: Translator) -> str:
    return translate.text(catalog.feature(feature_id).names)


@pytest.mark.parametrize("translate", [EN, AR], ids=["en", "ar"])
@pytest.mark.parametrize("resolution", [3, 6, 9])
def test_a_cell_at_a_place_is_named_by_it_its_region_and_country(
    catalog: Catalog, gazetteer: CellGazetteer, translate: Translator, resolution: int
) -> None:
    meghri = catalog.feature("meghri")
    cell = h3.api.basic_int.latlng_to_cell(meghri.lat, meghri.lon, resolution)
    lines = gazetteer.name(cell).lines(translate)
    region, country = names(catalog, "am-su", translate), names(catalog, "am", translate)
    assert lines == [
        translate("cells.near", place=names(catalog, "meghri", translate)),
        translate("cells.area", region=region, country=country),
    ]
    assert region in lines[1]
    assert country in lines[1]
    if translate is EN:
        assert lines == ["Near Meghri", "Syunik, Armenia"]


def test_a_cell_without_a_place_is_named_by_the_areas_holding_it(
    catalog: Catalog, gazetteer: CellGazetteer
) -> None:
    ordubad = catalog.geometries["az-ord"].representative_point()
    cell = h3.api.basic_int.latlng_to_cell(ordubad.y, ordubad.x, 9)  # 350 m: no place in it
    assert gazetteer.name(cell).lines(EN) == [
        f"{names(catalog, 'az-ord', EN)}, {names(catalog, 'az-nx', EN)}"
    ]


def test_a_cell_outside_the_catalogue_is_named_by_its_coordinates(
    gazetteer: CellGazetteer,
) -> None:
    cell = h3.api.basic_int.latlng_to_cell(-33.9, 18.4, 6)  # Cape Town: nothing of ours
    lat, lon = h3.api.basic_int.cell_to_latlng(cell)
    assert gazetteer.name(cell).lines(EN) == [f"Around {round(lat, 2)}, {round(lon, 2)}"]
    assert gazetteer.name(cell).lines(AR) == [
        AR("cells.at", lat=AR.number(round(lat, 2)), lon=AR.number(round(lon, 2)))
    ]


def test_no_tooltip_of_the_map_shows_an_h3_id(
    catalog: Catalog, gazetteer: CellGazetteer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    store: EventStore = open_store(tmp_path_factory.mktemp("places"))
    fill_store(store, catalog, 2_000, seed=5)
    view = MapView(Camera(lat=39.2, lon=46.0, zoom=7.0), 1200, 700)
    layer = build_reported_layer(store, EventQuery(), view, gazetteer=gazetteer)
    assert layer.cells
    for translate in (EN, AR):
        for cell in layer.cells:
            tooltip = cell.tooltip(translate)
            assert cell.name not in tooltip
            assert tooltip.split("\n")[1:-1] == gazetteer.name(h3.str_to_int(cell.name)).lines(
                translate
            )
    named = {cell.tooltip(EN).split("\n")[1] for cell in layer.cells}
    assert {"Near Meghri", "Near Kapan", "Near Goris"} <= named
