"""Column-wise checks of a chunk of text rows, vectorised, with a problem per bad value.

An importer collects the text of the columns it keeps into :class:`RawColumns`, then asks a
:class:`ColumnChecker` for each typed column: the checker parses the whole column at once
(numpy/pandas) and turns every unusable value into a :class:`RowProblem` naming the file,
the row's line and the column. Rows with any problem are left out of the chunk's table.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from corridors.core import settings
from corridors.reported.importers._text import undecodable_field
from corridors.reported.importers.rows import Chunk, RowProblem, RowProblemKind, quote_value
from corridors.reported.store.schema import ROW_SCHEMA

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(slots=True)
class RawColumns:
    """The text of the kept columns of a chunk's rows that have the right shape."""

    label: str
    #: Column name -> 1-based position in the file's rows (``None``: absent from the file).
    positions: dict[str, int | None]
    values: dict[str, list[str]] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    seen: int = 0
    #: Characters of the rows kept.
    chars: int = 0

    def __post_init__(self) -> None:
        self.values = {name: [] for name in self.positions}

    def add(self, line: int, fields: Sequence[str]) -> None:
        """Keep the kept columns of one well-formed row."""
        self.lines.append(line)
        for name, position in self.positions.items():
            self.values[name].append(fields[position - 1] if position else "")

    def column(self, name: str) -> list[str]:
        """The text of one kept column, one value per row."""
        return self.values[name]

    def __len__(self) -> int:
        return len(self.lines)


class ColumnChecker:
    """Parses the columns of :class:`RawColumns` and records a problem for each bad value."""

    def __init__(self, raw: RawColumns) -> None:
        self._raw = raw
        self.bad: BoolArray = np.zeros(len(raw), dtype=bool)
        self.problems: list[RowProblem] = []

    def flag(self, mask: BoolArray, name: str, kind: RowProblemKind, reason: str) -> None:
        """Mark the rows of ``mask`` bad, each with a problem ``reason % quoted value``."""
        self.bad |= mask
        values = self._raw.column(name)
        for index in np.flatnonzero(mask):
            self.problems.append(
                RowProblem(
                    self._raw.label,
                    self._raw.lines[index],
                    self._raw.positions[name],
                    name,
                    kind,
                    reason.replace("{value}", quote_value(values[index])),
                )
            )

    def text(self, name: str, *, required: bool = False) -> list[str | None]:
        """A text column (stripped; empty is ``None``); empty is a problem if ``required``."""
        values = [value.strip() or None for value in self._raw.column(name)]
        if required:
            missing = np.fromiter((value is None for value in values), bool, len(values))
            self.flag(missing, name, RowProblemKind.MISSING_VALUE, "no value")
        return values

    def date(
        self, name: str, formats: Sequence[str], *, required: bool = True
    ) -> npt.NDArray[np.datetime64]:
        """A date column, in the first of ``formats`` each value matches (empty is NaT).

        An empty value is a problem if ``required``.
        """
        return self.moment(name, formats, required=required).astype("datetime64[D]")

    def moment(
        self, name: str, formats: Sequence[str], *, required: bool = True
    ) -> npt.NDArray[np.datetime64]:
        """As :meth:`date`, to the second the value gives (a day alone: its midnight)."""
        series = pd.Series(self._raw.column(name), dtype=object).str.strip()
        parsed = pd.Series(pd.NaT, index=series.index, dtype="datetime64[s]")
        for pattern in formats:
            left = parsed.isna()
            if not left.any():
                break
            parsed[left] = pd.to_datetime(series[left], format=pattern, errors="coerce")
        empty = (series == "").to_numpy()
        if required:
            self.flag(empty, name, RowProblemKind.MISSING_VALUE, "no date")
        wanted = " or ".join(formats)
        self.flag(
            parsed.isna().to_numpy() & ~empty,
            name,
            RowProblemKind.BAD_DATE,
            f"{{value}} is not a date ({wanted})",
        )
        return parsed.to_numpy().astype("datetime64[s]")

    def number(self, name: str, *, low: float, high: float, required: bool) -> FloatArray:
        """A number in ``[low, high]``; empty is ``NaN``, or a problem if ``required``."""
        series = pd.Series(self._raw.column(name), dtype=object).str.strip()
        numbers = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
        empty = (series == "").to_numpy()
        if required:
            self.flag(empty, name, RowProblemKind.MISSING_VALUE, "no value")
        unparsed = np.isnan(numbers) & ~empty
        self.flag(unparsed, name, RowProblemKind.BAD_NUMBER, "{value} is not a number")
        with np.errstate(invalid="ignore"):
            outside = ~np.isnan(numbers) & ((numbers < low) | (numbers > high))
        self.flag(
            outside, name, RowProblemKind.OUT_OF_RANGE, f"{{value}} is outside {low:g}..{high:g}"
        )
        return numbers

    def integer(self, name: str, *, low: int, high: int) -> FloatArray:
        """An optional whole number in ``[low, high]`` (``NaN`` when empty)."""
        numbers = self.number(name, low=low, high=high, required=False)
        fraction = ~np.isnan(numbers) & (numbers != np.floor(numbers))
        self.flag(fraction, name, RowProblemKind.BAD_NUMBER, "{value} is not a whole number")
        return numbers

    def chunk(self, columns: dict[str, object]) -> Chunk:
        """The chunk of the rows without problems, in :data:`ROW_SCHEMA`."""
        keep = ~self.bad
        arrays = [
            pa.array(columns[item.name], type=item.type, from_pandas=True) for item in ROW_SCHEMA
        ]
        table = pa.Table.from_arrays(arrays, schema=ROW_SCHEMA)
        if self.bad.any():
            table = table.filter(pa.array(keep))
        lines = [line for line, good in zip(self._raw.lines, keep, strict=True) if good]
        problems = self._raw.problems + self.problems
        return Chunk(table, lines, problems, self._raw.seen)


