"""Rerun: server time of a rerun after a date-filter change, and the map payload in bytes.

Runs app.py with Streamlit's AppTest (the script as the server runs it, without a browser),
for each renderer: the date slider alternates between two ranges (their scenes cached after
the first change) and, separately, moves to a new range on every run (scene built anew);
then the events of the list are shown on the map one after another (highlight and fit).
Then the bytes the map costs per rerun: the deck.gl JSON spec, and what streamlit-folium
sends (its component arguments: map script, header, feature groups), plus the one-off
static Leaflet assets the browser fetches once.

    .venv/bin/python benchmarks/rerun.py [--runs 30] [--warmup 3]

Targets: rerun median < 100 ms (issue 9); map payload < 400 KB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.util
import json
import logging
import statistics
import time
from pathlib import Path
from typing import Final

from streamlit.logger import set_log_level
from streamlit.testing.v1 import AppTest

from corridors.core.assets import main_script, static_dir
from corridors.data.catalog import load_catalog
from corridors.data.timeline import catalogue_span, presets

APP: Final = str(main_script())
RENDERERS: Final = {"deck": "deck.gl", "leaflet": "Leaflet"}
RERUN_TARGET_MS: Final = 100
PAYLOAD_TARGET_KB: Final = 400
SHOW_PREFIX: Final = "list-show-"  # the events list's "Show on map" buttons
CLEAR_PREFIX: Final = "selected-clear-"  # the selected event's "Clear selection"

DateRange = tuple[dt.date, dt.date]


def open_app(renderer: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.radio(key="renderer").set_value(renderer).run()
    assert not at.exception, at.exception
    return at


def timed_reruns(at: AppTest, ranges: list[DateRange], warmup: int) -> list[float]:
    """Set the date slider to each range in turn and time the rerun (ms); warm-up dropped."""
    times = []
    for dates in ranges:
        at.slider(key="dates").set_value(dates)
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception, at.exception
    return times[warmup:]


def button_keys(at: AppTest) -> list[str]:
    """The keys of the page's buttons (those created with one)."""
    return [button.key for button in at.button if button.key]


def timed_selections(at: AppTest, count: int, warmup: int) -> list[float]:
    """Show the events of the list in turn ("Show on map") and time each rerun (ms)."""
    times = []
    for number in range(count):
        shown = [key for key in button_keys(at) if key.startswith(SHOW_PREFIX)]
        assert shown, "the events list offers no event to show"
        at.button(key=shown[number % len(shown)]).click()
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception, at.exception
    return times[warmup:]


def summary(times: list[float]) -> str:
    p90 = statistics.quantiles(times, n=10)[8]
    return (
        f"median {statistics.median(times):6.1f} ms   p90 {p90:6.1f} ms   "
        f"max {max(times):6.1f} ms   N={len(times)}"
    )


def kib(size: int) -> str:
    return f"{size:>9,} B ({size / 1024:6.1f} KiB)"


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def deck_payload(at: AppTest) -> bytes:
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1, "no deck.gl chart on the page"
    return str(charts[0].proto.json).encode()


def leaflet_payload(at: AppTest) -> dict[str, bytes]:
    """The arguments streamlit-folium's component receives, each as sent (JSON)."""
    [component] = [
        element
        for element in at.get("component_instance")
        if element.proto.component_name.startswith("streamlit_folium")
    ]
    sent = str(component.proto.json_args)
    args = json.loads(sent)
    parts = {name: json.dumps(args[name]).encode() for name in ("script", "header", "html")}
    parts["feature_group"] = json.dumps(args["feature_group"]).encode()
    parts["all arguments"] = sent.encode()
    return parts


def static_assets() -> dict[str, int]:
    leaflet = static_dir() / "leaflet"
    spec = importlib.util.find_spec("streamlit_folium")  # not imported: it needs a script run
    assert spec is not None
    assert spec.origin is not None
    bundle = Path(spec.origin).parent / "frontend" / "build" / "static" / "js"
    return {
        "leaflet.js": (leaflet / "leaflet.js").stat().st_size,
        "leaflet.css": (leaflet / "leaflet.css").stat().st_size,
        "streamlit-folium component JS": sum(p.stat().st_size for p in bundle.glob("main.*.js")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed reruns per case")
    parser.add_argument("--warmup", type=int, default=3, help="untimed reruns first")
    args = parser.parse_args()
    set_log_level("error")
    # AppTest's "missing ScriptRunContext" chatter (streamlit-folium imported in bare mode)
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True

    span = catalogue_span(load_catalog().events)
    everything, since = presets(span)["everything"], presets(span)["since-ceasefire"]
    two = [(everything.start, everything.end), (since.start, since.end)]
    count = args.runs + args.warmup
    alternating = [two[i % 2] for i in range(1, count + 1)]
    fresh = [(span.start + dt.timedelta(days=7 * (i + 1)), span.end) for i in range(count)]

    print("Rerun after a date-filter change or an event shown (AppTest on app.py, server time)")
    apps = {}
    for renderer, label in RENDERERS.items():
        at = open_app(renderer)
        for case, ranges in (
            ("two ranges alternating", alternating),
            ("a new range each time", fresh),
        ):
            print(f"  {label:8} {case + ':':27} {summary(timed_reruns(at, ranges, args.warmup))}")
        selections = timed_selections(at, count, args.warmup)
        print(f"  {label:8} {'an event shown on the map:':27} {summary(selections)}")
        [clear] = [key for key in button_keys(at) if key.startswith(CLEAR_PREFIX)]
        at.button(key=clear).click().run()
        at.slider(key="dates").set_value(two[0]).run()
        apps[renderer] = at
    print(f"  target: median < {RERUN_TARGET_MS} ms")

    print("\nMap payload per rerun (default view: everything, all layers)")
    deck = deck_payload(apps["deck"])
    print(f"  deck.gl  deck JSON spec:            {kib(len(deck))}  gzip {kib(gzipped(deck))}")
    leaflet = leaflet_payload(apps["leaflet"])
    for name, data in leaflet.items():
        print(f"  Leaflet  {name + ':':28} {kib(len(data))}  gzip {kib(gzipped(data))}")
    print(f"  target: < {PAYLOAD_TARGET_KB} KB per renderer")

    print("\nOne-off static assets for Leaflet (fetched once, then cached by the browser)")
    for name, size in static_assets().items():
        print(f"  {name + ':':32} {kib(size)}")


if __name__ == "__main__":
    main()
