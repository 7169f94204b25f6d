"""Agreements in a real browser: a provision's link on both renderers and in both languages,
and the map mode's status colours measured on the drawn map at two dates.

One app server for the module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from corridors.data.catalog import Catalog
from corridors.render.agreement_colours import feature_statuses
from corridors.render.styles import HIGHLIGHT, css_rgb
from corridors.testing.browser import (
    MAP_TIMEOUT,
    RGB,
    VIEWPORT,
    Dashboard,
    colour_at,
    deck_highlighted,
    line_points_clear_of_places,
    near,
    wait_until,
)

pytestmark = pytest.mark.e2e

STATEMENT = "statement-2020-11-10"
POINT_NINE = f"{STATEMENT}/9"
TOLERANCE = 14
#: The route through Syunik and around it, with no event marks (no kind chosen).
ROUTE_VIEW = "&lat=39.05&lon=46.3&zoom=8.6&kinds="


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("renderer", ["deck", "leaflet"])
def test_a_provision_link_shows_its_text_history_and_features(
    dashboard: Dashboard, catalog: Catalog, renderer: str, lang: str
) -> None:
    _, provision = catalog.provision(POINT_NINE)
    dashboard.open(f"?agreement={STATEMENT}&provision={POINT_NINE}&lang={lang}&view={renderer}")
    text = dashboard.keyed("provision-text")
    expect(text).to_be_visible()
    first_words = " ".join(provision.text[lang].split()[:4])
    expect(text).to_contain_text(first_words)
    history = dashboard.keyed("provision-history")
    for observation in provision.observations:
        for source in observation.sources:
            if source.url:
                expect(history.locator(f'a[href="{source.url}"]').first).to_be_attached()
    if renderer == "deck":
        dashboard.wait_for_deck_render()
        assert {"syunik-route", "az-nx", "am-su"} <= deck_highlighted(dashboard.deck_spec)
    else:
        selected = css_rgb(HIGHLIGHT)
        dashboard.wait_for_leaflet(["syunik-route"], styled={"am-su": selected, "az-nx": selected})
    direction = dashboard.page.locator("html").get_attribute("dir") or "ltr"
    assert (direction == "rtl") == (lang == "ar")


@pytest.fixture
def retina(browser: Browser, server_url: str) -> Iterator[Dashboard]:
    """The dashboard on a screen of device pixel ratio 2 (a laptop's or a phone's)."""
    context = browser.new_context(
        viewport=VIEWPORT, device_scale_factor=2, locale="en-US", timezone_id="UTC"
    )
    try:
        yield Dashboard(context.new_page(), server_url)
    finally:
        context.close()


def route_colours(dashboard: Dashboard, catalog: Catalog) -> list[RGB]:
    """The colours drawn at points along the route in view, clear of every place's dot."""
    clear = line_points_clear_of_places(dashboard, catalog, "syunik-route", 80)
    assert len(clear) >= 10, "too little of the route is in view"
    picture = dashboard.deck_screenshot(scale="css")
    return [colour_at(picture, x, y) for x, y in clear]


def wait_for_route_in(dashboard: Dashboard, catalog: Catalog, expected: RGB) -> None:
    """Wait until most of the route in view is drawn in ``expected``."""
    seen: list[RGB] = []

    def coloured() -> bool:
        seen[:] = route_colours(dashboard, catalog)
        share = sum(near(colour, expected, TOLERANCE) for colour in seen) / len(seen)
        return share > 0.3  # the rest: gaps between dashes, names over the line

    wait_until(
        coloured,
        timeout_ms=MAP_TIMEOUT,
        message=lambda: f"the route is not drawn in {expected}: {seen}",
    )


def test_the_status_colours_follow_the_date_range(retina: Dashboard, catalog: Catalog) -> None:
    """Point 9's features are drawn in the colour of its status on the range's last day."""
    drawn = set()
    for day in (dt.date(2020, 12, 31), dt.date(2025, 12, 31)):
        expected = feature_statuses(catalog, STATEMENT, day)["syunik-route"].color[:3]
        retina.open(f"?agreement={STATEMENT}&to={day}{ROUTE_VIEW}")
        retina.wait_for_deck_render()
        wait_for_route_in(retina, catalog, expected)
        drawn.add(expected)
    assert len(drawn) == 2, f"the status did not change: {drawn}"
