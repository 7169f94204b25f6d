"""Presenter mode in a real browser: every step of the story frames its subject in type a
room can read, at a laptop's, a projector's and a phone's screen size.

(Its own module, so that the suite's two workers share the browser tests evenly.)
"""

from __future__ import annotations

import pytest

from corridors.data.catalog import Catalog
from corridors.testing.browser import Dashboard, deck_pixel

pytestmark = pytest.mark.e2e

SIZES = {"1280x720": (1280, 720), "1920x1080": (1920, 1080), "390x844": (390, 844)}


@pytest.mark.parametrize("size", list(SIZES))
def test_every_presenter_step_frames_its_subject_in_type_for_a_room(
    dashboard: Dashboard, catalog: Catalog, size: str
) -> None:
    """Each step's box (its camera's view on the 1280x720 presenter map, or its framed
    feature) is inside the map at every screen size; names are at least 18 px."""
    width, height = SIZES[size]
    dashboard.page.set_viewport_size({"width": width, "height": height})
    (story,) = catalog.stories
    for step in range(1, len(story.steps) + 1):
        dashboard.open(f"?mode=present&step={step}")
        dashboard.wait_for_deck_render()
        west, south, east, north = dashboard.deck_spec["frame"]["bounds"]
        view, box = dashboard.deck_view(), dashboard.deck_box()
        for lon, lat in ((west, south), (east, north)):
            x, y = deck_pixel(view, box, lon, lat)
            assert -1 <= x <= box["width"] + 1, f"step {step} at {size}: x={x:.0f}"
            assert -1 <= y <= box["height"] + 1, f"step {step} at {size}: y={y:.0f}"
        assert min(label["size"] for label in dashboard.deck_labels()) >= 18
