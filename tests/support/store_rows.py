"""Helpers shared by test modules (moved from test_store.py)."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from corridors.geo.cells import cell_ids
from corridors.reported.store import EVENT_SCHEMA, EventStore

KINDS = ("conflict", "unrest", "cooperation")


FEATURES = (["am", "am-su"], ["az-nx"], [], ["am", "am-su", "syunik-route"])


def rows(source: str, count: int, *, offset: int = 0) -> list[dict[str, object]]:
    """``count`` rows with dates, kinds and links in repeating patterns."""
    made = []
    for index in range(offset, offset + count):
        latitude, longitude = 38.8 + (index % 37) * 0.05, 45.2 + (index % 41) * 0.06
        made.append(
            {
                "source": source,
                "event_id": f"{source}-{index}",
                "date": dt.date(2024, 1, 1) + dt.timedelta(days=index % 400),
                "precision": ("day", "week", "month")[index % 3],
                "date_added": dt.date(2025, 1, 1) if index % 2 else None,
                "kind": KINDS[index % 3],
                "event_type": "type",
                "latitude": latitude,
                "longitude": longitude,
                "geo_precision": 1,
                "location": "<b>x</b>",
                "country": None,
                "actor1": None,
                "actor2": None,
                "fatalities": index % 4,
                "source_name": "=src",
                "url": None,
                "notes": f"note {index}",
                "features": FEATURES[index % 4],
                "cell": cell_ids([latitude], [longitude])[0].as_py(),
                "changed_at": dt.datetime(2025, 2, 1, 12, index % 60) if index % 5 else None,
            }
        )
    return made


def add(store: EventStore, source: str, file: str, batch: list[dict[str, object]]) -> int:
    with store.writer(source=source, file=file) as writer:
        return writer.add(pa.Table.from_pylist(batch, schema=EVENT_SCHEMA))
