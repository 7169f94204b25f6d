"""Import scale: synthetic ACLED and GDELT files of 10k, 100k and 1M events.

For each size and layout: generate the file (not timed), import it into an empty store
(timed: read, validate, link, write), and print the import time per million rows, the
store's size on disk, and the median time of the store queries the UI will make.

    .venv/bin/python benchmarks/scale.py [--sizes 10000,100000,1000000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corridors.catalog import load_catalog  # noqa: E402
from corridors.importers import import_file  # noqa: E402
from corridors.linking import build_linker  # noqa: E402
from corridors.store import EventQuery, open_store  # noqa: E402
from synthetic_events import write_acled, write_gdelt  # noqa: E402


def median_ms(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    catalog = load_catalog()
    start = time.perf_counter()
    linker = build_linker(catalog)
    print(f"linker built in {time.perf_counter() - start:.2f} s (once per import command)")
    writers = {"acled": write_acled, "gdelt": write_gdelt}
    ranged = EventQuery(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    feature = EventQuery(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), feature="am-su")
    queries: dict[str, Callable[..., object]] = {
        "count": lambda store: store.count(ranged),
        "by source": lambda store: store.counts_by_source(ranged),
        "by feature": lambda store: store.counts_by_feature(ranged),
        "cells r6": lambda store: store.counts_by_cell(ranged, 6),
        "weeks": lambda store: store.counts_by_period(ranged, "week"),
        "page 1": lambda store: store.page(feature, limit=50),
        "page 100": lambda store: store.page(feature, offset=4950, limit=50),
    }
    header = f"{'layout':6} {'rows':>9} {'import s':>9} {'s/1M rows':>10} {'store MB':>9}  "
    print(header + "  ".join(f"{name + ' ms':>12}" for name in queries))
    for size in sizes:
        for source, write in writers.items():
            with tempfile.TemporaryDirectory(prefix="scale-") as folder:
                path = write(Path(folder) / f"{source}-{size}.csv", catalog, size)
                store = open_store(Path(folder) / "imports")
                start = time.perf_counter()
                report = import_file(store, source, path, linker=linker)
                seconds = time.perf_counter() - start
                assert report.added == size, report
                size_mb = (
                    sum(f.stat().st_size for f in (Path(folder) / "data").rglob("*.parquet")) / 1e6
                )
                timings = [
                    median_ms(lambda q=q, s=store: q(s), args.repeat) for q in queries.values()
                ]
                print(
                    f"{source:6} {size:>9,} {seconds:>9.2f} {seconds / size * 1e6:>10.1f} "
                    f"{size_mb:>9.1f}  " + "  ".join(f"{ms:>12.1f}" for ms in timings),
                    flush=True,
                )


if __name__ == "__main__":
    main()
