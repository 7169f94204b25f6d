"""Read a curated data file safely: a regular file inside the data directory, of bounded size."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from corridors.core import settings
from corridors.core.errors import Problem, ProblemKind
from corridors.core.files import NotRegularFileError, file_type, open_regular


def read_data_text(directory: Path, filename: str) -> str | Problem:
    """The UTF-8 text of ``directory/filename``, or the problem that stops it being read.

    Only a regular file that resolves inside ``directory`` is read (a symlink may point
    elsewhere inside it), and only up to :data:`settings.max_data_file_bytes`. A FIFO, a
    device, a directory or a link out of the data directory is refused without opening
    it, so nothing can hang the loader or leak another file's contents into a message.
    Messages name the file relative to the data directory, never the server's own paths.
    """
    problem = _refusal(directory, filename)
    if problem is not None:
        return problem
    limit = settings.max_data_file_bytes
    try:
        with open_regular(directory / filename) as stream:
            raw = stream.read(limit + 1)
    except NotRegularFileError as error:  # replaced since it was checked
        return _problem(filename, ProblemKind.NOT_A_FILE, str(error))
    except OSError as error:
        return _problem(filename, ProblemKind.UNREADABLE, f"cannot read it: {error.strerror}")
    if len(raw) > limit:  # grew after the size check
        return _too_large(filename)
    return _decode(filename, raw)


def _refusal(directory: Path, filename: str) -> Problem | None:
    """Why ``filename`` must not be opened, or ``None`` when it is safe to read."""
    path = directory / filename
    if not path.is_symlink() and not path.exists():
        return _problem(filename, ProblemKind.MISSING_FILE, "the file does not exist")
    try:
        target = path.resolve(strict=True)
        inside = target.is_relative_to(directory.resolve(strict=True))
        status = target.stat()
    except (OSError, RuntimeError):  # a dangling or looping link
        return _problem(filename, ProblemKind.NOT_A_FILE, "a link to nothing readable")
    if not inside:
        return _problem(
            filename, ProblemKind.NOT_A_FILE, "a link to a file outside the data directory"
        )
    if not stat.S_ISREG(status.st_mode):
        return _problem(
            filename, ProblemKind.NOT_A_FILE, f"not a regular file ({file_type(status.st_mode)})"
        )
    if status.st_size > settings.max_data_file_bytes:
        return _too_large(filename)
    if not os.access(target, os.R_OK):
        return _problem(filename, ProblemKind.UNREADABLE, "permission denied")
    return None


def _decode(filename: str, raw: bytes) -> str | Problem:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return Problem(
            filename,
            None,
            None,
            ProblemKind.NOT_UTF8,
            f"byte 0x{raw[error.start]:02x} on line {line} is not UTF-8; save the file as UTF-8",
            line=line,
            column=column,
        )


def _too_large(filename: str) -> Problem:
    limit = settings.max_data_file_bytes
    return _problem(
        filename,
        ProblemKind.TOO_LARGE,
        f"larger than {limit:,} bytes, the limit for a curated data file "
        "(settings.max_data_file_bytes)",
    )


def _problem(filename: str, kind: ProblemKind, reason: str) -> Problem:
    return Problem(filename, None, None, kind, reason)
