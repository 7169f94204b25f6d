"""Bytes to lines of text: UTF-8 with or without a byte-order mark, any line ends.

Bytes that are not UTF-8 do not stop the import: they are kept as lone surrogates
(``surrogateescape``) so that the row holding them can be reported with its line and
column, and :func:`undecodable_field` finds them.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import re
from collections.abc import Iterator
from typing import Any, cast

from corridors.reported.importers._opening import ByteStream, ImportFileError

_ESCAPED = re.compile("[\udc80-\udcff]")
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def text_lines(stream: ByteStream, label: str) -> Iterator[str]:
    r"""The lines of ``stream`` with their line ends (``\\n``, ``\\r\\n``), a BOM removed.

    Raises
    ------
    ImportFileError
        If the file starts with a UTF-16 byte-order mark (save it as UTF-8).

    """
    buffered = (
        stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(cast(Any, stream))
    )
    if buffered.peek(2)[:2] in _UTF16_MARKS:
        raise ImportFileError(f"{label}: the file is UTF-16; save it as UTF-8 to import it")
    text = io.TextIOWrapper(buffered, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        yield from text
    finally:  # the caller owns the file: let go of it rather than close it
        with contextlib.suppress(ValueError):
            text.detach()


def undecodable_field(fields: list[str]) -> int | None:
    """The index of the first field holding bytes that were not UTF-8, or ``None``."""
    if not _ESCAPED.search("".join(fields)):
        return None
    return next(index for index, value in enumerate(fields) if _ESCAPED.search(value))
