"""The legend's entry saying what each item is (curated, imported, draft), in a real browser.

At device pixel ratios 1 and 2 (Playwright's ``device_scale_factor``, as the deck.gl map's
tests set them), in English and Arabic: brought into view, the entry lies wholly inside the
window, its text is not cut, and it overlaps none of the map's controls (the zoom buttons
in the map's frame and the playback bar below the map).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, FloatRect, expect

from corridors.testing.browser import VIEWPORT, Dashboard

pytestmark = pytest.mark.e2e

#: Overlap below this many CSS pixels is a shared border, not an overlap.
TOUCH = 0.5


@pytest.fixture(params=[1, 2], ids=lambda ratio: f"dpr{ratio}")
def screen(
    request: pytest.FixtureRequest, browser: Browser, server_url: str
) -> Iterator[Dashboard]:
    """The dashboard on a screen of a device pixel ratio, not yet open."""
    context = browser.new_context(
        viewport=VIEWPORT, device_scale_factor=request.param, locale="en-US", timezone_id="UTC"
    )
    try:
        yield Dashboard(context.new_page(), server_url)
    finally:
        context.close()


def overlap(one: FloatRect, other: FloatRect) -> bool:
    """Whether two boxes share more than a border."""
    across = min(one["x"] + one["width"], other["x"] + other["width"]) - max(one["x"], other["x"])
    down = min(one["y"] + one["height"], other["y"] + other["height"]) - max(one["y"], other["y"])
    return across > TOUCH and down > TOUCH


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_review_entry_is_in_view_and_clear_of_the_map_controls(
    screen: Dashboard, lang: str
) -> None:
    screen.open(f"?lang={lang}")
    screen.wait_for_deck_render()
    ratio = screen.page.evaluate("() => window.devicePixelRatio")
    entry = screen.keyed("legend-pane").locator("[data-legend='review']")
    expect(entry).to_be_visible()
    expect(entry.locator("li")).to_have_count(3)
    entry.scroll_into_view_if_needed()
    box = entry.bounding_box()
    assert box is not None
    window = screen.page.viewport_size
    assert window is not None
    assert box["x"] >= -TOUCH, (ratio, box)
    assert box["y"] >= -TOUCH, (ratio, box)
    assert box["x"] + box["width"] <= window["width"] + TOUCH, (ratio, box)
    assert box["y"] + box["height"] <= window["height"] + TOUCH, (ratio, box)
    cut = entry.evaluate("node => node.scrollWidth > node.clientWidth + 1")
    assert not cut, f"the entry's text is cut at ratio {ratio}"
    controls = {
        "zoom": screen.deck_map.locator("#zoom").bounding_box(),
        "playback": screen.keyed("playback-bar").bounding_box(),
    }
    for name, control in controls.items():
        assert control is not None, name
        assert not overlap(box, control), f"the entry overlaps the {name} controls at {ratio}"
