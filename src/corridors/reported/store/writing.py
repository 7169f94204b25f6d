"""The batch files a Parquet store writes: an import's rows, a deletion's tombstones.

Each is written to a hidden temporary file beside its final name and renamed into place
once complete and flushed (:func:`publish`), so a reader sees the whole batch or nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from corridors.reported.store import EVENT_SCHEMA, Deletion
from corridors.reported.store.batches import REVISES_KEY
from corridors.reported.store.resolve import Stored, supersedes


def publish(temporary: Path, final: Path) -> None:
    """Flush ``temporary`` to disk and rename it to ``final`` (one atomic step)."""
    with temporary.open("rb") as written:
        os.fsync(written.fileno())
    os.replace(temporary, final)


def with_deleted(rows: pa.Table) -> pa.Table:
    """``rows`` with the ``deleted`` column (null: a live row) when an importer left it out."""
    if "deleted" in rows.column_names:
        return rows
    return rows.append_column("deleted", pa.nulls(rows.num_rows, type=pa.bool_()))


class BatchWriter:
    """Writes an import's rows to its temporary Parquet file: new events, newer versions.

    ``known`` maps the event ids stored for the source to what is known of them; a row
    for a stored event is written only when it :func:`supersedes` it.
    """

    def __init__(self, path: Path, known: dict[str, Stored], metadata: dict[bytes, Any]) -> None:
        self._path = path
        self._known = known
        self._schema = EVENT_SCHEMA.with_metadata(metadata)
        self._writer: pq.ParquetWriter | None = None
        self._revises = False
        self.added = 0
        #: Rows that replaced an older stored version of their event.
        self.updated = 0

    def add(self, rows: pa.Table) -> int:
        """Write the rows new to the store or newer than its version; return how many new."""
        updated_before = self.updated
        keep = [self._keeps(event_id, changed) for event_id, changed in _changes(rows)]
        written = with_deleted(rows).filter(pa.array(keep, type=pa.bool_())).cast(self._schema)
        if written.num_rows:
            if self._writer is None:
                self._writer = pq.ParquetWriter(self._path, self._schema, compression="zstd")
            self._writer.write_table(written)
        added = keep.count(True) - (self.updated - updated_before)
        self.added += added
        return added

    def _keeps(self, event_id: str, changed_at: dt.datetime | None) -> bool:
        stored = self._known.get(event_id)
        if stored is not None and not supersedes(changed_at, stored):
            return False
        if stored is not None and not stored.deleted:
            self.updated += 1
        self._revises |= stored is not None
        self._known[event_id] = Stored(changed_at, deleted=False)
        return True

    def close(self) -> None:
        """Finish the file, marked as revising if it replaced a stored row (idempotent)."""
        if self._writer is not None:
            if self._revises:
                self._writer.add_key_value_metadata({REVISES_KEY: b"true"})
            self._writer.close()
            self._writer = None


def _changes(rows: pa.Table) -> list[tuple[str, dt.datetime | None]]:
    """``(event_id, changed_at)`` of each row (``changed_at`` null when the rows lack it)."""
    ids = rows.column("event_id").to_pylist()
    if "changed_at" not in rows.column_names:
        return [(event_id, None) for event_id in ids]
    return list(zip(ids, rows.column("changed_at").to_pylist(), strict=True))


@dataclass(frozen=True, slots=True)
class Tombstones:
    """The tombstones of a deleted-events list, and what it did (see :class:`Deletion`)."""

    rows: pa.Table
    deletion: Deletion


def tombstones(latest: pa.Table, deletions: Mapping[str, dt.datetime]) -> Tombstones:
    """Tombstones for the events of ``deletions`` (id -> deletion time) among ``latest``.

    ``latest`` holds the latest stored row of some of those ids (tombstones included, in
    :data:`EVENT_SCHEMA`). A row changed after its deletion time is kept.
    """
    rows, moments = [], []
    newer = 0
    for row in latest.to_pylist():
        if row["deleted"]:
            continue  # deleted already: counted with the ids not in the store
        moment = deletions[row["event_id"]]
        if row["changed_at"] is not None and row["changed_at"] > moment:
            newer += 1
            continue
        rows.append(row)
        moments.append(moment)
    table = pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)
    table = table.set_column(
        table.schema.get_field_index("changed_at"),
        "changed_at",
        pa.array(moments, type=pa.timestamp("ms")),
    )
    table = table.set_column(
        table.schema.get_field_index("deleted"),
        "deleted",
        pc.fill_null(pa.nulls(table.num_rows, pa.bool_()), True),
    )
    missing = len(deletions) - len(rows) - newer
    return Tombstones(table, Deletion(removed=len(rows), missing=missing, newer=newer))
