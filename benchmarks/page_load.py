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
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from playwright.sync_api import Browser, sync_playwright

ROOT: Final = Path(__file__).resolve().parents[1]
CHROMIUM: Final = "/usr/bin/chromium"
ARGS: Final = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def app_server() -> Iterator[tuple[str, int]]:
    """The app on a free loopback port: its URL and the server's process id."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", f"--server.port={port}",
               "--server.address=127.0.0.1", "--server.headless=true"]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the app server was not healthy after 90 s") from None
            try:  # the pause between polls also notices a server that died
                server.wait(timeout=0.25)
                raise RuntimeError(f"the app server exited with code {server.returncode}")
            except subprocess.TimeoutExpired:
                pass
        yield f"http://127.0.0.1:{port}/", server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


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
    with app_server() as (url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        cold = load_once(browser, url)
        print(f"Page load of {url} in headless Chromium (fresh context each run)")
        print("  run   script done   map ready   map painted")
        first = f"{cold[0]:9.2f} s {cold[1]:9.2f} s {cold[2]:11.2f} s"
        print(f"  cold  {first}   (the server's first session, not counted)")
        runs = []
        for number in range(1, args.runs + 1):
            runs.append(load_once(browser, url))
            script, ready, paint = runs[-1]
            print(f"  {number:>4}  {script:9.2f} s {ready:9.2f} s {paint:11.2f} s")
        browser.close()
    medians = [statistics.median(run[i] for run in runs) for i in range(3)]
    print(f"  median {medians[0]:7.2f} s {medians[1]:9.2f} s {medians[2]:11.2f} s   N={len(runs)}")
    print(f"  target: map ready < {TARGET_S:.0f} s")


if __name__ == "__main__":
    main()
