"""The map's reported-events layer at scale: build time per date-range change, payload bytes.

Writes a store of synthetic events (``corridors.testing.synthetic.fill_store``, not
timed), then
for the default view (the map's framing before it reports its own, at the assumed map
width) and a closer one, builds the layer for a sequence of different date ranges (each
run a new range, as a date change makes it) and prints the median and p90 of the build
time, the number of cells, their resolution, and the bytes the cells add to what the map is
sent: the deck.gl layers' JSON the map component is given (its ``spec``) and the Leaflet
layers' GeoJSON.

    .venv/bin/python benchmarks/reported_map.py [--events 1000000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from corridors.core import settings  # noqa: E402
from corridors.core.basemaps import BUNDLED  # noqa: E402
from corridors.data.catalog import load_catalog  # noqa: E402
from corridors.data.timeline import catalogue_span  # noqa: E402
from corridors.geo.camera import Camera, fit_bounds  # noqa: E402
from corridors.i18n import Translator  # noqa: E402
from corridors.render.deck.component import component_drawing  # noqa: E402
from corridors.render.leaflet.builder import SceneLayer, build_feature_groups  # noqa: E402
from corridors.render.reported_layer import (  # noqa: E402
    CELLS_LAYER,
    MapView,
    ReportedLayer,
    build_reported_layer,
)
from corridors.render.scene import DEFAULT_BOUNDS, Scene, SceneRequest, build_scene  # noqa: E402
from corridors.reported.store import EventQuery, open_store  # noqa: E402
from corridors.testing.synthetic import fill_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    catalog = load_catalog()
    translate = Translator("en")
    scene = build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events)))
    views = {
        "default": MapView(fit_bounds(DEFAULT_BOUNDS, height=560), settings.assumed_map_width, 560),
        "syunik z8": MapView(Camera(39.2, 46.2, 8.0), settings.assumed_map_width, 560),
    }
    with tempfile.TemporaryDirectory(prefix="reported-map-") as folder:
        store = open_store(Path(folder))
        start = time.perf_counter()
        fill_store(store, catalog, args.events)
        print(f"{args.events:,} synthetic events written in {time.perf_counter() - start:.1f} s")
        print(
            f"{'view':10} {'median ms':>10} {'p90 ms':>8} {'cells':>6} {'res':>4} "
            f"{'deck B':>9} {'leaflet B':>10}"
        )
        for label, view in views.items():
            times, layer = [], None
            for run in range(args.repeat):
                # a different range each run: 2019-2024 less a month per run (new date range)
                query = EventQuery(start=dt.date(2019, 1, 1), end=dt.date(2024, 12 - run % 12, 1))
                began = time.perf_counter()
                layer = build_reported_layer(store, query, view)
                times.append((time.perf_counter() - began) * 1000)
            assert layer is not None
            deck_b, leaflet_b = payload(scene, translate, layer)
            p90 = statistics.quantiles(times, n=10)[-1] if len(times) > 1 else times[0]
            print(
                f"{label:10} {statistics.median(times):>10.1f} {p90:>8.1f} "
                f"{len(layer.cells):>6} {layer.resolution:>4} {deck_b:>9,} {leaflet_b:>10,}"
            )


def payload(scene: Scene, translate: Translator, layer: ReportedLayer) -> tuple[int, int]:
    """Bytes the cells add to the component's deck.gl layers, and Leaflet's cell GeoJSON."""
    with_cells = component_drawing(scene, translate, basemap=BUNDLED, reported=layer)["spec"]
    without = component_drawing(scene, translate, basemap=BUNDLED, reported=None)["spec"]
    groups = build_feature_groups(scene, translate, layer)
    cells = next(group for group in groups if group.layer_name == CELLS_LAYER)
    leaflet = sum(
        len(child.data_json) for child in cells._children.values() if isinstance(child, SceneLayer)
    )
    return len(with_cells) - len(without), leaflet


if __name__ == "__main__":
    main()