def raw_chunks(
    records: Iterator[tuple[int, list[str]]],
    *,
    label: str,
    names: Sequence[str],
    positions: dict[str, int | None],
) -> Iterator[RawColumns]:
    """Group ``(line, fields)`` records into chunks, reporting rows of the wrong shape.

    A row must have exactly ``len(names)`` fields (``names``: the file's columns, in order),
    hold only UTF-8 text and no field longer than :data:`settings.max_import_field_chars`;
    each other row is a problem of its line (and column). A chunk ends after
    :data:`settings.import_chunk_rows` rows or :data:`settings.import_chunk_chars`
    characters of the rows kept, whichever comes first.
    """
    raw = RawColumns(label, positions)
    for line, fields in records:
        raw.seen += 1
        size = sum(map(len, fields))
        problem = _shape_problem(fields, size, label=label, line=line, names=names)
        if problem is None:
            raw.add(line, fields)
            raw.chars += size
        else:
            raw.problems.append(problem)
        if raw.seen >= settings.import_chunk_rows or raw.chars >= settings.import_chunk_chars:
            yield raw
            raw = RawColumns(label, positions)
    if raw.seen:
        yield raw


def _shape_problem(
    fields: Sequence[str], size: int, *, label: str, line: int, names: Sequence[str]
) -> RowProblem | None:
    """What makes a row of ``size`` characters unusable (columns, a field's length, bytes)."""
    if len(fields) != len(names):
        reason = f"{len(fields)} columns where the layout has {len(names)}"
        return RowProblem(label, line, None, None, RowProblemKind.COLUMN_COUNT, reason)
    long = long_field(fields) if size > settings.max_import_field_chars else None
    if long is not None:
        reason = too_long_reason(fields[long])
        return RowProblem(label, line, long + 1, names[long], RowProblemKind.TOO_LONG, reason)
    bad_byte = undecodable_field(fields)
    if bad_byte is not None:
        reason = "holds bytes that are not UTF-8 text"
        return RowProblem(
            label, line, bad_byte + 1, names[bad_byte], RowProblemKind.NOT_UTF8, reason
        )
    return None


def long_field(fields: Sequence[str]) -> int | None:
    """The index of the first field longer than :data:`settings.max_import_field_chars`."""
    limit = settings.max_import_field_chars
    if max(map(len, fields), default=0) <= limit:
        return None
    return next(index for index, value in enumerate(fields) if len(value) > limit)


def too_long_reason(value: str) -> str:
    """Why a field past the limit is not stored, quoting its start."""
    return (
        f"longer than {settings.max_import_field_chars:,} characters "
        f"(settings.max_import_field_chars); not stored: {quote_value(value)}"
    )
