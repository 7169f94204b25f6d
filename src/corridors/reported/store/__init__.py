"""The store of imported reported events, behind one small interface.

:class:`EventStore` is all the rest of the atlas knows of it: add the rows of an import
(in a transaction that leaves the store as it was if it fails; one at a time; a row newer
than the stored version of its event replaces it), delete the events a source withdrew,
recompute the feature links, list and remove imports, report the files it skipped as not
its own, and the queries the UI needs (counts and a paged listing under an
:class:`EventQuery`).
:class:`~corridors.reported.store.parquet.ParquetStore` implements it with Parquet files and DuckDB;
a server database can implement the same protocol.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import pyarrow as pa

from corridors.reported.store.schema import EVENT_SCHEMA, ROW_SCHEMA

__all__ = [
    "EVENT_SCHEMA",
    "ROW_SCHEMA",
    "Deletion",
    "EventQuery",
    "EventStore",
    "ImportRecord",
    "ImportWriter",
    "Period",
    "ReportedEvent",
    "SkippedFile",
    "open_store",
]

#: The lengths of time the timeline counts events over.
Period = Literal["week", "month"]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which stored events a query is about; ``None`` means no restriction.

    ``start`` and ``end`` are inclusive; ``feature`` is a map feature id the events must be
    linked to; ``cell`` an H3 cell (as an integer, :mod:`corridors.geo.cells`) that must hold
    them, at any resolution up to the stored one; ``bounds`` a (west, south, east, north)
    box in degrees they must lie in.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    kinds: frozenset[str] | None = None
    sources: frozenset[str] | None = None
    feature: str | None = None
    cell: int | None = None
    bounds: tuple[float, float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One import in the store: the rows one file added (or replaced), the events it deleted.

    ``first`` and ``last`` are the dates of all of them.
    """

    source: str
    file: str
    rows: int
    first: dt.date
    last: dt.date
    imported_at: dt.datetime
    batch: str
    removed: int = 0


@dataclass(frozen=True, slots=True)
class Deletion:
    """What a list of deleted events did.

    ``removed`` from the store, ``missing`` from it (never imported, or deleted already),
    and ``newer`` (kept: the stored row changed after the deletion's time).
    """

    removed: int
    missing: int
    newer: int


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file in the store's folders that looks like a batch but is not one: left unread.

    Named ``*.parquet`` without being a file the store wrote (another name, a link, a named
    pipe, not Parquet, other columns ...); ``reason`` says which. Nothing deletes it.
    """

    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class ReportedEvent:
    """One stored event, as the listing returns it (text exactly as imported)."""

    source: str
    event_id: str
    date: dt.date
    #: How much of ``date`` the source knows (a ReportedPrecision value); ``None`` when the
    #: import was made before the store kept it.
    precision: str | None
    #: The day the source added the row (GDELT), when it says.
    date_added: dt.date | None
    kind: str
    event_type: str | None
    latitude: float
    longitude: float
    geo_precision: int | None
    location: str | None
    country: str | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    source_name: str | None
    url: str | None
    notes: str | None
    features: tuple[str, ...]
    cell: int | None
    #: When the source last changed the row (UTC), when it says and the import kept it.
    changed_at: dt.datetime | None


class ImportWriter(Protocol):
    """Adds rows inside an import transaction."""

    #: How many rows so far replaced an older stored version of their event.
    updated: int

    def add(self, rows: pa.Table) -> int:
        """Add the rows of ``rows`` (in :data:`EVENT_SCHEMA`, ``deleted`` may be left out).

        A row whose event id the store lacks is added; one whose ``changed_at`` is later
        than the stored version's (or the stored one has none) replaces it and counts in
        :attr:`updated`; the others are kept out (the store's version is as new or newer).
        Returns the number of rows added.
        """


class EventStore(Protocol):
    """Where imported events live and how the atlas asks about them."""

    def writer(self, *, source: str, file: str) -> AbstractContextManager[ImportWriter]:
        """A transaction adding the rows of ``file``: all of them on success, none on error."""

    def imports(self) -> list[ImportRecord]:
        """Every import in the store, by source and time of import."""

    def sources(self) -> list[str]:
        """The sources that have events in the store, sorted (cheap: no query of events)."""

    def remove(self, selector: str) -> list[ImportRecord]:
        """Remove a whole source (by its name) or the imports of a file; return them."""

    def delete(self, *, source: str, file: str, deletions: Mapping[str, dt.datetime]) -> Deletion:
        """Delete the events of ``source`` named in ``deletions`` (id -> time of deletion, UTC).

        ``file`` is the list they come from. All of them or, on error, none.
        """

    def relink(self, links: Callable[[pa.Table], pa.ListArray]) -> int:
        """Recompute every stored row's ``features`` with ``links``; return how many changed.

        ``links`` is given the rows of one batch (the columns of :data:`EVENT_SCHEMA` it
        has) and returns their feature ids, row by row.
        """

    def latest_changes(self) -> dict[str, dt.datetime]:
        """The latest ``changed_at`` of each source's events (sources that give one)."""

    def date_span(self) -> tuple[dt.date, dt.date] | None:
        """The first and the last date of the stored events, ``None`` when there are none."""

    def skipped(self) -> list[SkippedFile]:
        """The files in the store's folders that look like batches but are not, left unread."""

    def count(self, query: EventQuery) -> int:
        """How many events match ``query``."""

    def counts_by_source(self, query: EventQuery) -> dict[str, int]:
        """How many events match ``query``, per source."""

    def counts_by_feature(self, query: EventQuery) -> dict[str, int]:
        """How many events match ``query``, per linked map feature."""

    def counts_by_cell(self, query: EventQuery, resolution: int) -> dict[int, int]:
        """How many events match ``query``, per H3 cell of ``resolution``."""

    def imprecise_by_cell(self, query: EventQuery, resolution: int) -> dict[int, int]:
        """How many of the events :meth:`counts_by_cell` counts are imprecise, per cell.

        An event is imprecise when its source knows only its week, month or year, or
        places it only at a region's or a country's centre
        (:func:`corridors.reported.precision.imprecise_sql`). Cells without one are left out.
        """

    def counts_by_period(self, query: EventQuery, period: Period) -> list[tuple[dt.date, int]]:
        """How many events match ``query`` per week (from Monday) or month, in date order.

        Periods without events are left out.
        """

    def page(self, query: EventQuery, *, offset: int = 0, limit: int = 50) -> list[ReportedEvent]:
        """The events matching ``query``, newest first, ``limit`` of them from ``offset``."""


def open_store(root: Path) -> EventStore:
    """The store in the folder ``root`` (see :func:`corridors.core.datasets.imports_dir`).

    The folder is created on the first write; until then the store is empty.
    """
    from corridors.reported.store.parquet import ParquetStore

    return ParquetStore(root)
