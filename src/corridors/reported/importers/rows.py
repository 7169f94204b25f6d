"""What every importer produces: validated event rows in one schema, and row problems.

Each source layout (ACLED, GDELT, the atlas's GeoJSON) is read by its own module into
:class:`Chunk` objects: a table of valid rows (``corridors.reported.store.schema.ROW_SCHEMA``) and
the problems of the rows that could not be used, each with its file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pyarrow as pa

from corridors.core import settings


class RowProblemKind(StrEnum):
    """Why a row of an imported file could not be used."""

    COLUMN_COUNT = "column-count"
    NOT_UTF8 = "not-utf8"
    MISSING_VALUE = "missing-value"
    BAD_DATE = "bad-date"
    BAD_NUMBER = "bad-number"
    OUT_OF_RANGE = "out-of-range"
    INVALID_VALUE = "invalid-value"
    DUPLICATE_ID = "duplicate-id"
    TOO_LONG = "too-long"


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One unusable row (or one field of it) in an imported file.

    Parameters
    ----------
    file
        The file as named on the command line (a zipped file: ``archive.zip:member``).
    line
        1-based line of the file where the row starts (GeoJSON: the feature's index).
    column
        1-based column (field number) in the row, or ``None`` when the whole row is at fault.
    field
        Name of the column in the source's codebook, or ``None``.
    kind
        The category of the problem.
    reason
        A sentence naming what is wrong, quoting at most a capped piece of the value.
    unit
        What ``line`` counts: ``"line"`` in a text file, ``"feature"`` in GeoJSON.

    """

    file: str
    line: int
    column: int | None
    field: str | None
    kind: RowProblemKind
    reason: str
    unit: str = "line"

    def __str__(self) -> str:
        where = f"{self.file}, {self.unit} {self.line}"
        if self.column is not None:
            where += f", column {self.column}"
        if self.field is not None:
            where += f" ({self.field})"
        return f"{where}: [{self.kind}] {self.reason}"


@dataclass(slots=True)
class Chunk:
    """A step of an import: its valid rows, their lines, and the problems of the others.

    ``rows`` is a table in ``ROW_SCHEMA``; ``lines`` holds the line each row starts at
    (for reporting duplicates); ``seen`` counts every row read, good or bad; ``links``
    holds feature ids an importer read from the file itself, per row (GeoJSON), if any.
    """

    rows: pa.Table
    lines: list[int]
    problems: list[RowProblem] = field(default_factory=list)
    seen: int = 0
    links: list[list[str]] | None = None

    @property
    def bad_rows(self) -> int:
        """Rows read in this chunk that could not be used."""
        return self.seen - len(self.rows)


def quote_value(value: str) -> str:
    """``repr`` of a value from a file, cut to :data:`settings.max_quoted_chars`."""
    limit = settings.max_quoted_chars
    text = repr(value[: limit + 1])
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
