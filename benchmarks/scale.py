"""Scale: the atlas with 10k, 100k and 1M imported events, beside a naive design.

For each size, half ACLED and half GDELT synthetic events (fixed seeds, clustered along the
border and the corridors; ``corridors.testing.synthetic``) are written in their real layouts
(not timed) and imported into an empty store (timed: read, validate, link, write). Then, in
the same run and side by side:

- this design: the app (``app.py`` under Streamlit's AppTest, server time) reruns after a
  date-range change, the store aggregating on the server (cells, counts, timeline bars);
  bytes sent per rerun are the deck.gl JSON spec;
- a naive design: pandas reads both files and filters them by date on every rerun, and every
  event in the range is sent to the browser as a point (id, date, kind, latitude, longitude);
  its rerun is that work plus the median rerun of the app without imports (measured first),
  and its payload the points plus the deck.gl spec of the app without imports.

Server memory: the resident size of a fresh process that ran the app once, with the store and
without (``--memory-of``, run as a subprocess so each figure starts clean). Page load: from
navigation to the deck.gl map drawn in headless Chromium, with the largest store (``--browser``).

    .venv/bin/python benchmarks/scale.py [--sizes 10000,100000,1000000] [--reruns 15] [--browser]

Targets (issue 12), at 1M: import < 60 s; rerun median < 300 ms and >= 10x faster than naive;
payload < 1 MB at every size; memory < 300 MB above the app without imports; page < 6 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pandas as pd
from streamlit.logger import set_log_level
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]

from corridors.core.assets import main_script  # noqa: E402
from corridors.core.datasets import IMPORTS_DIR_ENV  # noqa: E402
from corridors.data.catalog import load_catalog  # noqa: E402
from corridors.data.timeline import catalogue_span  # noqa: E402
from corridors.reported.importers import import_file  # noqa: E402
from corridors.reported.importers.gdelt import COLUMNS as GDELT_COLUMNS  # noqa: E402
from corridors.reported.linker import build_linker  # noqa: E402
from corridors.reported.store import open_store  # noqa: E402
from corridors.testing.synthetic import write_acled, write_gdelt  # noqa: E402

APP: Final = str(main_script())
MB: Final = 1_000_000


@dataclass(frozen=True)
class Baseline:
    """The app without imports: rerun median (ms), deck.gl spec (bytes), resident MB."""

    rerun_ms: float
    payload: int
    memory_mb: float


def percentiles(times: list[float]) -> tuple[float, float]:
    """Median and 90th percentile."""
    return statistics.median(times), statistics.quantiles(times, n=10)[8]


def date_ranges(count: int) -> list[tuple[dt.date, dt.date]]:
    """``count`` different ranges inside the synthetic events' years (2018-2025)."""
    span = catalogue_span(load_catalog().events)
    first = max(span.start, dt.date(2018, 1, 1))
    return [
        (first + dt.timedelta(days=37 * index), min(span.end, dt.date(2025, 12, 31)))
        for index in range(count)
    ]


@contextmanager
def imports_in(folder: Path) -> Iterator[None]:
    """Run the app with ``folder`` as its import store."""
    before = os.environ.get(IMPORTS_DIR_ENV)
    os.environ[IMPORTS_DIR_ENV] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(IMPORTS_DIR_ENV, None)
        else:
            os.environ[IMPORTS_DIR_ENV] = before


def app_reruns(store: Path, reruns: int) -> tuple[list[float], int]:
    """Rerun times (ms) of the app after date-range changes, and the deck.gl spec's bytes."""
    with imports_in(store):
        at = AppTest.from_file(APP, default_timeout=300)
        at.run()
        assert not at.exception, at.exception
        times = []
        for dates in date_ranges(reruns + 2):
            at.slider(key="dates").set_value(dates)
            started = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - started) * 1000)
            assert not at.exception, at.exception
        [chart] = at.get("deck_gl_json_chart")
        return times[2:], len(str(chart.proto.json).encode())


def naive_reruns(acled: Path, gdelt: Path, reruns: int) -> tuple[list[float], int]:
    """The naive design: read both files with pandas, filter, send every event as a point."""
    times, payload = [], 0
    for start, end in date_ranges(reruns):
        started = time.perf_counter()
        a = pd.read_csv(acled, usecols=["event_id_cnty", "event_date", "event_type",
                                         "latitude", "longitude"])  # fmt: skip
        g = pd.read_csv(gdelt, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str,
                        usecols=["GLOBALEVENTID", "SQLDATE", "EventRootCode",
                                 "ActionGeo_Lat", "ActionGeo_Long"])  # fmt: skip
        a_dates = pd.to_datetime(a["event_date"]).dt.date
        g_dates = pd.to_datetime(g["SQLDATE"], format="%Y%m%d").dt.date
        a = a[(a_dates >= start) & (a_dates <= end)]
        g = g[(g_dates >= start) & (g_dates <= end)]
        points = [
            *zip(a["event_id_cnty"], a["event_date"], a["event_type"], a["latitude"],
                 a["longitude"], strict=True),
            *zip(g["GLOBALEVENTID"], g["SQLDATE"], g["EventRootCode"], g["ActionGeo_Lat"],
                 g["ActionGeo_Long"], strict=True),
        ]  # fmt: skip
        payload = len(json.dumps(points).encode())
        times.append((time.perf_counter() - started) * 1000)
    return times, payload


