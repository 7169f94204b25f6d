"""The event store as Parquet files queried with DuckDB: embedded, no server, offline.

Layout: ``<root>/<source>/<batch>.parquet``, one file per import, holding the rows that
import added (event ids new to its source, and newer versions of stored events) with the
feature links, or the tombstones of a deleted-events list (how an event's rows resolve:
:mod:`corridors.reported.store.resolve`). The file's key-value metadata names the imported
file and when it was imported. A batch is written to a hidden temporary file in the same
folder and renamed into place when complete, so an interrupted import leaves the store as
it was. An import, from reading the ids already stored to that rename, a deletion, a
relink and a removal hold the store's lock (``<root>/.corridors.lock``,
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
from collections.abc import Callable, Iterator, Mapping
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
from corridors.reported.precision import imprecise_sql
from corridors.reported.store import (
    EVENT_SCHEMA,
    Deletion,
    EventQuery,
    ImportRecord,
    Period,
    ReportedEvent,
    SkippedFile,
)
from corridors.reported.store.batches import (
    FILE_KEY,
    REVISES_KEY,
    SUFFIX,
    TIME_KEY,
    BatchFinder,
    new_batch_name,
)
from corridors.reported.store.relinking import relink_batches
from corridors.reported.store.resolve import Stored, events_sql, latest_sql
from corridors.reported.store.writing import BatchWriter, publish, tombstones


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
    def writer(self, *, source: str, file: str) -> Iterator[BatchWriter]:
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
        metadata = _metadata(file)
        with exclusive(self.root, timeout=settings.import_lock_timeout_s):
            writer = BatchWriter(temporary, self._stored(source), metadata)
            try:
                yield writer
                writer.close()
                if writer.added or writer.updated:
                    publish(temporary, final)
            finally:
                writer.close()
                temporary.unlink(missing_ok=True)

    def delete(self, *, source: str, file: str, deletions: Mapping[str, dt.datetime]) -> Deletion:
        """Delete the events of ``source`` named in ``deletions``: one batch of tombstones.

        Raises
        ------
        LockTimeoutError
            As :meth:`writer`; nothing was deleted.

        """
        with exclusive(self.root, timeout=settings.import_lock_timeout_s):
            latest = self._latest_rows(source, sorted(deletions))
            made = tombstones(latest, deletions)
            if made.rows.num_rows:
                folder = self.root / source
                batch = new_batch_name()
                temporary = folder / f".{batch}{SUFFIX}.tmp"
                metadata = {**_metadata(file), REVISES_KEY: b"true"}
                try:
                    pq.write_table(
                        made.rows.replace_schema_metadata(metadata), temporary, compression="zstd"
                    )
                    publish(temporary, folder / f"{batch}{SUFFIX}")
                finally:
                    temporary.unlink(missing_ok=True)
            return made.deletion

    def relink(self, links: Callable[[pa.Table], pa.ListArray]) -> int:
        """Recompute the feature links of every batch (:mod:`~corridors.reported.store.relinking`).

        Raises
        ------
        LockTimeoutError
            As :meth:`writer`; nothing was changed.

        """
        if not self.root.is_dir():
            return 0
        with exclusive(self.root, timeout=settings.import_lock_timeout_s):
            return relink_batches(self._files(), links)

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
            Path(name).stem: (rows, removed, first, last)
            for name, rows, removed, first, last in self._sql(
                "SELECT filename, count(*) FILTER (WHERE deleted IS NOT TRUE), "
                "count(*) FILTER (WHERE deleted), min(date), max(date) FROM "
                "(SELECT * FROM read_parquet($files, filename = true, union_by_name = true) "
                "UNION ALL BY NAME SELECT NULL::BOOLEAN AS deleted WHERE FALSE) GROUP BY filename",
                {"files": [str(path) for path in files]},
            )
        }
        records = []
        for path in files:
            with open_regular(path) as stream:  # checked again: never blocks on a pipe
                metadata = pq.read_schema(stream).metadata or {}
            rows, removed, first, last = spans[path.stem]
            records.append(
                ImportRecord(
                    source=path.parent.name,
                    file=metadata[FILE_KEY].decode(),
                    rows=rows,
                    first=first,
                    last=last,
                    imported_at=dt.datetime.fromisoformat(metadata[TIME_KEY].decode()),
                    batch=path.stem,
                    removed=removed,
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

    def imprecise_by_cell(self, query: EventQuery, resolution: int) -> dict[int, int]:
        """How many imprecise events match ``query``, per H3 cell of ``resolution``.

        Imprecise: dated only to a week, month or year, or placed at an area's centre
        (:func:`corridors.reported.precision.imprecise_sql`); cells without one left out.
        """
        parent = parent_sql("cell", resolution)
        rows = self._where(
            f"SELECT {parent} AS parent, count(*) FROM events "  # noqa: S608 (parent_sql writes digits, imprecise_sql constants)
            f"WHERE {{where}} AND cell IS NOT NULL AND {imprecise_sql()} GROUP BY parent",
            query,
        )
        return {int(cell): int(count) for cell, count in rows}

    def latest_changes(self) -> dict[str, dt.datetime]:
        """The latest ``changed_at`` of each source's events, for the sources giving one."""
        rows = self._where(
            "SELECT source, max(changed_at) FROM events WHERE {where} GROUP BY source",
            EventQuery(),
        )
        return {source: latest for source, latest in rows if latest is not None}

    def date_span(self) -> tuple[dt.date, dt.date] | None:
        """The first and the last date of the stored events (``None``: there are none)."""
        rows = self._where("SELECT min(date), max(date) FROM events WHERE {where}", EventQuery())
        if not rows or rows[0][0] is None:
            return None
        return rows[0][0], rows[0][1]

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

    def _stored(self, source: str) -> dict[str, Stored]:
        """What is known of each event stored for ``source`` (its latest row)."""
        scan = self._finder.scan(source)
        if not scan.batches:
            return {}
        rows = self._sql(
            "SELECT event_id, changed_at, deleted FROM "  # noqa: S608 (constants only)
            f"({latest_sql(resolve=bool(scan.revising))})",
            scan.parameters(),
        )
        return {event_id: Stored(changed, bool(deleted)) for event_id, changed, deleted in rows}

    def _latest_rows(self, source: str, ids: list[str]) -> pa.Table:
        """The latest stored row (tombstones included) of each of ``ids``, in EVENT_SCHEMA."""
        scan = self._finder.scan(source)
        if not scan.batches or not ids:
            return EVENT_SCHEMA.empty_table()
        rows = self._sql(
            f"SELECT {', '.join(EVENT_SCHEMA.names)} FROM "  # noqa: S608 (constants only)
            f"({latest_sql(resolve=bool(scan.revising))}) WHERE list_contains($ids, event_id)",
            {**scan.parameters(), "ids": ids},
        )
        return pa.Table.from_pylist(
            [dict(zip(EVENT_SCHEMA.names, row, strict=True)) for row in rows], schema=EVENT_SCHEMA
        )

    def _sql(self, sql: str, parameters: dict[str, Any]) -> list[tuple[Any, ...]]:
        cursor = self._connection.cursor()
        try:
            return cursor.execute(sql, parameters).fetchall()
        finally:
            cursor.close()

    def _where(self, template: str, query: EventQuery, **extra: object) -> list[tuple[Any, ...]]:
        scan = self._finder.scan()
        files = scan.batches
        if not files:
            return []
        conditions = ["TRUE"]
        parameters: dict[str, Any] = {**scan.parameters(), **extra}
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
        events = events_sql(resolve=bool(scan.revising))
        return self._sql(events + template.format(where=" AND ".join(conditions)), parameters)


#: The columns a listing returns: the fields of :class:`ReportedEvent`.
_LISTED: Final = tuple(field.name for field in dataclasses.fields(ReportedEvent))


def _event(row: tuple[Any, ...]) -> ReportedEvent:
    values = dict(zip(_LISTED, row, strict=True))
    values["features"] = tuple(values["features"] or ())
    return ReportedEvent(**values)


def _metadata(file: str) -> dict[bytes, bytes]:
    """The key-value metadata of a new batch from ``file``: the file, the time of import."""
    return {FILE_KEY: file.encode(), TIME_KEY: dt.datetime.now(dt.UTC).isoformat().encode()}
