"""Playback in a real browser: a milestones link plays and stops, the link's ``to`` follows,
the keys work in English and Arabic, the map's corridor colours change at a status change.

One app server for the module.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from corridors.data.catalog import Catalog
from corridors.data.playback import SPEEDS, milestone_days, milestones
from corridors.data.timeline import DateRange, catalogue_span
from corridors.render.scene import SceneRequest, build_scene
from corridors.testing.browser import (
    MAP_TIMEOUT,
    RGB,
    Dashboard,
    colour_at,
    line_points_clear_of_places,
    wait_until,
)
from corridors.testing.playback import PlaybackBar

pytestmark = pytest.mark.e2e

#: The Baku-Tbilisi-Kars railway: under construction until it opened on 30 October 2017.
BTK = "baku-tbilisi-kars-railway"
OPENED = dt.date(2017, 10, 30)
BTK_VIEW = "&lat=41.2&lon=45.6&zoom=7&kinds=&layers=corridors"
TOLERANCE = 14


def test_a_milestones_link_plays_through_milestones_and_stops_on_pause(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    days = milestone_days(milestones(catalog), catalogue_span(catalog.events))
    start = dt.date(2020, 1, 1)
    dashboard.open(f"?play=milestones&playing=1&from={start}&to={start}")
    bar = PlaybackBar(dashboard.page)
    expect(bar.bar).to_have_attribute("data-playing", "true")
    seen: list[dt.date] = []
    linked: set[dt.date | None] = set()

    def three_milestones() -> bool:
        day = bar.day()
        if day not in seen:
            seen.append(day)
        linked.add(bar.link_to())
        dashboard.page.wait_for_timeout(100)
        return len([day for day in seen if day in days]) >= 3

    wait_until(three_milestones, timeout_ms=MAP_TIMEOUT, message=lambda: f"played only {seen}")
    reached = [day for day in seen if day in days]
    assert reached == sorted(reached)
    assert reached[0] > start
    assert set(reached[:2]) <= linked  # the address bar's ``to`` follows the playhead
    expect(bar.bar).to_contain_text(dashboard_date(reached[2]))
    # frames leave out what the map holds (borders, water, labels): only changes are sent
    held = [
        layer["id"]
        for spec in dashboard.deck_specs
        for layer in spec["layers"]
        if layer.get("held")
    ]
    assert "water" in held
    pane = dashboard.keyed("playback-pane")
    expect(pane.locator('[class*="st-key-now-card-"]').first).to_be_visible()  # the latest event
    expect(dashboard.page.get_by_test_id("stException")).to_have_count(0)
    bar.button("toggle").click()
    expect(bar.bar).to_have_attribute("data-playing", "false")
    stopped, frames = bar.day(), bar.frame()
    dashboard.wait_for_run()
    dashboard.page.wait_for_timeout(1000)  # four frames' time: the clock has stopped
    assert (bar.day(), bar.frame()) == (stopped, frames)
    assert bar.link_to() == stopped
    assert "playing" not in dashboard.page.url


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_space_arrows_home_and_end_work_in_both_languages(
    dashboard: Dashboard, catalog: Catalog, lang: str
) -> None:
    """Time runs left to right in both languages: the right arrow goes later in Arabic too."""
    span = catalogue_span(catalog.events)
    dashboard.open(f"?lang={lang}&speed=week&to=2025-08-08")
    bar = PlaybackBar(dashboard.page)
    bar.button("toggle").focus()
    assert bar.press("ArrowRight") == dt.date(2025, 8, 15)
    assert bar.press("ArrowLeft") == dt.date(2025, 8, 8)
    assert bar.press("Home") == span.start
    assert bar.press("End") == span.end
    assert bar.announced()  # the live region says the day
    bar.press("Home")
    bar.press(" ")
    expect(bar.bar).to_have_attribute("data-playing", "true")
    wait_until(
        lambda: bar.day() > span.start,
        timeout_ms=MAP_TIMEOUT,
        message="the playhead did not move",
    )
    bar.press(" ")
    expect(bar.bar).to_have_attribute("data-playing", "false")
    moved = bar.day()
    assert moved > span.start
    assert (moved - span.start).days < 60 * SPEEDS["week"]  # data time: a week a second


def test_the_corridor_colours_change_as_the_playhead_passes_a_status_change(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    """Measured on the canvas: the railway's colour is that of its status as of the playhead."""
    before = OPENED - dt.timedelta(days=1)
    building, open_ = btk_colour(catalog, before), btk_colour(catalog, OPENED)
    dashboard.open(f"?play=milestones&to={before}{BTK_VIEW}")
    dashboard.wait_for_deck_render()
    bar = PlaybackBar(dashboard.page)
    drawn_before = wait_for_btk_nearer(dashboard, catalog, building, than=open_)
    bar.button("toggle").focus()
    assert bar.press("ArrowRight") == OPENED
    drawn_after = wait_for_btk_nearer(dashboard, catalog, open_, than=building)
    assert distance(drawn_before, drawn_after) > 3 * TOLERANCE


