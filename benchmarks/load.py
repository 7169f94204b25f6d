"""Load: concurrent browser sessions clicking and filtering, on loopback, bounded in time.

Starts the app on a free loopback port and, for each of ROUNDS rounds, opens SESSIONS
pages in Debian's headless Chromium (one browser context each, so one Streamlit session
each) and lets them all load. Then for DURATION seconds every session repeats: pick an
interaction (show an event, change the date preset, clear the selection), wait for its
result, and read for a random THINK time. The sessions then close and the server drops
them. Prints, per round:

- errors (must be 0): a rerun that does not finish within ACTION_TIMEOUT, an exception
  shown on the page, an error in the page's scripts, a websocket that closed;
- latency p50/p95: from the click until the rerun's result is drawn in the page;
- round trip p50/p95: from the rerun request leaving the browser until the server's
  "script finished" message arrives, as Playwright reports them (so it includes the
  browser's and Playwright's own delays in passing websocket frames on);
- the server's CPU time during the interactions, against the machine's capacity, and
  per interaction: the server's share that no browser adds to;
- the server's memory (RSS) before, with the sessions open, during (max), and after.

With ``--hostile N``, N of the sessions are not browsers but raw websocket clients that
ask for a rerun again as soon as the previous one has finished (a rerun flood). They run
in the even rounds only, so that the odd rounds measure the same browser sessions
without them; their reruns per second are printed, the other figures are the browsers',
and a last line compares the browsers' latency and the server's CPU without and with
the flood (``--rounds 2 --hostile 1``: one round of each).

    .venv/bin/python benchmarks/load.py [--sessions 20] [--duration 60] [--rounds 2]
                                        [--think 1 5] [--view leaflet|deck] [--hostile 1]

On two cores twenty browsers, not the server, saturate the machine (each page spends
about half a second of CPU drawing a rerun's result), so latency is mostly the browsers'
queueing. The default renderer of the sessions is Leaflet (canvas 2D); ``--view deck``
adds deck.gl in software WebGL. "After" is measured once the server has dropped the
closed sessions: the server runs with ``server.disconnectedSessionTTL`` = SESSION_TTL
(the app's setting is Streamlit's default, 120 s, which only delays the drop), and a
fresh visit after that time lets Streamlit's session store expire them. With several
rounds, memory that does not come back shows as "after" growing from round to round.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

import websockets
from playwright.async_api import Browser, Page, WebSocket, async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg

# the browser tests' app server and Chromium settings
from corridors.testing.browser import message_type
from corridors.testing.server import CHROMIUM, CHROMIUM_ARGS, app_server

ACTION_TIMEOUT = 60.0  # s: an interaction whose rerun takes longer counts as an error
OPEN_TIMEOUT = 300_000  # ms: twenty pages loading at once on two cores
SESSION_TTL = 10  # s: how long the benchmark's server keeps a closed session

#: The date presets a session picks from (the start of each option's English label).
PRESETS = ("Summit week", "Since the ceasefire statement", "Everything")
EVENT_BUTTONS = '[class*="st-key-list-show-"] button'

_NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => done()))"


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Viewer:
    """One browser session: its page and what its websocket has seen."""

    page: Page
    errors: list[str]
    finished: int = 0  # "script finished" messages received
    sent: list[float] = field(default_factory=list)  # when each message to the server left
    closing: bool = False

    def watch(self, socket: WebSocket) -> None:
        """Count the server's finished runs; a socket that closes early is an error."""
        socket.on("framereceived", self._received)
        socket.on("framesent", lambda _: self.sent.append(time.perf_counter()))
        socket.on("close", lambda _: self.closing or self.errors.append("websocket closed"))

    def _received(self, payload: str | bytes) -> None:
        if message_type(payload) == "script_finished":
            self.finished += 1

    async def rerun_finished(self, before: int) -> None:
        """Wait until a run has finished after ``before`` runs had (ACTION_TIMEOUT)."""
        deadline = time.monotonic() + ACTION_TIMEOUT
        while self.finished <= before:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no rerun finished within {ACTION_TIMEOUT:.0f} s")
            await asyncio.sleep(0.02)

    async def drawn(self) -> None:
        """Wait until the page is idle and has drawn a frame since."""
        await idle(self.page)
        await self.page.evaluate(_NEXT_FRAME)


@dataclass
class Round:
    """What one round measured."""

    latencies: list[float] = field(default_factory=list)
    round_trips: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)
    flood: list[int] = field(default_factory=list)  # reruns each hostile client got done
    cpu_share: float = 0.0  # of the machine, during the interactions


async def idle(page: Page) -> None:
    """Wait until the page's script is not running."""
    await page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        timeout=OPEN_TIMEOUT
    )


