"""Page load: from navigation to the deck.gl map on screen, in headless Chromium.

Starts the app on a free loopback port, loads the page once uncounted (the server's first
session loads the data), then opens it RUNS times, each in a fresh browser context (empty
cache, new session), and prints for each run, counted from the start of navigation:

- script done: Streamlit's script finished (``data-test-script-state`` = notRunning);
- map ready:   script done and the deck.gl canvas present (the figure the target is about);
- map painted: the next animation frame after deck.gl's first draw call on its canvas
  (the features drawn; recorded by wrapping WebGL's draw calls in the page).

    .venv/bin/python benchmarks/page_load.py [--runs 5]

Target: map ready < 5 s (median). Chromium is Debian's, software WebGL (--disable-gpu).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Final

from playwright.sync_api import Browser, sync_playwright

# the browser tests' app server and Chromium settings (tests/e2e/server.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from e2e.server import CHROMIUM, CHROMIUM_ARGS, app_server

TARGET_S: Final = 5.0
TIMEOUT_MS: Final = 120_000

#: In-page condition; returns the page's clock (ms since navigation start) when it holds.
_READY = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const done = app && app.getAttribute("data-test-script-state") === "notRunning";
    const chart = document.querySelector('[data-testid="stDeckGlJsonChart"]');
    const canvas = chart && chart.querySelector("canvas#deckgl-overlay");
    return done && canvas ? performance.now() : false;
}"""
#: Before any page script: note the first WebGL draw on deck.gl's canvas, then the frame.
_WATCH_DRAWS = """(() => {
    for (const api of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
        if (!api) continue;
        for (const name of ["drawArrays", "drawElements", "drawArraysInstanced",
                            "drawElementsInstanced"]) {
            const draw = api.prototype[name];
            if (!draw) continue;
            api.prototype[name] = function (...args) {
                if (!window.__deckDrawn && this.canvas && this.canvas.id === "deckgl-overlay") {
                    window.__deckDrawn = true;
                    requestAnimationFrame(() => { window.__deckPainted = performance.now(); });
                }
                return draw.apply(this, args);
            };
        }
    }
})();"""
_PAINTED = "() => window.__deckPainted || false"
_SCRIPT_DONE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute("data-test-script-state") === "notRunning"
        ? performance.now() : false;
}"""


def load_once(browser: Browser, url: str) -> tuple[float, float, float]:
    """Seconds from navigation start to: script done, map ready, map painted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(_WATCH_DRAWS)
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        times = [
            page.wait_for_function(condition, timeout=TIMEOUT_MS, polling="raf").json_value()
            for condition in (_SCRIPT_DONE, _READY, _PAINTED)
        ]
        script, ready, painted = (float(ms) / 1000 for ms in times)
        return script, ready, painted
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as logs, app_server(Path(logs) / "streamlit.log") as server:
        run_all(server.url, args.runs)


def run_all(url: str, runs: int) -> None:
    """Load the page once cold, then ``runs`` times, printing each and the medians."""
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
        browser.close()
    medians = [statistics.median(result[i] for result in results) for i in range(3)]
    print(f"  median {medians[0]:7.2f} s {medians[1]:9.2f} s {medians[2]:11.2f} s   N={runs}")
    print(f"  target: map ready < {TARGET_S:.0f} s")


if __name__ == "__main__":
    main()
