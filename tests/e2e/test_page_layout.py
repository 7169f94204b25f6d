"""The page around the map in a real browser: boxes measured, not pixels.

Presenter mode gives the map most of a projector's screen; "Show on map" far down the
list leaves the map in view; a language switch inside the app leaves no English in the
sidebar; on a phone the map comes first and nothing scrolls sideways.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.i18n import Translator, strings
from corridors.testing.browser import MAP_TIMEOUT, Dashboard, wait_until

pytestmark = pytest.mark.e2e

EN, AR = Translator("en"), Translator("ar")
PROJECTORS = [(1280, 720), (1920, 1080)]
PHONE = (390, 844)


def box_of(locator: Locator) -> dict[str, float]:
    expect(locator).to_be_visible(timeout=MAP_TIMEOUT)
    box = locator.bounding_box()
    assert box is not None
    return box


def visible_share(box: dict[str, float], page: Page) -> float:
    """The share of the viewport that ``box`` covers."""
    size = page.viewport_size
    assert size is not None
    width = max(0.0, min(box["x"] + box["width"], size["width"]) - max(box["x"], 0.0))
    height = max(0.0, min(box["y"] + box["height"], size["height"]) - max(box["y"], 0.0))
    return width * height / (size["width"] * size["height"])


def scroll_sizes(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => {
            const root = document.scrollingElement;
            const main = document.querySelector('[data-testid="stMain"]');
            return {width: innerWidth, height: innerHeight,
                    rootWidth: root.scrollWidth, rootHeight: root.scrollHeight,
                    mainWidth: main ? main.scrollWidth : 0,
                    mainHeight: main ? main.scrollHeight : 0,
                    mainClient: main ? main.clientHeight : 0};
        }"""
    )


@pytest.mark.parametrize(("width", "height"), PROJECTORS, ids=["1280x720", "1920x1080"])
def test_presenter_mode_gives_the_map_most_of_the_screen(
    dashboard: Dashboard, catalog: Catalog, width: int, height: int
) -> None:
    page = dashboard.page
    page.set_viewport_size({"width": width, "height": height})
    dashboard.open("?mode=present&step=7")
    step = catalog.stories[0].steps[6]
    expect(page.get_by_text(EN.text(step.title), exact=True)).to_be_visible()

    def map_share() -> float | None:  # the canvas takes its presenter size after the step
        share = visible_share(dashboard.deck_box(), page)
        return share if share >= 0.6 else None

    wait_until(
        map_share,
        timeout_ms=MAP_TIMEOUT,
        message=lambda: (
            f"the map covers {visible_share(dashboard.deck_box(), page):.0%} of {width}x{height}"
        ),
    )
    sizes = scroll_sizes(page)
    assert sizes["mainHeight"] <= sizes["mainClient"] + 1, f"the page scrolls: {sizes}"
    assert sizes["rootHeight"] <= height + 1, f"the page scrolls: {sizes}"
    # no app header, language switch, Share or Export in the way: they are in the menu
    expect(page.get_by_role("heading", name=EN("app.title"))).to_have_count(0)
    expect(dashboard.keyed("lang")).to_have_count(0)
    step_panel = box_of(dashboard.keyed("present-step"))
    assert step_panel["y"] + step_panel["height"] <= height
    dashboard.keyed("present-menu").get_by_role("button", name=EN("present.menu")).click()
    expect(dashboard.keyed("lang")).to_be_visible()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), PHONE], ids=["1280x720", "390x844"])
def test_show_on_map_on_the_last_row_of_a_page_keeps_the_map_in_view(
    dashboard: Dashboard, width: int, height: int
) -> None:
    page = dashboard.page
    page.set_viewport_size({"width": width, "height": height})
    dashboard.open("?page=2")
    shown = dashboard.shown_event_ids("list")
    assert len(shown) == settings.events_page_size
    last = shown[-1]
    dashboard.keyed(f"list-row-{last}").scroll_into_view_if_needed()
    button = dashboard.show_on_map_button(last)
    with dashboard.rerun():
        button.click()
    expect(dashboard.keyed(f"selected-card-{last}")).to_be_visible()
    expect(dashboard.deck_canvas).to_be_in_viewport(timeout=MAP_TIMEOUT)
    assert visible_share(dashboard.deck_box(), page) > 0.15


