"""The columns of an imported event: what importers produce and the store keeps."""

from __future__ import annotations

from typing import Final

import pyarrow as pa

#: The columns of an importer's row, in store order.
ROW_SCHEMA: Final = pa.schema(
    [
        pa.field("source", pa.string()),
        pa.field("event_id", pa.string()),
        pa.field("date", pa.date32()),
        # how much of ``date`` the source knows (corridors.data.models.ReportedPrecision)
        pa.field("precision", pa.string()),
        # the day the source added the row (GDELT's DATEADDED), when it says
        pa.field("date_added", pa.date32()),
        pa.field("kind", pa.string()),
        pa.field("event_type", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geo_precision", pa.int8()),
        pa.field("location", pa.string()),
        pa.field("country", pa.string()),
        pa.field("actor1", pa.string()),
        pa.field("actor2", pa.string()),
        pa.field("fatalities", pa.int32()),
        pa.field("source_name", pa.string()),
        pa.field("url", pa.string()),
        pa.field("notes", pa.string()),
        # when the source last changed the row, UTC, when it says (ACLED's ``timestamp``,
        # GDELT's ``DATEADDED``; milliseconds: Parquet has no seconds): an import replaces
        # a stored row only by a newer one
        pa.field("changed_at", pa.timestamp("ms")),
    ]
)

#: Columns a batch written before they existed lacks: read as null (not recorded).
LATER_COLUMNS: Final = frozenset({"precision", "date_added", "changed_at", "deleted"})

#: The columns of a stored event: an importer's row, the ids of the features it is in, its
#: H3 cell (:mod:`corridors.geo.cells`), and whether the row records the event's deletion
#: by its source (a tombstone, :mod:`corridors.reported.store.parquet`; null: not deleted).
EVENT_SCHEMA: Final = (
    ROW_SCHEMA.append(pa.field("features", pa.list_(pa.string())))
    .append(pa.field("cell", pa.uint64()))
    .append(pa.field("deleted", pa.bool_()))
)
