"""The dashboard in a real browser: both maps draw, map and event clicks are linked, offline.

One app server for the module, a fresh page (a new Streamlit session) per test. Points on
the maps are computed from the data and each map's own view: deck.gl's from the spec the
browser received (Web Mercator, 512 px world at zoom 0), Leaflet's from Leaflet itself
(``latLngToContainerPoint``). Before a click, the map's own hover tooltip must name the
feature under the pointer, so a wrong point fails clearly instead of clicking elsewhere.
"""

from __future__ import annotations

from typing import Any

import pytest
from PIL.Image import Image
from playwright.sync_api import Frame, expect

from corridors.data.catalog import Catalog
from corridors.data.models import Event
from corridors.i18n import Translator
from corridors.render.styles import BACKGROUND, FOCUS_FILL, HIGHLIGHT, css_rgb
from corridors.testing.browser import (
    MAP_TIMEOUT,
    RGB,
    Dashboard,
    click_target,
    colour_at,
    deck_highlighted,
    deck_pixel,
    distinct_colours,
    host_of,
    near,
    opacity_over,
    over,
    wait_until,
)
from support.dashboard import (
    EN,
    NEAR_SYUNIK,
    click_on_deck,
    expect_feature_panel,
    name_of,
)

pytestmark = pytest.mark.e2e

#: The catalogue's first day (one event, so one mark).
FIRST_DAY = "1992-03-24"
#: Leaflet picks what is under the pointer (no picking radius): a point this clear will do.
LEAFLET_CLEARANCE_PX = 8.0

#: Colour tolerance per channel (antialiasing, compositing of the map canvases).
TOLERANCE = 14
DECK = EN("renderers.deck")
LEAFLET = EN("renderers.leaflet")


def deck_ids(spec: dict[str, Any]) -> set[str]:
    return {row["id"] for layer in spec["layers"] for row in layer["data"]}


def open_leaflet(dashboard: Dashboard, feature_ids: list[str]) -> Frame:
    dashboard.choose_renderer(LEAFLET)
    expect(dashboard.deck_chart).to_have_count(0)
    return dashboard.wait_for_leaflet(feature_ids)


def click_on_leaflet(
    dashboard: Dashboard,
    frame: Frame,
    catalog: Catalog,
    feature_id: str,
    *,
    translate: Translator = EN,
) -> None:
    """Point at the feature on the Leaflet map (its tooltip must name it) and click."""
    target = click_target(catalog, feature_id)
    clearance = target.clearance_px(dashboard.leaflet_world_px(frame))
    assert clearance >= LEAFLET_CLEARANCE_PX, f"{feature_id} is crowded: {clearance:.1f} px"
    point = dashboard.leaflet_point(frame, target.lon, target.lat)
    dashboard.leaflet_map.hover(position=point)
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip).to_contain_text(name_of(catalog, feature_id, translate))
    dashboard.leaflet_map.click(position=point)


