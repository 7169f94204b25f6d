"""What the maps draw, measured in a real browser: labels, the route, the default view.

One app server for the module. Label boxes are the Leaflet label elements' own bounding
boxes; deck.gl draws its labels on the canvas, so there the spec the browser received is
checked (names, shaping, the collision filter) and points are placed from its view.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Frame, expect

from corridors.data.catalog import Catalog
from corridors.render.styles import ROUTE_COLOR
from corridors.testing.browser import (
    MAP_TIMEOUT,
    RGB,
    Dashboard,
    colour_at,
    deck_pixel,
    near,
    wait_until,
)

pytestmark = pytest.mark.e2e

#: The places the default view must show, at both widths.
NETWORK_ENDS = ("kars", "baku", "nakhchivan", "meghri")
VIEWPORTS = {"1280x720": (1280, 720), "390x844": (390, 844)}
TOLERANCE = 14

LABEL_BOXES = """() => [...document.querySelectorAll('.atlas-label-text')].map(e => {
    const r = e.getBoundingClientRect();
    return {id: e.dataset.id, rank: +e.dataset.rank, text: e.textContent, dir: e.dir,
            shown: getComputedStyle(e).visibility === 'visible',
            left: r.left, top: r.top, right: r.right, bottom: r.bottom};
})"""


def open_leaflet(dashboard: Dashboard, query: str = "") -> Frame:
    dashboard.open(f"?view=leaflet{query}")
    frame = dashboard.wait_for_leaflet(["meghri"])
    frame.wait_for_function("() => document.querySelectorAll('.atlas-label-text').length > 0")
    return frame


def label_boxes(frame: Frame) -> list[dict[str, Any]]:
    """The label elements, after the collision script has run at the map's current view."""
    frame.wait_for_function(
        "() => [...document.querySelectorAll('.atlas-label-text')]"
        ".some(e => getComputedStyle(e).visibility === 'hidden')"
    )
    boxes: list[dict[str, Any]] = frame.evaluate(LABEL_BOXES)
    return boxes


def overlapping(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                a["left"] < b["right"]
                and b["left"] < a["right"]
                and a["top"] < b["bottom"]
                and b["top"] < a["bottom"]
            ):
                pairs.append((a["id"], b["id"]))
    return pairs


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_leaflet_labels_name_the_key_places_and_do_not_overlap(
    dashboard: Dashboard, catalog: Catalog, lang: str
) -> None:
    frame = open_leaflet(dashboard, f"&lang={lang}")
    boxes = label_boxes(frame)
    shown = [box for box in boxes if box["shown"]]
    assert overlapping(shown) == []
    assert len(shown) < len(boxes)  # some gave way at this zoom ...
    by_id = {box["id"]: box for box in shown}
    for place in ("baku", "yerevan", "nakhchivan", "meghri"):
        assert place in by_id, f"{place} is not labelled at the default zoom"
        assert by_id[place]["text"] == catalog.feature(place).names[lang]
        assert by_id[place]["dir"] == ("rtl" if lang == "ar" else "ltr")

    # ... and more appear as the reader zooms in
    frame.evaluate("() => { window.map.setZoom(window.map.getZoom() + 2, {animate: false}); }")
    frame.wait_for_function(
        "(before) => [...document.querySelectorAll('.atlas-label-text')]"
        ".filter(e => getComputedStyle(e).visibility === 'visible').length > before",
        arg=len(shown),
    )
    zoomed = [box for box in frame.evaluate(LABEL_BOXES) if box["shown"]]
    assert overlapping(zoomed) == []


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_the_default_view_shows_the_whole_network(
    dashboard: Dashboard, catalog: Catalog, size: str
) -> None:
    width, height = VIEWPORTS[size]
    dashboard.page.set_viewport_size({"width": width, "height": height})

    # deck.gl: the places' points lie inside the canvas
    dashboard.open()
    box = dashboard.deck_box()
    view = dashboard.deck_view()
    for place in NETWORK_ENDS:
        point = catalog.geometries[place]
        x, y = deck_pixel(view, box, point.x, point.y)
        assert 0 < x < box["width"], f"{place} is off the deck.gl map at {size}: x={x:.0f}"
        assert 0 < y < box["height"], f"{place} is off the deck.gl map at {size}: y={y:.0f}"

    # Leaflet: the points, and the label boxes where labels are shown, inside the map
    dashboard.open("?view=leaflet")
    frame = dashboard.wait_for_leaflet(list(NETWORK_ENDS))
    size_px = frame.evaluate("() => window.map.getSize()")
    for place in NETWORK_ENDS:
        point = catalog.geometries[place]
        xy = dashboard.leaflet_point(frame, point.x, point.y)
        assert 0 < xy["x"] < size_px["x"], f"{place} is off the Leaflet map at {size}"
        assert 0 < xy["y"] < size_px["y"], f"{place} is off the Leaflet map at {size}"
    frame.wait_for_function("() => document.querySelectorAll('.atlas-label-text').length > 0")
    container = frame.evaluate("() => window.map.getContainer().getBoundingClientRect().toJSON()")
    for label in label_boxes(frame):
        if label["id"] in NETWORK_ENDS and label["shown"]:
            assert container["left"] <= label["left"], label
            assert label["right"] <= container["right"], label
            assert container["top"] <= label["top"], label
            assert label["bottom"] <= container["bottom"], label


def test_the_route_is_drawn_over_the_lines_in_its_reserved_colour_at_meghri(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    dashboard.open("?zoom=9&lat=38.93&lon=46.25")
    dashboard.wait_for_deck_drawn()
    ids = [layer["id"] for layer in dashboard.deck_spec["layers"]]
    assert ids.index("route") > max(ids.index(layer) for layer in ("countries", "corridors"))
    assert ids[ids.index("route") + 1 :] == ["places"]  # the names are page text above

    # a point on the route beside Meghri, clear of the dot and of the dashes' gaps
    view, box = dashboard.deck_view(), dashboard.deck_box()
    route = catalog.geometries["syunik-route"]
    meghri = catalog.geometries["meghri"]
    along = route.project(meghri)
    candidates = [route.interpolate(along + step * 0.01) for step in range(-24, 25) if step]
    points = [deck_pixel(view, box, point.x, point.y) for point in candidates]
    dot = deck_pixel(view, box, meghri.x, meghri.y)
    clear = [
        (x, y)
        for x, y in points
        if 12 < ((x - dot[0]) ** 2 + (y - dot[1]) ** 2) ** 0.5 < 80
        and 0 < x < box["width"]
        and 0 < y < box["height"]
    ]
    assert clear, "no point of the route beside Meghri is in view"
    seen: list[RGB] = []

    def drawn() -> bool:
        picture = dashboard.deck_screenshot()
        seen[:] = [colour_at(picture, x, y) for x, y in clear]
        return any(near(colour, ROUTE_COLOR[:3], TOLERANCE) for colour in seen)

    wait_until(
        drawn,
        timeout_ms=MAP_TIMEOUT,
        message=lambda: f"the route's colour {ROUTE_COLOR[:3]} is not drawn near Meghri: {seen}",
    )
    # only the gaps between dashes (about a third) and a label may show something else
    share = sum(near(colour, ROUTE_COLOR[:3], TOLERANCE) for colour in seen) / len(seen)
    assert share > 0.4, seen
    expect(dashboard.deck_chart).to_be_visible()
