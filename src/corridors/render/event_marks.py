"""The events on the map: a mark per event at its most specific feature, coloured by kind.

Renderer-neutral, like the rest of the scene: an :class:`EventMark` is a point, a colour
and a plain-text tooltip. A renderer draws the marks above the areas and lines, keeps the
places' dots in view, and reports a click on one as the layer :data:`EVENTS_LAYER` with the
event's id. Marks that share a point, or sit on a place's dot, are spread round it by
:func:`ring_offsets` (in pixels), so that each stays clickable.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from shapely.geometry import LineString, MultiLineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from corridors.data.catalog import Catalog
from corridors.data.models import Boundary, BoundaryKind, Event, EventKind, Precision
from corridors.data.review_status import ReviewStatus
from corridors.data.timeline import DateRange, Overlap, overlap
from corridors.i18n import Translator
from corridors.i18n.review import status_line
from corridors.i18n.when import written_dates
from corridors.render.styles import KIND_RGBA, RGBA

#: The layer a click on an event's mark reports (its row id is the event's id).
EVENTS_LAYER: Final = "events"
#: Pixels between the centres of two marks spread round the point they share.
MARK_SPACING: Final = 17.0
#: How specific a feature is, most specific first: where an event's mark goes.
_RANKS: Final = {"places": 0, "corridors": 1, "regions": 2, "countries": 3}
#: Pole of inaccessibility found to this many degrees (about a kilometre).
_POLE_TOLERANCE: Final = 0.01


@dataclass(frozen=True, slots=True)
class EventMark:
    """One event as drawn on the map: its id and kind, where, its colour and its text."""

    id: str
    kind: EventKind
    lon: float
    lat: float
    color: RGBA
    #: The event's title in the scene's language (plain text).
    title: str
    #: The event's date as recorded (ISO), known to :attr:`precision`.
    date: str
    precision: Precision = Precision.DAY
    #: The last day of an event that lasts (ISO), known to :attr:`end_precision`.
    end: str | None = None
    end_precision: Precision = Precision.DAY
    #: The date range shown cuts the days the event covers: it is in range only in part.
    in_part: bool = False
    #: The selected event's mark (drawn larger and outlined in the highlight colour).
    selected: bool = False

    def tooltip(self, translate: Translator) -> str:
        """Plain-text tooltip: the title, the date as the event's card writes it, the kind.

        Then what the event is: curated, checked against its sources (only the catalogue's
        events are marks; drafts and imported events are not drawn as marks).
        """
        start = (dt.date.fromisoformat(self.date), self.precision)
        end = None if self.end is None else (dt.date.fromisoformat(self.end), self.end_precision)
        day = written_dates(translate, start, end, in_part=self.in_part)
        curated = status_line(translate, ReviewStatus.CURATED)
        return f"{self.title}\n{day}\n{translate(f'kinds.{self.kind}')}\n{curated}"


def event_marks(
    catalog: Catalog,
    events: Iterable[Event],
    translate: Translator,
    *,
    selected: str | None = None,
    dates: DateRange | None = None,
) -> tuple[EventMark, ...]:
    """A mark per event, in the order given, at its most specific feature.

    A place comes before a corridor or the route, which comes before a region or an
    autonomous republic, which comes before a country; of several features of one rank, the
    first listed. A place's mark sits on it, a line's at its middle (on the line), an
    area's at the pole of inaccessibility of its largest part (inside it). The mark of the
    event ``selected`` is flagged, and so is each event that ``dates`` (the range shown)
    holds only in part.

    Every feature an event names is in ``catalog``: the loader rejects an event that names
    an unknown or rejected feature, so an unknown id here is a bug (``KeyError``).
    """
    anchors: dict[str, tuple[float, float]] = {}
    marks = []
    for event in events:
        feature_id = min(event.features, key=lambda fid: _rank(catalog, fid))
        if feature_id not in anchors:
            anchors[feature_id] = anchor(catalog.geometries[feature_id])
        lon, lat = anchors[feature_id]
        marks.append(
            EventMark(
                id=event.id,
                kind=event.kind,
                lon=lon,
                lat=lat,
                color=KIND_RGBA[event.kind],
                title=translate.text(event.title),
                date=event.date.isoformat(),
                precision=event.precision,
                end=None if event.end is None else event.end.isoformat(),
                end_precision=event.end_precision,
                in_part=dates is not None and overlap(event, dates) is Overlap.PART,
                selected=event.id == selected,
            )
        )
    return tuple(marks)


def _rank(catalog: Catalog, feature_id: str) -> int:
    """How specific a feature is (0: a place); an autonomous republic ranks as a region."""
    layer = catalog.layer_of(feature_id)
    if layer == "countries":
        record = catalog.feature(feature_id)
        if isinstance(record, Boundary) and record.kind is not BoundaryKind.COUNTRY:
            return _RANKS["regions"]
    return _RANKS[layer]


@lru_cache(maxsize=256)
def anchor(geometry: BaseGeometry) -> tuple[float, float]:
    """Longitude and latitude of a mark on ``geometry``: on the point, line or area.

    Cached by the geometry's value (a few areas' poles are the only costly part).
    """
    if isinstance(geometry, Point):
        return geometry.x, geometry.y
    if isinstance(geometry, LineString | MultiLineString):
        middle = geometry.interpolate(0.5, normalized=True)
        return middle.x, middle.y
    parts = getattr(geometry, "geoms", [geometry])
    largest = max(parts, key=lambda part: part.area)
    pole = polylabel(largest, tolerance=_POLE_TOLERANCE)
    return float(pole.x), float(pole.y)


def ring_offsets(
    marks: Iterable[EventMark], kept_clear: Collection[tuple[float, float]] = ()
) -> tuple[tuple[float, float], ...]:
    """Pixel offsets (x right, y down) that spread marks sharing a point round it.

    A mark alone stays on its point, unless the point is one of ``kept_clear`` (a place's
    dot, which stays visible and clickable). Marks that share one go round it, in their
    order, on rings :data:`MARK_SPACING` apart, from the top clockwise: the first ring holds
    six, the second twelve, the ``k``-th ``6k`` (neighbours about one spacing apart); the
    last ring spreads its marks evenly.
    """
    listed = list(marks)
    sharing: dict[tuple[float, float], list[int]] = {}
    for index, mark in enumerate(listed):
        sharing.setdefault((mark.lon, mark.lat), []).append(index)
    offsets = [(0.0, 0.0)] * len(listed)
    for point, indices in sharing.items():
        if len(indices) > 1 or point in kept_clear:
            for index, offset in zip(indices, _ring_layout(len(indices)), strict=True):
                offsets[index] = offset
    return tuple(offsets)


def _ring_layout(count: int) -> list[tuple[float, float]]:
    """``count`` positions on rings round the origin (see :func:`ring_offsets`)."""
    positions: list[tuple[float, float]] = []
    ring = 1
    while len(positions) < count:
        on_ring = min(6 * ring, count - len(positions))
        radius = ring * MARK_SPACING
        for step in range(on_ring):
            angle = 2 * math.pi * step / on_ring - math.pi / 2
            positions.append(
                (round(radius * math.cos(angle), 2), round(radius * math.sin(angle), 2))
            )
        ring += 1
    return positions
