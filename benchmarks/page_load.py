"""Page load: from navigation to the deck.gl map on screen, in headless Chromium.

Starts the app on a free loopback port, loads the page once uncounted (the server's first
session loads the data), then opens it RUNS times, each in a fresh browser context (empty
cache, new session), and prints for each run, counted from the start of navigation:

- script done: Streamlit's script finished (``data-test-script-state`` = notRunning);
- map ready:   the map component has its first arguments and has placed its names (its
  own ``map:first-labels`` mark);
- map painted: deck.gl's first frame drawn (the component's ``map:first-frame`` mark,
  after the frame's draw calls). This is the first-draw figure the target is about.

Then the time from a click on the deck.gl map to its highlight on screen, CLICKS times:
a real mouse click (pointer down) on a place, to the end of the first deck.gl frame whose
canvas shows that place in the highlight colour (read from the canvas, right after
deck.gl's draw calls of that frame). Each click is on one of the places most clear of
others, starting from a map with nothing highlighted (the selection is cleared after each
click, with the feature panel's "Clear selection"); the page is opened again only when the
next place is outside the map's view (the map moved to the last one).

    .venv/bin/python benchmarks/page_load.py [--runs 5] [--clicks 7]

Targets: first map painted < 3 s, click to highlight < 500 ms (medians). Chromium is
Debian's, software WebGL (--disable-gpu).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path
from typing import Final

from playwright.sync_api import Browser, Page, sync_playwright

from corridors.data.catalog import Catalog, load_catalog
from corridors.i18n import Translator
from corridors.render.deck.component import PICKING_RADIUS
from corridors.render.styles import HIGHLIGHT

# the browser tests' app server, Chromium settings and page helpers
from corridors.testing.browser import (
    DECK_COMPONENT,
    Dashboard,
    Target,
    click_target,
    deck_world_px,
)
from corridors.testing.server import CHROMIUM, CHROMIUM_ARGS, app_server

TARGET_S: Final = 3.0
TARGET_CLICK_MS: Final = 500.0
TIMEOUT_MS: Final = 120_000

#: The map's frame (window) from the page, and a time of that frame on the page's clock.
_MAP_WINDOW = f"""() => {{
    const frame = document.querySelector('iframe[title="{DECK_COMPONENT}"]');
    return frame && frame.contentWindow;
}}"""
_ON_PAGE_CLOCK = "(map, ms) => map.performance.timeOrigin + ms - window.performance.timeOrigin"
#: The map's moments are its own performance marks (``map:first-labels``: its names placed;
#: ``map:first-frame``: deck.gl's first frame drawn), put on the page's clock; polling from
#: the page would only say when the page looked, which under load is seconds later.
_MAP_MARK = f"""name => {{
    const map = ({_MAP_WINDOW})();
    const mark = map && map.performance.getEntriesByName(name, "mark")[0];
    return mark ? ({_ON_PAGE_CLOCK})(map, mark.startTime) : false;
}}"""
#: Before any page script: once armed, note each pointer-down, and after every deck.gl frame
#: count the canvas pixels in the highlight colour; note when they first reach ``least``.
_WATCH_HIGHLIGHT = """(() => {
    const watch = window.__highlightWatch = {
        colour: null, tolerance: 0, least: 0, lastCount: null, clickAt: null, drawnAt: null,
    };
    window.addEventListener("pointerdown", () => {
        if (watch.colour) watch.clickAt = performance.now();
    }, true);
    let pending = false;
    const inspect = (gl) => {
        pending = false;
        const {colour, tolerance, least} = watch;
        const {width, height} = gl.canvas;
        const pixels = new Uint8Array(width * height * 4);
        const bound = gl.getParameter(gl.READ_FRAMEBUFFER_BINDING);
        gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
        gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
        gl.bindFramebuffer(gl.READ_FRAMEBUFFER, bound);
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] > 250 && Math.abs(pixels[i] - colour[0]) <= tolerance
                && Math.abs(pixels[i + 1] - colour[1]) <= tolerance
                && Math.abs(pixels[i + 2] - colour[2]) <= tolerance) count++;
        }
        watch.lastCount = count;
        if (count >= least && watch.clickAt !== null && watch.drawnAt === null) {
            watch.drawnAt = performance.now();
        }
    };
    const api = window.WebGL2RenderingContext;
    for (const name of ["drawArrays", "drawElements", "drawArraysInstanced",
                        "drawElementsInstanced"]) {
        const draw = api.prototype[name];
        api.prototype[name] = function (...args) {
            const result = draw.apply(this, args);
            if (watch.colour && !pending && this.canvas && this.canvas.id === "deckgl-overlay") {
                pending = true;  // after the frame's last draw call, before it is shown
                queueMicrotask(() => inspect(this));
            }
            return result;
        };
    }
})();"""
_WATCH = """([colour, tolerance, least]) => {
    Object.assign(window.__highlightWatch, {colour, tolerance, least, lastCount: null});
}"""
#: Nothing is highlighted in the last frame drawn (so that a click starts from no highlight).
_CLEAR = """() => {
    const watch = window.__highlightWatch;
    return watch.lastCount !== null && watch.lastCount < watch.least;
}"""
_ARM = "() => Object.assign(window.__highlightWatch, {clickAt: null, drawnAt: null})"
_HIGHLIGHTED = """() => {
    const watch = window.__highlightWatch;
    return watch.drawnAt !== null && watch.clickAt !== null ? watch.drawnAt - watch.clickAt : false;
}"""
#: Pixels of the highlight colour that make a highlighted place (a dot of 7 px radius or more).
HIGHLIGHT_PIXELS: Final = 30
HIGHLIGHT_TOLERANCE: Final = 6
#: The places to click: those most clear of other features at the default view.
CLICK_PLACES: Final = 3
MIN_CLEARANCE_PX: Final = PICKING_RADIUS + 9.0
_SCRIPT_DONE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute("data-test-script-state") === "notRunning"
        ? performance.now() : false;
}"""


