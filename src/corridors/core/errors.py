"""Specific problems and exceptions raised while reading the bundled data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from corridors.core import settings


class ProblemKind(StrEnum):
    """What is wrong with a data file or one of its records."""

    MISSING_FILE = "missing-file"
    NOT_UTF8 = "not-utf8"
    UNREADABLE = "unreadable"
    INVALID_VALUE = "invalid-value"
    BAD_DATE = "bad-date"
    BAD_URL = "bad-url"
    MISSING_SOURCE = "missing-source"
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_LINK = "unknown-link"
    OUT_OF_WINDOW = "out-of-window"
    INVALID_GEOMETRY = "invalid-geometry"
    NOT_A_FILE = "not-a-file"
    TOO_LARGE = "too-large"
    REFUSED_SYNTAX = "refused-syntax"
    CHANGED_MEANWHILE = "changed-meanwhile"
    OUT_OF_SCALE = "out-of-scale"


def quote(value: object) -> str:
    """``repr(value)`` cut to :data:`settings.max_quoted_chars`, for quoting data in a message.

    A message never echoes more of a data file than this, however long the value is.
    """
    limit = settings.max_quoted_chars
    if isinstance(value, str) and len(value) > limit:
        value = value[: limit + 1]  # repr of the cut text, not of megabytes of it
    try:
        text = repr(value)
    except ValueError:  # an integer too long to print
        text = f"<{type(value).__name__} too long to print>"
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in the data: where it is and why it is wrong.

    Parameters
    ----------
    file
        Name of the data file, relative to the data directory.
    record
        Id of the record (or ``#N`` for the N-th record without a usable id);
        ``None`` when the whole file is at fault.
    field
        Dotted path of the offending field inside the record, or ``None``.
    kind
        The category of the problem.
    reason
        A sentence a data editor can act on.
    line, column
        Where in the file (1-based), when the problem is tied to a position.

    """

    file: str
    record: str | None
    field: str | None
    kind: ProblemKind
    reason: str
    line: int | None = None
    column: int | None = None

    def __post_init__(self) -> None:
        # A record id or field path comes from the data: never echo more than a capped piece.
        limits = {
            "record": settings.max_quoted_chars,
            "field": settings.max_quoted_chars,
            "reason": settings.max_reason_chars,
        }
        for name, limit in limits.items():
            value = getattr(self, name)
            if value is not None and len(value) > limit:
                object.__setattr__(self, name, f"{value[: limit - 1]}…")

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        if self.record is not None:
            where += f", record {self.record!r}"
        if self.field is not None:
            where += f", field {self.field!r}"
        return f"{where}: [{self.kind}] {self.reason}"


class CorridorsError(Exception):
    """Base class of every error this package raises on purpose."""


class CatalogError(CorridorsError):
    """The data failed validation; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the corridor data:\n{lines}")


class UnknownDatasetError(CorridorsError, KeyError):
    """A bundled data file was asked for by a name that does not exist."""

    def __str__(self) -> str:
        return str(self.args[0])


class BuildError(CorridorsError):
    """The Natural Earth source files needed by ``build-geodata`` are missing or unusable."""


class PackageDataError(CorridorsError):
    """The installed package's files (data, site) are not a folder on disk (e.g. zipped)."""
