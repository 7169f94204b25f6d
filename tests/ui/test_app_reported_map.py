"""The map's cells of reported events in the app (AppTest): drawn with imports, absent without."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corridors.core.environment import IMPORTS_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.data.timeline import catalogue_span
from corridors.geo.camera import fit_bounds
from corridors.i18n import Translator
from corridors.render.deck.builder import build_deck
from corridors.render.deck.picking import layer_name, stamp_layer_ids
from corridors.render.reported_layer import CELLS_LAYER, SELECTED_AREAS_LAYER, SELECTED_CELL_LAYER
from corridors.render.scene import DEFAULT_BOUNDS, SceneRequest, build_scene
from corridors.render.styles import HIGHLIGHT
from corridors.reported.store import EventQuery, EventStore
from support.app import leaflet_features, open_app
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


def layers_of(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {layer_name(layer["id"]): layer for layer in spec["layers"]}


def deck_spec(**query: str) -> dict[str, Any]:
    at = open_app(**query)
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1
    spec: dict[str, Any] = json.loads(charts[0].proto.json)
    return spec


def drawn_total(layer: dict[str, Any]) -> int:
    return sum(int(row["tooltip"].split()[0]) for row in layer["data"])


def test_with_imports_the_map_draws_their_cells(store: EventStore, catalog: Catalog) -> None:
    layers = layers_of(deck_spec())
    names = list(layers)
    assert names.index("regions") < names.index(CELLS_LAYER) < names.index("corridors")
    span = catalogue_span(catalog.events)
    in_range = store.count(EventQuery(start=span.start, end=span.end))
    assert drawn_total(layers[CELLS_LAYER]) == in_range > 0
    assert SELECTED_CELL_LAYER not in layers


def test_a_link_chooses_the_sources_and_outlines_its_cell(store: EventStore) -> None:
    everything = layers_of(deck_spec())[CELLS_LAYER]["data"]
    cell = everything[0]["id"]
    layers = layers_of(deck_spec(sources="gdelt", cell=cell))
    gdelt = store.count(EventQuery(sources=frozenset({"gdelt"})))
    assert drawn_total(layers[CELLS_LAYER]) == gdelt < drawn_total({"data": everything})
    outline = layers[SELECTED_CELL_LAYER]["data"]
    assert [(row["id"], row["line"]) for row in outline] == [(cell, list(HIGHLIGHT))]


def test_without_imports_the_map_is_exactly_as_before(catalog: Catalog) -> None:
    spec = deck_spec()
    request = SceneRequest(dates=catalogue_span(catalog.events))
    before = build_deck(
        build_scene(catalog, request),
        Translator("en"),
        camera=fit_bounds(DEFAULT_BOUNDS, height=560),
    )
    stamp_layer_ids(before, clicks=0)
    assert spec["layers"] == json.loads(before.to_json())["layers"]
    assert not any(name.startswith(CELLS_LAYER) for name in layers_of(spec))


@pytest.mark.usefixtures("store")
def test_a_selected_region_stays_outlined_over_the_cells() -> None:
    layers = layers_of(deck_spec(feature="am-su"))
    names = list(layers)
    assert names.index(CELLS_LAYER) < names.index(SELECTED_AREAS_LAYER) < names.index("corridors")
    outlines = layers[SELECTED_AREAS_LAYER]["data"]
    assert {row["id"] for row in outlines} == {"am-su"}
    assert all(row["line"] == list(HIGHLIGHT) for row in outlines)
    assert layers[SELECTED_AREAS_LAYER]["pickable"] is False  # a click still picks the cell
    # nothing selected, or a place: nothing drawn again
    assert SELECTED_AREAS_LAYER not in layers_of(deck_spec())
    assert SELECTED_AREAS_LAYER not in layers_of(deck_spec(feature="meghri"))


def test_without_imports_no_outline_is_drawn_again() -> None:
    assert SELECTED_AREAS_LAYER not in layers_of(deck_spec(feature="am-su"))


@pytest.mark.usefixtures("store")
def test_leaflet_outlines_a_selected_region_over_the_cells_too() -> None:
    at = open_app(feature="am-su", view="leaflet")
    layers = [feature["properties"]["layer"] for feature in leaflet_features(at)]
    outline = layers.index(SELECTED_AREAS_LAYER)
    assert layers.index(CELLS_LAYER) < outline < layers.index("corridors")
    [drawn] = [f for f in leaflet_features(at) if f["properties"]["layer"] == SELECTED_AREAS_LAYER]
    assert drawn["properties"]["id"] == "am-su"
    assert drawn["properties"]["style"]["fill"] is False
