"""The batch files of a Parquet store: only files the store itself wrote are ever read.

Queries hand DuckDB the paths of the batches, and DuckDB opens each one blocking and fails
the whole query on a file it cannot read: a named pipe called ``*.parquet`` would hang every
reader, a stray or broken file would break every listing. So a file is a batch only if its
name is one the store gives (``YYYYMMDDTHHMMSS-xxxxxxxx.parquet``, :func:`new_batch_name`),
it is a regular file (checked without following a link, then on the descriptor opened
without blocking, as the catalogue loader does) and its footer holds rows in the store's
columns with the record of the import. Anything else named ``*.parquet`` in the store's
folders is skipped and reported (:class:`~corridors.reported.store.SkippedFile`), never
deleted. A file's verdict is kept while its inode, size and modification time stay the
same, so a query reads no footer twice. A batch whose footer marks it as revising
(:data:`REVISES_KEY`: it replaces or deletes stored events) makes readers resolve each
event to its latest row (:mod:`corridors.reported.store.resolve`).
"""

from __future__ import annotations

import datetime as dt
import re
import stat
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import pyarrow as pa
import pyarrow.parquet as pq

from corridors.core.errors import quote
from corridors.core.files import NotRegularFileError, file_type, open_regular
from corridors.reported.store import EVENT_SCHEMA, SkippedFile
from corridors.reported.store.schema import LATER_COLUMNS

#: Key-value metadata of a batch: the imported file, and when it was imported (ISO 8601).
FILE_KEY: Final = b"corridors.file"
TIME_KEY: Final = b"corridors.imported_at"
#: Set (to ``b"true"``) in the footer of a batch holding rows that replace or delete events
#: stored by earlier batches.
REVISES_KEY: Final = b"corridors.revises"
SUFFIX: Final = ".parquet"

_NAME: Final = re.compile(r"\d{8}T\d{6}-[0-9a-f]{8}\.parquet")
_NOT_A_BATCH: Final = (
    "not a batch file of the store (it names them YYYYMMDDTHHMMSS-xxxxxxxx.parquet)"
)

#: What identifies a checked file: path, device, inode, size, modification time.
_Identity = tuple[str, int, int, int, int]
#: Why a file is not a batch (``None``: it is one; ``""``: it is gone), and whether it revises.
_Verdict = tuple[str | None, bool]


@dataclass(frozen=True, slots=True)
class Scan:
    """The batches of a store (sorted by path), what was skipped, and those that revise."""

    batches: list[Path]
    skipped: list[SkippedFile]
    revising: list[Path] = field(default_factory=list)

    def parameters(self) -> dict[str, list[str]]:
        """The query parameters naming the batches: ``$files``, and ``$revising`` if any."""
        named = {"files": [str(path) for path in self.batches]}
        if self.revising:
            named["revising"] = [str(path) for path in self.revising]
        return named


def new_batch_name() -> str:
    """The name of a new batch: UTC time of the import and 8 random hex digits."""
    return f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


class BatchFinder:
    """Finds the batches of the store in ``root``, remembering the files already checked."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._verdicts: dict[_Identity, _Verdict] = {}

    def scan(self, source: str | None = None) -> Scan:
        """The batches of ``source`` (every source when ``None``), and the files skipped."""
        batches: list[Path] = []
        skipped: list[SkippedFile] = []
        verdicts: dict[_Identity, _Verdict] = {}
        revising: list[Path] = []
        for folder in self._folders(source, skipped):
            for path in sorted(folder.glob(f"*{SUFFIX}")):
                reason, revises = self._verdict(path, verdicts)
                if reason is None:
                    batches.append(path)
                    if revises:
                        revising.append(path)
                elif reason:
                    skipped.append(SkippedFile(path, reason))
        # Forget the files that are gone (after a scan of every source); one assignment, so
        # that threads scanning at once each see a whole dictionary.
        self._verdicts = verdicts if source is None else {**self._verdicts, **verdicts}
        return Scan(batches, skipped, revising)

    def _folders(self, source: str | None, skipped: list[SkippedFile]) -> list[Path]:
        """The store's source folders: real folders, never links to one."""
        candidates = [self._root / source] if source else sorted(self._root.glob("*"))
        folders = []
        for folder in candidates:
            mode = _mode(folder)
            if mode is not None and stat.S_ISDIR(mode):
                folders.append(folder)
            elif mode is not None and stat.S_ISLNK(mode) and folder.is_dir():
                skipped.append(SkippedFile(folder, "a symbolic link, not a folder of the store"))
        return folders

    def _verdict(self, path: Path, verdicts: dict[_Identity, _Verdict]) -> _Verdict:
        """``None`` for a batch, why it is not one, ``""`` when it is gone; and if it revises."""
        try:
            status = path.lstat()
        except FileNotFoundError:
            return "", False
        if not _NAME.fullmatch(path.name):
            return _NOT_A_BATCH, False
        if not stat.S_ISREG(status.st_mode):
            kind = "a symbolic link" if stat.S_ISLNK(status.st_mode) else file_type(status.st_mode)
            return f"not a regular file ({kind})", False
        identity = (str(path), status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
        known = self._verdicts
        verdict = known[identity] if identity in known else _check(path)
        verdicts[identity] = verdict
        return verdict


def _mode(path: Path) -> int | None:
    try:
        return path.lstat().st_mode
    except FileNotFoundError:
        return None


def _check(path: Path) -> _Verdict:
    """Why the regular file ``path`` is not a batch the store can read, and if it revises.

    The reason is ``None`` for a batch.
    """
    try:
        with open_regular(path) as stream:
            footer = pq.read_metadata(stream)
    except NotRegularFileError as error:
        return str(error), False
    except (OSError, pa.ArrowException) as error:
        return f"not a Parquet file the store can read ({quote(str(error))})", False
    if footer.num_rows == 0:
        return "holds no rows (the store keeps no empty batch)", False
    revises = (footer.metadata or {}).get(REVISES_KEY) == b"true"
    return _layout_problem(footer.schema.to_arrow_schema()), revises


def _layout_problem(schema: pa.Schema) -> str | None:
    """Why a file of ``schema`` is not in the store's layout, or ``None``."""
    for expected in EVENT_SCHEMA:
        index = schema.get_field_index(expected.name)
        if index < 0 and expected.name in LATER_COLUMNS:
            continue  # a batch written before the column existed: read as null
        if index < 0:
            return f"not in the store's layout: no column {expected.name!r}"
        found = schema.field(index).type
        if found != expected.type:
            return (
                f"not in the store's layout: column {expected.name!r} is {found}, "
                f"not {expected.type}"
            )
    metadata = schema.metadata or {}
    try:
        dt.datetime.fromisoformat(metadata[TIME_KEY].decode())
        metadata[FILE_KEY].decode()
    except (KeyError, ValueError):  # UnicodeDecodeError is a ValueError
        return "no record of the imported file and its time: not written by the store"
    return None
