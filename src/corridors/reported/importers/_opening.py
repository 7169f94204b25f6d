"""Open a file to import as a byte stream: regular files only, zip archives as a stream.

A zip archive must hold exactly one member, a plain file whose name has one of the
suffixes the importer expects, that expands to at most :data:`settings.max_unzipped_bytes`.
The member is decompressed as a stream, and :mod:`zipfile` never yields more than the size
its header declares (an archive that understates it fails its CRC check, an error here), so
checking the declared size bounds what an import can expand to. An encrypted member, one
compressed with a method :mod:`zipfile` cannot read, and damaged data are each an
:class:`ImportFileError` naming the archive.
"""

from __future__ import annotations

import io
import lzma
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, cast

from corridors.core import settings
from corridors.core.errors import CorridorsError
from corridors.core.files import NotRegularFileError, open_regular
from corridors.reported.importers.rows import quote_value

#: Called with the number of bytes of the file on disk read since the last call.
Progress = Callable[[int], None]
#: A stream of the bytes to import.
ByteStream = io.RawIOBase | io.BufferedReader


class ImportFileError(CorridorsError):
    """A file cannot be imported at all (not a regular file, a refused archive, a bad header)."""


@dataclass(frozen=True, slots=True)
class OpenedFile:
    """A file opened for import: its bytes, its name in messages and its size on disk."""

    stream: ByteStream
    label: str
    size: int


@contextmanager
def open_import(
    path: Path, *, suffixes: tuple[str, ...], progress: Progress | None = None
) -> Iterator[OpenedFile]:
    """Open ``path`` (or the one member of a zip archive) as a stream of bytes.

    Raises
    ------
    ImportFileError
        If ``path`` is not a regular file, or is an archive holding anything but one
        member with one of ``suffixes`` (case-insensitive), or expanding past the limit.

    """
    raw = _open_regular(path)
    with raw:
        size = os.fstat(raw.fileno()).st_size
        counted: ByteStream = _Counting(raw, progress) if progress else raw
        if not zipfile.is_zipfile(raw):
            raw.seek(0)
            yield OpenedFile(counted, str(path), size)
            return
        raw.seek(0)
        try:
            archive = zipfile.ZipFile(cast(IO[bytes], counted))
        except _ZIP_ERRORS as error:
            raise _damaged(path, error) from None
        with archive:
            member = _expected_member(archive, path, suffixes)
            try:
                inner = archive.open(member)
            except _ZIP_ERRORS as error:
                raise _damaged(path, error) from None
            with inner:
                unzipping = _Unzipping(cast(io.BufferedIOBase, inner), path)
                yield OpenedFile(unzipping, f"{path}:{member.filename}", size)


#: What :mod:`zipfile` raises for an archive it cannot read (also while decompressing;
#: ``OSError``: damaged bzip2 data; ``NotImplementedError``: a feature such as patched data).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    OSError,
    EOFError,
    NotImplementedError,
)
#: The compression methods :mod:`zipfile` reads.
_READABLE_METHODS = {
    zipfile.ZIP_STORED: "stored",
    zipfile.ZIP_DEFLATED: "deflate",
    zipfile.ZIP_BZIP2: "bzip2",
    zipfile.ZIP_LZMA: "lzma",
}
#: General-purpose flag bit 0 of a zip header: the member is encrypted.
_ENCRYPTED_FLAG = 0x1


def _damaged(path: Path, error: Exception) -> ImportFileError:
    return ImportFileError(f"{path}: a damaged zip archive: {quote_value(str(error))}")


def _open_regular(path: Path) -> io.BufferedReader:
    """Open ``path`` for reading without blocking, and refuse anything but a regular file."""
    try:
        return open_regular(path)
    except NotRegularFileError:
        raise ImportFileError(
            f"{path}: not a regular file; only regular files are imported"
        ) from None
    except OSError as error:
        raise ImportFileError(f"{path}: cannot open: {error.strerror}") from None


def _expected_member(
    archive: zipfile.ZipFile, path: Path, suffixes: tuple[str, ...]
) -> zipfile.ZipInfo:
    members = archive.infolist()
    wanted = " or ".join(suffixes)
    if len(members) != 1:
        names = ", ".join(repr(member.filename) for member in members[:5])
        raise ImportFileError(
            f"{path}: a zip archive to import must hold exactly one file ({wanted}); "
            f"it holds {len(members)}: {names}"
        )
    member = members[0]
    name = PurePosixPath(member.filename)
    plain = len(name.parts) == 1 and name.name not in ("", ".", "..") and not member.is_dir()
    if not plain or not member.filename.lower().endswith(tuple(s.lower() for s in suffixes)):
        raise ImportFileError(
            f"{path}: the archive holds {member.filename!r}, not a plain {wanted} file"
        )
    if stat.S_IFMT(member.external_attr >> 16) not in (0, stat.S_IFREG):
        raise ImportFileError(f"{path}: the archive's member {member.filename!r} is not a file")
    _check_readable(member, path)
    if member.file_size > settings.max_unzipped_bytes:
        raise ImportFileError(
            f"{path}:{member.filename}: expands past {settings.max_unzipped_bytes:,} bytes "
            "(settings.max_unzipped_bytes); refused as a possible zip bomb"
        )
    return member


def _check_readable(member: zipfile.ZipInfo, path: Path) -> None:
    """Refuse a member that is encrypted or compressed with a method zipfile cannot read."""
    if member.flag_bits & _ENCRYPTED_FLAG:
        raise ImportFileError(
            f"{path}: the archive's member {member.filename!r} is encrypted; import it unencrypted"
        )
    if member.compress_type not in _READABLE_METHODS:
        readable = ", ".join(_READABLE_METHODS.values())
        raise ImportFileError(
            f"{path}: the archive's member {member.filename!r} is compressed with method "
            f"{member.compress_type}, which cannot be read; zip it again with one of: {readable}"
        )


class _Unzipping(io.RawIOBase):
    """An archive member's bytes; a failure to decompress them is an :class:`ImportFileError`.

    Only reads are translated, so an error of the importer reading the stream is its own.
    """

    def __init__(self, inner: io.BufferedIOBase, path: Path) -> None:
        self._inner = inner
        self._path = path

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            return self._inner.readinto(buffer)
        except _ZIP_ERRORS as error:
            raise _damaged(self._path, error) from None


class _Counting(io.RawIOBase):
    """A seekable byte stream that reports how many bytes are read from it."""

    def __init__(self, inner: io.BufferedReader, progress: Progress) -> None:
        self._inner = inner
        self._progress = progress

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._inner.seek(offset, whence)

    def tell(self) -> int:
        return self._inner.tell()

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = self._inner.readinto(buffer)
        self._progress(count)
        return count
