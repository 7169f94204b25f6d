"""Hexagonal cells (H3) of imported events: indexed once at import, grouped by DuckDB.

Every stored event keeps the H3 cell that holds it at :data:`settings.stored_cell_resolution`.
A coarser cell is that cell's *parent*, which H3 defines bit by bit: the index carries its
resolution in bits 52-55 and one 3-bit digit per finer resolution, unused digits all ones.
:func:`parent_sql` writes that rule as SQL, so grouping a million events into the cells of any
coarser resolution is one ``GROUP BY`` in the store, with no H3 extension to download.
(H3 cells do not nest exactly, so near its edge a coarse cell's events are those of its
children, which is how H3 aggregates, not always the points inside its outline.)
"""

from __future__ import annotations

import re
from typing import Final

import h3
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from corridors.core import settings

#: Bits 52-55 of an H3 index hold its resolution.
_RESOLUTION_SHIFT: Final = 52
_DIGIT_BITS: Final = 3
_FINEST: Final = 15
#: A cell as links carry it (:func:`cell_name`): 15 lowercase hex digits, nothing else.
_CELL_TEXT: Final = re.compile("[0-9a-f]{15}")


def cell_ids(latitude: npt.ArrayLike, longitude: npt.ArrayLike) -> pa.UInt64Array:
    """The H3 cell of each point at :data:`settings.stored_cell_resolution` (as integers)."""
    resolution = settings.stored_cell_resolution
    to_cell = h3.api.basic_int.latlng_to_cell
    cells = [
        to_cell(lat, lng, resolution)
        for lat, lng in zip(
            np.asarray(latitude, dtype=float).tolist(),
            np.asarray(longitude, dtype=float).tolist(),
            strict=True,
        )
    ]
    array: pa.UInt64Array = pa.array(cells, type=pa.uint64())
    return array


def parent_sql(column: str, resolution: int) -> str:
    """SQL for the parent at ``resolution`` of the H3 cells in ``column`` (a UBIGINT column).

    ``resolution`` must be an int from 0 to :data:`settings.stored_cell_resolution`; it is
    checked, so the SQL never holds anything but digits besides ``column``.
    """
    finest = settings.stored_cell_resolution
    if isinstance(resolution, bool) or not 0 <= resolution <= finest:
        raise ValueError(f"cell resolution {resolution!r} is not from 0 to {finest}")
    unused_digits = (1 << (_DIGIT_BITS * (_FINEST - resolution))) - 1
    cleared = ~(0xF << _RESOLUTION_SHIFT) & 0xFFFF_FFFF_FFFF_FFFF
    return (
        f"(({column} & {cleared}::UBIGINT) | {resolution << _RESOLUTION_SHIFT}::UBIGINT"
        f" | {unused_digits}::UBIGINT)"
    )


def cell_name(cell: int) -> str:
    """The usual text form of an H3 cell (15 lowercase hex digits), as links carry it."""
    name: str = h3.int_to_str(cell)
    return name


def parse_cell(text: str) -> int | None:
    """The cell named by ``text`` if it is a valid H3 cell no finer than the stored one.

    Only the form :func:`cell_name` writes is read (15 lowercase hex digits): h3 itself
    also reads signs, spaces, ``0x`` and underscores, and raises ``OverflowError`` on a
    number outside 64 bits, which a link must never cause.
    """
    if _CELL_TEXT.fullmatch(text) is None:
        return None
    cell = int(text, 16)
    if not h3.api.basic_int.is_valid_cell(cell) or cell_resolution(cell) > (
        settings.stored_cell_resolution
    ):
        return None
    return cell


def cell_resolution(cell: int) -> int:
    """The resolution of an H3 cell given as an integer."""
    return (cell >> _RESOLUTION_SHIFT) & 0xF


def cell_outline(cell: int) -> list[tuple[float, float]]:
    """The cell's boundary as a closed ring of (longitude, latitude) pairs."""
    ring = [(lng, lat) for lat, lng in h3.api.basic_int.cell_to_boundary(cell)]
    return [*ring, ring[0]]