def resident_mb_of_app(store: Path) -> float:
    """Resident memory (MB) of a fresh process after one run of the app on ``store``."""
    command = [sys.executable, __file__, "--memory-of", str(store)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return float(output.strip().splitlines()[-1])


def print_own_memory(store: Path) -> None:
    """(In the subprocess) run the app once on ``store``, print the resident size in MB."""
    with imports_in(store):
        at = AppTest.from_file(APP, default_timeout=300)
        at.run()
        assert not at.exception, at.exception
    status = Path("/proc/self/status").read_text().splitlines()
    [rss] = [line.split()[1] for line in status if line.startswith("VmRSS:")]
    print(int(rss) * 1024 / MB)


def page_load_s(store: Path, runs: int = 3) -> float:
    """Median seconds from navigation to the deck.gl map drawn, with ``store`` imported."""
    from page_load import load_once  # the page-load benchmark's measurement
    from playwright.sync_api import sync_playwright

    from corridors.testing.server import CHROMIUM, CHROMIUM_ARGS, app_server

    with (
        imports_in(store),
        tempfile.TemporaryDirectory() as logs,
        app_server(Path(logs) / "streamlit.log") as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        load_once(browser, server.url)  # the server's first session: not counted
        painted = [load_once(browser, server.url)[2] for _ in range(runs)]
        browser.close()
    return statistics.median(painted)


def timed_import(store_folder: Path, source: str, path: Path) -> float:
    """Seconds to import ``path`` into the store (a linker built once per command, included)."""
    started = time.perf_counter()
    linker = build_linker(load_catalog())
    report = import_file(open_store(store_folder), source, path, linker=linker)
    assert report.bad_rows == 0, report
    return time.perf_counter() - started


def run_size(size: int, reruns: int, *, browser: bool, empty: Baseline) -> None:
    """Everything the table prints for one size."""
    catalog = load_catalog()
    with tempfile.TemporaryDirectory(prefix="scale-") as folder:
        base = Path(folder)
        acled = write_acled(base / "acled.csv", catalog, size // 2)
        gdelt = write_gdelt(base / "20250808120000.export.CSV", catalog, size - size // 2)
        store = base / "imports"
        seconds = timed_import(store, "acled", acled) + timed_import(store, "gdelt", gdelt)
        store_mb = sum(path.stat().st_size for path in store.rglob("*.parquet")) / MB
        ours, our_bytes = app_reruns(store, reruns)
        work, points_bytes = naive_reruns(acled, gdelt, max(3, reruns // 3))
        naive = [ms + empty.rerun_ms for ms in work]
        naive_bytes = points_bytes + empty.payload
        memory = resident_mb_of_app(store) - empty.memory_mb
        page = f"{page_load_s(store):.2f} s" if browser else "-"
        (our_median, our_p90), (naive_median, naive_p90) = percentiles(ours), percentiles(naive)
        print(
            f"{size:>9,}  {seconds / size * 1e6:6.1f} s  {store_mb:6.1f} MB  "
            f"{our_median:7.0f} / {our_p90:5.0f} ms  {naive_median:8.0f} / {naive_p90:6.0f} ms  "
            f"{naive_median / our_median:6.1f}x  {our_bytes / 1024:7.0f} KiB  "
            f"{naive_bytes / 1024:9.0f} KiB  {memory:+7.0f} MB  {page:>7}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--reruns", type=int, default=15, help="timed reruns of the app")
    parser.add_argument("--browser", action="store_true", help="also time the page load")
    parser.add_argument("--memory-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    set_log_level("error")
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    if args.memory_of is not None:
        print_own_memory(args.memory_of)
        return
    with tempfile.TemporaryDirectory() as nothing:
        store = Path(nothing) / "imports"
        times, payload = app_reruns(store, args.reruns)
        empty = Baseline(statistics.median(times), payload, resident_mb_of_app(store))
    print(
        f"App without imports: rerun median {empty.rerun_ms:.0f} ms, deck.gl spec "
        f"{empty.payload / 1024:.0f} KiB, {empty.memory_mb:.0f} MB resident after one run"
    )
    print(
        f"{'events':>9}  {'import':>8}  {'store':>9}  {'rerun med / p90':>17}  "
        f"{'naive med / p90':>19}  {'faster':>7}  {'payload':>11}  {'naive payload':>13}  "
        f"{'memory':>10}  {'page':>7}"
    )
    print(f"{'':>9}  {'per 1M':>8}")
    for size in (int(size) for size in args.sizes.split(",")):
        run_size(size, args.reruns, browser=args.browser, empty=empty)


if __name__ == "__main__":
    main()
