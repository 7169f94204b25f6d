"""Time of `corridors ingest` (read the article, propose a draft) on hostile articles.

Each pattern (see tests/support/hostile_articles.py: day runs, month runs, repeated names,
dates by the thousand, in English and Arabic, and a page with one long HTML table) is
built to --size bytes and read in a child process with a wall-clock limit, so a case
that hangs is reported instead of holding the machine. Prints the median of --runs runs
of reading plus proposing, wall-clock and CPU (with the HTML extractor's own process);
the catalogue is loaded once per child, outside the timing:

    .venv/bin/python benchmarks/ingest_hostile.py                     # 2 MB, this checkout
    .venv/bin/python benchmarks/ingest_hostile.py --size 200000 --src /tmp/before
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from corridors.testing.hostile_articles import CASES

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import datetime as dt, json, os, sys, time
from corridors.core.errors import CorridorsError
from corridors.data.catalog import load_catalog
from corridors.ingest.propose import propose
from corridors.ingest.reading import read_article
path, published, runs = sys.argv[1], dt.date.fromisoformat(sys.argv[2]), int(sys.argv[3])
catalog = load_catalog()
def cpu():
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system
seconds, cpus, outcome = [], [], ""
for _ in range(runs):
    started, cpu_started = time.perf_counter(), cpu()
    try:
        proposal = propose(read_article(path), catalog, published=published)
        outcome = f"{len(proposal.dates)} dates, {len(proposal.features)} features"
    except CorridorsError as error:
        outcome = f"refused: {error}"
    seconds.append(time.perf_counter() - started)
    cpus.append(cpu() - cpu_started)
print(json.dumps({"seconds": seconds, "cpu": cpus, "outcome": outcome}), file=sys.stderr)
"""


def run_case(path: Path, args: argparse.Namespace) -> str:
    """Read and propose ``path`` in a child process; the median time and the outcome."""
    env = {**os.environ, "PYTHONPATH": str(args.src / "src")}
    command = [sys.executable, "-c", CHILD, str(path), args.published, str(args.runs)]
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=args.seconds, check=False
        )
    except subprocess.TimeoutExpired:
        return f"over {args.seconds} s (stopped) | | |"
    lines = done.stderr.strip().splitlines()
    try:
        figures = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        return f"crashed (exit {done.returncode}) | | {lines[-1][:70] if lines else ''}"
    wall, cpu = (statistics.median(figures[key]) for key in ("seconds", "cpu"))
    return f"{wall:.2f} s | {cpu:.2f} s | {figures['outcome'][:110]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--size", type=int, default=2_000_000, help="bytes per article")
    parser.add_argument("--runs", type=int, default=3, help="runs per case (median printed)")
    parser.add_argument("--seconds", type=int, default=300, help="wall-clock limit per case")
    parser.add_argument("--published", default="2025-09-01", help="publication date given")
    parser.add_argument("--cases", nargs="*", default=list(CASES), help="cases to run")
    args = parser.parse_args()
    print(f"code: {args.src}; {args.size:,} bytes per article; limit {args.seconds} s per case")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("| case | wall (median) | CPU (median) | outcome (last run) |")
    print("|---|---|---|---|")
    for name in args.cases:
        case = CASES[name]
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / f"article{case.suffix}"
            path.write_bytes(case.build(args.size))
            print(f"| {name} | {run_case(path, args)}", flush=True)


if __name__ == "__main__":
    main()
