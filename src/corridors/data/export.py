"""Exports of what a view shows: events as CSV and GeoJSON.

The map as standalone HTML is :mod:`corridors.render.leaflet.standalone`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, Final

from shapely.geometry import mapping

from corridors.core.languages import available_languages
from corridors.data.catalog import Catalog
from corridors.data.models import Event, Source
from corridors.data.review_status import ReviewStatus

#: Starts the CSV text: written as UTF-8 it lets a spreadsheet opened by double-click
#: detect the encoding (without it, the Arabic columns show as mojibake).
BYTE_ORDER_MARK: Final = "\ufeff"
#: A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A cell value a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def sources_cell(sources: Sequence[Source]) -> str:
    """Sources in one CSV cell: ``outlet <url>``, joined by ``|``."""
    return " | ".join(
        f"{source.outlet} <{source.url}>" if source.url else source.outlet for source in sources
    )


def csv_columns() -> tuple[str, ...]:
    """The CSV header: a title and a summary column per available language."""
    languages = available_languages()
    return (
        "id",
        "review_status",
        "date",
        "precision",
        "end",
        "end_precision",
        "kind",
        *(f"title_{lang}" for lang in languages),
        *(f"summary_{lang}" for lang in languages),
        "features",
        "sources",
    )


def _end_of(event: Event) -> tuple[str, str] | None:
    """An event's end and its precision as written, or ``None`` for an event of one date."""
    if event.end is None:
        return None
    return event.end.isoformat(), str(event.end_precision)


def events_csv(events: Sequence[Event]) -> str:
    """The events as CSV, one row each, with sources; formula-safe.

    Every row says it is curated (``review_status``, :class:`ReviewStatus`): drafts are
    never exported, and imported events are not catalogue events.

    The text starts with :data:`BYTE_ORDER_MARK`, so the file written as UTF-8 (by the
    command line or the app's download) carries one.
    """
    languages = available_languages()
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_columns())
    for event in events:
        row = [
            event.id,
            str(ReviewStatus.CURATED),
            event.date.isoformat(),
            str(event.precision),
            *(_end_of(event) or ("", "")),
            str(event.kind),
            *(event.title[lang] for lang in languages),
            *(event.summary[lang] for lang in languages),
            " ".join(event.features),
            sources_cell(event.sources),
        ]
        writer.writerow([spreadsheet_safe(value) for value in row])
    return buffer.getvalue()


def events_geojson(catalog: Catalog, events: Sequence[Event]) -> dict[str, Any]:
    """The events joined to their features: one GeoJSON feature per (event, map feature) link.

    Coordinates are in :data:`corridors.core.settings.default_crs` (WGS84 longitude/latitude),
    as RFC 7946 requires, so the file carries no ``crs`` member.
    """
    features = []
    for event in events:
        for feature_id in event.features:
            record = catalog.feature(feature_id)
            properties = {
                "event_id": event.id,
                "review_status": str(ReviewStatus.CURATED),
                "date": event.date.isoformat(),
                "precision": str(event.precision),
                **dict(zip(("end", "end_precision"), _end_of(event) or (None, None), strict=True)),
                "kind": str(event.kind),
                "title": dict(event.title),
                "summary": dict(event.summary),
                "sources": [source.model_dump(exclude_none=True) for source in event.sources],
                "feature_id": feature_id,
                "feature_layer": catalog.layer_of(feature_id),
                "feature_name": dict(record.names),
            }
            geometry = mapping(catalog.geometries[feature_id])
            features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def geojson_text(collection: dict[str, Any]) -> str:
    """GeoJSON as compact UTF-8 text."""
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
