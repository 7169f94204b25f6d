"""The dashboard's flows, run headless with Streamlit's AppTest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest
import shapely
from streamlit.testing.v1 import AppTest

from corridors.data.catalog import Catalog
from corridors.data.models import Event
from corridors.data.timeline import SUMMIT_WEEK
from corridors.render.event_marks import EVENTS_LAYER
from corridors.render.leaflet.builder import LEAFLET_CSS, LEAFLET_JS
from corridors.render.scene import DEFAULT_BOUNDS, DRAWING_ORDER
from corridors.render.styles import HIGHLIGHT, css_rgb
from support.app import leaflet_args, leaflet_features, open_app
from support.deck_map import deck_layers, deck_map_args, deck_maps


@pytest.fixture
def app() -> AppTest:
    return open_app()


def highlighted_ids(at: AppTest) -> set[str]:
    """Ids of the features drawn in the highlight colour, in any layer."""
    colour = list(HIGHLIGHT)
    found = set()
    for layer in deck_layers(at).values():
        for row in layer["data"]:
            if colour in (row.get("line"), row.get("color"), row.get("fill")):
                found.add(row["id"])
    return found


def newest_first(events: Sequence[Event]) -> list[Event]:
    """The events as the list shows them by default."""
    return sorted(events, key=lambda e: (e.date, e.id), reverse=True)


def page_control(at: AppTest, key: str = "page") -> Any:
    """The event list's page buttons keyed ``key`` (above the list; ``page_bottom`` below)."""
    return next(widget for widget in at.get("pagination") if widget.key == key)


def card_ids(at: AppTest, prefix: str = "list") -> list[str]:
    marker = f"{prefix}-show-"
    return [b.key.removeprefix(marker) for b in at.button if b.key and b.key.startswith(marker)]


def test_the_page_shows_map_legend_timeline_and_events(app: AppTest) -> None:
    assert app.title[0].value == "Corridor Atlas"
    assert set(deck_layers(app)) == {
        *("countries", "water", "rivers", "regions", "corridors"),
        *("route-casing", "route", "places"),
    }
    assert deck_map_args(app)["labels"]  # the names, placed by the component
    assert len(app.get("vega_lite_chart")) == 1
    assert card_ids(app)  # the first page of event cards


def test_changing_the_range_changes_the_event_list(app: AppTest, catalog: Catalog) -> None:
    first_page = card_ids(app)
    app.selectbox(key="preset").set_value("summit-week").run()
    summit = [e.id for e in catalog.events if SUMMIT_WEEK[0] <= e.date <= SUMMIT_WEEK[1]]
    shown = card_ids(app)
    assert shown != first_page
    assert set(shown) <= set(summit)
    assert app.slider(key="dates").value == SUMMIT_WEEK


def test_kind_filter_changes_the_event_list(app: AppTest, catalog: Catalog) -> None:
    app.multiselect(key="kinds").set_value(["conflict"]).run()
    conflicts = [e.id for e in newest_first(catalog.events) if e.kind == "conflict"]
    assert card_ids(app) == conflicts


def test_selecting_an_event_highlights_its_features(app: AppTest, catalog: Catalog) -> None:
    event = next(e for e in catalog.events if e.id == "tripp-route-agreed")
    app.selectbox(key="preset").set_value("summit-week").run()
    app.button(key=f"list-show-{event.id}").click().run()
    assert app.session_state["event"] == event.id
    assert highlighted_ids(app) == set(event.features)
    # the view is fitted to the selection: the map is asked to fit the linked features
    frame = deck_map_args(app)["frame"]
    assert frame["moves"] > 0  # the map moves there
    assert frame["camera"] is None
    west, south, east, north = frame["bounds"]
    assert 38.5 < (south + north) / 2 < 41
    assert 44 < (west + east) / 2 < 48
    assert shapely.box(west, south, east, north).contains(catalog.geometries["syunik-route"])
    assert tuple(frame["bounds"]) != DEFAULT_BOUNDS


def test_selecting_a_feature_lists_its_events(app: AppTest, catalog: Catalog) -> None:
    app.selectbox(key="feature").set_value("meghri").run()
    linked = [e.id for e in newest_first(catalog.events) if "meghri" in e.features]
    assert linked
    assert card_ids(app, "feature") == linked
    assert highlighted_ids(app) == {"meghri"}


def test_feature_events_follow_the_range_with_a_way_to_see_all_dates(app: AppTest) -> None:
    app.selectbox(key="feature").set_value("syunik-route").run()
    all_in_range = card_ids(app, "feature")
    app.selectbox(key="preset").set_value("summit-week").run()
    summit_only = card_ids(app, "feature")
    assert 0 < len(summit_only) < len(all_in_range)
    app.toggle(key="all_dates").set_value(True).run()
    assert card_ids(app, "feature") == all_in_range


def test_clearing_the_selection_is_one_click(app: AppTest) -> None:
    app.selectbox(key="feature").set_value("am-su").run()
    app.button(key="clear-feature").click().run()
    assert app.session_state["feature"] is None
    assert highlighted_ids(app) == set()


def test_the_route_is_not_drawn_before_it_was_proposed(app: AppTest, catalog: Catalog) -> None:
    before_2020 = (catalog.events[0].date, dt.date(2019, 12, 31))
    app.slider(key="dates").set_value(before_2020).run()
    drawn = {row["id"] for row in deck_layers(app)["corridors"]["data"]}
    assert "syunik-route" not in drawn
    assert "baku-tbilisi-kars-railway" in drawn


