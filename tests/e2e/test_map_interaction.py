"""The map keeps its place: a click or a filter updates it in place, in a real browser.

One deck.gl chart for the life of the page: after a click on the map the same canvas
element is shown (marked with a JS property that a new chart would not have), the
clicked feature is highlighted and the reader's own pan is kept; a filter changed after
the click still names the same feature (the old stale-index bug); only "Show on map"
moves the camera. On Leaflet, a pan or zoom goes into the Share link without reloading
the map. The deck.gl view is read from the props of its React component (what is drawn).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from corridors.data.catalog import Catalog
from corridors.i18n import Translator
from corridors.render.deck.component import PICKING_RADIUS
from corridors.testing.browser import (
    MAP_TIMEOUT,
    Dashboard,
    click_target,
    deck_highlighted,
    deck_pixel,
    deck_world_px,
)

pytestmark = pytest.mark.e2e

EN = Translator("en")
MIN_CLEARANCE_PX = PICKING_RADIUS + 9.0
SYUNIK = "am-su"
#: A link's view of Syunik, close enough for a finger-sized target clear of its towns.
NEAR_SYUNIK = "?lat=39.4&lon=46.1&zoom=8"


def name_of(catalog: Catalog, feature_id: str) -> str:
    return EN.text(catalog.feature(feature_id).names)


def click_feature(dashboard: Dashboard, catalog: Catalog, feature_id: str) -> None:
    """Point at the feature where the map now is (its tooltip must name it), and click."""
    marks = [tuple(mark["position"]) for mark in dashboard.deck_spec["marks"]]
    target = click_target(catalog, feature_id, marks)
    clearance = target.clearance_px(deck_world_px(dashboard.deck_view()))
    assert clearance >= MIN_CLEARANCE_PX, f"{feature_id} is crowded on the map: {clearance:.1f} px"
    dashboard.hover_deck(target.lon, target.lat, name_of(catalog, feature_id))
    with dashboard.rerun():
        dashboard.click_deck_here()


def panel_heading(dashboard: Dashboard) -> Any:
    return dashboard.keyed("feature-panel").locator("h3")


def same_view(one: dict[str, float], other: dict[str, float]) -> bool:
    return all(abs(one[key] - other[key]) < 1e-9 for key in ("longitude", "latitude", "zoom"))


def test_a_click_and_a_filter_keep_the_chart_and_the_readers_camera(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    dashboard.open(NEAR_SYUNIK)
    dashboard.wait_for_deck_drawn()
    dashboard.mark_deck_canvas()
    fitted = dashboard.deck_view()
    dashboard.drag_deck(-40, 30)  # the reader's own pan
    panned = dashboard.deck_view()
    assert not same_view(panned, fitted)

    click_feature(dashboard, catalog, SYUNIK)
    expect(panel_heading(dashboard)).to_have_text(name_of(catalog, SYUNIK))
    assert deck_highlighted(dashboard.deck_spec) == {SYUNIK}
    assert dashboard.deck_canvas_is_marked(), "the click created a new deck.gl chart"
    assert same_view(dashboard.deck_view(), panned), "the click moved the camera"

    # a filter after the click: the panel still names the clicked feature, nothing moved
    with dashboard.rerun():
        dashboard.keyed("preset").click()
        dashboard.page.get_by_role("option", name=EN("presets.since-ceasefire")).click()
    expect(panel_heading(dashboard)).to_have_text(name_of(catalog, SYUNIK))
    assert deck_highlighted(dashboard.deck_spec) == {SYUNIK}
    assert dashboard.deck_canvas_is_marked(), "the filter created a new deck.gl chart"
    assert same_view(dashboard.deck_view(), panned), "the filter moved the camera"


def test_a_second_click_selects_again_and_a_stale_selection_selects_nothing(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    """Streamlit drops a handled selection: after clearing, the same feature can be clicked
    again, and reruns in between never bring a selection back."""
    dashboard.open(NEAR_SYUNIK)
    dashboard.wait_for_deck_drawn()
    click_feature(dashboard, catalog, SYUNIK)
    expect(panel_heading(dashboard)).to_have_text(name_of(catalog, SYUNIK))
    with dashboard.rerun():
        dashboard.keyed("clear-feature").get_by_role("button").click()
    with dashboard.rerun():  # a rerun with new data: no selection comes back
        dashboard.keyed("preset").click()
        dashboard.page.get_by_role("option", name=EN("presets.summit-week")).click()
    expect(dashboard.keyed("feature-panel")).to_have_count(0)
    click_feature(dashboard, catalog, SYUNIK)
    expect(panel_heading(dashboard)).to_have_text(name_of(catalog, SYUNIK))


def test_show_on_map_moves_the_camera_to_the_event(dashboard: Dashboard, catalog: Catalog) -> None:
    dashboard.open()
    dashboard.wait_for_deck_drawn()
    dashboard.mark_deck_canvas()
    before = dashboard.deck_state()["view"]
    moves = dashboard.deck_spec["frame"]["moves"]
    event_id = dashboard.shown_event_ids("list")[0]
    button = dashboard.show_on_map_button(event_id)
    with dashboard.next_deck_spec(lambda spec: spec["frame"]["moves"] > moves):
        button.click()
    dashboard.wait_for_run()
    event = next(e for e in catalog.events if e.id == event_id)
    # the map fits the event's features' box to its own (the box the app sent)
    dashboard.deck_frame().wait_for_function(
        "before => document.getElementById('map').dataset.view !== before", arg=before
    )
    view, box = dashboard.deck_view(), dashboard.deck_box()
    west, south, east, north = dashboard.deck_spec["frame"]["bounds"]
    for lon, lat in ((west, south), (east, north)):
        x, y = deck_pixel(view, box, lon, lat)
        assert -1 <= x <= box["width"] + 1, (lon, lat, x)
        assert -1 <= y <= box["height"] + 1, (lon, lat, y)
    assert dashboard.deck_canvas_is_marked()
    assert deck_highlighted(dashboard.deck_spec) <= set(event.features)


def share_query(dashboard: Dashboard) -> dict[str, list[str]]:
    """The query of the link the Share button shows."""
    dashboard.page.get_by_role("button", name=EN("share.button")).click()
    code = dashboard.page.get_by_test_id("stPopoverBody").get_by_test_id("stCode")
    expect(code).to_be_visible()
    text = code.inner_text().strip()
    dashboard.page.keyboard.press("Escape")
    return parse_qs(urlsplit(text).query)


def test_a_leaflet_pan_and_zoom_go_into_the_share_link(dashboard: Dashboard) -> None:
    dashboard.open("?view=leaflet")
    frame = dashboard.wait_for_leaflet([])
    frame.evaluate("() => { window.map.__atlasMark = true; }")
    first = frame.evaluate("() => window.map.getZoom()")
    with dashboard.rerun():  # zoom in with Leaflet's own control
        frame.locator(".leaflet-control-zoom-in").click()
    box = dashboard.leaflet_iframe.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    with dashboard.rerun():  # and pan
        dashboard.page.mouse.move(x, y)
        dashboard.page.mouse.down()
        dashboard.page.mouse.move(x + 80, y - 50, steps=6)
        dashboard.page.mouse.up()
    frame.wait_for_function("() => !window.map._panAnim || !window.map._panAnim._inProgress")
    dashboard.wait_for_run()
    center = frame.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng]")
    zoom = frame.evaluate("() => window.map.getZoom()")
    assert zoom > first
    # the map reports its position when a move ends (debounced): a slow drag can report a
    # point on the way first, then where it stopped; the link follows to the end
    dashboard.page.wait_for_function(
        """([lat, lon]) => {
            const query = new URLSearchParams(location.search);
            return Math.abs(+query.get("lat") - lat) < 1e-3
                && Math.abs(+query.get("lon") - lon) < 1e-3;
        }""",
        arg=center,
        timeout=MAP_TIMEOUT,
    )
    query = share_query(dashboard)
    assert abs(float(query["lat"][0]) - center[0]) < 1e-3
    assert abs(float(query["lon"][0]) - center[1]) < 1e-3
    assert float(query["zoom"][0]) == pytest.approx(zoom, abs=0.01)
    assert frame.evaluate("() => window.map.__atlasMark === true"), "the Leaflet map was rebuilt"


def test_brushing_a_span_on_the_timeline_sets_the_date_range(dashboard: Dashboard) -> None:
    dashboard.open()
    chart = dashboard.page.get_by_test_id("stVegaLiteChart")
    expect(chart).to_be_visible()
    before = parse_qs(urlsplit(dashboard.page.url).query)
    assert "from" not in before  # the whole catalogue
    dashboard.brush_timeline(0.55, 0.8)
    expect(dashboard.page).to_have_url(re.compile(r"from=\d{4}-\d\d-\d\d"))
    query = parse_qs(urlsplit(dashboard.page.url).query)
    start, end = query["from"][0], query["to"][0]
    assert start < end
    # the slider shows the brushed range, the chart's axis spans it
    slider = dashboard.page.get_by_test_id("stSidebar").get_by_test_id("stSlider")
    expect(slider.get_by_text(start, exact=True)).to_be_visible()
    expect(slider.get_by_text(end, exact=True)).to_be_visible()


def test_clicking_a_timeline_point_selects_its_event(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    """The same-day points of a kind each have their own lane; the last one is clicked."""
    dashboard.open()
    chart = dashboard.page.get_by_test_id("stVegaLiteChart")
    points = chart.locator("path[aria-roledescription='circle']")
    expect(points.first).to_be_visible()
    point = points.last
    label = point.get_attribute("aria-label") or ""
    with dashboard.rerun():
        point.click()
    expect(dashboard.page.get_by_text(EN("events.selected"), exact=True)).to_be_visible()
    selected = dashboard.page.locator('[class*="st-key-selected-card-"]')
    expect(selected).to_have_count(1)
    name = selected.get_attribute("class") or ""
    event_id = re.search(r"st-key-selected-card-(\S+)", name)
    assert event_id is not None
    event = next(e for e in catalog.events if e.id == event_id.group(1))
    assert EN.text(event.title) in label