def sidebar_words(page: Page) -> str:
    """What the sidebar shows: its text (labels, chips, captions) and its fields' values."""
    text: str = page.get_by_test_id("stSidebar").evaluate(
        """sidebar => [sidebar.innerText,
            ...[...sidebar.querySelectorAll("input")].map(input => input.value)].join("\\n")"""
    )
    return text


def test_switching_to_arabic_in_the_app_leaves_no_english_in_the_sidebar(
    dashboard: Dashboard,
) -> None:
    page = dashboard.page
    dashboard.open()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text(EN("kinds.summit"), exact=True)).to_be_visible()
    assert EN("presets.everything") in sidebar_words(page)
    with dashboard.rerun():
        dashboard.keyed("lang").get_by_text("العربية").click()
    expect(sidebar.get_by_text(AR("kinds.summit"), exact=True)).to_be_visible()
    english = {
        text
        for key, text in strings("en").items()
        if isinstance(text, str) and len(text) > 2 and strings("ar").get(key) != text
    }
    shown = sidebar_words(page)
    left = sorted(text for text in english if text in shown)
    assert not left, f"English left in the sidebar: {left}"
    assert AR("presets.everything") in shown
    # the open options of the basemap list are Arabic too
    field = dashboard.keyed("basemap").get_by_role("combobox")
    field.scroll_into_view_if_needed()
    dashboard.wait_for_run()
    field.click()
    expect(page.get_by_role("option").first).to_be_visible()
    options = page.get_by_role("option").all_inner_texts()
    assert options
    assert not set(options) & english, options
    assert AR("basemaps.bundled") in options


def test_on_a_phone_the_map_comes_first_and_nothing_scrolls_sideways(
    dashboard: Dashboard,
) -> None:
    page = dashboard.page
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    dashboard.open("?feature=meghri")
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    dashboard.wait_for_deck_drawn()  # the page has settled: every element is drawn
    expect(dashboard.keyed("app-header").get_by_text(EN("export.button"))).to_be_visible()
    header = box_of(dashboard.keyed("app-header"))
    deck = dashboard.deck_box()
    sizes = scroll_sizes(page)
    assert sizes["rootWidth"] <= PHONE[0], sizes
    assert sizes["mainWidth"] <= PHONE[0], sizes
    # the map is the first thing below the header, and fits the screen
    assert 0 <= deck["y"] - (header["y"] + header["height"]) < 48
    assert deck["width"] <= PHONE[0]
    assert deck["y"] + deck["height"] <= PHONE[1]
    # the selection follows right below the map, before the legend and the list
    selection = box_of(dashboard.keyed("selection-pane"))
    legend = box_of(dashboard.keyed("legend-pane"))
    assert deck["y"] + deck["height"] <= selection["y"] < legend["y"]


def test_presenter_type_is_sized_for_a_room(dashboard: Dashboard, catalog: Catalog) -> None:
    """At 1920x1080 the step's title is at least 40 px and its text at least 24 px."""
    page = dashboard.page
    page.set_viewport_size({"width": 1920, "height": 1080})
    dashboard.open("?mode=present&step=3")
    step = catalog.stories[0].steps[2]
    expect(page.get_by_text(EN.text(step.title), exact=True)).to_be_visible()
    panel = dashboard.keyed("present-step")
    title_px = panel.locator("h3").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    text = panel.get_by_text(EN.text(step.text), exact=True)
    text_px = text.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert title_px >= 40, f"the step title is {title_px} px"
    assert text_px >= 24, f"the step text is {text_px} px"
