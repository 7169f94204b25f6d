"""Load: concurrent browser sessions clicking and filtering, on loopback, bounded in time.

Starts the app on a free port, opens SESSIONS headless Chromium pages (all loaded
first), which then for DURATION seconds select events, change the date preset and
clear the selection, and prints errors (must be 0), p50/p95 interaction latency, and the server's
memory before, during and after.

    .venv/bin/python benchmarks/load.py [--sessions 20] [--duration 60] [--view leaflet]

On two cores the twenty browsers, not the server, are what saturates the machine:
deck.gl in software WebGL costs each page seconds of CPU per redraw. The default
renderer of the sessions is therefore Leaflet (canvas 2D); ``--view deck`` measures
deck.gl. An action that the starved browser cannot perform within ACTION_TIMEOUT
counts as an error.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from pathlib import Path

from page_load import ARGS, CHROMIUM, app_server
from playwright.async_api import Browser, Page, async_playwright

ACTION_TIMEOUT = 120_000  # ms

#: The date presets a session picks from (the start of each option's English label).
PRESETS = ("Summit week", "Since the ceasefire statement", "Everything")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


_COUNT_RUNS = """() => {
    window.__finishedRuns = 0;
    const app = document.querySelector('[data-testid="stApp"]');
    new MutationObserver(() => {
        if (app.getAttribute("data-test-script-state") === "notRunning") window.__finishedRuns++;
    }).observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}"""


async def idle(page: Page) -> None:
    """Wait until the page's script is not running."""
    await page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        timeout=60_000
    )


async def finished_runs(page: Page) -> int:
    """How many reruns have finished since the counter was installed."""
    return int(await page.evaluate("window.__finishedRuns"))


async def open_session(browser: Browser, url: str, errors: list[str]) -> Page | None:
    """A viewer's page, loaded and idle, counting its reruns (``None`` if it failed to load)."""
    context = await browser.new_context()
    context.set_default_timeout(ACTION_TIMEOUT)
    page = await context.new_page()
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    try:
        await page.goto(url, timeout=300_000)
        await idle(page)
        await page.locator('[class*="st-key-list-show-"] button').first.wait_for(timeout=300_000)
        await page.evaluate(_COUNT_RUNS)
    except Exception as error:  # every failure counts as an error
        errors.append(f"open: {type(error).__name__}: {str(error).splitlines()[0]}")
        await context.close()
        return None
    return page


async def drive(
    page: Page, until: float, latencies: list[float], errors: list[str], seed: int
) -> None:
    """Click and filter until ``until``; each interaction is timed until its rerun ends."""
    chance = random.Random(seed)
    action = "start"
    preset = PRESETS[-1]  # the page opens on "Everything"
    try:
        while time.monotonic() < until:
            runs = await finished_runs(page)
            action = chance.choice(("event", "event", "preset", "clear"))
            started = time.perf_counter()
            if action == "event":
                buttons = page.locator('[class*="st-key-list-show-"] button')
                count = await buttons.count()
                if count == 0:
                    continue
                await buttons.nth(chance.randrange(count)).click()
            elif action == "preset":
                # choosing the preset already shown would not rerun: pick another one
                preset = chance.choice([other for other in PRESETS if other != preset])
                await page.locator(".st-key-preset").click()
                await page.get_by_role("option", name=preset).first.click()
            else:
                clear = page.get_by_role("button", name="Clear selection")
                if await clear.count() == 0:
                    continue
                await clear.first.click()
            await page.wait_for_function(
                "runs => window.__finishedRuns > runs", arg=runs, timeout=ACTION_TIMEOUT
            )
            latencies.append(time.perf_counter() - started)
            shown = page.locator('[data-testid="stException"]')
            if await shown.count():
                text = " ".join((await shown.first.inner_text()).split())
                errors.append(f"exception shown on the page: {text[:300]}")
    except Exception as error:  # every failure counts as an error
        errors.append(f"{action}: {type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        await page.context.close()


async def run(sessions: int, duration: float, view: str) -> None:
    with app_server() as (base, pid):
        url = f"{base}?view={view}"
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            warm = await browser.new_page()
            await warm.goto(url)
            await idle(warm)
            await warm.close()
            before = rss_mb(pid)
            latencies: list[float] = []
            errors: list[str] = []
            # all viewers open the page first; then the clock of the interactions starts
            opened = await asyncio.gather(
                *(open_session(browser, url, errors) for _ in range(sessions))
            )
            pages = [page for page in opened if page is not None]
            loaded = rss_mb(pid)
            until = time.monotonic() + duration
            samples: list[float] = []

            async def sample() -> None:
                while time.monotonic() < until:
                    samples.append(rss_mb(pid))
                    await asyncio.sleep(1)

            await asyncio.gather(
                sample(),
                *(drive(page, until, latencies, errors, seed) for seed, page in enumerate(pages)),
            )
            await browser.close()
        # sessions end when their websockets close; give the server time to drop them
        await asyncio.sleep(15)
        after = rss_mb(pid)

    quantiles = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else [float("nan")] * 19
    print(
        f"sessions: {sessions} ({view}), duration: {duration:.0f} s, interactions: {len(latencies)}"
    )
    print(f"errors: {len(errors)}")
    for error in errors[:10]:
        print(f"  - {error}")
    print(f"latency p50: {statistics.median(latencies) * 1000:.0f} ms" if latencies else "no data")
    print(f"latency p95: {quantiles[18] * 1000:.0f} ms")
    print(f"server memory before: {before:.0f} MB")
    print(f"server memory with {sessions} sessions open: {loaded:.0f} MB")
    print(f"server memory during (max): {max(samples, default=float('nan')):.0f} MB")
    print(f"server memory after (15 s later): {after:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--view", choices=("leaflet", "deck"), default="leaflet")
    args = parser.parse_args()
    asyncio.run(run(args.sessions, args.duration, args.view))


if __name__ == "__main__":
    main()