def dashboard_date(day: dt.date) -> str:
    """How the English page writes a day (``October 30, 2017``)."""
    return f"{day:%B} {day.day}, {day.year}"


def btk_colour(catalog: Catalog, day: dt.date) -> RGB:
    """The railway's line colour in the scene of everything up to ``day``."""
    scene = build_scene(catalog, SceneRequest(dates=DateRange(dt.date(1990, 1, 1), day)))
    line = next(feature.line for feature in scene.features if feature.id == BTK)
    return line.color[:3]


def distance(one: RGB, other: RGB) -> float:
    return float(sum((a - b) ** 2 for a, b in zip(one, other, strict=True)) ** 0.5)


def btk_drawn(dashboard: Dashboard, catalog: Catalog) -> RGB | None:
    """The median colour drawn along the railway in view, clear of places (per channel)."""
    clear = line_points_clear_of_places(dashboard, catalog, BTK, 60)
    if len(clear) < 8:
        return None
    picture = dashboard.deck_screenshot(scale="css")
    colours = [colour_at(picture, x, y) for x, y in clear]
    r, g, b = (sorted(channel)[len(channel) // 2] for channel in zip(*colours, strict=True))
    return (r, g, b)


def wait_for_btk_nearer(dashboard: Dashboard, catalog: Catalog, colour: RGB, *, than: RGB) -> RGB:
    """Wait until the railway is drawn nearer ``colour`` than ``than``; the colour drawn.

    Lines are translucent over the land: the colour drawn is a mix.
    """
    seen: list[RGB | None] = [None]

    def nearer() -> bool:
        seen[0] = drawn = btk_drawn(dashboard, catalog)
        return drawn is not None and distance(drawn, colour) < distance(drawn, than)

    wait_until(
        nearer,
        timeout_ms=MAP_TIMEOUT,
        message=lambda: f"the railway is drawn {seen[0]}, not nearer {colour} than {than}",
    )
    assert seen[0] is not None
    return seen[0]


def test_a_story_step_plays_its_span_and_the_bar_keeps_its_arrow_keys(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    """The last step plays from November 2020; the arrows in the bar step time, not the story."""
    (story,) = catalog.stories
    total = len(story.steps)
    dashboard.open(f"?mode=present&step={total}")
    bar = PlaybackBar(dashboard.page)
    expect(bar.bar).to_have_attribute("data-playing", "true")
    wait_until(
        lambda: bar.day() > dt.date(2021, 6, 1),
        timeout_ms=MAP_TIMEOUT,
        message="the step's playback did not move",
    )
    bar.button("toggle").focus()
    bar.press(" ")
    expect(bar.bar).to_have_attribute("data-playing", "false")
    paused = bar.day()
    assert bar.press("ArrowLeft") < paused
    assert f"step={total}" in dashboard.page.url  # still the same step