async def open_viewer(browser: Browser, url: str, errors: list[str]) -> Viewer | None:
    """A viewer's page, loaded and idle (``None``, with an error, if it did not load)."""
    context = await browser.new_context()
    context.set_default_timeout(ACTION_TIMEOUT * 1000)
    page = await context.new_page()
    viewer = Viewer(page, errors)
    page.on("websocket", viewer.watch)
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    try:
        await page.goto(url, timeout=OPEN_TIMEOUT)
        await idle(page)
        await page.locator(EVENT_BUTTONS).first.wait_for(timeout=OPEN_TIMEOUT)
    except Exception as error:  # every failure counts as an error
        errors.append(f"open: {type(error).__name__}: {str(error).splitlines()[0]}")
        await context.close()
        return None
    return viewer


async def interact(viewer: Viewer, action: str, preset: str) -> bool:
    """Click for ``action``; False when there was nothing to click for it."""
    page = viewer.page
    if action == "event":
        buttons = page.locator(EVENT_BUTTONS)
        count = await buttons.count()
        if count == 0:
            return False
        await buttons.nth(random.randrange(count)).click()
    elif action == "preset":
        await page.locator(".st-key-preset").get_by_role("combobox").click()
        await page.get_by_role("option", name=preset).first.click()
    else:
        clear = page.get_by_role("button", name="Clear selection")
        if await clear.count() == 0:
            return False
        await clear.first.click()
    return True


async def drive(
    viewer: Viewer, until: float, think: tuple[float, float], measured: Round, seed: int
) -> None:
    """Interact until ``until``, timing each interaction until its result is drawn."""
    chance = random.Random(seed)
    action = "start"
    preset = PRESETS[-1]  # the page opens on "Everything"
    try:
        while time.monotonic() < until:
            action = chance.choice(("event", "event", "preset", "clear"))
            if action == "preset":  # the preset already shown would not rerun
                preset = chance.choice([other for other in PRESETS if other != preset])
            before = viewer.finished
            started = time.perf_counter()
            if not await interact(viewer, action, preset):
                continue
            await viewer.rerun_finished(before)
            request = next(sent for sent in viewer.sent if sent >= started)
            measured.round_trips.append(time.perf_counter() - request)
            await viewer.drawn()
            measured.latencies.append(time.perf_counter() - started)
            shown = viewer.page.locator('[data-testid="stException"]')
            if await shown.count():
                text = " ".join((await shown.first.inner_text()).split())
                measured.errors.append(f"exception shown on the page: {text[:300]}")
            await asyncio.sleep(chance.uniform(*think))
    except Exception as error:  # every failure counts as an error
        measured.errors.append(f"{action}: {type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        viewer.closing = True
        await viewer.page.context.close()


async def flood(url: str, until: float, view: str, measured: Round) -> None:
    """A hostile client: rerun the script over a raw websocket as fast as the server allows.

    It needs no browser, page or XSRF token: it opens the app's websocket and sends a
    rerun request each time the previous run has finished, until ``until``.
    """
    address = url.split("://", 1)[1].split("/", 1)[0]
    rerun = BackMsg()
    rerun.rerun_script.query_string = f"view={view}"
    request = rerun.SerializeToString()
    done = 0
    try:
        async with websockets.connect(
            f"ws://{address}/_stcore/stream",
            subprotocols=[websockets.Subprotocol("streamlit")],
            max_size=None,
        ) as socket:
            while time.monotonic() < until:
                await socket.send(request)
                while message_type(await socket.recv()) != "script_finished":
                    pass
                done += 1
    except Exception as error:  # the flood's own failures are reported, not counted
        print(f"  hostile client stopped: {type(error).__name__}: {error}")
    measured.flood.append(done)


async def one_round(
    browser: Browser, url: str, pid: int, args: argparse.Namespace, number: int
) -> Round:
    """Open the sessions, let them interact for the duration, close them; print figures."""
    measured = Round()
    before = rss_mb(pid)
    opened = await asyncio.gather(
        *(open_viewer(browser, url, measured.errors) for _ in range(args.sessions - args.hostile))
    )
    hostile = args.hostile if number % 2 == 0 else 0
    viewers = [viewer for viewer in opened if viewer is not None]
    loaded = rss_mb(pid)
    cpu_start, wall_start = cpu_seconds(pid), time.monotonic()
    until = wall_start + args.duration

    async def sample() -> None:
        while time.monotonic() < until:
            measured.memory.append(rss_mb(pid))
            await asyncio.sleep(1)

    await asyncio.gather(
        sample(),
        *(flood(url, until, args.view, measured) for _ in range(hostile)),
        *(
            drive(viewer, until, args.think, measured, seed=number * 1000 + index)
            for index, viewer in enumerate(viewers)
        ),
    )
    cpu, wall = cpu_seconds(pid) - cpu_start, time.monotonic() - wall_start
    measured.cpu_share = cpu / wall / (os.cpu_count() or 1)
    after = await memory_after_sessions_end(browser, url, pid)
    report(args, number, measured, (before, loaded, after), (cpu, wall))
    return measured


async def memory_after_sessions_end(browser: Browser, url: str, pid: int) -> float:
    """The server's RSS once it has dropped the closed sessions (see the module's notes)."""
    await asyncio.sleep(SESSION_TTL + 5)
    visit = await browser.new_page()
    await visit.goto(url)
    await idle(visit)
    await visit.close()
    await asyncio.sleep(5)
    return rss_mb(pid)


def percentile(values: list[float], share: int) -> str:
    """The ``share``-th percentile in ms (nearest rank), or "n/a"."""
    if not values:
        return "n/a"
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share / 100 * len(ordered)) - 1))
    return f"{ordered[rank] * 1000:.0f} ms"