def load_once(browser: Browser, url: str) -> tuple[float, float, float]:
    """Seconds from navigation start to: script done, map ready, map painted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        times = [
            page.wait_for_function(_SCRIPT_DONE, timeout=TIMEOUT_MS, polling="raf").json_value(),
            *(
                page.wait_for_function(_MAP_MARK, arg=name, timeout=TIMEOUT_MS).json_value()
                for name in ("map:first-labels", "map:first-frame")
            ),
        ]
        script, ready, painted = (float(ms) / 1000 for ms in times)
        return script, ready, painted
    finally:
        context.close()


def clear_places(catalog: Catalog, dashboard: Dashboard) -> list[Target]:
    """The places in view most clear of other features on the map as first shown."""
    world_px = deck_world_px(dashboard.deck_view())
    box = dashboard.deck_box()
    marks = [tuple(mark["position"]) for mark in dashboard.deck_spec["marks"]]
    targets = [click_target(catalog, record.id, marks) for record in catalog.records("places")]
    clear = [
        target
        for target in targets
        if target.clearance_px(world_px) >= MIN_CLEARANCE_PX
        and _inside(dashboard.deck_point(target.lon, target.lat), box)
    ]
    return sorted(clear, key=lambda target: -target.clearance)[:CLICK_PLACES]


def _inside(point: tuple[float, float], box: dict[str, float], margin: float = 20) -> bool:
    x, y = point
    return margin <= x < box["width"] - margin and margin <= y < box["height"] - margin


class ClickSession:
    """One page of the app in which places are clicked; opened again when needed."""

    def __init__(self, browser: Browser, url: str, catalog: Catalog) -> None:
        self.browser, self.url, self.catalog = browser, url, catalog
        self.page: Page | None = None
        self.dashboard: Dashboard | None = None

    def close(self) -> None:
        if self.page is not None:
            self.page.context.close()
            self.page = None

    def open(self) -> Dashboard:
        self.close()
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(_WATCH_HIGHLIGHT)
        self.page = context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.dashboard = Dashboard(self.page, self.url)
        self.dashboard.open()
        colour = list(HIGHLIGHT[:3])
        self.dashboard.deck_frame().evaluate(
            _WATCH, [colour, HIGHLIGHT_TOLERANCE, HIGHLIGHT_PIXELS]
        )
        self.dashboard.wait_for_deck_drawn()
        return self.dashboard

    def on_view(self, target: Target) -> Dashboard:
        """A page whose map shows ``target`` (the current one, or a new one)."""
        dashboard = self.dashboard or self.open()
        if not _inside(dashboard.deck_point(target.lon, target.lat), dashboard.deck_box()):
            dashboard = self.open()
        return dashboard

    def click(self, target: Target) -> float:
        """Milliseconds from pressing the mouse on ``target`` to its highlight drawn."""
        dashboard = self.on_view(target)
        name = Translator("en").text(self.catalog.feature(target.feature_id).names)
        dashboard.hover_deck(target.lon, target.lat, name)
        frame = dashboard.deck_frame()
        frame.wait_for_function(_CLEAR, timeout=TIMEOUT_MS)
        frame.evaluate(_ARM)
        dashboard.click_deck_here()
        waited = frame.wait_for_function(_HIGHLIGHTED, timeout=TIMEOUT_MS, polling=50)
        dashboard.wait_for_run()
        with dashboard.rerun():  # clear the selection: the next click starts from none
            dashboard.keyed("clear-feature").get_by_role("button").click()
        return float(waited.json_value())


def click_to_highlight(browser: Browser, url: str, clicks: int) -> list[float]:
    """Click places in turn, ``clicks`` times; each time in ms (one uncounted click first)."""
    catalog = load_catalog()
    session = ClickSession(browser, url, catalog)
    try:
        targets = clear_places(catalog, session.open())
        assert len(targets) >= 2, "too few places clear of others to click"
        session.click(targets[-1])  # warm-up
        return [session.click(targets[number % len(targets)]) for number in range(clicks)]
    finally:
        session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as logs, app_server(Path(logs) / "streamlit.log") as server:
        run_all(server.url, args.runs, args.clicks)


def run_all(url: str, runs: int, clicks: int) -> None:
    """Load the page once cold, then ``runs`` times, printing each and the medians; then
    click places on the map ``clicks`` times, printing each click-to-highlight time."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        cold = load_once(browser, url)
        print(f"Page load of {url} in headless Chromium (fresh context each run)")
        print("  run   script done   map ready   map painted")
        first = f"{cold[0]:9.2f} s {cold[1]:9.2f} s {cold[2]:11.2f} s"
        print(f"  cold  {first}   (the server's first session, not counted)")
        results = []
        for number in range(1, runs + 1):
            results.append(load_once(browser, url))
            script, ready, paint = results[-1]
            print(f"  {number:>4}  {script:9.2f} s {ready:9.2f} s {paint:11.2f} s")
        medians = [statistics.median(result[i] for result in results) for i in range(3)]
        print(f"  median {medians[0]:7.2f} s {medians[1]:9.2f} s {medians[2]:11.2f} s   N={runs}")
        print(f"  target: map painted < {TARGET_S:.0f} s")
        times = click_to_highlight(browser, url, clicks)
        browser.close()
    print("\nClick on a place of the deck.gl map to its highlight drawn (after one uncounted)")
    print("  clicks: " + "  ".join(f"{ms / 1000:.2f} s" for ms in times))
    print(f"  median {statistics.median(times) / 1000:.2f} s   N={len(times)}")
    print(f"  target: < {TARGET_CLICK_MS / 1000:.1f} s")


if __name__ == "__main__":
    main()
