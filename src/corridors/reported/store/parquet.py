"""The event store as Parquet files queried with DuckDB: embedded, no server, offline.

Layout: ``<root>/<source>/<batch>.parquet``, one file per import, holding the rows that
import added (event ids new to its source) with the feature links. The file's key-value
metadata names the imported file and when it was imported. A batch is written to a hidden
temporary file in the same folder and renamed into place when complete, so an interrupted
import leaves the store as it was. An import, from reading the ids already stored to that
rename, and a removal hold the store's lock (``<root>/.corridors.lock``,
:mod:`corridors.core.locking`): two imports at once add each event once. Queries read only
the batches the store wrote (:mod:`corridors.reported.store.batches`); any other file named
``*.parquet`` is skipped and reported by :meth:`ParquetStore.skipped`.

Coordinates are plain ``latitude``/``longitude`` columns, not GeoParquet geometry: DuckDB's
spatial extension is downloaded at run time (impossible offline), the links to map features
are computed at import, and the map's cells are binned from the coordinates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from corridors.core import settings
from corridors.core.files import open_regular
from corridors.core.locking import exclusive
from corridors.geo.cells import cell_resolution, parent_sql
from corridors.reported.store import (
    EVENT_SCHEMA,
    EventQuery,
    ImportRecord,
    Period,
    ReportedEvent,
    SkippedFile,
)
from corridors.reported.store.batches import (
    FILE_KEY,
    SUFFIX,
    TIME_KEY,
    BatchFinder,
    new_batch_name,
)


class ParquetStore:
    """An :class:`~corridors.reported.store.EventStore` in a folder of Parquet files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._finder = BatchFinder(root)
        self._connection = duckdb.connect(":memory:")
        # Never fetch an extension: Parquet is built into DuckDB; nothing else is needed.
        self._connection.execute("SET autoinstall_known_extensions = false")
        self._connection.execute("SET autoload_known_extensions = false")

    # -- writing -------------------------------------------------------------------------

    @contextmanager
    def writer(self, *, source: str, file: str) -> Iterator[_BatchWriter]:
        """A transaction adding the rows of one imported file (see the module docstring).

        Raises
        ------
        LockTimeoutError
            If another import or removal held the store's lock for
            ``settings.import_lock_timeout_s``; nothing was added.

        """
        folder = self.root / source
        folder.mkdir(parents=True, exist_ok=True)
        batch = new_batch_name()
        final = folder / f"{batch}{SUFFIX}"
        temporary = folder / f".{batch}{SUFFIX}.tmp"
        metadata = {FILE_KEY: file.encode(), TIME_KEY: dt.datetime.now(dt.UTC).isoformat()}
        with exclusive(self.root, timeout=settings.import_lock_timeout_s):
            known = set(self._column("event_id", self._files(source)))
            writer = _BatchWriter(temporary, known, metadata)
            try:
                yield writer
                writer.close()
                if writer.added:
                    with temporary.open("rb") as written:
                        os.fsync(written.fileno())
                    os.replace(temporary, final)
            finally:
                writer.close()
                temporary.unlink(missing_ok=True)

    def remove(self, selector: str) -> list[ImportRecord]:
        """Remove a source's imports (``selector`` is its name) or those of one file.

        Raises
        ------
        LockTimeoutError
            As :meth:`writer`; nothing was removed.

        """
        if not self.root.is_dir():
            return []
        with exclusive(self.root, timeout=settings.import_lock_timeout_s):
            return self._remove(selector)

    def _remove(self, selector: str) -> list[ImportRecord]:
        records = self.imports()
        sources = {record.source for record in records}
        if selector in sources:
            chosen = [record for record in records if record.source == selector]
        else:
            wanted = str(Path(selector).resolve())
            chosen = [
                record
                for record in records
                if record.file in (selector, wanted) or Path(record.file).name == selector
            ]
        for record in chosen:
            (self.root / record.source / f"{record.batch}{SUFFIX}").unlink(missing_ok=True)
        return chosen

    # -- reading -------------------------------------------------------------------------

    def imports(self) -> list[ImportRecord]:
        """Every import, by source and time of import."""
        files = self._files()
        if not files:
            return []
        spans = {
            Path(name).stem: (rows, first, last)
            for name, rows, first, last in self._sql(
                "SELECT filename, count(*), min(date), max(date) FROM "
                "read_parquet($files, filename = true) GROUP BY filename",
                {"files": [str(path) for path in files]},
            )
        }
        records = []
        for path in files:
            with open_regular(path) as stream:  # checked again: never blocks on a pipe
                metadata = pq.read_schema(stream).metadata or {}
            rows, first, last = spans[path.stem]
            records.append(
                ImportRecord(
                    source=path.parent.name,
                    file=metadata[FILE_KEY].decode(),
                    rows=rows,
                    first=first,
                    last=last,
                    imported_at=dt.datetime.fromisoformat(metadata[TIME_KEY].decode()),
                    batch=path.stem,
                )
            )
        return sorted(records, key=lambda record: (record.source, record.imported_at))

    def skipped(self) -> list[SkippedFile]:
        """The files named ``*.parquet`` in the store's folders that are not its batches."""
        return self._finder.scan().skipped

    def sources(self) -> list[str]:
        """The sources with a batch file; a batch is only kept when it added rows."""
        return sorted({path.parent.name for path in self._files()})

    def count(self, query: EventQuery) -> int:
        """How many events match ``query``."""
        rows = self._where("SELECT count(*) FROM events WHERE {where}", query)
        return int(rows[0][0]) if rows else 0

    def counts_by_source(self, query: EventQuery) -> dict[str, int]:
        """How many events match ``query``, per source."""
        rows = self._where(
            "SELECT source, count(*) FROM events WHERE {where} GROUP BY source", query
        )
        return {source: int(count) for source, count in rows}

    def counts_by_feature(self, query: EventQuery) -> dict[str, int]:
        """How many events match ``query``, per linked map feature."""
        rows = self._where(
            "SELECT feature, count(*) FROM (SELECT unnest(features) AS feature FROM events "
            "WHERE {where}) GROUP BY feature",
            query,
        )
        return {feature: int(count) for feature, count in rows}

    def counts_by_cell(self, query: EventQuery, resolution: int) -> dict[int, int]:
        """How many events match ``query``, per H3 cell of ``resolution``."""
        parent = parent_sql("cell", resolution)
        rows = self._where(
            f"SELECT {parent} AS parent, count(*) FROM events "  # noqa: S608 (parent_sql writes digits only)
            "WHERE {where} AND cell IS NOT NULL GROUP BY parent",
            query,
        )
        return {int(cell): int(count) for cell, count in rows}

    def counts_by_period(self, query: EventQuery, period: Period) -> list[tuple[dt.date, int]]:
        """How many events match ``query`` per week (from Monday) or month, in date order."""
        if period not in ("week", "month"):
            raise ValueError(f"no period called {period!r}: week or month")
        rows = self._where(
            "SELECT CAST(date_trunc($period, date) AS DATE) AS start, count(*) FROM events "
            "WHERE {where} GROUP BY start ORDER BY start",
            query,
            period=period,
        )
        return [(start, int(count)) for start, count in rows]

    def page(self, query: EventQuery, *, offset: int = 0, limit: int = 50) -> list[ReportedEvent]:
        """The events matching ``query``, newest first (then by source and id)."""
        rows = self._where(
            f"SELECT {', '.join(_LISTED)} FROM events WHERE {{where}} "  # noqa: S608 (column names from the dataclass; values are parameters)
            "ORDER BY date DESC, source, event_id LIMIT $limit OFFSET $offset",
            query,
            limit=max(0, limit),
            offset=max(0, offset),
        )
        return [_event(row) for row in rows]

    # -- helpers -------------------------------------------------------------------------

    def _files(self, source: str | None = None) -> list[Path]:
        """The batches the store wrote (of ``source``), checked: nothing else is read."""
        return self._finder.scan(source).batches

    def _column(self, name: str, files: Sequence[Path]) -> list[Any]:
        if not files:
            return []
        table = pq.ParquetDataset([str(path) for path in files]).read(columns=[name])
        return list(table.column(name).to_pylist())

    def _sql(self, sql: str, parameters: dict[str, Any]) -> list[tuple[Any, ...]]:
        cursor = self._connection.cursor()
        try:
            return cursor.execute(sql, parameters).fetchall()
        finally:
            cursor.close()

    def _where(self, template: str, query: EventQuery, **extra: object) -> list[tuple[Any, ...]]:
        files = self._files()
        if not files:
            return []
        conditions = ["TRUE"]
        parameters: dict[str, Any] = {"files": [str(path) for path in files], **extra}
        if query.start is not None:
            conditions.append("date >= $start")
            parameters["start"] = query.start
        if query.end is not None:
            conditions.append("date <= $end")
            parameters["end"] = query.end
        if query.kinds is not None:
            conditions.append("list_contains($kinds, kind)")
            parameters["kinds"] = sorted(query.kinds)
        if query.sources is not None:
            conditions.append("list_contains($sources, source)")
            parameters["sources"] = sorted(query.sources)
        if query.feature is not None:
            conditions.append("list_contains(features, $feature)")
            parameters["feature"] = query.feature
        if query.cell is not None:
            conditions.append(f"{parent_sql('cell', cell_resolution(query.cell))} = $cell")
            parameters["cell"] = query.cell
        if query.bounds is not None:
            conditions.append(
                "longitude BETWEEN $west AND $east AND latitude BETWEEN $south AND $north"
            )
            parameters.update(zip(("west", "south", "east", "north"), query.bounds, strict=True))
        return self._sql(_EVENTS + template.format(where=" AND ".join(conditions)), parameters)


