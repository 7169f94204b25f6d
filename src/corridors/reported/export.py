"""Imported events as CSV: every column as stored, the review status and the precisions named.

The same ``review_status`` column as the curated events' export
(:func:`corridors.data.export.events_csv`), always ``imported``; then the source's own
precisions as it gave them (``precision``, ``geo_precision``, ``date_added``) and as the
atlas reads them (``place_precision``, ``days_to_add``, ``imprecise``,
:mod:`corridors.reported.precision`). Text comes from files the atlas did not write: every
cell is formula-safe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Final

from corridors.data.export import BYTE_ORDER_MARK, spreadsheet_safe
from corridors.data.review_status import ReviewStatus
from corridors.reported.precision import days_to_add, is_imprecise, place_precision
from corridors.reported.store import ReportedEvent

#: The CSV header.
COLUMNS: Final = (
    "source",
    "event_id",
    "review_status",
    "date",
    "precision",
    "date_added",
    "days_to_add",
    "geo_precision",
    "place_precision",
    "imprecise",
    "kind",
    "event_type",
    "latitude",
    "longitude",
    "location",
    "country",
    "actor1",
    "actor2",
    "fatalities",
    "source_name",
    "url",
    "notes",
    "features",
)


def reported_csv(events: Iterable[ReportedEvent]) -> str:
    """The events as CSV (UTF-8 text starting with a byte order mark), one row each."""
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for event in events:
        writer.writerow([_cell(value) for value in _row(event)])
    return buffer.getvalue()


def _row(event: ReportedEvent) -> tuple[object, ...]:
    place = place_precision(event)
    return (
        event.source,
        event.event_id,
        ReviewStatus.IMPORTED,
        event.date,
        event.precision,
        event.date_added,
        days_to_add(event),
        event.geo_precision,
        place,
        "yes" if is_imprecise(event) else "no",
        event.kind,
        event.event_type,
        event.latitude,
        event.longitude,
        event.location,
        event.country,
        event.actor1,
        event.actor2,
        event.fatalities,
        event.source_name,
        event.url,
        event.notes,
        " ".join(event.features),
    )


def _cell(value: object) -> str:
    """A value as CSV text: empty for none, ISO for a date; text formula-safe, numbers as such.

    A negative coordinate stays a number: only text (as imported) is guarded.
    """
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):  # an enum's value is its text
        return spreadsheet_safe(str(value))
    return str(value)
