"""What the map draws, as data: labels in both languages, the route as the subject, water."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import shapely
from shapely.geometry import box

from corridors.core.assets import site_dir
from corridors.core.basemaps import BUNDLED
from corridors.data.catalog import Catalog, inspect_catalog, load_catalog
from corridors.data.timeline import DateRange, catalogue_span
from corridors.geo.camera import fit_bounds
from corridors.i18n import Translator
from corridors.render.deck.component import component_drawing
from corridors.render.leaflet.builder import build_map
from corridors.render.scene import DEFAULT_BOUNDS, Scene, SceneRequest, build_scene
from corridors.render.styles import (
    FOCUS_FILL,
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    NEIGHBOUR_FILL,
    PLACE_COLOR,
    ROUTE_COLOR,
    STATUS_COLOR,
    WATER_FILL,
    css,
)
from corridors.ui.dashboard.legend import legend_html
from support.records import EditRecords, record

#: Places the issue names as the ones a reader must find on the map.
KEY_PLACES = ("baku", "yerevan", "nakhchivan", "meghri")


def scene_of(catalog: Catalog, lang: str = "en", **changes: Any) -> Scene:
    request = SceneRequest(dates=catalogue_span(catalog.events), lang=lang, **changes)
    return build_scene(catalog, request)


def deck_drawing(scene: Scene) -> dict[str, Any]:
    """What the deck.gl map component is sent to draw ``scene`` (in English)."""
    return component_drawing(scene, Translator("en"), basemap=BUNDLED, reported=None)


def deck_layers(scene: Scene) -> dict[str, dict[str, Any]]:
    """The component's deck.gl layers by id, bottom first."""
    spec = json.loads(deck_drawing(scene)["spec"])
    return {layer["id"]: layer for layer in spec["layers"]}


def deck_labels(scene: Scene) -> dict[str, dict[str, Any]]:
    """The labels the component places, by feature id."""
    return {label["id"]: label for label in deck_drawing(scene)["labels"]}


def leaflet_page(scene: Scene, lang: str = "en") -> str:
    leaflet_map = build_map(scene, Translator(lang), camera=fit_bounds(scene.bounds))
    page: str = leaflet_map.get_root().render()
    return page


def leaflet_labels(page: str) -> list[dict[str, Any]]:
    """The labels the page hands its label script (decoded from the page's JSON)."""
    match = re.search(r"= atlasLabels\(\s*\w+, ", page)
    assert match is not None
    labels, _ = json.JSONDecoder().raw_decode(page, match.end())
    return list(labels)


def name(catalog: Catalog, feature_id: str, lang: str) -> str:
    return catalog.feature(feature_id).names[lang]


# -- labels ------------------------------------------------------------------------------


def test_deck_labels_name_the_key_places_in_english(catalog: Catalog) -> None:
    texts = {id_: label["text"] for id_, label in deck_labels(scene_of(catalog)).items()}
    for place in KEY_PLACES:
        assert texts[place] == name(catalog, place, "en")
    assert texts["syunik-route"] == "Route through Syunik"


def test_deck_labels_give_way_by_rank(catalog: Catalog) -> None:
    rank = {id_: label["rank"] for id_, label in deck_labels(scene_of(catalog)).items()}
    # capitals and the route's key places before towns, towns before border crossings
    assert rank["meghri"] == rank["baku"] < rank["ganja"] < rank["zangilan"]
    assert rank["zangilan"] < rank["agarak-norduz-crossing"]
    assert rank["agarak"] < rank["zangilan"]  # ranked in the data, not by its kind


def test_a_selected_features_label_outranks_every_other(catalog: Catalog) -> None:
    scene = scene_of(catalog, highlighted=frozenset({"dilucu-crossing"}))
    rank = {id_: label["rank"] for id_, label in deck_labels(scene).items()}
    assert rank["dilucu-crossing"] < min(r for i, r in rank.items() if i != "dilucu-crossing")


def test_place_labels_stand_clear_of_their_dots(catalog: Catalog) -> None:
    scene = scene_of(catalog)
    radius = {feature.id: feature.radius for feature in scene.layer("places")}
    offsets = {label.id: label.offset for label in scene.labels}  # Leaflet: pixels above
    kept_clear = {id_: label["radius"] for id_, label in deck_labels(scene).items()}
    for place, dot in radius.items():
        assert offsets[place] > dot
        assert kept_clear[place] >= dot  # the component keeps the whole dot clear


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_leaflet_labels_are_escaped_html_with_direction(catalog: Catalog, lang: str) -> None:
    labels = {
        re.search(r'data-id="([^"]+)"', label["html"]).group(1): label  # type: ignore[union-attr]
        for label in leaflet_labels(leaflet_page(scene_of(catalog, lang), lang))
    }
    direction = "rtl" if lang == "ar" else "ltr"
    for place in KEY_PLACES:
        point = catalog.geometries[place]
        assert (labels[place]["lon"], labels[place]["lat"]) == (point.x, point.y)
        assert f'dir="{direction}"' in labels[place]["html"]
        assert f"<bdi>{name(catalog, place, lang)}</bdi>" in labels[place]["html"]


