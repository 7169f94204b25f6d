"""Map builders tested as data: the scene, the deck.gl layers' JSON, folium's options and HTML."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from corridors.data.catalog import Catalog, load_catalog
from corridors.data.models import EventKind
from corridors.data.timeline import DateRange, catalogue_span
from corridors.geo.camera import fit_bounds
from corridors.i18n import Translator
from corridors.render.deck.component import component_drawing
from corridors.render.leaflet.builder import LEAFLET_CSS, LEAFLET_JS, build_map
from corridors.render.scene import DEFAULT_BOUNDS, Scene, SceneRequest, build_scene
from corridors.render.styles import HIGHLIGHT, RIVER_LINE, ROUTE_COLOR, STATUS_COLOR
from support.records import EditRecords, record

EN = Translator("en")


def scene_of(catalog: Catalog, **changes: Any) -> Scene:
    request = SceneRequest(dates=catalogue_span(catalog.events), **changes)
    return build_scene(catalog, request)


def deck_spec(scene: Scene) -> str:
    """The deck.gl layers' JSON the map component is sent."""
    spec: str = component_drawing(scene, EN, basemap="bundled", reported=None)["spec"]
    return spec


def deck_json(scene: Scene) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(deck_spec(scene))
    return spec


def rows(spec: dict[str, Any], layer_id: str) -> list[dict[str, Any]]:
    return next(layer["data"] for layer in spec["layers"] if layer["id"] == layer_id)


def test_scene_counts_events_in_range_and_kinds(catalog: Catalog) -> None:
    week = DateRange(dt.date(2025, 8, 7), dt.date(2025, 8, 8))
    scene = build_scene(catalog, SceneRequest(dates=week))
    armenia = next(f for f in scene.features if f.id == "am")
    expected = sum(1 for e in catalog.events if "am" in e.features and e.date in week)
    assert armenia.event_count == expected > 0
    only_conflicts = build_scene(
        catalog, SceneRequest(dates=week, kinds=frozenset({EventKind.CONFLICT}))
    )
    assert next(f for f in only_conflicts.features if f.id == "am").event_count == 0


def test_scene_draws_corridors_as_of_the_range_end(catalog: Catalog) -> None:
    def corridor_colours(end: dt.date) -> dict[str, tuple[int, ...]]:
        dates = DateRange(dt.date(1990, 1, 1), end)
        scene = build_scene(catalog, SceneRequest(dates=dates))
        return {f.id: f.line.color[:3] for f in (*scene.layer("corridors"), *scene.layer("route"))}

    in_2021 = corridor_colours(dt.date(2021, 6, 1))
    assert "syunik-route" in in_2021  # proposed in November 2020
    assert "kars-igdir-nakhchivan-railway" in in_2021
    assert "aras-route-iran" not in in_2021  # first planned in 2022
    assert in_2021["horadiz-aghband-railway"] == STATUS_COLOR["under-construction"][:3]
    in_2016 = corridor_colours(dt.date(2016, 1, 1))
    assert "syunik-route" not in in_2016
    assert in_2016["baku-tbilisi-kars-railway"] == STATUS_COLOR["under-construction"][:3]


def test_scene_highlights_and_fits_the_selection(catalog: Catalog) -> None:
    plain = scene_of(catalog)
    assert plain.bounds == DEFAULT_BOUNDS
    assert not any(f.highlighted for f in plain.features)
    scene = scene_of(catalog, highlighted=frozenset({"meghri", "az-nx"}))
    assert {f.id for f in scene.features if f.highlighted} == {"meghri", "az-nx"}
    west, south, east, north = scene.bounds
    assert west < 44.8
    assert south < 38.9
    assert east > 46.2
    assert north > 39.7
    # highlighted features are drawn last in their layer
    countries = scene.layer("countries")
    assert countries[-1].id == "az-nx"


def test_scene_shows_only_chosen_layers(catalog: Catalog) -> None:
    scene = scene_of(catalog, layers=frozenset({"places"}))
    assert {f.layer for f in scene.features} == {"places"}
    assert len(scene.features) == len(catalog.places)


def test_deck_has_one_pickable_layer_per_map_layer_with_ids(catalog: Catalog) -> None:
    spec = deck_json(scene_of(catalog))
    assert [layer["id"] for layer in spec["layers"]] == [
        *("countries", "water", "rivers", "regions", "corridors"),
        *("route-casing", "route", "places"),
    ]
    pickable = {layer["id"] for layer in spec["layers"] if layer["pickable"]}
    assert pickable == {"countries", "regions", "corridors", "route", "places"}
    assert {row["id"] for row in rows(spec, "places")} == {p.id for p in catalog.places}
    # MultiPolygons are split into one row per polygon, all keeping the feature id
    assert {row["id"] for row in rows(spec, "countries")} == {c.id for c in catalog.countries}
    assert len(rows(spec, "countries")) > len(catalog.countries)


