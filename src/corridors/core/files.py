"""Open a file for reading only if it is a regular file, without ever blocking on it."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from corridors.core.errors import CorridorsError


class NotRegularFileError(CorridorsError):
    """The path is a FIFO, a device, a directory or a socket, not a regular file."""


def open_regular(path: Path) -> io.BufferedReader:
    """Open ``path`` for reading; refuse anything but a regular file.

    The file is opened without blocking and checked on its open descriptor, so a FIFO or a
    device put in its place after any earlier check can neither hang nor feed the reader.

    Raises
    ------
    NotRegularFileError
        If ``path`` is not a regular file (the message names its type).
    OSError
        If it cannot be opened.

    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise NotRegularFileError(f"not a regular file ({file_type(mode)})")
    os.set_blocking(descriptor, True)
    return open(descriptor, "rb")


def file_type(mode: int) -> str:
    """What a file of ``mode`` is, in words ("a named pipe", ...)."""
    kinds = {
        stat.S_ISDIR: "a directory",
        stat.S_ISFIFO: "a named pipe",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    return next((name for test, name in kinds.items() if test(mode)), "a special file")