def test_hostile_names_are_escaped_in_leaflet_labels(
    data_copy: Path, edit_records: EditRecords
) -> None:
    def rename(records: list[dict[str, Any]]) -> None:
        record(records, "meghri")["names"]["en"] = '<img src=x onerror="alert(1)">'

    edit_records(data_copy, "places.yaml", rename)
    page = leaflet_page(scene_of(load_catalog(data_copy)))
    assert "<img src=x" not in page
    assert "\\u003cimg" not in page  # not even inside the JSON, as a tag
    assert "\\u0026lt;img src=x onerror=\\u0026quot;alert(1)\\u0026quot;\\u0026gt;" in page


# -- the route through Syunik ------------------------------------------------------------


def test_the_route_is_drawn_over_every_other_line_and_area(catalog: Catalog) -> None:
    layers = list(deck_layers(scene_of(catalog)))
    route = layers.index("route")
    assert layers.index("route-casing") == route - 1
    assert route > max(layers.index(other) for other in ("countries", "regions", "corridors"))
    # only the places (clickable dots) are drawn above it (the names are page text on top)
    assert layers[route + 1 :] == ["places"]


def test_the_route_colour_is_reserved(catalog: Catalog) -> None:
    scene = scene_of(catalog)
    route = scene.layer("route")
    assert [feature.id for feature in route] == ["syunik-route"]
    assert route[0].line.color == ROUTE_COLOR
    others = {feature.line.color[:3] for feature in scene.features if feature.id != "syunik-route"}
    others |= {
        feature.fill[:3]
        for feature in (*scene.features, *scene.context)
        if feature.id != "syunik-route"
    }
    others |= {colour[:3] for colour in STATUS_COLOR.values()}
    others |= {HIGHLIGHT[:3], HIGHLIGHT_FILL[:3], WATER_FILL[:3], PLACE_COLOR[:3]}
    assert ROUTE_COLOR[:3] not in others
    assert ROUTE_COLOR[:3] not in {fill[:3] for fill in (*FOCUS_FILL.values(), NEIGHBOUR_FILL)}


def test_no_ui_element_uses_the_route_or_selection_colour() -> None:
    config = tomllib.loads((site_dir() / ".streamlit" / "config.toml").read_text())
    primary = config["theme"]["primaryColor"].lstrip("#")
    theme = tuple(int(primary[i : i + 2], 16) for i in (0, 2, 4))
    assert theme not in (ROUTE_COLOR[:3], HIGHLIGHT[:3])


@pytest.mark.parametrize(
    ("day", "dashed"),
    [
        (dt.date(2020, 11, 10), True),  # proposed in the ceasefire statement
        (dt.date(2025, 8, 8), True),  # planned at the Washington summit
    ],
)
def test_the_route_is_dashed_but_drawn_while_planned_or_proposed(
    catalog: Catalog, day: dt.date, dashed: bool
) -> None:
    scene = build_scene(catalog, SceneRequest(dates=DateRange(dt.date(1990, 1, 1), day)))
    (route,) = scene.layer("route")
    assert bool(route.line.dash) is dashed
    assert route.line.color == ROUTE_COLOR
    assert route.line.width > max(f.line.width for f in scene.layer("corridors"))
    assert route.casing is not None
    assert route.casing.width > route.line.width


def test_other_corridors_are_quieter_unless_selected(catalog: Catalog) -> None:
    plain = {f.id: f.line for f in scene_of(catalog).layer("corridors")}
    chosen = scene_of(catalog, highlighted=frozenset({"horadiz-aghband-railway"}))
    selected = {f.id: f.line for f in chosen.layer("corridors")}
    assert plain["horadiz-aghband-railway"].color[3] < 255
    assert selected["horadiz-aghband-railway"].color == HIGHLIGHT
    assert selected["horadiz-aghband-railway"].width > plain["horadiz-aghband-railway"].width


def test_a_selected_country_is_outlined_and_a_region_filled(catalog: Catalog) -> None:
    scene = scene_of(catalog, highlighted=frozenset({"ru", "am-su"}))
    russia = next(f for f in scene.layer("countries") if f.id == "ru")
    syunik = next(f for f in scene.layer("regions") if f.id == "am-su")
    assert russia.fill == NEIGHBOUR_FILL  # not flooded
    assert russia.line.color == HIGHLIGHT
    assert syunik.fill == HIGHLIGHT_FILL
    assert syunik.line.color == HIGHLIGHT


# -- water and the default view ----------------------------------------------------------