def test_deck_layers_share_their_kind_and_differ_where_the_data_does(catalog: Catalog) -> None:
    spec = deck_json(scene_of(catalog))
    layers = {layer["id"]: layer for layer in spec["layers"]}
    # countries and regions are one kind of layer; only countries brighten under the pointer
    shared = ("@@type", "getPolygon", "getLineWidth", "lineWidthUnits", "highlightColor")
    assert [layers["countries"][key] for key in shared] == [
        layers["regions"][key] for key in shared
    ]
    assert (layers["countries"]["autoHighlight"], layers["regions"]["autoHighlight"]) == (
        True,
        False,
    )
    # the rivers' width comes from the scene
    assert layers["rivers"]["getWidth"] == RIVER_LINE.width
    # a layer without rows is left out
    only_places = deck_json(scene_of(catalog, layers=frozenset({"places"})))
    assert [layer["id"] for layer in only_places["layers"]] == ["water", "rivers", "places"]


def test_deck_tooltip_is_plain_text_with_counts(catalog: Catalog) -> None:
    places = rows(deck_json(scene_of(catalog)), "places")
    meghri = next(row for row in places if row["id"] == "meghri")
    count = sum("meghri" in e.features for e in catalog.events)
    assert count > 1
    assert meghri["tooltip"].split("\n") == ["Meghri", "Town", f"{count} events in range"]


def test_deck_payload_is_small(catalog: Catalog) -> None:
    assert len(deck_spec(scene_of(catalog)).encode()) < 400_000


def test_deck_highlight_colour(catalog: Catalog) -> None:
    selected = frozenset({"syunik-route", "kars-igdir-nakhchivan-railway"})
    spec = deck_json(scene_of(catalog, highlighted=selected))
    railway = next(r for r in rows(spec, "corridors") if r["id"] == "kars-igdir-nakhchivan-railway")
    assert railway["color"] == list(HIGHLIGHT)
    # the route keeps its reserved colour; the selection is its halo
    assert rows(spec, "route")[0]["color"] == list(ROUTE_COLOR)
    assert rows(spec, "route-casing")[0]["color"] == list(HIGHLIGHT)


def test_leaflet_loads_only_local_assets(catalog: Catalog) -> None:
    scene = scene_of(catalog)
    leaflet_map = build_map(scene, EN, camera=fit_bounds(scene.bounds))
    page = leaflet_map.get_root().render()
    urls = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sorted(urls) == sorted([LEAFLET_JS, LEAFLET_CSS])
    assert "cdn" not in page.lower()
    assert "tile.openstreetmap.org" not in page


def test_leaflet_online_basemap_is_an_option(catalog: Catalog) -> None:
    scene = scene_of(catalog)
    page = build_map(scene, EN, camera=fit_bounds(scene.bounds), basemap="osm").get_root().render()
    assert "tile.openstreetmap.org" in page


def test_leaflet_features_carry_ids_styles_and_tooltips(catalog: Catalog) -> None:
    scene = scene_of(catalog, highlighted=frozenset({"am-su"}))
    page = build_map(scene, EN, camera=fit_bounds(scene.bounds)).get_root().render()
    assert '"id": "am-su"' in page
    assert '"dashArray": "4 3"' in page  # region outlines
    assert "Syunik\\u003cbr\\u003eProvince" in page


@pytest.fixture
def hostile_catalog(data_copy: Path, edit_records: EditRecords) -> Catalog:
    payload = '<img src=x onerror="alert(1)">'

    def rename(records: list[dict[str, Any]]) -> None:
        record(records, "meghri")["names"]["en"] = payload

    edit_records(data_copy, "places.yaml", rename)
    return load_catalog(data_copy)


def test_hostile_names_are_escaped_in_leaflet(hostile_catalog: Catalog) -> None:
    scene = scene_of(hostile_catalog)
    page = build_map(scene, EN, camera=fit_bounds(scene.bounds)).get_root().render()
    assert "<img src=x" not in page
    # folium embeds the data as JSON: "&lt;" (the escaped "<") reads "\\u0026lt;" there
    assert "\\u0026lt;img src=x onerror=\\u0026quot;alert(1)\\u0026quot;\\u0026gt;" in page


def test_hostile_names_stay_plain_text_in_deck(hostile_catalog: Catalog) -> None:
    spec = deck_json(scene_of(hostile_catalog))
    meghri = next(row for row in rows(spec, "places") if row["id"] == "meghri")
    assert meghri["tooltip"].startswith('<img src=x onerror="alert(1)">')  # shown as text
