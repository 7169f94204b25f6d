"""Accessibility, measured: axe-core at WCAG 2.1 AA on each page, and the keyboard alone.

axe-core (the npm package, from ``frontend/deck-map/node_modules``) runs in the page and in
each of its frames (the maps' components), see :mod:`corridors.testing.axe`. Every page must
have zero violations of the rules tagged wcag2a, wcag2aa, wcag21a and wcag21aa; a failure
lists each rule with its impact, what it asks for and the first elements that fail it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from corridors.data.catalog import Catalog
from corridors.data.models import Event
from corridors.i18n import Translator
from corridors.testing.axe import assert_accessible, audit, describe
from corridors.testing.browser import Dashboard, tab_to
from corridors.testing.playback import PlaybackBar
from corridors.ui.dashboard.timeline_chart import SPAN

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
#: Left out of the checks, each for a reason we cannot fix in the app:
#: - the two rectangles Vega-Lite draws for the timeline's brush (an interval selection,
#:   named after it): Vega gives them the role graphics-symbol without a name (axe's
#:   svg-img-alt), and Vega-Lite lets neither a description nor ``aria: false`` reach these
#:   internal marks (its mark config is redirected to styles they do not take). The brush
#:   is a pointer's shortcut; the sidebar's date fields set the same range by keyboard.
EXCLUDED = (f"g.role-mark.{SPAN}_brush", f"g.role-mark.{SPAN}_brush_bg")


def by_id(catalog: Catalog, event_id: str) -> Event:
    return next(event for event in catalog.events if event.id == event_id)


@pytest.fixture
def phone(browser: Browser, server_url: str) -> Iterator[Dashboard]:
    """The dashboard on a phone's screen, at two device pixels per CSS pixel (not yet open)."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, locale="en-US", timezone_id="UTC"
    )
    try:
        yield Dashboard(context.new_page(), server_url)
    finally:
        context.close()


@pytest.mark.parametrize("query", ["", "?lang=ar"], ids=["english", "arabic"])
def test_the_main_page_has_no_violations(dashboard: Dashboard, query: str) -> None:
    dashboard.open(query)
    dashboard.wait_for_deck_render()
    assert_accessible(dashboard.page, exclude=EXCLUDED, where=f"the main page{query}")


def test_the_presenter_view_has_no_violations(dashboard: Dashboard) -> None:
    dashboard.open("?mode=present&step=3")
    dashboard.wait_for_deck_render()
    assert_accessible(dashboard.page, exclude=EXCLUDED, where="the presenter view")


def test_the_phone_layout_has_no_violations(phone: Dashboard) -> None:
    phone.open("?feature=meghri")
    phone.wait_for_deck_render()
    assert_accessible(phone.page, exclude=EXCLUDED, where="the phone layout")


def test_the_timeline_has_no_violations(dashboard: Dashboard) -> None:
    dashboard.open()
    assert_accessible(
        dashboard.page, ".st-key-timeline-pane", exclude=EXCLUDED, where="the timeline"
    )


@pytest.mark.parametrize("lang", ["ar"])  # (the English bar, paused: the main page's audit)
def test_the_playback_controls_have_no_violations_playing_or_not(
    dashboard: Dashboard, lang: str
) -> None:
    # a day a second: frames go on, the card of the latest event stays the same one
    dashboard.open(f"?lang={lang}&play=window&speed=day&from=2025-06-01&to=2025-08-10")
    bar = PlaybackBar(dashboard.page)
    where = f"the playback controls ({lang})"
    assert_accessible(dashboard.page, ".st-key-playback-pane", exclude=EXCLUDED, where=where)
    bar.button("toggle").click()
    expect(bar.bar).to_have_attribute("data-playing", "true")
    expect(dashboard.keyed("playback-pane")).to_contain_text(translate_now(lang))
    assert_accessible(
        dashboard.page, ".st-key-playback-pane", exclude=EXCLUDED, where=f"{where}, playing"
    )


def translate_now(lang: str) -> str:
    """The caption over the card of the latest event while playing."""
    return Translator(lang)("playback.now")


def test_the_keyboard_alone_plays_pauses_and_steps(dashboard: Dashboard) -> None:
    """Tab to the play button; Space plays and pauses, the right arrow steps a week on."""
    page = dashboard.page
    dashboard.open("?speed=week&to=2025-08-08")
    bar = PlaybackBar(page)
    tab_to(page, bar.button("toggle"))
    bar.press("Space")
    expect(bar.bar).to_have_attribute("data-playing", "true")
    bar.press("Space")
    expect(bar.bar).to_have_attribute("data-playing", "false")
    paused = bar.day()
    assert bar.press("ArrowRight") == paused + dt.timedelta(days=7)
    expect(bar.bar.locator(".live")).not_to_be_empty()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_keyboard_alone_selects_an_event_and_opens_its_feature(
    dashboard: Dashboard, catalog: Catalog, lang: str
) -> None:
    """Tab to an event's row, open it, show it on the map, then open one of its features."""
    page, translate = dashboard.page, Translator(lang)
    dashboard.open(f"?lang={lang}")
    event_id = dashboard.shown_event_ids("list")[0]
    event = by_id(catalog, event_id)
    tab_to(page, dashboard.keyed(f"list-row-{event_id}").locator("summary"))
    page.keyboard.press("Enter")
    show = dashboard.keyed(f"list-show-{event_id}").get_by_role("button")
    tab_to(page, show)
    with dashboard.rerun():
        page.keyboard.press("Enter")
    expect(dashboard.keyed(f"selected-card-{event_id}")).to_be_visible()
    feature_id = event.features[0]
    feature = dashboard.keyed(f"selected-feature-{event_id}-{feature_id}").get_by_role("button")
    tab_to(page, feature)
    with dashboard.rerun():
        page.keyboard.press("Space")
    panel = dashboard.keyed("feature-panel")
    expect(panel).to_be_visible()
    name = translate.text(catalog.feature(feature_id).names)
    expect(panel.get_by_role("heading", name=name)).to_be_visible()


def test_axe_checks_inside_the_page_frames(dashboard: Dashboard) -> None:
    """A fault put in a frame (the page-direction script's) is found and named by its frame."""
    dashboard.open()
    frame = dashboard.page.locator("iframe.stIFrame").element_handle().content_frame()
    assert frame is not None
    frame.wait_for_load_state()
    frame.evaluate("() => document.body.append(document.createElement('img'))")
    violations = audit(dashboard.page, exclude=EXCLUDED)
    assert [violation.rule for violation in violations] == ["image-alt"], describe(violations)
    (target,) = violations[0].targets
    frame_selector, element = target.split(" >> ")
    assert dashboard.page.locator(frame_selector).evaluate("node => node.tagName") == "IFRAME"
    assert element == "img"
