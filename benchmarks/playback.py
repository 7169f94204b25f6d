"""Playback: frames per second and bytes per frame, on both renderers, with and without imports.

For each store (none, and ``--events`` synthetic imported events written straight into a
store by ``corridors.testing.synthetic.fill_store``, not timed) and each renderer (deck.gl,
Leaflet), starts the app (``corridors serve``) on that store, opens a link that plays from
2018 at a quarter a second (so the imported events' cells change with every frame), and,
once it plays, counts for ``--seconds``:

- frames: how far the playback bar's ``data-frame`` moved, over the seconds: frames per
  second (a frame is one answer of the page to the bar's clock: map, bar, card, link);
- bytes: every websocket message the server sent in that time, over the frames (what a
  frame costs on the wire, the map's share and the rest of the fragment together).

Repeats ``--repeat`` times per case and prints the medians. Target: at least 2 frames per
second on this machine (2 cores) with a million imported events.

    .venv/bin/python benchmarks/playback.py [--events 1000000] [--seconds 12] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Final

from playwright.sync_api import Page, sync_playwright

from corridors.core.environment import IMPORTS_DIR_ENV
from corridors.data.catalog import load_catalog
from corridors.reported.store import open_store
from corridors.testing.server import CHROMIUM, CHROMIUM_ARGS, app_server
from corridors.testing.synthetic import fill_store

LINK: Final = "?from=2018-01-01&to=2018-01-01&speed=quarter&playing=1"
VIEWPORT: Final = {"width": 1280, "height": 900}
TARGET_FPS: Final = 2.0


def measure(page: Page, url: str, seconds: float) -> tuple[float, float]:
    """Frames per second and bytes per frame of one play of ``url``."""
    received: list[int] = []
    page.on(
        "websocket",
        lambda socket: socket.on("framereceived", lambda payload: received.append(len(payload))),
    )
    page.goto(url)
    bar = page.locator(".playback").last
    page.wait_for_function(
        "() => { const bar = [...document.querySelectorAll('*')].map(e => e.shadowRoot)"
        ".filter(Boolean).map(r => r.querySelector('.playback')).find(Boolean);"
        " return bar && Number(bar.dataset.frame) >= 3; }",
        timeout=120_000,
    )
    first, sent = int(bar.get_attribute("data-frame") or 0), sum(received)
    started = time.monotonic()
    page.wait_for_timeout(seconds * 1000)
    frames = int(bar.get_attribute("data-frame") or 0) - first
    elapsed = time.monotonic() - started
    return frames / elapsed, (sum(received) - sent) / max(frames, 1)


def run_case(imports: Path, renderer: str, args: argparse.Namespace) -> tuple[float, float]:
    """Median frames per second and bytes per frame of one renderer on one store."""
    os.environ[IMPORTS_DIR_ENV] = str(imports)
    rates, sizes = [], []
    with (
        tempfile.TemporaryDirectory() as logs,
        app_server(Path(logs) / "server.log") as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(args.repeat):
            context = browser.new_context(viewport=VIEWPORT)
            view = "" if renderer == "deck" else "&view=leaflet"
            fps, size = measure(context.new_page(), server.url + LINK + view, args.seconds)
            rates.append(fps)
            sizes.append(size)
            context.close()
        browser.close()
    return statistics.median(rates), statistics.median(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=12.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    catalog = load_catalog()
    print(f"Playback, {args.seconds:g} s per run, median of {args.repeat} runs")
    print(f"{'imported':>10} {'renderer':>9} {'frames/s':>9} {'KB/frame':>9}")
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as full:
        fill_store(open_store(Path(full)), catalog, args.events)
        for count, imports in ((0, Path(empty)), (args.events, Path(full))):
            for renderer in ("deck", "leaflet"):
                fps, size = run_case(imports, renderer, args)
                print(f"{count:>10,} {renderer:>9} {fps:>9.2f} {size / 1000:>9.1f}", flush=True)
    print(f"target: at least {TARGET_FPS:g} frames per second with {args.events:,} imported events")


if __name__ == "__main__":
    main()
