"""Shared links, presenter mode, the exported map, and the page in Arabic, in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route, expect

from corridors.data.catalog import Catalog
from corridors.i18n import Translator
from corridors.testing.browser import (
    ARTIFACTS,
    MAP_TIMEOUT,
    VIEWPORT,
    Dashboard,
    distinct_colours,
    image,
)
from corridors.ui.dashboard.presenter import NEXT
from support.dashboard import NEAR_SYUNIK, click_on_deck, expect_feature_panel

pytestmark = pytest.mark.e2e

EN, AR = Translator("en"), Translator("ar")


def test_a_shared_link_restores_the_view_in_a_fresh_page(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    event = next(e for e in catalog.events if e.id == "tripp-route-agreed")
    dashboard.open("?from=2025-08-07&to=2025-08-08&event=tripp-route-agreed&lang=ar&view=leaflet")
    page = dashboard.page
    # the selected event, in Arabic
    expect(page.get_by_text(AR("events.selected"))).to_be_visible()
    expect(page.get_by_text(AR.text(event.title)).first).to_be_visible()
    # the dates, the language and the renderer
    sidebar = page.get_by_test_id("stSidebar")
    slider = sidebar.get_by_test_id("stSlider")
    expect(slider.get_by_text("2025-08-07")).to_be_visible()
    expect(slider.get_by_text("2025-08-08")).to_be_visible()
    expect(dashboard.keyed("lang").get_by_role("radio", name="العربية")).to_be_checked()
    expect(dashboard.keyed("renderer").get_by_role("radio", name="Leaflet")).to_be_checked()
    expect(dashboard.leaflet_map).to_be_visible(timeout=MAP_TIMEOUT)
    # and the address bar still holds the same view
    for part in ("from=2025-08-07", "to=2025-08-08", "event=tripp-route-agreed", "lang=ar"):
        expect(page).to_have_url(re.compile(re.escape(part)))


def test_presenter_mode_moves_with_the_arrow_keys(dashboard: Dashboard, catalog: Catalog) -> None:
    story = catalog.stories[0]
    total = len(story.steps)
    dashboard.open("?mode=present&step=1")
    page = dashboard.page
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)
    step_of = lambda number: EN("present.step", number=number, total=total)  # noqa: E731
    expect(page.get_by_text(step_of(1))).to_be_visible()
    expect(page.get_by_text(EN.text(story.steps[0].title))).to_be_visible()
    # the arrow keys work once the shortcut listener (streamlit-shortcuts) is installed and
    # the button it clicks is drawn (Streamlit loads the button's code lazily, after its
    # container is in the page)
    page.wait_for_function(
        "key => (window.__streamlitShortcutsMap || {})[key] !== undefined", arg=NEXT
    )
    expect(dashboard.keyed(NEXT).get_by_role("button")).to_be_enabled()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text(step_of(2))).to_be_visible()
    expect(page.get_by_text(EN.text(story.steps[1].title))).to_be_visible()
    expect(page).to_have_url(re.compile(r"step=2"))
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text(step_of(3))).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_text(step_of(2))).to_be_visible()
    expect(page).to_have_url(re.compile(r"step=2"))
    # each step has its own link: opening it shows that step
    dashboard.page.goto(dashboard.url + "?mode=present&step=3")
    expect(page.get_by_text(step_of(3))).to_be_visible()


def test_the_exported_map_opens_from_disk_with_the_network_blocked(
    dashboard: Dashboard, browser: Browser, tmp_path: Path
) -> None:
    dashboard.open("?from=2025-08-07&to=2025-08-08")
    page = dashboard.page
    page.get_by_role("button", name=EN("export.button")).click()
    with page.expect_download() as download:
        page.get_by_role("button", name=EN("export.html")).click()
    saved = tmp_path / "map.html"
    download.value.save_as(saved)

    offline = browser.new_context(viewport=VIEWPORT)
    blocked: list[str] = []

    def refuse_the_network(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    offline.route("**/*", refuse_the_network)
    try:
        snapshot = offline.new_page()
        snapshot.goto(saved.as_uri())
        expect(snapshot.locator(".leaflet-container")).to_be_visible()
        drawn = snapshot.evaluate(
            """() => {
                const map = Object.keys(window).filter(k => k.startsWith("map_"))
                    .map(k => window[k]).find(v => v && v.eachLayer);
                let ids = 0;
                map.eachLayer(layer => { if (layer.feature) ids += 1; });
                return ids;
            }"""
        )
        assert drawn > 20
        picture = image(snapshot.locator(".leaflet-container").screenshot())
        assert distinct_colours(picture) > 20
        assert blocked == []
    finally:
        offline.close()


def test_the_page_in_arabic_reads_right_to_left_and_still_links_the_map(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    dashboard.open("?lang=ar")
    page = dashboard.page
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    directions = page.evaluate(
        """() => [document.documentElement.dir,
                  getComputedStyle(document.querySelector('[data-testid="stMain"]')).direction,
                  getComputedStyle(document.querySelector('[data-testid="stSidebar"]')).direction]"""
    )
    assert directions == ["rtl", "rtl", "rtl"]
    # the sidebar sits on the right, and collapsing it leaves nothing of it on the page
    sidebar, main = page.get_by_test_id("stSidebar"), page.get_by_test_id("stMain")
    expect(sidebar.get_by_text(AR("sidebar.dates")).first).to_be_visible()
    sidebar_box, main_box = sidebar.bounding_box(), main.bounding_box()
    assert sidebar_box is not None
    assert main_box is not None
    assert sidebar_box["x"] >= main_box["x"] + main_box["width"] - 1
    sidebar.hover()
    page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
    expect(sidebar.get_by_text(AR("sidebar.dates")).first).to_be_hidden()
    page.get_by_test_id("stExpandSidebarButton").click()
    expect(sidebar.get_by_text(AR("sidebar.dates")).first).to_be_visible()
    expect(page.get_by_role("heading", name=AR("events.heading"), exact=True)).to_be_visible()
    newest = max(catalog.events, key=lambda event: (event.date, event.id))
    expect(page.get_by_text(AR.text(newest.title)).first).to_be_visible()
    dashboard.wait_for_deck_drawn()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "arabic-page.png", full_page=True)
    dashboard.open(f"?lang=ar{NEAR_SYUNIK}")  # close enough for a finger-sized target
    click_on_deck(dashboard, catalog, "am-su", translate=AR)
    expect_feature_panel(dashboard, catalog, "am-su", translate=AR)
