"""Import reported-event files (ACLED, GDELT, the atlas's GeoJSON) into the event store.

:func:`import_file` reads a file chunk by chunk with its source's reader (one module per
layout), links every valid row to the map features it concerns (:mod:`corridors.reported.linker`)
and adds it to the store in one transaction: a row newer than the stored version of its
event replaces it (ACLED revises events). Unusable rows are counted and reported by file,
line and column; ``strict`` makes any of them fail the import, which then leaves the store
as it was. :func:`relinker` gives ``corridors relink`` the links of stored rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import pyarrow as pa

from corridors.core import settings
from corridors.core.errors import CorridorsError
from corridors.geo.cells import cell_ids
from corridors.reported.importers import acled, gdelt, geojson
from corridors.reported.importers._opening import ImportFileError, OpenedFile, Progress, open_import
from corridors.reported.importers.rows import Chunk, RowProblem, RowProblemKind, quote_value
from corridors.reported.linker import Linker, row_links
from corridors.reported.store import EventStore, ImportWriter

__all__ = [
    "SOURCES",
    "ImportFileError",
    "ImportReport",
    "StrictImportError",
    "import_file",
    "relinker",
]


@dataclass(frozen=True, slots=True)
class SourceLayout:
    """How one source's files are read: the zip members accepted and the row reader."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[OpenedFile], Iterator[Chunk]]


#: The layouts ``corridors import`` reads, by source name.
SOURCES: Final[dict[str, SourceLayout]] = {
    acled.SOURCE: SourceLayout(acled.SOURCE, acled.SUFFIXES, acled.read_acled),
    gdelt.SOURCE: SourceLayout(gdelt.SOURCE, gdelt.SUFFIXES, gdelt.read_gdelt),
    geojson.SOURCE: SourceLayout(geojson.SOURCE, geojson.SUFFIXES, geojson.read_geojson),
}


@dataclass(slots=True)
class ImportReport:
    """What an import did: rows read, added, skipped, and the problems of the bad ones.

    ``problems`` lists the first :data:`settings.max_import_problems_listed` problems;
    ``problem_counts`` counts them all by kind and column. ``updated`` rows replaced an
    older stored version of their event; ``already_stored`` ones were kept out, the
    store's version being as new or newer (or the row not saying when it changed).
    """

    source: str
    file: str
    rows_read: int = 0
    added: int = 0
    updated: int = 0
    already_stored: int = 0
    repeated: int = 0
    bad_rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    problem_counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def note(self, problems: list[RowProblem]) -> None:
        """Count ``problems`` and list them up to the limit."""
        room = settings.max_import_problems_listed - len(self.problems)
        self.problems.extend(problems[: max(0, room)])
        self.problem_counts.update((str(p.kind), p.field or "(row)") for p in problems)


class StrictImportError(CorridorsError):
    """An import with ``strict`` met a bad row; nothing was added. ``report`` says where."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(f"{report.file}: {report.bad_rows} bad row(s); nothing imported (strict)")


def import_file(
    store: EventStore,
    source: str,
    path: Path,
    *,
    linker: Linker,
    strict: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``path`` as a ``source`` file into ``store``; all of its valid rows or nothing.

    Raises
    ------
    ImportFileError
        If the file cannot be read at all
        (see :func:`~corridors.reported.importers._opening.open_import`).
    StrictImportError
        If ``strict`` and a row is unusable.
    KeyError
        If ``source`` is not one of :data:`SOURCES`.

    """
    layout = SOURCES[source]
    report = ImportReport(source, str(path.resolve()))
    seen: set[str] = set()
    with (
        open_import(path, suffixes=layout.suffixes, progress=progress) as opened,
        store.writer(source=source, file=report.file) as writer,
    ):
        for chunk in layout.read(opened):
            report.rows_read += chunk.seen
            report.bad_rows += chunk.bad_rows
            repeats = _drop_repeats(chunk, seen, opened.label)
            report.note(sorted(chunk.problems + repeats, key=lambda p: (p.line, p.column or 0)))
            report.repeated += len(repeats)
            _add_chunk(chunk, writer=writer, linker=linker, report=report)
            if strict and report.bad_rows:
                raise StrictImportError(report)
    return report


def _add_chunk(chunk: Chunk, *, writer: ImportWriter, linker: Linker, report: ImportReport) -> None:
    rows, links = chunk.rows, chunk.links
    features = row_links(linker, rows)
    if links is not None:  # links the file names itself (the atlas's GeoJSON) come first
        features = pa.array(
            [
                list(dict.fromkeys([*own, *found]))
                for own, found in zip(links, features.to_pylist(), strict=True)
            ],
            type=pa.list_(pa.string()),
        )
    cells = cell_ids(rows.column("latitude").to_numpy(), rows.column("longitude").to_numpy())
    updated_before = writer.updated
    added = writer.add(rows.append_column("features", features).append_column("cell", cells))
    updated = writer.updated - updated_before
    report.added += added
    report.updated += updated
    report.already_stored += rows.num_rows - added - updated


def relinker(linker: Linker) -> Callable[[pa.Table], pa.ListArray]:
    """The links of stored rows for :meth:`~corridors.reported.store.EventStore.relink`.

    Rows of the atlas's own GeoJSON keep their links: the file named them, and its points
    carry no precision code that could change them.
    """

    def links(rows: pa.Table) -> pa.ListArray:
        found = row_links(linker, rows).to_pylist()
        stored = rows.column("features").to_pylist()
        own = [source == geojson.SOURCE for source in rows.column("source").to_pylist()]
        kept = [
            before if mine else after
            for before, after, mine in zip(stored, found, own, strict=True)
        ]
        return pa.array(kept, type=pa.list_(pa.string()))

    return links


def _drop_repeats(chunk: Chunk, seen: set[str], label: str) -> list[RowProblem]:
    """Leave out of ``chunk`` the rows whose id came earlier in the file; a problem each."""
    keep: list[bool] = []
    repeats: list[RowProblem] = []
    ids = chunk.rows.column("event_id").to_pylist()
    for event_id, line in zip(ids, chunk.lines, strict=True):
        keep.append(event_id not in seen)
        if not keep[-1]:
            reason = f"{quote_value(event_id)} came earlier in the file; this repeat is skipped"
            repeats.append(RowProblem(label, line, None, None, RowProblemKind.DUPLICATE_ID, reason))
        seen.add(event_id)
    if repeats:
        chunk.rows = chunk.rows.filter(pa.array(keep, type=pa.bool_()))
        chunk.lines = [line for line, good in zip(chunk.lines, keep, strict=True) if good]
        if chunk.links is not None:
            chunk.links = [item for item, good in zip(chunk.links, keep, strict=True) if good]
    return repeats