class _BatchWriter:
    """Writes an import's new rows to its temporary Parquet file."""

    def __init__(self, path: Path, known: set[str], metadata: dict[bytes, Any]) -> None:
        self._path = path
        self._known = known
        self._schema = EVENT_SCHEMA.with_metadata(metadata)
        self._writer: pq.ParquetWriter | None = None
        self.added = 0

    def add(self, rows: pa.Table) -> int:
        """Write the rows whose event id is new to the store and to this batch."""
        keep = []
        for event_id in rows.column("event_id").to_pylist():
            keep.append(event_id not in self._known)
            self._known.add(event_id)
        new = rows.filter(pa.array(keep, type=pa.bool_())).cast(self._schema)
        if new.num_rows:
            if self._writer is None:
                self._writer = pq.ParquetWriter(self._path, self._schema, compression="zstd")
            self._writer.write_table(new)
            self.added += new.num_rows
        return int(new.num_rows)

    def close(self) -> None:
        """Finish the file (idempotent)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None


#: The stored events: every batch by column name, a column a batch lacks (one written
#: before the column existed, :data:`LATER_COLUMNS`) null, even when no batch has it yet.
_EVENTS: Final = (
    "WITH events AS (SELECT * FROM read_parquet($files, union_by_name = true) "
    "UNION ALL BY NAME SELECT NULL::VARCHAR AS precision, NULL::DATE AS date_added WHERE FALSE) "
)

#: The columns a listing returns: the fields of :class:`ReportedEvent`.
_LISTED: Final = tuple(field.name for field in dataclasses.fields(ReportedEvent))


def _event(row: tuple[Any, ...]) -> ReportedEvent:
    values = dict(zip(_LISTED, row, strict=True))
    values["features"] = tuple(values["features"] or ())
    return ReportedEvent(**values)
