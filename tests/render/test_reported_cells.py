"""The map's cells of reported events: counts, resolution by zoom, the cap, colours, drawing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import math
from pathlib import Path

import h3
import pyarrow as pa
import pytest

from corridors.core import settings
from corridors.core.basemaps import BUNDLED
from corridors.data.catalog import Catalog
from corridors.data.timeline import catalogue_span
from corridors.geo.camera import Camera, fit_bounds
from corridors.geo.cells import cell_ids, parse_cell
from corridors.i18n import Translator
from corridors.render.cell_places import CellGazetteer
from corridors.render.deck.component import component_drawing
from corridors.render.leaflet.builder import build_map, fix_element_ids
from corridors.render.reported_layer import (
    CELLS_LAYER,
    SELECTED_CELL_LAYER,
    MapView,
    ReportedLayer,
    build_reported_layer,
    cell_width_m,
    resolution_for,
)
from corridors.render.scene import DEFAULT_BOUNDS, SceneRequest, build_scene
from corridors.render.styles import (
    BACKGROUND,
    CELL_CLASS_STARTS,
    CELL_OUTLINES,
    CELL_RAMP,
    FOCUS_FILL,
    HIGHLIGHT,
    NEIGHBOUR_FILL,
    RGBA,
    cell_class,
)
from corridors.reported.store import EVENT_SCHEMA, EventQuery, EventStore, open_store
from corridors.testing.synthetic import fill_store

EN, AR = Translator("en"), Translator("ar")
#: The default view, as the deck.gl map is given it, at the width assumed for it.
DEFAULT_VIEW = MapView(fit_bounds(DEFAULT_BOUNDS, height=560), settings.assumed_map_width, 560)
#: A synthetic store this large stays under the cap only by coarsening at the default view.
MILLION = 1_000_000
YEAR_2024 = EventQuery(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))


@pytest.fixture(scope="module")
def million(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> EventStore:
    """A store of a million synthetic events, written once for the module (a few seconds)."""
    store = open_store(tmp_path_factory.mktemp("million"))
    fill_store(store, catalog, MILLION)
    return store


@pytest.fixture(scope="module")
def small(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> EventStore:
    store = open_store(tmp_path_factory.mktemp("small"))
    fill_store(store, catalog, 5_000, seed=3)
    return store


# --- counts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        EventQuery(),
        YEAR_2024,
        EventQuery(kinds=frozenset({"conflict", "unrest"}), sources=frozenset({"gdelt"})),
        EventQuery(sources=frozenset()),
    ],
    ids=["everything", "2024", "kinds-and-source", "no-source"],
)
def test_the_cells_of_a_view_add_up_to_the_filtered_events_in_it(
    small: EventStore, query: EventQuery
) -> None:
    view = MapView(Camera(lat=40.0, lon=46.0, zoom=5.0), 1200, 800)  # the whole region
    layer = build_reported_layer(small, query, view)
    assert layer.resolution == resolution_for(view)  # under the cap: not coarsened
    assert sum(cell.count for cell in layer.cells) == small.count(query)
    assert all(cell.count > 0 for cell in layer.cells)
    assert len({cell.name for cell in layer.cells}) == len(layer.cells)


def test_only_the_cells_of_the_view_are_counted_each_whole(small: EventStore) -> None:
    view = MapView(Camera(lat=39.2, lon=46.3, zoom=9.0), 600, 400)  # Syunik, close
    layer = build_reported_layer(small, EventQuery(), view)
    west, south, east, north = view.bounds(padding=settings.map_cells_padding)
    assert layer.cells
    for cell in layer.cells:
        lat, lon = h3.cell_to_latlng(cell.name)
        assert west <= lon <= east
        assert south <= lat <= north
        whole = small.count(EventQuery(cell=parse_cell(cell.name)))
        assert cell.count == whole, cell.name  # an edge cell is not cut by the box
    assert sum(cell.count for cell in layer.cells) < small.count(EventQuery())


def test_the_cap_holds_at_a_million_events_by_coarser_cells(million: EventStore) -> None:
    for view in (DEFAULT_VIEW, MapView(Camera(lat=39.5, lon=45.8, zoom=7.5), 1920, 1080)):
        layer = build_reported_layer(million, YEAR_2024, view)
        assert 0 < len(layer.cells) <= settings.max_map_cells
        if layer.resolution < resolution_for(view):  # coarsened: the finer one was over
            finer = million.counts_by_cell(YEAR_2024, layer.resolution + 1)
            assert len(finer) > settings.max_map_cells


def test_the_cells_payload_does_not_grow_with_the_events(
    million: EventStore, small: EventStore, catalog: Catalog
) -> None:
    scene = build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events)))

    def cell_bytes(store: EventStore) -> int:
        layer = build_reported_layer(store, EventQuery(), DEFAULT_VIEW)
        drawing = component_drawing(scene, EN, basemap=BUNDLED, reported=layer)
        spec = json.loads(drawing["spec"])
        cells = next(layer for layer in spec["layers"] if layer["id"] == CELLS_LAYER)
        return len(json.dumps(cells["data"]))

    per_cell_bound = 300
    assert cell_bytes(million) <= settings.max_map_cells * per_cell_bound < 1_000_000
    assert cell_bytes(small) < cell_bytes(million)  # fewer cells hold events, not more bytes


def test_a_small_cap_coarsens_until_under_it(
    small: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = MapView(Camera(lat=40.0, lon=46.0, zoom=7.0), 1200, 800)
    fine = build_reported_layer(small, EventQuery(), view)
    monkeypatch.setattr(settings, "max_map_cells", 20)
    capped = build_reported_layer(small, EventQuery(), view)
    assert len(fine.cells) > 20 >= len(capped.cells) > 0
    assert capped.resolution < fine.resolution
    inside = sum(cell.count for cell in capped.cells)
    assert inside == sum(
        small.count(EventQuery(cell=parse_cell(cell.name))) for cell in capped.cells
    )


# --- resolution by zoom -----------------------------------------------------------------


def cell_px(resolution: int, view: MapView) -> float:
    metres_per_px = (
        40_075_016.686 * math.cos(math.radians(view.camera.lat)) / (256 * 2**view.camera.zoom)
    )
    return cell_width_m(resolution) / metres_per_px


@pytest.mark.parametrize("zoom", [3.0, 4.5, 5.8, 6.0, 7.25, 8.0, 9.5, 10.0])
def test_the_resolution_draws_cells_a_readable_size(zoom: float) -> None:
    view = MapView(Camera(lat=40.0, lon=46.0, zoom=zoom), 1200, 560)
    chosen = resolution_for(view)
    assert 12 <= cell_px(chosen, view) <= 40
    assert cell_px(chosen + 1, view) < settings.min_cell_px  # the next finer is too small


def test_the_resolution_grows_with_the_zoom_up_to_the_stored_one() -> None:
    chosen = [
        resolution_for(MapView(Camera(lat=40.0, lon=46.0, zoom=zoom / 4), 1200, 560))
        for zoom in range(0, 4 * 16)
    ]
    assert chosen == sorted(chosen)
    assert chosen[0] == 0
    assert chosen[-1] == settings.stored_cell_resolution
    assert set(chosen) == set(range(settings.stored_cell_resolution + 1))


def test_the_view_box_holds_what_the_camera_was_fitted_to() -> None:
    west, south, east, north = DEFAULT_BOUNDS
    box = MapView(DEFAULT_VIEW.camera, settings.narrowest_map_width, 560).bounds()
    assert box[0] <= west
    assert box[1] <= south
    assert box[2] >= east
    assert box[3] >= north
    padded = MapView(DEFAULT_VIEW.camera, settings.narrowest_map_width, 560).bounds(padding=0.25)
    assert padded[0] < box[0]
    assert padded[1] < box[1]
    assert padded[2] > box[2]
    assert padded[3] > box[3]


# --- colours ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "shade"),
    [
        *((1, 0), (9, 0), (10, 1), (99, 1), (100, 2), (999, 2), (1_000, 3)),
        *((99_999, 4), (100_000, 5), (10_000_000, 5)),
    ],
)
def test_colour_classes_grow_tenfold(count: int, shade: int) -> None:
    assert cell_class(count) == shade
    assert len(CELL_CLASS_STARTS) == len(CELL_RAMP) == len(CELL_OUTLINES)


def luminance(colour: tuple[int, ...]) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(fill: RGBA, background: tuple[int, ...]) -> tuple[int, ...]:
    alpha = fill[3] / 255
    return tuple(
        round(f * alpha + b * (1 - alpha)) for f, b in zip(fill[:3], background[:3], strict=True)
    )


#: The bundled basemap's grey and the fills of its countries, an OpenStreetMap / Carto light
#: map's white, and a dark basemap's background (Carto dark matter).
BASEMAP_COLOURS = {
    "bundled": BACKGROUND,
    "neighbour": NEIGHBOUR_FILL,
    **{f"focus-{key}": colour for key, colour in FOCUS_FILL.items()},
    "light": (255, 255, 255, 255),
    "dark": (38, 38, 38, 255),
}


@pytest.mark.parametrize("basemap", BASEMAP_COLOURS)
def test_every_class_stands_out_on_every_basemap(basemap: str) -> None:
    """By its fill or by its outline, a cell has 3:1 contrast with the map around it."""
    ground = BASEMAP_COLOURS[basemap][:3]
    for fill, outline in zip(CELL_RAMP, CELL_OUTLINES, strict=True):
        best = max(contrast(over(fill, ground), ground), contrast(over(outline, ground), ground))
        assert best >= 3, (fill, basemap)


# --- drawing ----------------------------------------------------------------------------


@pytest.fixture
def hostile_store(tmp_path: Path) -> EventStore:
    """Events whose every text field is markup, a formula or very long."""
    store = open_store(tmp_path)
    text = '<script>alert(1)</script>=HYPERLINK("x")**bold**' + "x" * 10_000
    points = [(38.9036, 46.2426), (39.2089, 45.4122), (39.21, 46.40), (38.91, 46.25)]
    rows = [
        {
            "source": "acled",
            "event_id": f"<b>{index}</b>",
            "date": dt.date(2025, 8, 8),
            "kind": "unrest",
            **dict.fromkeys(
                ("event_type", "location", "country", "actor1", "actor2", "source_name", "url"),
                text,
            ),
            "notes": text,
            "latitude": lat,
            "longitude": lon,
            "features": ["am", text],
            "cell": cell_ids([lat], [lon])[0].as_py(),
        }
        for index, (lat, lon) in enumerate(points)
    ]
    with store.writer(source="acled", file="<i>hostile</i>.csv") as writer:
        writer.add(pa.Table.from_pylist(rows, schema=EVENT_SCHEMA))
    return store


def _layer_with_a_selected_cell(
    catalog: Catalog, store: EventStore, view: MapView
) -> ReportedLayer:
    """The cells of ``view``, named by places, the first of them selected."""
    first = build_reported_layer(store, EventQuery(), view)
    return build_reported_layer(
        store, EventQuery(), view, selected=first.cells[0].name, gazetteer=CellGazetteer(catalog)
    )


def test_deck_draws_cells_between_areas_and_lines_with_the_selection_outlined(
    catalog: Catalog, hostile_store: EventStore
) -> None:
    scene = build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events)))
    view = MapView(Camera(lat=39.1, lon=46.0, zoom=8.0), 1200, 560)
    layer = _layer_with_a_selected_cell(catalog, hostile_store, view)
    drawing = component_drawing(scene, EN, basemap=BUNDLED, reported=layer)
    spec = json.loads(drawing["spec"])
    names = [entry["id"] for entry in spec["layers"]]
    assert names[names.index("regions") + 1 : names.index("corridors")] == [
        CELLS_LAYER,
        SELECTED_CELL_LAYER,
    ]
    cells = spec["layers"][names.index(CELLS_LAYER)]
    assert cells["pickable"] is True
    assert [row["id"] for row in cells["data"]] == [cell.name for cell in layer.cells]
    assert sum(int(row["tooltip"].split()[0]) for row in cells["data"]) == 4
    assert cells["data"][0]["tooltip"] == (
        f"{layer.cells[0].count} reported event{'s' * (layer.cells[0].count > 1)} in this cell"
        "\nNear Nakhchivan\nNakhchivan (city), Nakhchivan Autonomous Republic"
        "\nImported: as ACLED, GDELT or a GeoJSON file gives it, not reviewed by the atlas"
    )  # the event at (39.2089, 45.4122), named by the place there, not by the H3 id
    selected = spec["layers"][names.index(SELECTED_CELL_LAYER)]
    assert selected["data"] == [
        {
            "id": layer.cells[0].name,
            "line": list(HIGHLIGHT),
            "polygon": [list(point) for point in layer.cells[0].outline[:-1]],
        }
    ]
    assert "alert" not in json.dumps(drawing)  # counts only: no imported text
    assert "HYPERLINK" not in json.dumps(drawing)


def test_a_click_on_a_cell_is_told_from_a_click_on_a_feature(
    catalog: Catalog, hostile_store: EventStore
) -> None:
    """The map component reports the layer and the row's id it picked: a cell's is its name."""
    scene = build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events)))
    layer = build_reported_layer(hostile_store, EventQuery(), DEFAULT_VIEW)
    drawing = component_drawing(scene, EN, basemap=BUNDLED, reported=layer)
    by_name = {entry["id"]: entry for entry in json.loads(drawing["spec"])["layers"]}
    assert by_name[CELLS_LAYER]["data"][0]["id"] == layer.cells[0].name
    assert by_name[CELLS_LAYER]["pickable"]
    assert by_name["places"]["pickable"]
    place_ids = {row["id"] for row in by_name["places"]["data"]}
    assert place_ids == {feature.id for feature in scene.layer("places")}


def test_leaflet_draws_cells_between_areas_and_lines_escaped_and_translated(
    catalog: Catalog, hostile_store: EventStore
) -> None:
    scene = build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events), lang="ar"))
    view = MapView(Camera(lat=39.1, lon=46.0, zoom=8.0), 1200, 560)
    layer = _layer_with_a_selected_cell(catalog, hostile_store, view)
    leaflet_map = build_map(scene, AR, camera=view.camera, reported=layer)
    fix_element_ids(leaflet_map)
    page = leaflet_map.get_root().render()
    collections = [
        json.loads(text.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&"))
        for text in _added_data(page)
    ]
    layers = [collection["features"][0]["properties"]["layer"] for collection in collections]
    assert layers.index("regions") < layers.index(CELLS_LAYER) < layers.index("corridors")
    assert layers.index(CELLS_LAYER) + 1 == layers.index(SELECTED_CELL_LAYER)
    cells = collections[layers.index(CELLS_LAYER)]["features"]
    assert [cell["properties"]["id"] for cell in cells] == [cell.name for cell in layer.cells]
    tooltip = cells[0]["properties"]["tooltip"]
    expected = layer.cells[0].tooltip(AR).split("\n")
    assert tooltip == '<div dir="rtl">' + "<br>".join(html.escape(line) for line in expected) + (
        "</div>"
    )
    assert "الخلية" in tooltip
    near = AR("cells.near", place=AR.text(catalog.feature("nakhchivan").names))
    assert html.escape(near) in tooltip  # near Nakhchivan, in Arabic
    assert layer.cells[0].name not in tooltip
    outline = collections[layers.index(SELECTED_CELL_LAYER)]["features"][0]
    assert outline["properties"]["style"]["color"] == "rgb(0, 176, 240)"
    assert "alert" not in page  # counts only: no imported text
    assert "HYPERLINK" not in page


def _added_data(page: str) -> list[str]:
    """The GeoJSON each SceneLayer adds (``….addData({...});``), in drawing order."""
    found = []
    for part in page.split(".addData(")[1:]:
        found.append(part[: part.index(");\n")])
    return found


def test_the_selected_cell_is_outlined_at_its_own_resolution(small: EventStore) -> None:
    coarse = h3.latlng_to_cell(39.2, 46.3, 3)
    layer = build_reported_layer(small, EventQuery(), DEFAULT_VIEW, selected=coarse)
    assert layer.resolution != 3
    assert layer.selected == coarse
    assert len(layer.selected_outline) == 7  # a hexagon, closed
    assert build_reported_layer(small, EventQuery(), DEFAULT_VIEW, selected="nope").selected is None


def test_a_query_box_is_replaced_by_the_view(small: EventStore) -> None:
    query = dataclasses.replace(YEAR_2024, bounds=(0.0, 0.0, 1.0, 1.0))
    assert build_reported_layer(small, query, DEFAULT_VIEW).cells
