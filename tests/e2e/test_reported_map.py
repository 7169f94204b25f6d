"""Reported events on the map in a real browser: one server whose store holds the fixtures.

The cells draw in both renderers (deck.gl's own picking, and Leaflet's drawn layers, name
them), a click on a cell puts it in the link, and a link with ``sources`` and ``cell``
restores both (only that source's cells, the cell outlined).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Frame, expect
from shapely.geometry import Point, Polygon
from shapely.ops import polylabel, unary_union

from corridors.core.environment import IMPORTS_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.data.models import EventKind
from corridors.data.timeline import catalogue_span
from corridors.geo.cells import cell_outline, parse_cell
from corridors.i18n import Translator
from corridors.render.cell_places import CellGazetteer
from corridors.render.deck.component import PICKING_RADIUS
from corridors.render.reported_layer import CELLS_LAYER, SELECTED_CELL_LAYER
from corridors.render.scene import SceneRequest, build_scene
from corridors.reported.store import EventQuery, EventStore, open_store
from corridors.testing.browser import MAP_TIMEOUT, Dashboard, deck_highlighted
from corridors.testing.server import app_server
from support.fixture_imports import import_fixtures

pytestmark = pytest.mark.e2e

#: Pixels between the point clicked in a cell and any line or place drawn above it.
#: How far from its point an event's mark may be drawn (Leaflet's third ring and a mark).
MARKS_SPREAD_PX = 60.0
#: Beyond the picking radius of the dots (7 px at most) and lines, where a cell is picked.
MIN_CLEARANCE_PX = PICKING_RADIUS + 7.0
#: Close over Meghri, where most fixture events are: the store's finest cells (resolution
#: 9) are about 100 px across here, with room beside the place's dot and the route. (At the
#: default view every cell holding a fixture event holds a place's dot and a line too.)
CLOSE_ZOOM = 15
CLOSE = f"?lat=38.9036&lon=46.2426&zoom={CLOSE_ZOOM}"
#: The curated events' kinds but the one of the event marked at Meghri, where the cells
#: are: the cells to click are clear of the marks (reported events keep all their kinds).
NOT_AT_MEGHRI = frozenset(EventKind) - {EventKind.DIPLOMATIC}
CLOSE_CELLS = f"{CLOSE}&kinds={','.join(sorted(NOT_AT_MEGHRI))}"


@pytest.fixture(scope="module")
def imports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("imports")
    import_fixtures(folder)
    return folder


@pytest.fixture(scope="module")
def store(imports: Path) -> EventStore:
    return open_store(imports)


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory, imports: Path) -> Iterator[str]:
    """The app with the fixture imports in its store (overrides the e2e conftest's)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(IMPORTS_DIR_ENV, str(imports))
        log = tmp_path_factory.mktemp("server") / "streamlit.log"
        with app_server(log) as server:
            yield server.url


def cell_rows(spec: dict[str, Any], name: str = CELLS_LAYER) -> list[dict[str, Any]]:
    return [row for layer in spec["layers"] if layer["id"] == name for row in layer["data"]]


def drawn_total(rows: list[dict[str, Any]]) -> int:
    return sum(int(row["tooltip"].split()[0]) for row in rows)


def roomiest_cell(
    catalog: Catalog, names: list[str], world_px: float, marks: list[list[float]]
) -> tuple[str, float, float]:
    """The drawn cell with the most room round a point of it, and that point.

    The point is the one of the cell farthest from its outline and from the lines, places
    and event marks drawn above the cells (a mark may be drawn up to MARKS_SPREAD_PX from
    its point). Degrees stand in for screen distance (over a cell's few tens of km the
    difference is small against the clearance asked for).
    """
    spread = MARKS_SPREAD_PX / world_px * 360
    above = unary_union(
        [
            *(
                catalog.geometries[record.id]
                for layer in ("corridors", "places")
                for record in catalog.records(layer)
            ),
            *(Point(*mark).buffer(spread) for mark in marks),
        ]
    )
    found = []
    for name in names:
        cell_id = parse_cell(name)
        assert cell_id is not None
        area = Polygon(cell_outline(cell_id))
        free = area.difference(above)
        for part in getattr(free, "geoms", [free]):
            if part.area > 0:
                point = polylabel(part, tolerance=1e-6)
                room = min(above.distance(point), point.distance(area.exterior))
                found.append((room, name, point))
    room, name, point = max(found, key=lambda item: item[0])
    room_px = room / 360 * world_px
    assert room_px >= MIN_CLEARANCE_PX, f"every cell is crowded: {room_px:.1f} px at most"
    return name, point.x, point.y


def test_deck_draws_the_cells_and_a_click_puts_one_in_the_link(
    dashboard: Dashboard, catalog: Catalog, store: EventStore
) -> None:
    dashboard.open()
    dashboard.wait_for_deck_drawn()
    rows = cell_rows(dashboard.deck_spec)
    assert rows
    assert drawn_total(rows) == store.count(EventQuery())  # the whole catalogue's range
    dashboard.open(CLOSE_CELLS)
    dashboard.wait_for_deck_drawn()
    rows = cell_rows(dashboard.deck_spec)
    world_px = 512.0 * 2.0 ** dashboard.deck_view()["zoom"]
    marks = [mark["position"] for mark in dashboard.deck_spec["marks"]]
    name, lon, lat = roomiest_cell(catalog, [row["id"] for row in rows], world_px, marks)
    # deck.gl's picking finds the cell, named by its place
    dashboard.hover_deck(lon, lat, cell_place(catalog, name))
    with dashboard.next_deck_spec(lambda spec: name in deck_highlighted(spec)):
        dashboard.click_deck_here()
    expect(dashboard.page).to_have_url(re.compile(f"cell={name}"))
    assert [row["id"] for row in cell_rows(dashboard.deck_spec, SELECTED_CELL_LAYER)] == [name]
    expect_cell_listed(dashboard, store, name)


def cell_place(catalog: Catalog, name: str) -> str:
    """The first line of a cell's name as its tooltip gives it (English)."""
    cell = parse_cell(name)
    assert cell is not None
    return CellGazetteer(catalog).name(cell).lines(Translator("en"))[0]


def expect_cell_listed(dashboard: Dashboard, store: EventStore, name: str) -> None:
    """The side pane lists the cell's events: its count in the heading, its newest event."""
    query = EventQuery(cell=parse_cell(name))
    count, [newest] = store.count(query), store.page(query, limit=1)
    assert count > 0
    listing = dashboard.page.locator(".st-key-cell-reported")
    event = "event" if count == 1 else "events"
    heading = f"{count} reported {event} in the selected map cell"
    expect(listing).to_contain_text(heading, timeout=MAP_TIMEOUT)
    assert newest.location
    rows = listing.locator(f".st-key-cell-reported-{name}-rows")
    expect(rows).to_contain_text(newest.location, timeout=MAP_TIMEOUT)


def leaflet_cells(frame: Frame) -> dict[str, dict[str, Any]]:
    """The cells Leaflet has drawn: id -> path options."""
    cells: dict[str, dict[str, Any]] = frame.evaluate(
        """(layerName) => {
            const found = {};
            window.map.eachLayer(layer => {
                const props = layer.feature && layer.feature.properties;
                if (props && props.layer === layerName) {
                    found[props.id] = {fillColor: layer.options.fillColor};
                }
            });
            return found;
        }""",
        CELLS_LAYER,
    )
    return cells


def wait_for_settled_cells(frame: Frame) -> None:
    """Wait until Leaflet shows cells and the same ones on two polls half a second apart.

    Leaflet reports its centre and zoom after it moves, which reruns the app and may send
    the cells of the new view: a cell is picked once that has settled.
    """
    frame.wait_for_function(
        """(layerName) => {
            const ids = [];
            window.map.eachLayer(l => {
                if (l.feature && l.feature.properties.layer === layerName) {
                    ids.push(l.feature.properties.id);
                }
            });
            const now = ids.sort().join(",");
            const same = ids.length > 0 && now === window.__cellsSeen;
            window.__cellsSeen = now;
            return same && !window.map._animatingZoom;
        }""",
        arg=CELLS_LAYER,
        polling=500,
        timeout=MAP_TIMEOUT,
    )


def test_leaflet_draws_the_cells_and_a_click_puts_one_in_the_link(
    dashboard: Dashboard, catalog: Catalog, store: EventStore
) -> None:
    dashboard.open(f"{CLOSE_CELLS}&view=leaflet")
    frame = dashboard.wait_for_leaflet([])
    # the link's camera reaches Leaflet after its first drawing: the cells to click on are
    # those of the camera asked for (under load they were read before it moved, once)
    frame.wait_for_function(
        f"() => Math.abs(window.map.getZoom() - {CLOSE_ZOOM}) < 0.01", timeout=MAP_TIMEOUT
    )
    wait_for_settled_cells(frame)
    cells = leaflet_cells(frame)
    world_px = dashboard.leaflet_world_px(frame)
    dates = catalogue_span(catalog.events)
    scene = build_scene(catalog, SceneRequest(dates=dates, kinds=NOT_AT_MEGHRI))
    marks = [[mark.lon, mark.lat] for mark in scene.marks]
    name, lon, lat = roomiest_cell(catalog, list(cells), world_px, marks)
    dashboard.wait_for_leaflet([name], styled={name: cells[name]["fillColor"]})
    point = dashboard.leaflet_point(frame, lon, lat)
    dashboard.leaflet_map.hover(position=point)
    expect(frame.locator(".leaflet-tooltip")).to_contain_text(cell_place(catalog, name))
    with dashboard.rerun():
        dashboard.leaflet_map.click(position=point)
    expect(dashboard.page).to_have_url(re.compile(f"cell={name}"))
    expect_cell_listed(dashboard, store, name)


def test_a_link_restores_the_sources_and_the_cell(dashboard: Dashboard, store: EventStore) -> None:
    dashboard.open()
    dashboard.wait_for_deck_drawn()
    name = cell_rows(dashboard.deck_spec)[0]["id"]
    dashboard.deck_specs.clear()
    dashboard.open(f"?sources=gdelt&cell={name}")
    dashboard.wait_for_deck_drawn()
    query = parse_qs(urlsplit(dashboard.page.url).query)
    assert query["sources"] == ["gdelt"]
    assert query["cell"] == [name]
    spec = dashboard.deck_spec
    gdelt = store.count(EventQuery(sources=frozenset({"gdelt"})))
    assert drawn_total(cell_rows(spec)) == gdelt < store.count(EventQuery())
    assert name in deck_highlighted(spec)
    listing = dashboard.page.locator(".st-key-cell-reported")
    in_gdelt = store.count(EventQuery(cell=parse_cell(name), sources=frozenset({"gdelt"})))
    expect(listing).to_contain_text(f"{in_gdelt} reported event", timeout=MAP_TIMEOUT)
