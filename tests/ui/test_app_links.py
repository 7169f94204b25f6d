"""Links restore the view, bad links give notices, the URL follows the view."""

from __future__ import annotations

import datetime as dt

from corridors.render.scene import DEFAULT_BOUNDS
from support.app import open_app as open_link
from support.deck_map import deck_map_args, deck_maps


def test_a_link_restores_dates_kinds_selection_and_renderer() -> None:
    at = open_link(**{
        "from": "2025-08-07", "to": "2025-08-08", "kinds": "memorandum,summit",
        "event": "tripp-route-agreed", "view": "leaflet", "layers": "countries,corridors",
    })  # fmt: skip
    assert at.slider(key="dates").value == (dt.date(2025, 8, 7), dt.date(2025, 8, 8))
    assert at.selectbox(key="preset").value == "summit-week"
    assert set(at.multiselect(key="kinds").value) == {"memorandum", "summit"}
    assert at.session_state["event"] == "tripp-route-agreed"
    assert at.radio(key="renderer").value == "leaflet"
    assert at.multiselect(key="layers").value == ["countries", "corridors"]
    assert not deck_maps(at)


def test_a_bad_link_keeps_what_is_valid_and_says_what_was_ignored() -> None:
    at = open_link(**{"from": "2025-02-30", "feature": "meghri", "zoom": "1e999", "x": "1"})
    assert at.session_state["feature"] == "meghri"
    texts = [t.value for t in at.text]
    assert any("from=2025-02-30" in t and "not a date" in t for t in texts)
    assert any("zoom=1e999" in t for t in texts)
    assert any("unknown parameter" in t for t in texts)
    at.button(key="dismiss-notices").click().run()
    assert not any("from=2025-02-30" in t.value for t in at.text)


def test_the_url_follows_the_view() -> None:
    at = open_link()
    assert dict(at.query_params) == {}
    at.selectbox(key="preset").set_value("summit-week").run()
    at.selectbox(key="feature").set_value("am-su").run()
    assert dict(at.query_params) == {"from": "2025-08-07", "to": "2025-08-08", "feature": "am-su"}
    at.button(key="clear-feature").click().run()
    assert dict(at.query_params) == {"from": "2025-08-07", "to": "2025-08-08"}


def test_a_shared_view_position_is_kept() -> None:
    at = open_link(lat="39.5", lon="46.25", zoom="8")
    # the map is asked for the link's camera as such (web-map zoom levels, 256 px tiles)
    assert deck_map_args(at)["frame"]["camera"] == {"lat": 39.5, "lon": 46.25, "zoom": 8.0}


def test_a_link_without_a_position_fits_the_scene() -> None:
    frame = deck_map_args(open_link())["frame"]
    assert frame["camera"] is None
    assert tuple(frame["bounds"]) == DEFAULT_BOUNDS


def test_presenter_mode_steps_through_the_story() -> None:
    at = open_link(mode="present", step="2")
    assert not at.sidebar.button  # no sidebar in presenter mode
    assert at.session_state["event"] == "moscow-statement-2021"
    assert at.query_params["step"] == "2"
    at.button(key="present-next").click().run()
    assert at.session_state["step"] == 3
    assert at.session_state["event"] == "horadiz-aghband-railway-foundation"
    assert at.query_params["step"] == "3"
    assert at.query_params["mode"] == "present"
    at.button(key="present-previous").click().run()
    at.button(key="present-previous").click().run()
    assert at.session_state["step"] == 1
    assert at.button(key="present-previous").disabled
    at.button(key="present-exit").click().run()
    assert "mode" not in at.query_params
    assert at.sidebar.button  # the sidebar is back


def test_presenter_mode_from_the_sidebar() -> None:
    at = open_link()
    at.sidebar.button(key="present-start").click().run()
    assert at.session_state["mode"] == "present"
    assert at.session_state["event"] == "trilateral-statement-2020"


def test_the_event_list_page_search_and_order_are_in_the_link() -> None:
    at = open_link(page="2", order="oldest")
    assert at.session_state["page"] == 2
    assert at.segmented_control(key="order").value == "oldest"
    assert dict(at.query_params) == {"page": "2", "order": "oldest"}
    at.text_input(key="search").set_value("Meghri").run()
    # a new search starts on its first page, which the link leaves out
    assert dict(at.query_params) == {"q": "Meghri", "order": "oldest"}
    restored = open_link(**dict(at.query_params))
    assert restored.text_input(key="search").value == "Meghri"
    assert restored.segmented_control(key="order").value == "oldest"


def test_a_presenters_language_stays_from_step_to_step() -> None:
    at = open_link(lang="ar", mode="present", step="2")
    assert at.session_state["lang"] == "ar"
    assert at.query_params["lang"] == "ar"
    at.button(key="present-next").click().run()
    assert at.session_state["step"] == 3
    assert at.session_state["lang"] == "ar"
    assert "أذربيجان" in " ".join(str(m.value) for m in at.markdown)  # the step's Arabic text