def test_water_is_loaded_and_drawn_by_both_renderers(catalog: Catalog) -> None:
    kinds = {body.id: body.kind for body in catalog.water}
    assert {"caspian-sea", "lake-sevan", "aras-river", "kura-river"} <= set(kinds)
    caspian = catalog.water_geometries["caspian-sea"]
    assert caspian.geom_type in ("Polygon", "MultiPolygon")
    assert caspian.contains(shapely.Point(50.5, 40.0))
    assert catalog.water_geometries["aras-river"].geom_type in ("LineString", "MultiLineString")
    # Lake Sevan lies in Armenia; the Aras runs along Meghri (within 5 km)
    assert catalog.geometries["am"].contains(catalog.water_geometries["lake-sevan"].centroid)
    assert catalog.water_geometries["aras-river"].distance(catalog.geometries["meghri"]) < 0.05

    scene = scene_of(catalog)
    layers = deck_layers(scene)
    assert {row["id"] for row in layers["water"]["data"]} >= {"caspian-sea", "lake-sevan"}
    assert {row["id"] for row in layers["rivers"]["data"]} >= {"aras-river"}
    assert not layers["water"]["pickable"]
    assert not layers["rivers"]["pickable"]
    page = leaflet_page(scene)
    assert '"id": "caspian-sea"' in page
    assert '"id": "aras-river"' in page


def test_a_bad_water_geometry_is_a_problem_naming_file_record_and_field(
    data_copy: Path,
) -> None:
    path = data_copy / "water.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    river = next(f for f in collection["features"] if f["properties"]["id"] == "aras-river")
    river["geometry"] = {"type": "Point", "coordinates": [45.0, 39.0]}
    path.write_text(json.dumps(collection), encoding="utf-8")
    report = inspect_catalog(data_copy)
    assert [(p.file, p.record, p.field) for p in report.problems] == [
        ("water.geojson", "aras-river", "geometry")
    ]
    assert "aras-river" not in {body.id for body in report.catalog.water}


def test_the_default_view_holds_the_whole_network(catalog: Catalog) -> None:
    view = box(*DEFAULT_BOUNDS)
    network = [catalog.geometries[f.id] for f in (*catalog.places, *catalog.corridors)]
    assert all(view.contains(geometry) for geometry in network)
    # with room for the labels of the places at its edges (about 0.3 degrees)
    assert view.contains(shapely.union_all(network).envelope.buffer(0.3, join_style="mitre"))


def test_default_view_is_fitted_for_the_narrowest_column() -> None:
    narrow, wide = fit_bounds(DEFAULT_BOUNDS), fit_bounds(DEFAULT_BOUNDS, width=560)
    assert narrow.zoom < wide.zoom  # the narrow column's view also fits the wide one


# -- legend ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_legend_swatch_is_labelled(lang: str) -> None:
    page = legend_html(Translator(lang))
    labels = re.findall(r'<span style="[^"]*"></span>([^<]*)</span>', page)
    assert len(labels) == page.count('<span style="') // 2
    assert all(label.strip() for label in labels)
    for colour in (ROUTE_COLOR, WATER_FILL, HIGHLIGHT):
        assert css(colour) in page


def test_scene_labels_come_most_important_first(catalog: Catalog) -> None:
    labels = scene_of(catalog).labels
    ranks = [label.rank for label in labels]
    assert ranks == sorted(ranks)
    # rank 1: the focus areas of the data (Syunik, the Nakhchivan AR), then the capitals
    assert [label.id for label in labels[:4]] == ["am-su", "az-nx", "baku", "meghri"]


def test_a_selection_naming_a_country_and_a_place_frames_the_place(catalog: Catalog) -> None:
    scene = scene_of(catalog, highlighted=frozenset({"ru", "meghri"}))
    west, south, east, north = scene.bounds
    assert east - west < 1
    assert north - south < 1
    assert box(*scene.bounds).contains(catalog.geometries["meghri"])
    # a country alone is framed whole
    alone = scene_of(catalog, highlighted=frozenset({"am"})).bounds
    assert box(*alone).contains(catalog.geometries["am"])


def test_line_labels_stand_off_the_places_the_line_runs_through(catalog: Catalog) -> None:
    labels = {label.id: label for label in scene_of(catalog).labels}
    places = [catalog.geometries[place.id] for place in catalog.places]
    label = labels["baku-tbilisi-kars-railway"]
    nearest = min(shapely.Point(label.lon, label.lat).distance(place) for place in places)
    assert nearest > 0.2  # degrees: a dot's width at any zoom the map opens at


@pytest.mark.parametrize(
    ("lang", "kind", "rejected"), [("en", "Route", "Corridor"), ("ar", "طريق", "ممر")]
)
def test_the_route_tooltip_uses_the_neutral_kind_name(
    catalog: Catalog, lang: str, kind: str, rejected: str
) -> None:
    dates = DateRange(dt.date(2025, 8, 1), dt.date(2025, 8, 31))
    drawn = {f.id: f for f in build_scene(catalog, SceneRequest(dates=dates, lang=lang)).features}
    route = drawn["syunik-route"].detail
    assert route.startswith(f"{kind} · ")
    assert rejected not in route
    others = [f.detail for f in drawn.values() if f.layer == "corridors"]  # keep their kind
    assert others
    assert all(d.startswith(f"{rejected} · ") for d in others)
