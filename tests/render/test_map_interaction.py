"""The camera moves only when the reader asks for a new view."""

from __future__ import annotations

from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.framing import NUDGE, Framing, next_framing
from corridors.ui.dashboard.map.leaflet import leaflet_position

EN = Translator("en")
HERE = Camera(40.0, 46.0, 7.0)
THERE = Camera(39.2, 46.4, 9.5)


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
