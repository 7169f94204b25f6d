"""Date filtering, corridor status "as of" a date, and the event <-> feature index."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from corridors.data.models import Event, EventKind

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
    """From the first event to the last: at least two days, today when there are none."""
    days = [event.date for event in events] or [dt.date.today()]
    start, end = min(days), max(days)
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


def filter_events(
    events: Iterable[Event], dates: DateRange, kinds: Iterable[EventKind] | None = None
) -> tuple[Event, ...]:
    """The events inside ``dates`` whose kind is one of ``kinds`` (all kinds when ``None``)."""
    wanted = None if kinds is None else frozenset(kinds)
    return tuple(
        event
        for event in events
        if event.date in dates and (wanted is None or event.kind in wanted)
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
