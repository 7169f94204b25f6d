"""The event store with revised events: query and import times on a large store.

Writes one batch of N synthetic ACLED rows, then prints the time of a count (no batch
revises: read as written), of an import of 1,000 newer versions of stored events (the
writer reads what is stored of every event first), and of a count and a per-cell count of
imprecise events once that import revises the store (each event resolved to its latest row).

    .venv/bin/python benchmarks/living_store.py [--events 1000000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np
import pyarrow as pa

from corridors.reported.store import EVENT_SCHEMA, EventQuery, open_store

T = TypeVar("T")


def rows(ids: pa.Array, changed_at: str) -> pa.Table:
    """Rows of ``ids`` at one spot and day, last changed at ``changed_at``."""
    count = len(ids)
    columns = {item.name: pa.nulls(count, item.type) for item in EVENT_SCHEMA}
    columns.update(
        source=pa.array(["acled"] * count),
        event_id=ids,
        date=pa.array(np.full(count, np.datetime64("2025-01-01", "D"))),
        kind=pa.array(["conflict"] * count),
        latitude=pa.array(np.full(count, 39.0)),
        longitude=pa.array(np.full(count, 46.0)),
        changed_at=pa.array(np.full(count, np.datetime64(changed_at, "ms"))),
    )
    return pa.table(columns, schema=EVENT_SCHEMA)


def timed(work: Callable[[], T]) -> tuple[T, float]:
    """What ``work`` returns, and how long it took in seconds."""
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    events = parser.parse_args().events
    store = open_store(Path(tempfile.mkdtemp()) / "imports")
    ids = pa.array([f"e{number}" for number in range(events)])
    with store.writer(source="acled", file="big.csv") as writer:
        writer.add(rows(ids, "2025-01-01T00:00:00"))
    _, plain = timed(lambda: store.count(EventQuery()))

    def update() -> int:
        with store.writer(source="acled", file="revised.csv") as writer:
            writer.add(rows(ids[:1000], "2025-02-01T00:00:00"))
            return writer.updated

    updated, importing = timed(update)
    total, resolved = timed(lambda: store.count(EventQuery()))
    _, cells = timed(lambda: store.imprecise_by_cell(EventQuery(), 5))
    print(f"{events:,} stored events")
    print(f"count, nothing revised:          {plain * 1000:8.0f} ms")
    print(f"import of 1,000 newer versions:  {importing * 1000:8.0f} ms ({updated:,} updated)")
    print(f"count, resolved:                 {resolved * 1000:8.0f} ms ({total:,} events)")
    print(f"imprecise_by_cell, resolved:     {cells * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
