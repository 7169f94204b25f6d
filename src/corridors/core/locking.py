"""One writer at a time in a folder: an exclusive lock shared by processes and threads.

Every change to the data directory (publishing, saving or dropping a draft) and to the
import store (an import, a removal) is made holding the lock of its folder, so that two
commands, two editor tabs or a command and the editor cannot interleave their
read-check-write steps. The lock is ``<folder>/.corridors.lock``, an ``flock`` taken through
:mod:`filelock`; only writers take it, so the public app, which never writes, never creates
it. A thread that holds the lock may take it again (publishing drops the draft it read).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Final

from filelock import FileLock, Timeout

from corridors.core import settings
from corridors.core.errors import CorridorsError

#: The lock file of a folder (git-ignored; never in a wheel).
LOCK_FILE: Final = ".corridors.lock"


class LockError(CorridorsError):
    """A folder's lock could not be taken: the folder is missing or its lock file unwritable."""


class LockTimeoutError(LockError):
    """Another writer held a folder's lock for longer than the wait allowed."""


@contextmanager
def exclusive(folder: Path, *, timeout: float) -> Iterator[None]:
    """Hold the lock of ``folder`` (an existing folder) for the ``with`` block.

    Raises
    ------
    LockTimeoutError
        If another process or thread held it for ``timeout`` seconds (the message names
        ``folder``); the block did not run.
    LockError
        If ``folder`` is not a folder, or its lock file cannot be created or opened.

    """
    if not folder.is_dir():  # never created here: a mistyped --data stays an error
        raise LockError(f"{folder}: no such folder; nothing was changed")
    # One lock object per file: a thread taking it again only counts, never waits for itself.
    lock = FileLock(folder / LOCK_FILE, is_singleton=True)
    try:
        lock.acquire(timeout=timeout)
    except Timeout:  # a TimeoutError, hence an OSError: caught first
        raise LockTimeoutError(
            f"{folder}: another change to this folder (a publish, a draft being saved or "
            f"dropped, an import or a removal) still held its lock after {timeout:g} s; "
            "nothing was changed, try again when it has finished"
        ) from None
    except OSError as error:
        raise LockError(
            f"{folder}: its lock file {LOCK_FILE} cannot be created or opened "
            f"({error.strerror or error}); nothing was changed"
        ) from None
    try:
        yield
    finally:
        lock.release()


def data_lock(directory: Path) -> AbstractContextManager[None]:
    """The data directory's lock, waited for up to ``settings.data_lock_timeout_s``."""
    return exclusive(directory, timeout=settings.data_lock_timeout_s)
