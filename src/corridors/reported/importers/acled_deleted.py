"""ACLED's list of deleted events -> the ids to delete and when ACLED deleted each.

ACLED publishes the events it withdrew as a CSV with (at least) ``event_id_cnty`` and
``deleted_timestamp`` (Unix time, UTC), one event a row, under a header. The list is read
whole before anything is deleted, and a row that cannot be read refuses the whole file,
naming its line, column and field: a deletion is never guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from corridors.reported.importers._opening import ImportFileError, open_import
from corridors.reported.importers._text import text_lines
from corridors.reported.importers.acled import LATEST_TIMESTAMP
from corridors.reported.importers.rows import quote_value

#: The columns the list must have.
COLUMNS: Final = ("event_id_cnty", "deleted_timestamp")


def read_deletions(path: Path) -> dict[str, dt.datetime]:
    """The deleted events of the list ``path`` (it may be zipped): id -> deletion time (UTC).

    An id listed twice keeps its latest deletion time.

    Raises
    ------
    ImportFileError
        If the file cannot be read, lacks a column of :data:`COLUMNS`, or a row has no id
        or a deletion time that is not a whole number of seconds since 1970.

    """
    deletions: dict[str, dt.datetime] = {}
    with open_import(path, suffixes=(".csv",)) as opened:
        rows = _rows(text_lines(opened.stream, opened.label), opened.label)
        header = next(rows, None)
        if header is None:
            return deletions
        positions = _positions(header[1], opened.label)
        for line, fields in rows:
            event_id, moment = _deletion(fields, positions, f"{opened.label}, line {line}")
            deletions[event_id] = max(moment, deletions.get(event_id, moment))
    return deletions


def _rows(lines: Iterator[str], label: str) -> Iterator[tuple[int, list[str]]]:
    """``(line, fields)`` of each non-empty CSV row."""
    reader = csv.reader(lines)
    try:
        for fields in reader:
            if fields:
                yield reader.line_num, fields
    except csv.Error as error:
        raise ImportFileError(
            f"{label}, line {reader.line_num}: not readable as CSV: {error}"
        ) from None


def _positions(header: list[str], label: str) -> tuple[int, int]:
    names = [name.strip().casefold() for name in header]
    missing = [name for name in COLUMNS if name not in names]
    if missing:
        raise ImportFileError(
            f"{label}, line 1: the header lacks the column(s) {', '.join(missing)} "
            "(ACLED's deleted-events list has event_id_cnty and deleted_timestamp)"
        )
    return names.index(COLUMNS[0]), names.index(COLUMNS[1])


def _deletion(fields: list[str], positions: tuple[int, int], where: str) -> tuple[str, dt.datetime]:
    """The id and deletion time of one row (``where`` names its file and line)."""
    id_at, time_at = positions
    event_id = fields[id_at].strip() if id_at < len(fields) else ""
    if not event_id:
        raise ImportFileError(f"{where}, column {id_at + 1} (event_id_cnty): no event id")
    value = fields[time_at].strip() if time_at < len(fields) else ""
    if not value.isdigit() or int(value) > LATEST_TIMESTAMP:
        raise ImportFileError(
            f"{where}, column {time_at + 1} (deleted_timestamp): {quote_value(value)} is not "
            "a time (whole seconds since 1970, UTC)"
        )
    return event_id, dt.datetime.fromtimestamp(int(value), dt.UTC).replace(tzinfo=None)