def test_the_page_opens_on_the_deck_map_with_the_events(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    dashboard.open()
    expect(dashboard.page.get_by_role("heading", name="Corridor Atlas")).to_be_visible()

    # deck.gl draws the countries in their own fills, where they are
    points = {}
    marks = [tuple(mark["position"]) for mark in dashboard.deck_spec["marks"]]
    for country in ("az", "am"):
        target = click_target(catalog, country, marks)
        points[country] = dashboard.deck_point(target.lon, target.lat)
    expected = {country: over(FOCUS_FILL[country], BACKGROUND) for country in points}
    seen: dict[str, RGB] = {}

    def drawn() -> Image | None:
        picture = dashboard.deck_screenshot()
        seen.update({country: colour_at(picture, *point) for country, point in points.items()})
        ok = all(near(seen[country], expected[country], TOLERANCE) for country in points)
        return picture if ok else None

    picture = wait_until(
        drawn,
        timeout_ms=MAP_TIMEOUT,
        message=lambda: f"country fills {expected} not drawn; saw {seen}",
    )
    assert distinct_colours(picture) > 50, "the map is (nearly) a single colour"

    # the first page of event rows, the newest first, each with its title
    shown = dashboard.shown_event_ids("list")
    newest = sorted(catalog.events, key=lambda event: (event.date, event.id), reverse=True)
    assert shown, "no event rows"
    assert shown == [event.id for event in newest][: len(shown)]
    first = newest[0]
    row = dashboard.keyed(f"list-row-{first.id}")
    expect(row).to_be_visible()
    expect(row).to_contain_text(EN.text(first.title))


def test_switching_to_leaflet_draws_the_same_features_in_leaflet(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    dashboard.open(f"?from={FIRST_DAY}&to={FIRST_DAY}")  # one event's mark: the fills in view
    dashboard.deck_box()
    on_deck = deck_ids(dashboard.deck_spec) | {mark["id"] for mark in dashboard.deck_spec["marks"]}

    frame = open_leaflet(dashboard, sorted(on_deck))
    expect(dashboard.leaflet_map).to_be_visible()
    drawn = set(
        frame.evaluate(
            """() => {
                const ids = [];
                window.map.eachLayer(l => l.feature && ids.push(l.feature.properties.id));
                return ids;
            }"""
        )
    )
    assert drawn == on_deck

    # the canvas shows each focus country in its fill (at some opacity), where it is
    picture = dashboard.leaflet_screenshot()
    marks = [tuple(mark["position"]) for mark in dashboard.deck_spec["marks"]]
    for country in ("az", "am"):
        target = click_target(catalog, country, marks)
        point = dashboard.leaflet_point(frame, target.lon, target.lat)
        colour = colour_at(picture, point["x"], point["y"])
        opacity = opacity_over(colour, FOCUS_FILL[country], BACKGROUND)
        assert opacity is not None, f"{country}: {colour} is not its fill over the background"
        assert opacity > 0.5, f"{country}: fill drawn at opacity {opacity:.2f}"


@pytest.mark.parametrize(
    ("renderer", "feature_id"),
    [
        pytest.param(DECK, "am-su", id="deck-province"),
        pytest.param(LEAFLET, "baku", id="leaflet-city"),
    ],
)
def test_clicking_a_feature_on_the_map_lists_its_events(
    dashboard: Dashboard, catalog: Catalog, renderer: str, feature_id: str
) -> None:
    dashboard.open(f"?view={renderer}{NEAR_SYUNIK}" if renderer == DECK else "")
    if renderer == DECK:
        dashboard.wait_for_deck_drawn()
        click_on_deck(dashboard, catalog, feature_id)
    else:
        frame = open_leaflet(dashboard, [feature_id])
        click_on_leaflet(dashboard, frame, catalog, feature_id)
    expect_feature_panel(dashboard, catalog, feature_id)


def first_event_with_places(dashboard: Dashboard, catalog: Catalog) -> tuple[Event, list[str]]:
    """The first listed event that concerns a place, and those places."""
    places = {record.id for record in catalog.records("places")}
    events = {event.id: event for event in catalog.events}
    for event_id in dashboard.shown_event_ids("list"):
        linked = [feature for feature in events[event_id].features if feature in places]
        if linked:
            return events[event_id], linked
    raise AssertionError("no listed event concerns a place")


def expect_selected_card(dashboard: Dashboard, event: Event) -> None:
    expect(dashboard.page.get_by_text(EN("events.selected"), exact=True)).to_be_visible()
    card = dashboard.keyed(f"selected-card-{event.id}")
    expect(card).to_contain_text(EN.text(event.title))


def test_show_on_map_highlights_the_events_features_on_the_deck_map(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    dashboard.open("?order=oldest")  # the list in the order these checks were written for
    dashboard.wait_for_deck_drawn()
    event, linked_places = first_event_with_places(dashboard, catalog)

    def highlights_the_event(spec: dict[str, Any]) -> bool:
        return deck_highlighted(spec) == set(event.features) & deck_ids(spec)

    with dashboard.next_deck_spec(highlights_the_event):
        dashboard.show_on_map_button(event.id).click()
    expect_selected_card(dashboard, event)
    dashboard.wait_for_run()

    # each linked place is drawn in the highlight colour; places not linked are not
    view, box = dashboard.deck_view(), dashboard.deck_box()
    places = {record.id: catalog.geometries[record.id] for record in catalog.records("places")}
    at = {pid: deck_pixel(view, box, point.x, point.y) for pid, point in places.items()}
    inside = {
        pid: xy
        for pid, xy in at.items()
        if 10 <= xy[0] < box["width"] - 10 and 10 <= xy[1] < box["height"] - 10
    }
    linked = [pid for pid in linked_places if pid in inside]
    assert linked, "the view fitted to the event shows none of its places"
    unlinked = [
        pid
        for pid, (x, y) in inside.items()
        if pid not in event.features
        and all(
            (x - ox) ** 2 + (y - oy) ** 2 > 15**2 for other, (ox, oy) in at.items() if other != pid
        )
    ]
    red = HIGHLIGHT[:3]
    colours: dict[str, RGB] = {}

    def highlighted() -> bool:
        picture = dashboard.deck_screenshot()
        colours.update({pid: colour_at(picture, *inside[pid]) for pid in linked + unlinked})
        return all(near(colours[pid], red, TOLERANCE) for pid in linked)

    wait_until(
        highlighted,
        timeout_ms=MAP_TIMEOUT,
        message=lambda: f"linked places {linked} not all highlighted: {colours}",
    )
    assert unlinked, "no place outside the event is clear of others to compare with"
    assert not [pid for pid in unlinked if near(colours[pid], red, TOLERANCE)]


def test_show_on_map_highlights_the_events_features_on_the_leaflet_map(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    dashboard.open("?order=oldest")
    open_leaflet(dashboard, [])
    event, linked_places = first_event_with_places(dashboard, catalog)

    dashboard.show_on_map_button(event.id).click()
    expect_selected_card(dashboard, event)
    dashboard.wait_for_run()
    red_css = css_rgb(HIGHLIGHT)
    frame = dashboard.wait_for_leaflet(
        list(event.features), styled={place: red_css for place in linked_places}
    )

    picture = dashboard.leaflet_screenshot()
    colours = {}
    for place in linked_places:
        point = catalog.geometries[place]
        xy = dashboard.leaflet_point(frame, point.x, point.y)
        if 0 <= xy["x"] < picture.width and 0 <= xy["y"] < picture.height:
            colours[place] = colour_at(picture, xy["x"], xy["y"])
    assert colours, "the view fitted to the event shows none of its places"
    off = {
        place: colour
        for place, colour in colours.items()
        if not near(colour, HIGHLIGHT[:3], TOLERANCE)
    }
    assert off == {}, f"linked places not drawn in the highlight colour: {off}"


def test_with_default_settings_nothing_is_requested_from_other_hosts(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    # load, and on deck.gl: zoom in with the map's own button, then show an event on the map
    dashboard.open("?order=oldest")
    before = dashboard.wait_for_deck_drawn()
    dashboard.deck_map.get_by_role("button", name=EN("map.zoom_in")).click()
    wait_until(
        lambda: dashboard.deck_screenshot() != before,
        timeout_ms=MAP_TIMEOUT,
        message="the deck.gl map did not zoom in",
    )
    event, linked_places = first_event_with_places(dashboard, catalog)
    with dashboard.rerun():
        dashboard.show_on_map_button(event.id).click()
    expect_selected_card(dashboard, event)

    # on Leaflet: click one of the event's places (the one most clear of others)
    frame = open_leaflet(dashboard, linked_places)
    place = max(linked_places, key=lambda pid: click_target(catalog, pid).clearance)
    click_on_leaflet(dashboard, frame, catalog, place)
    expect_feature_panel(dashboard, catalog, place)

    urls = [
        *dashboard.requested,
        *(socket.url for socket in dashboard.sockets),
        *(frame.url for frame in dashboard.page.frames),
    ]
    assert any(url.endswith("/app/static/leaflet/leaflet.js") for url in urls)
    elsewhere = sorted(
        {url for url in urls if host_of(url) not in (None, "127.0.0.1", "localhost")}
    )
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"


def test_a_feature_clicked_on_the_deck_map_stays_selected_until_cleared(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    """Regression: a selection made on the map is not lost, nor replaced by another feature,
    when later runs send the map new data."""
    dashboard.open(f"?view=deck{NEAR_SYUNIK}")
    dashboard.wait_for_deck_drawn()
    click_on_deck(dashboard, catalog, "am-su")
    expect_feature_panel(dashboard, catalog, "am-su")
    heading = dashboard.keyed("feature-panel").locator("h3")

    with dashboard.rerun():  # any rerun; here the panel's own "all dates" switch
        dashboard.keyed("all_dates").get_by_text(EN("selection.all_dates")).click()
    expect(heading).to_have_text(name_of(catalog, "am-su"), timeout=2_000)

    with dashboard.rerun():
        dashboard.keyed("clear-feature").get_by_role("button").click()
    expect(dashboard.keyed("feature-panel")).to_have_count(0, timeout=2_000)
    with dashboard.rerun():
        dashboard.choose_renderer(LEAFLET)
    dashboard.wait_for_leaflet([])
    expect(dashboard.keyed("feature-panel")).to_have_count(0, timeout=2_000)
