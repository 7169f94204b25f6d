"""ACLED CSV exports -> event rows.

The layout is ACLED's codebook as of the column changes of 20 March 2023 (``disorder_type``,
``civilian_targeting`` and ``tags`` added; ``data_id``, ``event_id_no_cnty`` and ``iso3``
removed): 31 columns, :data:`COLUMNS`. A file with a header row is read by column name (so
an older export, with other columns around the ones kept, reads too); a file without one
must have the 31 columns in codebook order.

A row may span lines (a quoted field holds line breaks), so a row, not only a line, is
limited to :data:`settings.max_import_line_chars`: a quote left open would otherwise make
the rest of the file one row held whole.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from typing import Final

import numpy as np
import numpy.typing as npt

from corridors.core import settings
from corridors.data.models import ReportedPrecision, ReportedSource
from corridors.reported.importers._checks import ColumnChecker, FloatArray, RawColumns, raw_chunks
from corridors.reported.importers._opening import ImportFileError, OpenedFile
from corridors.reported.importers._text import text_lines
from corridors.reported.importers.rows import Chunk
from corridors.reported.importers.source_kinds import (
    ACLED_EVENT_TYPES,
    ACLED_SUB_EVENT_TYPES,
    ReportedKind,
)

SOURCE: Final = ReportedSource.ACLED
#: Members of a zip archive this importer reads.
SUFFIXES: Final = (".csv",)

#: The columns of an ACLED export, in codebook order (2023 onwards).
COLUMNS: Final = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: Store column <- ACLED column.
MAPPING: Final = {
    "event_id": "event_id_cnty",
    "date": "event_date",
    "precision": "time_precision",  # see TIME_PRECISIONS
    "kind": "event_type",  # refined by sub_event_type (corridors.reported.importers.source_kinds)
    "event_type": "event_type",  # "event_type: sub_event_type"
    "latitude": "latitude",
    "longitude": "longitude",
    "geo_precision": "geo_precision",
    "location": "location",
    "country": "country",
    "actor1": "actor1",
    "actor2": "actor2",
    "fatalities": "fatalities",
    "source_name": "source",
    "notes": "notes",
    "changed_at": "timestamp",  # ACLED's last change to the row (Unix time)
}
#: How much of ``event_date`` ACLED knows, by ``time_precision``: 1, the day; 2, the week
#: or weekend (the day given lies in it: kept as a week, never claimed as that day); 3, the
#: month only (shown as the month). An empty value is stored as not recorded.
TIME_PRECISIONS: Final = {
    1: ReportedPrecision.DAY,
    2: ReportedPrecision.WEEK,
    3: ReportedPrecision.MONTH,
}
#: The latest ``timestamp`` accepted (Unix time, 1 January 3000): past it, not a time.
LATEST_TIMESTAMP: Final = 32_503_680_000
#: Columns read besides those of :data:`MAPPING`.
ALSO_READ: Final = ("sub_event_type",)
#: ACLED columns not kept, and why: derived from what is kept, or detail the atlas does not
#: show (the feature links replace the admin columns).
NOT_KEPT: Final = {
    "year": "the year of event_date",
    "disorder_type": "derived from the event type",
    "assoc_actor_1": "detail not shown",
    "inter1": "detail not shown",
    "assoc_actor_2": "detail not shown",
    "inter2": "detail not shown",
    "interaction": "derived from inter1 and inter2",
    "civilian_targeting": "detail not shown",
    "iso": "the country is kept by name",
    "region": "the world region",
    "admin1": "replaced by the feature links",
    "admin2": "replaced by the feature links",
    "admin3": "replaced by the feature links",
    "source_scale": "detail not shown",
    "tags": "detail not shown",
}
#: Columns a file with a header must have.
REQUIRED: Final = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")
#: ``event_date`` as ACLED's API (ISO) and its export tool ("08 August 2025") write it.
DATE_FORMATS: Final = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y")

_KEPT: Final = tuple(dict.fromkeys((*MAPPING.values(), *ALSO_READ)))
_EVENT_KINDS: Final = {name.casefold(): kind for name, kind in ACLED_EVENT_TYPES.items()}
_SUB_EVENT_KINDS: Final = {name.casefold(): kind for name, kind in ACLED_SUB_EVENT_TYPES.items()}


def read_acled(opened: OpenedFile) -> Iterator[Chunk]:
    """The rows of an ACLED CSV export, chunk by chunk, with the problems of the bad ones.

    Raises
    ------
    ImportFileError
        If the header lacks a required column, or the CSV cannot be parsed at all.

    """
    lines = _RowLines(text_lines(opened.stream, opened.label), opened.label)
    records = _numbered(csv.reader(lines), lines, opened.label)
    first = next(records, None)
    if first is None:
        return
    names = _header_names(first[1])
    if names is None:  # no header: the first row is data, in codebook order
        names = COLUMNS
        records = _prepend(first, records)
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise ImportFileError(
            f"{opened.label}, line 1: the header lacks the column(s) {', '.join(missing)}"
        )
    positions = {name: names.index(name) + 1 if name in names else None for name in _KEPT}
    for raw in raw_chunks(records, label=opened.label, names=names, positions=positions):
        yield _checked(raw)


class _RowLines:
    """The lines given to the CSV reader, refusing a row that grows past the limit."""

    def __init__(self, lines: Iterator[str], label: str) -> None:
        self._lines = lines
        self._label = label
        self._number = 0
        self._start = 1
        self._chars = 0

    def __iter__(self) -> _RowLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self._number += 1
        self._chars += len(line)
        if self._chars > settings.max_import_line_chars:
            raise ImportFileError(
                f"{self._label}, line {self._start}: a row longer than "
                f"{settings.max_import_line_chars:,} characters (settings.max_import_line_chars) "
                f"by line {self._number}, far past any real row (a quote left open?); "
                "the file is refused"
            )
        return line

    def row_read(self) -> None:
        """The CSV reader has read a whole row: the next one starts on the next line."""
        self._start = self._number + 1
        self._chars = 0


def _numbered(
    reader: Iterator[list[str]], lines: _RowLines, label: str
) -> Iterator[tuple[int, list[str]]]:
    """``(first line, fields)`` of each non-empty CSV record."""
    start = 1
    try:
        for fields in reader:
            lines.row_read()
            if fields:
                yield start, fields
            start = reader.line_num + 1  # type: ignore[attr-defined]
    except csv.Error as error:
        raise ImportFileError(f"{label}, line {start}: not readable as CSV: {error}") from None


def _prepend(
    first: tuple[int, list[str]], rest: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    yield first
    yield from rest


def _header_names(fields: list[str]) -> tuple[str, ...] | None:
    """The column names, if ``fields`` is ACLED's header row (names compared in lower case)."""
    names = tuple(name.strip().casefold() for name in fields)
    return names if "event_id_cnty" in names else None


