"""The store of imported reported events, behind one small interface.

:class:`EventStore` is all the rest of the atlas knows of it: add the rows of an import
(in a transaction that leaves the store as it was if it fails; one at a time), list and
remove imports, report the files it skipped as not its own, and the queries the UI needs
(counts and a paged listing under an :class:`EventQuery`).
:class:`~corridors.reported.store.parquet.ParquetStore` implements it with Parquet files and DuckDB;
a server database can implement the same protocol.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import pyarrow as pa

from corridors.reported.store.schema import EVENT_SCHEMA, ROW_SCHEMA

__all__ = [
    "EVENT_SCHEMA",
    "ROW_SCHEMA",
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
    """One import in the store: the rows one file added."""

    source: str
    file: str
    rows: int
    first: dt.date
    last: dt.date
    imported_at: dt.datetime
    batch: str


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


class ImportWriter(Protocol):
    """Adds rows inside an import transaction."""

    def add(self, rows: pa.Table) -> int:
        """Add the rows of ``rows`` (in :data:`EVENT_SCHEMA`) whose event id the store lacks.

        Returns the number of rows added; the others were in the store already.
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