def test_leaflet_draws_every_layer_from_local_assets(app: AppTest, catalog: Catalog) -> None:
    app.radio(key="renderer").set_value("leaflet").run()
    assert deck_maps(app) == []
    args = leaflet_args(app)
    assert (args["js_links"], args["css_links"]) == ([LEAFLET_JS], [LEAFLET_CSS])
    assert "L.map(" in args["script"]
    drawn = leaflet_features(app)
    marks = [f for f in drawn if f["properties"]["layer"] == EVENTS_LAYER]
    features = [f for f in drawn if f["properties"]["layer"] != EVENTS_LAYER]
    assert [f["properties"]["layer"] for f in features] == sorted(
        (f["properties"]["layer"] for f in features), key=DRAWING_ORDER.index
    )
    layers = [f["properties"]["layer"] for f in drawn]  # the marks just under the places
    assert layers.index(EVENTS_LAYER) == layers.index("places") - len(marks)
    ids = {feature.id for feature in catalog.features()} | {body.id for body in catalog.water}
    assert {f["id"] for f in features} == ids
    assert [f["id"] for f in marks] == [event.id for event in catalog.events]
    meghri = next(f for f in features if f["id"] == "meghri")
    assert meghri["geometry"]["type"] == "Point"
    assert "Meghri" in meghri["properties"]["tooltip"]


def test_leaflet_follows_the_selection(app: AppTest, catalog: Catalog) -> None:
    app.radio(key="renderer").set_value("leaflet").run()
    app.selectbox(key="feature").set_value("meghri").run()
    place = catalog.geometries["meghri"]
    # the map is centred on the selected place, which alone is drawn in the highlight colour
    lat, lon = leaflet_args(app)["center"]
    assert abs(lat - place.y) < 0.2
    assert abs(lon - place.x) < 0.2
    highlighted = [
        f["id"]
        for f in leaflet_features(app)
        if f["properties"]["style"]["fillColor"] == css_rgb(HIGHLIGHT)
    ]
    assert highlighted == ["meghri"]


def leaflet_marks(at: AppTest) -> dict[str, dict[str, Any]]:
    """The styles of the events' marks the Leaflet map is given, by event id."""
    return {
        f["id"]: f["properties"]["style"]
        for f in leaflet_features(at)
        if f["properties"]["layer"] == EVENTS_LAYER
    }


def test_leaflet_marks_follow_the_filters_and_the_selected_event(
    app: AppTest, catalog: Catalog
) -> None:
    app.radio(key="renderer").set_value("leaflet").run()
    app.multiselect(key="kinds").set_value(["conflict"]).run()
    conflicts = [e.id for e in catalog.events if e.kind == "conflict"]
    assert sorted(leaflet_marks(app)) == sorted(conflicts)
    app.button(key=f"list-show-{conflicts[0]}").click().run()
    rims = {event_id: style["color"] for event_id, style in leaflet_marks(app).items()}
    assert rims.pop(conflicts[0]) == css_rgb(HIGHLIGHT)  # the selected event's mark
    assert set(rims.values()) == {"rgb(255, 255, 255)"}


def test_layers_can_be_toggled(app: AppTest) -> None:
    app.multiselect(key="layers").set_value(["countries", "corridors"]).run()
    # water and labels are context, always drawn; the route is one of the corridors
    assert set(deck_layers(app)) == {
        *("countries", "water", "rivers", "corridors", "route-casing", "route")
    }
    assert deck_map_args(app)["labels"]


def test_event_pages_survive_filters_and_a_cleared_page(app: AppTest) -> None:
    page_control(app).set_value(5).run()
    last_page = card_ids(app)
    app.selectbox(key="preset").set_value("summit-week").run()
    assert not app.exception
    assert app.session_state["page"] == 1
    assert card_ids(app) != last_page
    app.session_state["page"] = None  # what a deselected page control would leave
    app.run()
    assert not app.exception
    assert card_ids(app)


def test_any_name_a_feature_goes_by_selects_it_in_the_sidebar(app: AppTest) -> None:
    app.text_input(key="find_name").input("ممر زنجزور").run()  # an Arabic outlet's spelling
    assert app.session_state["feature"] == "syunik-route"
    assert highlighted_ids(app) == {"syunik-route"}
    app.text_input(key="find_name").input("ناخيتشيفان").run()
    assert app.session_state["feature"] == "az-nx"
    others = [b for b in app.button if (b.key or "").startswith("find-")]
    assert [b.key for b in others] == ["find-nakhchivan"]  # the city of the same name
    others[0].click().run()
    assert app.session_state["feature"] == "nakhchivan"
    app.text_input(key="find_name").input("Xanadu").run()
    assert app.session_state["feature"] == "nakhchivan"  # nothing found: nothing changes
    assert "No place, region or route goes by that name." in [c.value for c in app.caption]


def test_a_features_spellings_in_reporting_are_folded_away(app: AppTest) -> None:
    app.selectbox(key="feature").set_value("syunik-route").run()
    [also] = [str(c.value) for c in app.caption if str(c.value).startswith("Also called")]
    assert "Маршрут через Сюник" in also  # the names in other languages stay in view
    assert "ممر زنجزور" not in also
    [spellings] = [e for e in app.expander if "spellings in reporting" in e.label]
    assert "ممر زنجزور" in " ".join(str(c.value) for c in spellings.caption)
