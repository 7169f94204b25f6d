"""Date filtering, corridor status "as of" a date, and the event <-> feature index.

An event covers a span of days, not only its date: a month-precision event the whole
month, a year-precision one the whole year, and an event with an ``end`` every day from the
start of its date's period to the last day of its end's. Filters keep an event whose span
meets the range (:func:`overlap` says whether in whole or in part).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Final

from corridors.data.models import Event, EventKind, Precision

#: 10 November 2020: the trilateral ceasefire statement took effect.
CEASEFIRE_STATEMENT: Final = dt.date(2020, 11, 10)
#: 7-8 August 2025: the SOCAR-ExxonMobil memorandum and the Washington summit.
SUMMIT_WEEK: Final = (dt.date(2025, 8, 7), dt.date(2025, 8, 8))


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of days."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"date range starts ({self.start}) after it ends ({self.end})")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def clamp(self, other: DateRange) -> DateRange:
        """The overlap of both ranges, or ``other`` itself when they do not overlap."""
        start, end = max(self.start, other.start), min(self.end, other.end)
        return DateRange(start, end) if start <= end else other


def catalogue_span(events: Sequence[Event]) -> DateRange:
    """From the first day an event covers to the last: two days at least, today when none."""
    spans = [event_span(event) for event in events]
    start = min((span.start for span in spans), default=dt.date.today())
    end = max((span.end for span in spans), default=start)
    return DateRange(min(start, end - dt.timedelta(days=1)), end)


def presets(span: DateRange) -> dict[str, DateRange]:
    """The ranges the sidebar offers, each cut to the catalogue's span.

    The named ones first, then every calendar year (``year-2025``) and every month
    (``month-2025-08``) of the span, the latest first.
    """
    return dict(_presets(span))


@cache
def _presets(span: DateRange) -> tuple[tuple[str, DateRange], ...]:
    named = {
        "everything": span,
        "since-ceasefire": DateRange(CEASEFIRE_STATEMENT, span.end).clamp(span),
        "summit-week": DateRange(*SUMMIT_WEEK).clamp(span),
    }
    years = range(span.end.year, span.start.year - 1, -1)
    by_year = {
        f"year-{year}": DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31)).clamp(span)
        for year in years
    }
    months = (_month(year, month) for year in years for month in range(12, 0, -1))
    by_month = {
        f"month-{days.start:%Y-%m}": days.clamp(span)
        for days in months
        if days.start <= span.end and days.end >= span.start
    }
    return tuple({**named, **by_year, **by_month}.items())


def _month(year: int, month: int) -> DateRange:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return DateRange(dt.date(year, month, 1), following - dt.timedelta(days=1))


def preset_start(name: str) -> dt.date | None:
    """The first day of a year or month preset's name (``None`` for the named presets)."""
    kind, _, rest = name.partition("-")
    if kind == "year" and rest.isdigit():
        return dt.date(int(rest), 1, 1)
    if kind == "month":
        return dt.date.fromisoformat(f"{rest}-01")
    return None


class Overlap(StrEnum):
    """How much of an event's span a date range takes in."""

    NONE = "none"
    PART = "part"
    WHOLE = "whole"


def period(day: dt.date, precision: Precision) -> DateRange:
    """The days a date known to ``precision`` may be: the day, its month or its year."""
    if precision is Precision.YEAR:
        return DateRange(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    if precision is Precision.MONTH:
        return _month(day.year, day.month)
    return DateRange(day, day)


def event_span(event: Event) -> DateRange:
    """The first and the last day an event covers.

    Its date's period (the day, month or year known); with an ``end``, from the start of
    that period to the last day of the end's own period.
    """
    start = period(event.date, event.precision)
    if event.end is None:
        return start
    return DateRange(start.start, period(event.end, event.end_precision).end)


def overlap(event: Event, dates: DateRange) -> Overlap:
    """Whether ``dates`` takes in the whole of the event's span, a part of it, or none.

    An event with an ``end`` is active on every day of its span, so a range that meets it
    has it (in part unless the range holds the whole interval); so is an event of a month
    or a year, whose day is not known.
    """
    span = event_span(event)
    if span.end < dates.start or span.start > dates.end:
        return Overlap.NONE
    if dates.start <= span.start and span.end <= dates.end:
        return Overlap.WHOLE
    return Overlap.PART


def active_on(event: Event, day: dt.date) -> bool:
    """Whether ``day`` lies in the event's span (its interval, month or year, or its day)."""
    return day in event_span(event)


def filter_events(
    events: Iterable[Event], dates: DateRange, kinds: Iterable[EventKind] | None = None
) -> tuple[Event, ...]:
    """The events whose span meets ``dates``, of a kind in ``kinds`` (all kinds when ``None``).

    An event of December 2025 is in any range that meets December 2025 (see :func:`overlap`).
    """
    wanted = None if kinds is None else frozenset(kinds)
    return tuple(
        event
        for event in events
        if (wanted is None or event.kind in wanted) and overlap(event, dates) is not Overlap.NONE
    )


def count_by_feature(events: Iterable[Event]) -> Counter[str]:
    """How many of ``events`` link to each feature id."""
    return Counter(feature for event in events for feature in event.features)


class EventIndex:
    """Events by id, and the events linked to each map feature, in date order."""

    def __init__(self, events: Sequence[Event]) -> None:
        self._by_id: dict[str, Event] = {event.id: event for event in events}
        by_feature: defaultdict[str, list[Event]] = defaultdict(list)
        for event in sorted(events, key=lambda e: (e.date, e.id)):
            for feature in event.features:
                by_feature[feature].append(event)
        self._by_feature: Mapping[str, tuple[Event, ...]] = {
            feature: tuple(linked) for feature, linked in by_feature.items()
        }

    def event(self, event_id: str) -> Event | None:
        """The event with this id, or ``None``."""
        return self._by_id.get(event_id)

    def events_of(
        self,
        feature_id: str,
        dates: DateRange | None = None,
        kinds: Iterable[EventKind] | None = None,
    ) -> tuple[Event, ...]:
        """The events linked to a feature, optionally only those in ``dates`` and ``kinds``."""
        return self.events_of_any((feature_id,), dates, kinds)

    def events_of_any(
        self,
        feature_ids: Iterable[str],
        dates: DateRange | None = None,
        kinds: Iterable[EventKind] | None = None,
    ) -> tuple[Event, ...]:
        """The events linked to any of ``feature_ids``, each once, in date order."""
        found = {
            event.id: event
            for feature_id in feature_ids
            for event in self._by_feature.get(feature_id, ())
        }
        linked = sorted(found.values(), key=lambda event: (event.date, event.id))
        span = dates if dates is not None else DateRange(dt.date.min, dt.date.max)
        return filter_events(linked, span, kinds)
