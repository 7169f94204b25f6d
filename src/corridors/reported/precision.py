"""How precisely an imported event's source placed and dated it, in the source's own codes.

ACLED gives ``geo_precision`` (1: the place named; 2: near it, within its area; 3: a
regional centre, the exact place being unknown) and ``time_precision`` (kept as a day, a
week or a month, :class:`~corridors.data.models.ReportedPrecision`). GDELT gives
``ActionGeo_Type`` (1: a country; 2 and 5: a first-order division, a US state or a province;
3 and 4: a city) and the day it added the row (``DATEADDED``) beside the event's day
(``SQLDATE``). Both are stored as they come (``geo_precision``, ``precision``,
``date_added``, :mod:`corridors.reported.store.schema`); this module names them.

An event is *imprecise* (:func:`is_imprecise`) when its source placed it only at a regional
centre, a first-order division or a country, or dated it only to a week, a month or a year.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Final

from corridors.data.models import ReportedPrecision, ReportedSource
from corridors.i18n import Translator
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
#: Locations that stand for a wider area than the event's place.
COARSE_PLACES: Final = frozenset(
    {PlacePrecision.REGIONAL_CENTRE, PlacePrecision.ADM1, PlacePrecision.COUNTRY}
)
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


def imprecise_count(events: Iterable[ReportedEvent]) -> int:
    """How many of ``events`` are imprecise (:func:`is_imprecise`)."""
    return sum(1 for event in events if is_imprecise(event))


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
