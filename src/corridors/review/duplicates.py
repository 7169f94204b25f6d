"""Likely duplicates of a draft in the catalogue, to be looked at before publishing.

An event is a likely duplicate of a draft when its date is within a day of the draft's and
they share a feature other than a country (most events of a day name Azerbaijan), or when
their titles are alike in either language: the folded titles
(:func:`~corridors.core.normalise.fold`) compared by rapidfuzz's token-set ratio, which
scores a title inside a longer one high and word order not at all. The editor shows each
beside the draft, ``corridors ingest`` lists both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from rapidfuzz import fuzz

from corridors.core.normalise import fold
from corridors.data.catalog import Catalog
from corridors.data.models import Boundary, BoundaryKind, Event

#: Titles this alike (0-100, rapidfuzz's token-set ratio of the folded titles) are alike.
SIMILAR_TITLE: Final = 85.0
#: Dates this many days apart or less count as the same date.
DAYS_APART: Final = 1


@dataclass(frozen=True)
class Duplicate:
    """An event of the catalogue a draft may repeat, and why (``date-and-features``, ``title``)."""

    event: Event
    reasons: tuple[str, ...]
    #: The features both link, countries left out.
    shared: tuple[str, ...]


def likely_duplicates(record: Mapping[str, Any], catalog: Catalog) -> list[Duplicate]:
    """The catalogue's events that ``record`` (a draft record) may repeat, closest date first."""
    day = _day(record.get("date"))
    features = {str(f) for f in record.get("features") or ()} - _countries(catalog)
    titles = _titles(record.get("title"))
    found = []
    for event in catalog.events:
        shared = tuple(f for f in event.features if f in features)
        reasons = []
        if day is not None and abs((event.date - day).days) <= DAYS_APART and shared:
            reasons.append("date-and-features")
        if _alike(titles, _titles(event.title)):
            reasons.append("title")
        if reasons:
            found.append(Duplicate(event, tuple(reasons), shared))
    if day is None:
        return found
    return sorted(found, key=lambda d: abs((d.event.date - day).days))


def _countries(catalog: Catalog) -> set[str]:
    return {
        f.id
        for f in catalog.features()
        if isinstance(f, Boundary) and f.kind is BoundaryKind.COUNTRY
    }


def _alike(ours: list[str], theirs: list[str]) -> bool:
    return any(fuzz.token_set_ratio(a, b) >= SIMILAR_TITLE for a in ours for b in theirs)


def _titles(value: Any) -> list[str]:
    if not isinstance(value, Mapping):
        return []
    return [folded for text in value.values() if (folded := fold(str(text or "")))]


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
