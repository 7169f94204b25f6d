"""Bytes to lines of text: UTF-8 with or without a byte-order mark, any line ends.

Bytes that are not UTF-8 do not stop the import: they are kept as lone surrogates
(``surrogateescape``) so that the row holding them can be reported with its line and
column, and :func:`undecodable_field` finds them.

No line is ever held longer than :data:`settings.max_import_line_chars` (a file of one
huge line would exhaust memory): :func:`line_pieces` gives a longer line in pieces,
:func:`text_lines` refuses it.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import io
import re
from collections.abc import Iterator, Sequence
from typing import Any, cast

from corridors.core import settings
from corridors.reported.importers._opening import ByteStream, ImportFileError

_ESCAPED = re.compile("[\udc80-\udcff]")
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def line_pieces(stream: ByteStream, label: str) -> Iterator[tuple[str, bool]]:
    r"""The lines of ``stream`` in pieces of at most ``max_import_line_chars + 1`` characters.

    Yields ``(piece, ends)``: a line within the limit is one piece, with its line end
    (``\\n``, ``\\r\\n``, ``\\r``) and ``ends`` true; a longer line comes in several pieces,
    ``ends`` true on its last one only. A byte-order mark is removed.

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
    limit = settings.max_import_line_chars
    try:  # readline(size) decodes at most about ``size`` characters, whatever the line
        for piece in iter(functools.partial(text.readline, limit + 1), ""):
            yield piece, len(piece) <= limit or piece.endswith("\n")
    finally:  # the caller owns the file: let go of it rather than close it
        with contextlib.suppress(ValueError):
            text.detach()


def text_lines(stream: ByteStream, label: str) -> Iterator[str]:
    r"""The lines of ``stream`` with their line ends, each within the limit.

    Raises
    ------
    ImportFileError
        If the file is UTF-16, or at its first line longer than
        :data:`settings.max_import_line_chars` (the file cannot be read past it).

    """
    for number, (piece, ends) in enumerate(line_pieces(stream, label), start=1):
        if not ends:
            raise ImportFileError(
                f"{label}, line {number}: longer than {settings.max_import_line_chars:,} "
                "characters (settings.max_import_line_chars), far past any real row; the "
                "file is refused, as a CSV line cannot be skipped (a quoted field may span lines)"
            )
        yield piece


def undecodable_field(fields: Sequence[str]) -> int | None:
    """The index of the first field holding bytes that were not UTF-8, or ``None``."""
    if not _ESCAPED.search("".join(fields)):
        return None
    return next(index for index, value in enumerate(fields) if _ESCAPED.search(value))
