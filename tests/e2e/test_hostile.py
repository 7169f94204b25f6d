"""Hostile data and hostile links in a real browser: nothing runs, text shows literally."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import ConsoleMessage, Dialog, Page, expect

from corridors.core.datasets import data_dir
from corridors.data.catalog import Catalog
from corridors.i18n import Translator
from corridors.testing.browser import MAP_TIMEOUT, Dashboard, click_target
from corridors.testing.server import app_server

pytestmark = pytest.mark.e2e

EN = Translator("en")
MARKER = "XSS-MARKER"
PAYLOADS = (
    f"<script>console.log('{MARKER}');alert(1)</script>",
    f"<img src=x onerror=\"console.log('{MARKER}');alert(2)\">",
    f'"><svg onload="console.log(\'{MARKER}\')">',
    "[click me](javascript:alert(3)) **not bold** $x^2$",
)
TITLE = " ".join(PAYLOADS[:2])
REJECTED = "ceasefire-1994"  # gets a javascript: source, so validation rejects it
SUMMARY = " ".join(PAYLOADS[2:])


def poisoned_data(target: Path) -> Path:
    """A copy of the bundled data with script, attribute and URL payloads in its texts."""
    shutil.copytree(data_dir(), target)
    events_path = target / "events.yaml"
    events: list[dict[str, Any]] = yaml.safe_load(events_path.read_text(encoding="utf-8"))
    event = next(e for e in events if e["id"] == "bishkek-protocol")
    event["title"]["en"] = TITLE
    event["summary"]["en"] = SUMMARY
    event["sources"][0]["outlet"] = PAYLOADS[1]
    rejected = next(e for e in events if e["id"] == REJECTED)
    rejected["sources"].append({"url": "javascript:alert(4)", "outlet": "bad", "language": "en"})
    events_path.write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    places_path = target / "places.yaml"
    places: list[dict[str, Any]] = yaml.safe_load(places_path.read_text(encoding="utf-8"))
    next(p for p in places if p["id"] == "meghri")["names"]["en"] = PAYLOADS[1]
    places_path.write_text(yaml.safe_dump(places, allow_unicode=True), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app serving the poisoned catalogue (overrides the module's default server)."""
    data = poisoned_data(tmp_path_factory.mktemp("data") / "geodata")
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    with app_server(log, data_dir=data) as server:
        yield server.url


class Tripwire:
    """Records any dialog and any console message carrying the marker."""

    def __init__(self, page: Page) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", self._console)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if MARKER in message.text:
            self.console.append(message.text)

    def assert_nothing_ran(self) -> None:
        assert self.dialogs == []
        assert self.console == []


def test_the_broken_source_is_named_and_everything_else_is_served(dashboard: Dashboard) -> None:
    tripwire = Tripwire(dashboard.page)
    dashboard.open()
    banner = dashboard.keyed("data-problems")
    expect(banner).to_contain_text(f"events.yaml, record '{REJECTED}', field 'sources[")
    expect(banner).to_contain_text("[bad-url]")
    expect(banner).to_contain_text("javascript:alert(4)")
    expect(dashboard.deck_chart).to_be_visible(timeout=MAP_TIMEOUT)
    tripwire.assert_nothing_ran()


def test_payloads_in_event_cards_show_literally_and_run_nothing(dashboard: Dashboard) -> None:
    tripwire = Tripwire(dashboard.page)
    dashboard.open("?event=bishkek-protocol")
    card = dashboard.keyed("selected-card-bishkek-protocol")
    for payload in PAYLOADS[:3]:
        expect(card).to_contain_text(payload)
    expect(card).to_contain_text("[click me](javascript:alert(3)) **not bold** $x^2$")
    expect(card.locator('a[href^="javascript"]')).to_have_count(0)
    expect(card.locator("img, svg[onload], script")).to_have_count(0)
    tripwire.assert_nothing_ran()


def test_payloads_in_names_show_literally_in_the_panel_and_map_tooltip(
    dashboard: Dashboard, catalog: Catalog
) -> None:
    tripwire = Tripwire(dashboard.page)
    dashboard.open("?feature=meghri")
    panel = dashboard.keyed("feature-panel")
    expect(panel.locator("h3")).to_have_text(PAYLOADS[1])
    dashboard.choose_renderer(EN("renderers.leaflet"))
    frame = dashboard.wait_for_leaflet(["meghri"])
    target = click_target(catalog, "meghri")
    dashboard.leaflet_map.hover(position=dashboard.leaflet_point(frame, target.lon, target.lat))
    expect(frame.locator(".leaflet-tooltip")).to_contain_text(PAYLOADS[1])
    expect(frame.locator(".leaflet-tooltip img")).to_have_count(0)
    tripwire.assert_nothing_ran()


@pytest.mark.parametrize(
    "query",
    [
        "?event=" + "a" * 10_000,
        "?from=2025-13-45&to=9999-99-99&kinds=%00%01summit&lang=%3Cscript%3E",
        "?view=deck&view=leaflet&view=%22%3E%3Cimg%20src=x%20onerror=alert(5)%3E",
        "?feature=%D9%85%D9%8A%D8%BA%D8%B1%D9%8A&zoom=-1e309&lat=NaN&step=99999999999999999999",
        "?" + "&".join(f"junk{i}=%E2%80%AE{i}" for i in range(50)),
    ],
    ids=["huge-id", "impossible-dates", "repeated-and-html", "unicode-and-numbers", "many-keys"],
)
def test_nasty_links_give_notices_and_a_working_page(dashboard: Dashboard, query: str) -> None:
    tripwire = Tripwire(dashboard.page)
    dashboard.open(query)
    notices = dashboard.keyed("link-notices")
    expect(notices).to_be_visible()
    expect(notices).to_contain_text(EN("notices.heading"))
    expect(dashboard.page.get_by_test_id("stException")).to_have_count(0)
    expect(dashboard.page.get_by_text(EN("app.title"), exact=True)).to_be_visible()
    tripwire.assert_nothing_ran()
