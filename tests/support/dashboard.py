"""Helpers shared by test modules (moved from test_dashboard.py)."""

from __future__ import annotations

from playwright.sync_api import expect

from corridors.data.catalog import Catalog
from corridors.data.containment import parts_of
from corridors.i18n import Translator
from corridors.render.deck.component import PICKING_RADIUS
from corridors.testing.browser import (
    MAP_TIMEOUT,
    Dashboard,
    click_target,
    deck_world_px,
)

EN = Translator("en")


#: A link's view of Syunik (to append to a query), close enough for a finger-sized target
#: clear of its towns and of the event marks.
NEAR_SYUNIK = "&lat=39.4&lon=46.1&zoom=8"
#: Nothing else that could take the click within this many pixels of a clicked point (a
#: mark, place (7 px at most) or line within the picking radius is picked before an area).
MIN_CLEARANCE_PX = PICKING_RADIUS + 9.0


def name_of(catalog: Catalog, feature_id: str, translate: Translator = EN) -> str:
    return translate.text(catalog.feature(feature_id).names)


def events_of(catalog: Catalog, feature_id: str) -> list[str]:
    """Ids of the events the feature panel lists (default filters: all dates, all kinds):
    those linked to the feature or to a place or district inside it, the newest first."""
    linked = {feature_id, *parts_of(catalog, feature_id)}
    events = [event for event in catalog.events if linked & set(event.features)]
    return [event.id for event in sorted(events, key=lambda e: (e.date, e.id), reverse=True)]


def click_on_deck(
    dashboard: Dashboard, catalog: Catalog, feature_id: str, *, translate: Translator = EN
) -> None:
    """Point at the feature on the deck.gl map (its tooltip must name it) and click."""
    marks = [tuple(mark["position"]) for mark in dashboard.deck_spec["marks"]]
    target = click_target(catalog, feature_id, marks)
    clearance = target.clearance_px(deck_world_px(dashboard.deck_view()))
    assert clearance >= MIN_CLEARANCE_PX, f"{feature_id} is crowded on the map: {clearance:.1f} px"
    dashboard.hover_deck(target.lon, target.lat, name_of(catalog, feature_id, translate))
    dashboard.click_deck_here()


def expect_feature_panel(
    dashboard: Dashboard, catalog: Catalog, feature_id: str, *, translate: Translator = EN
) -> None:
    """The feature panel names the feature and shows a row for each of its events."""
    panel = dashboard.keyed("feature-panel")
    name = name_of(catalog, feature_id, translate)
    expect(panel.locator("h3")).to_have_text(name, timeout=MAP_TIMEOUT)
    linked = events_of(catalog, feature_id)
    assert linked, f"{feature_id} has no events to show"
    rows = dashboard.keyed("feature-rows")
    expect(rows.locator('[class*="st-key-feature-show-"]')).to_have_count(len(linked))
    assert dashboard.shown_event_ids("feature") == linked
    dashboard.wait_for_run()
