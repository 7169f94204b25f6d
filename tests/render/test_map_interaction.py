"""Clicks name features by id, and the camera moves only when the reader asks for a new view.

Streamlit's handling of a deck.gl selection when a chart keeps its key and its data changes
is reproduced here as it is in its frontend (``useDeckGl.tsx``): selections of layers no
longer in the spec are dropped, the others are looked up again at the same row indices.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

import pytest

from corridors.data.catalog import Catalog
from corridors.data.timeline import DateRange, catalogue_span
from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.deck.builder import build_deck
from corridors.render.deck.picking import Picked, layer_name, picked_row, stamp_layer_ids
from corridors.render.framing import NUDGE, Framing, next_framing
from corridors.render.scene import SceneRequest, build_scene
from corridors.ui.dashboard.map.leaflet import leaflet_position

EN = Translator("en")
HERE = Camera(40.0, 46.0, 7.0)
THERE = Camera(39.2, 46.4, 9.5)

Spec = dict[str, Any]


def spec_of(catalog: Catalog, *, clicks: int, stamped: bool = True, **changes: Any) -> Spec:
    """The deck.gl JSON the app sends for a scene request (layer ids stamped as it does)."""
    request = SceneRequest(dates=changes.pop("dates", catalogue_span(catalog.events)), **changes)
    deck = build_deck(build_scene(catalog, request), EN, camera=HERE)
    if stamped:
        stamp_layer_ids(deck, clicks=clicks)
    spec: Spec = json.loads(deck.to_json())
    return spec


def refreshed(selection: dict[str, Any], spec: Spec) -> dict[str, Any]:
    """Streamlit's frontend on a new spec: stale layers dropped, rows looked up again."""
    layers = {layer["id"]: layer["data"] for layer in spec["layers"]}
    indices = {lid: idx for lid, idx in selection["indices"].items() if lid in layers}
    objects = {
        lid: [layers[lid][i] for i in idx if i < len(layers[lid])] for lid, idx in indices.items()
    }
    return {"indices": indices, "objects": objects}


def layer_ids(spec: Spec) -> frozenset[str]:
    return frozenset(layer["id"] for layer in spec["layers"])


def specs_of_changing_views(catalog: Catalog, *, stamped: bool) -> list[Spec]:
    """Specs as the reader changes view: dates, a highlight, kinds, layers (one click count)."""
    span = catalogue_span(catalog.events)
    before = DateRange(span.start, dt.date(2019, 12, 31))
    return [
        spec_of(catalog, clicks=0, stamped=stamped),
        spec_of(catalog, clicks=0, stamped=stamped, dates=before),
        spec_of(catalog, clicks=0, stamped=stamped, highlighted=frozenset({"meghri", "am-su"})),
        spec_of(catalog, clicks=0, stamped=stamped, layers=frozenset({"countries", "places"})),
    ]


def stale_picks(specs: list[Spec]) -> list[tuple[str, str]]:
    """Every (clicked, named later) pair where a selection names another feature later."""
    wrong = []
    for first, later in itertools.permutations(specs, 2):
        for layer in first["layers"]:
            for index, row in enumerate(layer["data"]):
                clicked = {"indices": {layer["id"]: [index]}, "objects": {layer["id"]: [row]}}
                picked = picked_row(refreshed(clicked, later), layer_ids(later))
                if picked is not None and picked.id != row["id"]:
                    wrong.append((row["id"], picked.id))
    return wrong


def test_a_selection_never_names_another_feature_after_the_data_changes(catalog: Catalog) -> None:
    assert stale_picks(specs_of_changing_views(catalog, stamped=True)) == []


def test_with_plain_layer_ids_a_selection_would_name_another_feature(catalog: Catalog) -> None:
    """The bug the stamped ids prevent (the check above fails without them)."""
    assert stale_picks(specs_of_changing_views(catalog, stamped=False))


def test_a_handled_click_drops_its_selection(catalog: Catalog) -> None:
    before = spec_of(catalog, clicks=0)
    places = next(layer for layer in before["layers"] if layer_name(layer["id"]) == "places")
    clicked = {"indices": {places["id"]: [0]}, "objects": {places["id"]: [places["data"][0]]}}
    assert picked_row(clicked, layer_ids(before)) == Picked("places", places["data"][0]["id"])
    after = spec_of(catalog, clicks=1)  # same rows, one more click handled
    assert refreshed(clicked, after) == {"indices": {}, "objects": {}}


def test_layer_ids_keep_their_names_and_are_stable_for_the_same_rows(catalog: Catalog) -> None:
    first, again = spec_of(catalog, clicks=3), spec_of(catalog, clicks=3)
    assert layer_ids(first) == layer_ids(again)
    names = [layer_name(layer["id"]) for layer in first["layers"]]
    assert names == [
        *("countries", "water", "rivers", "regions", "corridors"),
        *("route-casing", "route", "places", "labels"),
    ]


@pytest.mark.parametrize(
    "selection",
    [
        {"indices": {}, "objects": {}},
        {"indices": {"places~old": [0]}, "objects": {"places~old": [{"id": "meghri"}]}},
        {},
    ],
    ids=["empty", "stale-layer", "no-keys"],
)
def test_no_feature_from_an_empty_or_stale_selection(selection: dict[str, Any]) -> None:
    assert picked_row(selection, frozenset({"places~new"})) is None


def test_the_first_framing_shows_what_is_asked() -> None:
    assert next_framing(None, "a", HERE, moves=False) == Framing("a", HERE)


def test_the_camera_stays_while_the_same_view_is_asked_for() -> None:
    shown = Framing("a", HERE)
    assert next_framing(shown, "a", THERE, moves=True).camera == HERE


def test_a_new_request_moves_the_camera_unless_the_map_made_it() -> None:
    shown = Framing("a", HERE)
    assert next_framing(shown, "b", THERE, moves=True) == Framing("b", THERE, moves=1)
    assert next_framing(shown, "b", THERE, moves=False) == Framing("b", HERE, moves=0)


def test_asking_again_for_the_camera_last_given_still_moves_the_map() -> None:
    """The map applies only the values that differ from the last camera it was given."""
    moved = next_framing(Framing("a", HERE), "b", HERE, moves=True).camera
    assert moved != HERE
    assert moved.lat != HERE.lat
    assert moved.lon != HERE.lon
    assert moved.zoom != HERE.zoom
    assert abs(moved.lat - HERE.lat) <= NUDGE


def test_the_leaflet_position_is_read_as_a_link_writes_it() -> None:
    state = {"center": {"lat": 39.123456, "lng": 46.98765}, "zoom": 8.25}
    assert leaflet_position(state) == (39.1235, 46.9877, 8.25)
    assert leaflet_position({"center": None, "zoom": 8}) is None
    assert leaflet_position({"center": {"lat": "x", "lng": 1.0}, "zoom": 8}) is None
