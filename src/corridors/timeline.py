"""Date filtering, corridor status "as of" a date, and the event <-> feature index."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from corridors.models import Event, EventKind

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
    """The named ranges the sidebar offers, each cut to the catalogue's span."""
    return {
        "everything": span,
        "since-ceasefire": DateRange(CEASEFIRE_STATEMENT, span.end).clamp(span),
        "summit-week": DateRange(*SUMMIT_WEEK).clamp(span),
    }


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
        linked = self._by_feature.get(feature_id, ())
        if dates is None and kinds is None:
            return linked
        span = dates if dates is not None else DateRange(dt.date.min, dt.date.max)
        return filter_events(linked, span, kinds)