def _kind(event_type: str | None, sub_event_type: str | None) -> str:
    sub = _SUB_EVENT_KINDS.get((sub_event_type or "").casefold())
    kind = sub or _EVENT_KINDS.get((event_type or "").casefold(), ReportedKind.OTHER)
    return str(kind)


def _checked(raw: RawColumns) -> Chunk:
    check = ColumnChecker(raw)
    event_types = check.text("event_type", required=True)
    sub_types = check.text("sub_event_type")
    columns: dict[str, object] = {
        "source": [SOURCE] * len(raw),
        "event_id": check.text("event_id_cnty", required=True),
        "date": check.date("event_date", DATE_FORMATS),
        "precision": _precisions(check.integer("time_precision", low=1, high=3)),
        "date_added": [None] * len(raw),
        "kind": [_kind(main, sub) for main, sub in zip(event_types, sub_types, strict=True)],
        "event_type": [
            f"{main}: {sub}" if sub else main
            for main, sub in zip(event_types, sub_types, strict=True)
        ],
        "latitude": check.number("latitude", low=-90, high=90, required=True),
        "longitude": check.number("longitude", low=-180, high=180, required=True),
        "geo_precision": check.integer("geo_precision", low=1, high=3),
        "location": check.text("location"),
        "country": check.text("country"),
        "actor1": check.text("actor1"),
        "actor2": check.text("actor2"),
        "fatalities": check.integer("fatalities", low=0, high=1_000_000),
        "source_name": check.text("source"),
        "url": [None] * len(raw),
        "notes": _verbatim(raw.column("notes")),
        "changed_at": _moments(check.integer("timestamp", low=0, high=LATEST_TIMESTAMP)),
    }
    return check.chunk(columns)


def _precisions(codes: FloatArray) -> list[str | None]:
    """The precision of each ``time_precision`` code (``None``: empty, or flagged as bad)."""
    return [None if math.isnan(code) else _precision_of(int(code)) for code in codes.tolist()]


def _precision_of(code: int) -> str | None:
    precision = TIME_PRECISIONS.get(code)
    return None if precision is None else str(precision)


def _moments(seconds: FloatArray) -> npt.NDArray[np.datetime64]:
    """Unix times as UTC moments (``NaN``, empty or flagged as bad: not a time)."""
    moments = np.full(len(seconds), np.datetime64("NaT"), dtype="datetime64[s]")
    known = ~np.isnan(seconds)
    moments[known] = seconds[known].astype("int64").astype("datetime64[s]")
    return moments


def _verbatim(values: list[str]) -> list[str | None]:
    """Free text kept exactly as written (only an empty value becomes ``None``)."""
    return [value or None for value in values]
