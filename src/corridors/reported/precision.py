"""How precisely an imported event's source placed and dated it: named, linked, counted.

ACLED gives ``geo_precision`` (1: the place named; 2: near it, within its area; 3: a
regional centre, the exact place being unknown) and ``time_precision`` (kept as a day, a
week or a month, :class:`~corridors.data.models.ReportedPrecision`). GDELT gives
``ActionGeo_Type`` (GDELT Event Codebook V2.0, "Geo_Type": 1 a country; 2 a US state and 5
a first-order division elsewhere (ADM1), both at the area's centroid; 3 and 4 a city) and
the day it added the row (``DATEADDED``) beside the event's day (``SQLDATE``). Both are
stored as they come (``geo_precision``, ``precision``, ``date_added``,
:mod:`corridors.reported.store.schema`); this module names them.

A point that stands for an area says which country or region an event concerns, not where
in it: the linker never ties it to a corridor near that centre (:func:`place_scopes`). An
event is *imprecise* (:func:`is_imprecise`, :func:`imprecise_sql`) when its source placed it
only at a regional centre, a first-order division or a country, or dated it only to a
week, a month or a year.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, Final

import numpy as np
import numpy.typing as npt

from corridors.data.models import ReportedPrecision, ReportedSource
from corridors.i18n import Translator

if TYPE_CHECKING:
    from corridors.reported.store import ReportedEvent


class PlacePrecision(StrEnum):
    """Where a source says an event happened, as precisely as it knows."""

    EXACT = "exact"  # ACLED 1: the place named
    NEAR = "near"  # ACLED 2: near the place named, within its area
    REGIONAL_CENTRE = "regional-centre"  # ACLED 3: a regional centre stands for the place
    CITY = "city"  # GDELT 3 and 4: a city
    ADM1 = "adm1"  # GDELT 2 and 5: a US state or a province (first-order division)
    COUNTRY = "country"  # GDELT 1: the country only


#: Each source's location codes (``geo_precision`` as stored); other codes are not named.
PLACE_CODES: Final[dict[str, dict[int, PlacePrecision]]] = {
    ReportedSource.ACLED: {
        1: PlacePrecision.EXACT,
        2: PlacePrecision.NEAR,
        3: PlacePrecision.REGIONAL_CENTRE,
    },
    ReportedSource.GDELT: {
        1: PlacePrecision.COUNTRY,
        2: PlacePrecision.ADM1,
        3: PlacePrecision.CITY,
        4: PlacePrecision.CITY,
        5: PlacePrecision.ADM1,
    },
}


class PlaceScope(IntEnum):
    """What a stored point stands for: the place itself, a region's or a country's centre."""

    POINT = 0
    REGION = 1
    COUNTRY = 2


#: The locations that stand for a wider area than the event's place, and which area.
AREA_SCOPES: Final[dict[PlacePrecision, PlaceScope]] = {
    PlacePrecision.REGIONAL_CENTRE: PlaceScope.REGION,
    PlacePrecision.ADM1: PlaceScope.REGION,
    PlacePrecision.COUNTRY: PlaceScope.COUNTRY,
}
COARSE_PLACES: Final = frozenset(AREA_SCOPES)
#: The ``geo_precision`` codes of each source that stand for an area, not a place.
AREA_CODES: Final[dict[str, dict[int, PlaceScope]]] = {
    source: {code: AREA_SCOPES[place] for code, place in codes.items() if place in AREA_SCOPES}
    for source, codes in PLACE_CODES.items()
}
#: Dates known to less than a day.
COARSE_DATES: Final = frozenset(
    {ReportedPrecision.WEEK, ReportedPrecision.MONTH, ReportedPrecision.YEAR}
)


def place_precision(event: ReportedEvent) -> PlacePrecision | None:
    """How precisely the event's source placed it (``None``: the source does not say)."""
    if event.geo_precision is None:
        return None
    return PLACE_CODES.get(event.source, {}).get(event.geo_precision)


def days_to_add(event: ReportedEvent) -> int | None:
    """How many days after the event its source added it (``None``: not said, or that day)."""
    if event.date_added is None or event.date_added <= event.date:
        return None
    return (event.date_added - event.date).days


def is_imprecise(event: ReportedEvent) -> bool:
    """Whether the event is placed only to a wide area or dated only to a week or longer."""
    return place_precision(event) in COARSE_PLACES or event.precision in COARSE_DATES


def precision_notes(event: ReportedEvent, translate: Translator) -> list[str]:
    """What the source says of the event's place and of when it added the row (plain text)."""
    notes = []
    place = place_precision(event)
    if place is not None:
        notes.append(translate(f"reported_precision.place.{place}"))
    late = days_to_add(event)
    if late is not None and event.date_added is not None:
        added = translate.short_date(event.date_added)
        notes.append(translate("reported_precision.added", count=late, date=added))
    return notes


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
