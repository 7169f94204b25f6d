"""The page around the map, run headless: list search and order, dates, containment, language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corridors.core.environment import DATA_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.data.search import search_events
from corridors.i18n import Translator, strings
from support.app import list_ids, open_app
from support.records import EditRecords, record


def test_the_list_opens_newest_first_and_can_be_turned_round(catalog: Catalog) -> None:
    at = open_app()
    newest = sorted(catalog.events, key=lambda e: (e.date, e.id), reverse=True)
    assert list_ids(at) == [e.id for e in newest[:8]]
    at.segmented_control(key="order").set_value("oldest").run()
    assert list_ids(at) == [e.id for e in reversed(newest)][:8]
    # each event is a one-line row that opens to its card, the selected one open
    rows = [block for block in at.expander if "Show on map" in str(block)]
    assert rows


def test_search_filters_the_list_in_either_language(catalog: Catalog) -> None:
    at = open_app()
    at.text_input(key="search").set_value("نَخجـوان").run()
    expected = search_events(catalog, catalog.events, "نخجوان")
    assert expected
    newest = sorted(expected, key=lambda e: (e.date, e.id), reverse=True)
    assert list_ids(at) == [e.id for e in newest[:8]]
    assert at.query_params["q"] == "نَخجـوان"
    at.text_input(key="search").set_value("qqqzzz").run()
    assert list_ids(at) == []
    assert at.info  # says nothing matches


def test_the_page_buttons_below_the_list_turn_the_page() -> None:
    at = open_app()
    first = list_ids(at)
    bottom = next(widget for widget in at.get("pagination") if widget.key == "page_bottom")
    bottom.set_value(3).run()
    assert at.session_state["page"] == 3
    assert at.query_params["page"] == "3"
    top = next(widget for widget in at.get("pagination") if widget.key == "page")
    assert top.value == 3
    assert list_ids(at) != first


def test_the_date_field_and_the_slider_follow_each_other() -> None:
    at = open_app()
    at.slider(key="dates").set_value((dt.date(2020, 11, 10), dt.date(2021, 1, 11))).run()
    assert at.date_input(key="date_range").value == (dt.date(2020, 11, 10), dt.date(2021, 1, 11))
    assert at.selectbox(key="preset").value == "custom"
    at.date_input(key="date_range").set_value((dt.date(2025, 8, 1), dt.date(2025, 8, 31))).run()
    assert at.slider(key="dates").value == (dt.date(2025, 8, 1), dt.date(2025, 8, 31))
    assert at.selectbox(key="preset").value == "month-2025-08"  # a whole month is its preset
    assert at.query_params["from"] == "2025-08-01"
    at.selectbox(key="preset").set_value("year-2021").run()
    assert at.slider(key="dates").value == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert at.date_input(key="date_range").value == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def test_the_timeline_brush_setting_the_dates_moves_the_field_and_preset() -> None:
    at = open_app()
    at.session_state["dates"] = (dt.date(2025, 8, 7), dt.date(2025, 8, 8))  # as a brush would
    at.run()
    assert at.date_input(key="date_range").value == (dt.date(2025, 8, 7), dt.date(2025, 8, 8))
    assert at.selectbox(key="preset").value == "summit-week"


def test_the_republic_lists_the_events_of_its_districts_and_places(
    data_copy: Path, edit_records: EditRecords, monkeypatch: pytest.MonkeyPatch
) -> None:
    def julfa_only(records: list[dict[str, object]]) -> None:
        record(records, "tripp-route-agreed")["features"] = ["julfa"]

    edit_records(data_copy, "events.yaml", julfa_only)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    at = open_app(feature="az-nx")
    assert "tripp-route-agreed" in list_ids(at, "feature")
    captions = " ".join(caption.value for caption in at.caption)
    assert "places and districts inside it" in captions
    assert "in range" in captions
    at.toggle(key="all_dates").set_value(True).run()
    captions = " ".join(caption.value for caption in at.caption)
    assert "in range" not in captions
    assert "of any date" in captions


def test_the_republic_can_be_selected_from_a_place_inside_it() -> None:
    at = open_app(feature="julfa")
    assert at.button(key="whole-az-nx").label == "Nakhchivan Autonomous Republic"
    at.button(key="whole-az-nx").click().run()
    assert at.session_state["feature"] == "az-nx"
    assert at.query_params["feature"] == "az-nx"
    assert at.selectbox(key="feature").value == "az-nx"  # the finder offers it too


def test_a_language_switch_sends_every_worded_widget_again() -> None:
    at = open_app()
    at.radio(key="lang").set_value("ar").run()
    english = {
        text
        for key, text in strings("en").items()
        if isinstance(text, str) and strings("ar").get(key) != text
    }
    arabic = Translator("ar")
    for widget in (*at.sidebar.selectbox, *at.sidebar.multiselect, *at.sidebar.radio):
        assert widget.label not in english, widget.label
        assert not set(widget.options) & english, widget.options
        # the browser shows the value the server sends with it, in the new wording
        assert widget.proto.set_value, widget.key
    assert at.selectbox(key="preset").options[0] == arabic("presets.everything")