def report(
    args: argparse.Namespace,
    number: int,
    measured: Round,
    memory: tuple[float, float, float],
    usage: tuple[float, float],
) -> None:
    """Print one round's figures."""
    before, loaded, after = memory
    cpu, wall = usage
    browsers = args.sessions - args.hostile
    print(
        f"round {number}: {browsers} browser sessions ({args.view}) "
        f"+ {len(measured.flood)} hostile, "
        f"{args.duration:.0f} s, think {args.think[0]:g}-{args.think[1]:g} s, "
        f"interactions: {len(measured.latencies)}"
    )
    if measured.flood:
        rates = ", ".join(f"{done / args.duration:.1f}" for done in measured.flood)
        print(f"  hostile reruns per second: {rates} (each finished before the next was sent)")
    print(f"  errors: {len(measured.errors)}")
    for error in measured.errors[:20]:
        print(f"    - {error}")
    latency = (percentile(measured.latencies, 50), percentile(measured.latencies, 95))
    trips = (percentile(measured.round_trips, 50), percentile(measured.round_trips, 95))
    print(f"  latency    p50 / p95: {latency[0]} / {latency[1]} (click to result drawn)")
    print(f"  round trip p50 / p95: {trips[0]} / {trips[1]} (rerun request to script finished)")
    cores = os.cpu_count() or 1
    per_interaction = cpu / max(len(measured.latencies), 1) * 1000
    print(
        f"  server CPU: {cpu:.1f} s in {wall:.0f} s ({cpu / wall / cores:.0%} of the "
        f"machine's {cores} cores), {per_interaction:.0f} ms per interaction"
    )
    print(
        f"  server memory: before {before:.0f} MB, {browsers} browsers open {loaded:.0f} MB, "
        f"during (max) {max(measured.memory, default=float('nan')):.0f} MB, "
        f"after {after:.0f} MB"
    )


async def run(args: argparse.Namespace) -> None:
    options = [f"--server.disconnectedSessionTTL={SESSION_TTL}"]
    with (
        tempfile.TemporaryDirectory() as logs,
        app_server(Path(logs) / "streamlit.log", options=options) as server,
    ):
        url, pid = f"{server.url}?view={args.view}", server.pid
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            warm = await browser.new_page()  # the first session loads and caches the data
            await warm.goto(url)
            await idle(warm)
            await warm.close()
            rounds = [
                await one_round(browser, url, pid, args, number)
                for number in range(1, args.rounds + 1)
            ]
            await browser.close()
    errors = sum(len(measured.errors) for measured in rounds)
    print(f"total errors: {errors}")
    calm = [measured for measured in rounds if not measured.flood]
    flooded = [measured for measured in rounds if measured.flood]
    if calm and flooded:
        print(
            f"rerun flood ({args.hostile} hostile): the browsers' latency p50 / p95 "
            f"{percentile(pooled(calm), 50)} / {percentile(pooled(calm), 95)} -> "
            f"{percentile(pooled(flooded), 50)} / {percentile(pooled(flooded), 95)}; "
            f"server CPU {median(m.cpu_share for m in calm):.0%} -> "
            f"{median(m.cpu_share for m in flooded):.0%} of the machine"
        )


def pooled(rounds: list[Round]) -> list[float]:
    """The latencies of several rounds together."""
    return [latency for measured in rounds for latency in measured.latencies]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--think", type=float, nargs=2, default=(1.0, 5.0), metavar=("MIN", "MAX"),
        help="seconds a session reads between interactions (uniform)",
    )  # fmt: skip
    parser.add_argument("--view", choices=("leaflet", "deck"), default="leaflet")
    parser.add_argument(
        "--hostile", type=int, default=0,
        help="how many of the sessions flood the server with reruns (raw websocket)",
    )  # fmt: skip
    args = parser.parse_args()
    if not 0 <= args.hostile <= args.sessions:
        parser.error("--hostile must be between 0 and --sessions")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
