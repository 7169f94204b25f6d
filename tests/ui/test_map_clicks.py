"""What the deck.gl map sends back: read as untrusted input, and handled once by the page.

:mod:`corridors.ui.dashboard.map.clicks` is tested on its own (hostile values, the cycle
from a district out to its autonomous republic and country); the page's handling of a value
(:func:`corridors.ui.dashboard.map.deck._on_map_change`) through AppTest, the value sent as
the browser sends it (:func:`support.deck_map.send_map_value`).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from corridors.data.catalog import Catalog
from corridors.render.event_marks import EVENTS_LAYER
from corridors.ui.dashboard.map.clicks import MapClick, clicked_feature, map_value
from support.app import open_app
from support.deck_map import deck_map_args, send_map_value

VIEW: dict[str, Any] = {"lat": 39.2, "lon": 45.9, "zoom": 9.5, "width": 900, "height": 560}
#: The link's position of :data:`VIEW`.
AT_VIEW = {"lat": "39.2", "lon": "45.9", "zoom": "9.5"}
#: A click on the district of Babek, in the Nakhchivan AR, in Azerbaijan.
BABEK: dict[str, Any] = {"layer": "regions", "id": "az-bab", "areas": ["az-bab", "az-nx", "az"]}
GOOD: dict[str, Any] = {"seq": 3, "view": VIEW, "moved": True, "click": BABEK}


def changed(path: str, value: Any) -> dict[str, Any]:
    """:data:`GOOD` with the field at ``path`` (``view.lat``) set to ``value``."""
    message = copy.deepcopy(GOOD)
    *parents, name = path.split(".")
    part = message
    for parent in parents:
        part = part[parent]
    part[name] = value
    return message


def without(path: str) -> dict[str, Any]:
    """:data:`GOOD` without the field at ``path``."""
    message = copy.deepcopy(GOOD)
    *parents, name = path.split(".")
    part = message
    for parent in parents:
        part = part[parent]
    del part[name]
    return message


def case(path: str, *value: Any) -> Any:
    """A test case: :data:`GOOD` with ``path`` set to ``value``, or without it if none given."""
    label = f"{path}={value[0]!r}"[:40] if value else f"no-{path}"
    return pytest.param(changed(path, value[0]) if value else without(path), id=label)


# -- the value, read as untrusted input ------------------------------------------------------


def test_a_good_value_is_read_whole() -> None:
    value = map_value(GOOD)
    assert value is not None
    assert (value.seq, value.moved) == (3, True)
    view = value.view
    assert (view.lat, view.lon, view.zoom, view.width, view.height) == (39.2, 45.9, 9.5, 900, 560)
    assert value.click == MapClick(layer="regions", id="az-bab", areas=("az-bab", "az-nx", "az"))


def test_a_move_without_a_click_and_unknown_fields_are_read() -> None:
    value = map_value({**changed("click", None), "later": {"field": 1}})
    assert value is not None
    assert value.click is None
    assert map_value(without("click")) == value
    assert map_value(without("moved")) == map_value(changed("moved", False))


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(None, id="none"),
        pytest.param("seq=3", id="text"),
        pytest.param([GOOD], id="list"),
        pytest.param(3, id="number"),
        pytest.param({}, id="empty"),
        case("seq"),
        case("view"),
        case("view.lat"),
        case("click.id"),
        case("view.lat", 1000),
        case("view.lon", -181),
        case("view.zoom", 25),
        case("view.lat", float("nan")),
        case("view.zoom", float("inf")),
        case("view.width", 0),
        case("view.height", 10**9),
        case("view.width", 900.5),
        case("click.id", "x" * 10_000),
        case("click.id", ""),
        case("click.layer", "l" * 101),
        case("click.areas", [f"area-{n}" for n in range(500)]),
        case("view", "39.2,45.9"),
        case("view", [39.2, 45.9, 9.5, 900, 560]),
        case("click", ["regions", "az-bab"]),
        case("click.id", 5),
        case("click.id", None),
        case("click.layer", {"name": "regions"}),
        case("click.areas", "az-bab"),
        case("click.areas", [1, 2]),
        case("seq", 3.5),
        case("seq", None),
        case("seq", "3"),
        case("seq", True),
        case("view.lat", "39.2"),
        case("view.lat", True),
        case("view.width", "900"),
        case("moved", "yes"),
        case("moved", 1),
    ],
)
def test_a_hostile_or_malformed_value_is_none(raw: Any) -> None:
    assert map_value(raw) is None


# -- which feature a click selects -----------------------------------------------------------


def test_a_click_on_the_selected_area_selects_the_next_one_out() -> None:
    click = MapClick(**BABEK)
    chosen = [clicked_feature(click, None)]
    for _ in range(3):
        chosen.append(clicked_feature(click, chosen[-1]))
    assert chosen == ["az-bab", "az-nx", "az", "az-bab"]  # district, AR, country, district


@pytest.mark.parametrize("selected", [None, "meghri", "am-su", "az-bab-not"])
def test_a_click_elsewhere_selects_what_it_picked(selected: str | None) -> None:
    assert clicked_feature(MapClick(**BABEK), selected) == "az-bab"


@pytest.mark.parametrize("layer", ["places", "route", "corridors", EVENTS_LAYER, "reported"])
def test_a_click_on_a_line_place_mark_or_cell_never_cycles(layer: str) -> None:
    click = MapClick(layer=layer, id="meghri", areas=("am-su", "am"))
    assert clicked_feature(click, "am-su") == "meghri"


# -- the page's handling of a value -----------------------------------------------------------


def clicking(at: AppTest, seq: int, click: dict[str, Any], *, moved: bool = False) -> AppTest:
    return send_map_value(at, {"seq": seq, "view": VIEW, "moved": moved, "click": click})


def test_clicks_on_a_district_walk_out_to_its_autonomous_republic_and_country() -> None:
    at = open_app()
    selected = []
    for seq in range(1, 5):
        clicking(at, seq, BABEK)
        selected.append(at.session_state["feature"])
        assert at.query_params["feature"] == selected[-1]
    assert selected == ["az-bab", "az-nx", "az", "az-bab"]


def test_a_click_selects_without_moving_the_map() -> None:
    at = open_app()
    moves = deck_map_args(at)["frame"]["moves"]
    clicking(at, 1, {"layer": "places", "id": "meghri", "areas": ["am-su", "am"]})
    assert at.session_state["feature"] == "meghri"
    assert deck_map_args(at)["frame"]["moves"] == moves  # the map stays where the reader is
    assert not {"lat", "lon", "zoom"} & set(at.query_params)  # the reader has not moved it


def test_a_move_by_the_reader_goes_into_the_link_and_the_map_stays() -> None:
    at = open_app(feature="meghri")
    frame = deck_map_args(at)["frame"]
    send_map_value(at, {"seq": 1, "view": VIEW, "moved": True, "click": None})
    assert dict(at.query_params) == {
        "feature": "meghri",
        "lat": "39.2",
        "lon": "45.9",
        "zoom": "9.5",
    }
    assert deck_map_args(at)["frame"] == frame
    clicking(at, 2, BABEK, moved=True)  # a click after a move keeps the position in the link
    assert dict(at.query_params) == {
        "feature": "az-bab",
        "lat": "39.2",
        "lon": "45.9",
        "zoom": "9.5",
    }


def test_a_message_is_handled_once() -> None:
    at = open_app()
    clicking(at, 7, BABEK)
    clicking(at, 7, {"layer": "places", "id": "meghri", "areas": []})  # the same message again
    assert at.session_state["feature"] == "az-bab"


def test_a_click_on_an_events_mark_selects_the_event(catalog: Catalog) -> None:
    newest = catalog.events[-1].id
    at = clicking(open_app(), 1, {"layer": EVENTS_LAYER, "id": newest, "areas": ["am"]})
    assert at.session_state["event"] == newest
    assert at.button(key=f"selected-clear-{newest}")  # its card opened beside the map
    assert deck_map_args(at)["selectedMark"] == newest


@pytest.mark.parametrize(
    "raw",
    [None, "click", changed("view.lat", 1000), changed("click.id", "x" * 10_000)],
    ids=["none", "text", "far-lat", "huge-id"],
)
def test_a_hostile_value_changes_nothing_on_the_page(raw: Any) -> None:
    at = open_app(feature="meghri")
    before = deck_map_args(at)
    send_map_value(at, raw)
    assert at.session_state["feature"] == "meghri"
    assert dict(at.query_params) == {"feature": "meghri"}
    assert deck_map_args(at) == before
