"""Every correction of the catalogue, newest first: what the corrections list and feeds show.

Events and corridors carry a dated correction history (``corrections``, oldest first; see
:class:`~corridors.data.models.Correction`); this module gathers them across records.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from corridors.data.catalog import Catalog
from corridors.data.models import Correction, Corridor, Event

#: The dataset a corrected record belongs to (a key of ``DATASETS``).
Layer = Literal["events", "corridors"]


@dataclass(frozen=True, slots=True)
class ListedCorrection:
    """One correction with the record it belongs to.

    Attributes
    ----------
    record_id
        The id of the event or corridor corrected.
    layer
        ``"events"`` or ``"corridors"``.
    title
        The record's title (an event's) or name (a corridor's), in every language.
    index
        The entry's position in the record's history (0: the oldest).
    correction
        The entry itself.

    """

    record_id: str
    layer: Layer
    title: Mapping[str, str]
    index: int
    correction: Correction


def all_corrections(catalog: Catalog) -> tuple[ListedCorrection, ...]:
    """Every correction of every event and corridor, newest first (then by record id)."""
    listed = [*_listed(catalog.events, "events"), *_listed(catalog.corridors, "corridors")]
    return tuple(
        sorted(listed, key=lambda c: (c.correction.date, c.record_id, c.index), reverse=True)
    )


def _listed(
    records: tuple[Event, ...] | tuple[Corridor, ...], layer: Layer
) -> Iterator[ListedCorrection]:
    for record in records:
        title = record.title if isinstance(record, Event) else record.names
        for index, correction in enumerate(record.corrections):
            yield ListedCorrection(record.id, layer, title, index, correction)
