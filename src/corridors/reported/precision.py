"""How precisely a source places and dates an event: what the linker and the cells go by.

ACLED's ``geo_precision`` 3 places an event at the centre of a larger region (a provincial
capital) when the source names no closer place; GDELT's ``ActionGeo_Type`` (GDELT Event
Codebook V2.0, "Geo_Type") is 1 for a match to a country, 2 for a US state and 5 for a
first-order division elsewhere (ADM1), both placed at the area's centroid (3 and 4 are
cities). Such a point says which country or region an event concerns, not where in it:
the linker never ties it to a corridor near that centre, and the cells count it as
imprecise. A date is imprecise when the source knows only its week, month or year.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Final

import numpy as np
import numpy.typing as npt

from corridors.data.models import ReportedPrecision, ReportedSource


class PlaceScope(IntEnum):
    """What a stored point stands for: the place itself, a region's or a country's centre."""

    POINT = 0
    REGION = 1
    COUNTRY = 2


#: The ``geo_precision`` codes of each source that stand for an area, not a place.
AREA_CODES: Final[dict[str, dict[int, PlaceScope]]] = {
    ReportedSource.ACLED: {3: PlaceScope.REGION},
    ReportedSource.GDELT: {1: PlaceScope.COUNTRY, 2: PlaceScope.REGION, 5: PlaceScope.REGION},
}


def place_scopes(sources: npt.ArrayLike, codes: npt.ArrayLike) -> npt.NDArray[np.int8]:
    """The :class:`PlaceScope` of each row, from its source and ``geo_precision`` (or null)."""
    source_array = np.asarray(sources, dtype=object)
    code_array = np.asarray(codes, dtype=object)
    scopes = np.full(len(source_array), PlaceScope.POINT, dtype=np.int8)
    for source, areas in AREA_CODES.items():
        for code, scope in areas.items():
            scopes[(source_array == source) & (code_array == code)] = scope
    return scopes


def imprecise_sql() -> str:
    """A DuckDB condition on a stored row: its date or its place is imprecise (see above).

    Only constants of this module are written into it (source names and whole numbers).
    """
    dates = f"coalesce(precision, '{ReportedPrecision.DAY}') <> '{ReportedPrecision.DAY}'"
    places = [
        f"(source = '{source}' AND list_contains({sorted(areas)}, geo_precision))"
        for source, areas in AREA_CODES.items()
    ]
    return f"({' OR '.join([dates, *places])})"
