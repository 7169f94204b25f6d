"""The map's cells of reported events in the app (AppTest): drawn with imports, absent without."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import h3
import pytest

from corridors.core.basemaps import BUNDLED
from corridors.core.environment import IMPORTS_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.data.timeline import catalogue_span
from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.deck.component import component_drawing
from corridors.render.reported_layer import (
    CELLS_LAYER,
    SELECTED_AREAS_LAYER,
    SELECTED_CELL_LAYER,
    MapView,
    resolution_for,
)
from corridors.render.scene import SceneRequest, build_scene
from corridors.render.styles import HIGHLIGHT
from corridors.reported.store import EventQuery, EventStore
from support.app import leaflet_features, open_app
from support.deck_map import deck_layers, deck_map_args, send_map_value
from support.fixture_imports import import_fixtures


@pytest.fixture(scope="module")
def imports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, EventStore]:
    folder = tmp_path_factory.mktemp("imports")
    return folder, import_fixtures(folder)


@pytest.fixture
def store(imports: tuple[Path, EventStore], monkeypatch: pytest.MonkeyPatch) -> EventStore:
    """The fixture imports, as the app's store."""
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(imports[0]))
    return imports[1]


def drawn_total(layer: dict[str, Any]) -> int:
    return sum(int(row["tooltip"].split()[0]) for row in layer["data"])


def test_with_imports_the_map_draws_their_cells(store: EventStore, catalog: Catalog) -> None:
    at = open_app()
    assert deck_map_args(at)["reportView"] is True  # the map reports where it looks
    layers = deck_layers(at)
    names = list(layers)
    assert names.index("regions") < names.index(CELLS_LAYER) < names.index("corridors")
    span = catalogue_span(catalog.events)
    in_range = store.count(EventQuery(start=span.start, end=span.end))
    assert drawn_total(layers[CELLS_LAYER]) == in_range > 0
    assert SELECTED_CELL_LAYER not in layers


def test_a_link_chooses_the_sources_and_outlines_its_cell(store: EventStore) -> None:
    everything = deck_layers(open_app())[CELLS_LAYER]["data"]
    cell = everything[0]["id"]
    layers = deck_layers(open_app(sources="gdelt", cell=cell))
    gdelt = store.count(EventQuery(sources=frozenset({"gdelt"})))
    assert drawn_total(layers[CELLS_LAYER]) == gdelt < drawn_total({"data": everything})
    outline = layers[SELECTED_CELL_LAYER]["data"]
    assert [(row["id"], row["line"]) for row in outline] == [(cell, list(HIGHLIGHT))]


def test_without_imports_the_map_is_exactly_as_before(catalog: Catalog) -> None:
    at = open_app()
    request = SceneRequest(dates=catalogue_span(catalog.events))
    before = component_drawing(
        build_scene(catalog, request), Translator("en"), basemap=BUNDLED, reported=None
    )
    args = deck_map_args(at)
    assert {name: args[name] for name in before} == before
    assert args["reportView"] is False  # no cells to count where the map looks
    assert not any(name.startswith(CELLS_LAYER) for name in deck_layers(at))


@pytest.mark.usefixtures("store")
def test_a_selected_region_stays_outlined_over_the_cells() -> None:
    layers = deck_layers(open_app(feature="am-su"))
    names = list(layers)
    assert names.index(CELLS_LAYER) < names.index(SELECTED_AREAS_LAYER) < names.index("corridors")
    outlines = layers[SELECTED_AREAS_LAYER]["data"]
    assert {row["id"] for row in outlines} == {"am-su"}
    assert all(row["line"] == list(HIGHLIGHT) for row in outlines)
    assert layers[SELECTED_AREAS_LAYER]["pickable"] is False  # a click still picks the cell
    # nothing selected, or a place: nothing drawn again
    assert SELECTED_AREAS_LAYER not in deck_layers(open_app())
    assert SELECTED_AREAS_LAYER not in deck_layers(open_app(feature="meghri"))


def test_without_imports_no_outline_is_drawn_again() -> None:
    assert SELECTED_AREAS_LAYER not in deck_layers(open_app(feature="am-su"))


@pytest.mark.usefixtures("store")
def test_leaflet_outlines_a_selected_region_over_the_cells_too() -> None:
    at = open_app(feature="am-su", view="leaflet")
    layers = [feature["properties"]["layer"] for feature in leaflet_features(at)]
    outline = layers.index(SELECTED_AREAS_LAYER)
    assert layers.index(CELLS_LAYER) < outline < layers.index("corridors")
    [drawn] = [f for f in leaflet_features(at) if f["properties"]["layer"] == SELECTED_AREAS_LAYER]
    assert drawn["properties"]["id"] == "am-su"
    assert drawn["properties"]["style"]["fill"] is False


@pytest.mark.usefixtures("store")
def test_the_cells_follow_the_view_the_map_reports() -> None:
    at = open_app()
    opening = {h3.get_resolution(row["id"]) for row in deck_layers(at)[CELLS_LAYER]["data"]}
    shown = MapView(Camera(38.91, 46.24, 10.0), 900, 560)  # Meghri, close up
    view = {"lat": 38.91, "lon": 46.24, "zoom": 10.0, "width": 900, "height": 560}
    send_map_value(at, {"seq": 1, "view": view, "moved": False, "click": None})
    cells = deck_layers(at)[CELLS_LAYER]["data"]
    assert cells
    assert {h3.get_resolution(row["id"]) for row in cells} == {resolution_for(shown)}
    assert resolution_for(shown) > max(opening)
    west, south, east, north = shown.bounds(padding=0.5)
    for row in cells:
        lat, lon = h3.cell_to_latlng(row["id"])
        assert west < lon < east
        assert south < lat < north
    assert "lat" not in at.query_params  # reported, not moved by the reader: not in the link


@pytest.mark.usefixtures("store")
def test_a_click_on_a_cell_outlines_it_and_keeps_the_selected_feature() -> None:
    at = open_app(feature="am-su")
    cell = deck_layers(at)[CELLS_LAYER]["data"][0]["id"]
    view = {"lat": 39.5, "lon": 46.0, "zoom": 7.0, "width": 900, "height": 560}
    click = {"layer": CELLS_LAYER, "id": cell, "areas": ["am-su", "am"]}
    send_map_value(at, {"seq": 1, "view": view, "moved": False, "click": click})
    assert (at.session_state["cell"], at.session_state["feature"]) == (cell, "am-su")
    outline = deck_layers(at)[SELECTED_CELL_LAYER]["data"]
    assert [(row["id"], row["line"]) for row in outline] == [(cell, list(HIGHLIGHT))]
