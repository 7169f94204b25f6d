"""The atlas's own GeoJSON export (``corridors export geojson``) -> event rows.

That export has one feature per (event, map feature) link: the event's fields in the
properties (``event_id``, ``date``, ``kind``, ``title``, ``summary``, ``sources``,
``feature_id``, ...) and the map feature's geometry. Reading it back gives one row per
``event_id``: the links are the ``feature_id`` values, the place is the first feature's
geometry's representative point (a Point geometry is used as it is).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

import numpy as np
from shapely.geometry import shape

from corridors.core import settings
from corridors.data.models import ReportedPrecision, ReportedSource
from corridors.reported.importers._checks import (
    ColumnChecker,
    RawColumns,
    long_field,
    too_long_reason,
)
from corridors.reported.importers._opening import ImportFileError, OpenedFile
from corridors.reported.importers.rows import Chunk, RowProblem, RowProblemKind
from corridors.reported.importers.source_kinds import ATLAS_KINDS, ReportedKind

SOURCE: Final = ReportedSource.GEOJSON
#: Members of a zip archive this importer reads.
SUFFIXES: Final = (".geojson", ".json")
#: Text fields of a row, read from the feature's properties (and geometry).
_FIELDS: Final = (
    "event_id",
    "date",
    "precision",
    "kind",
    "latitude",
    "longitude",
    "location",
    "notes",
    "source_name",
    "url",
)


def read_geojson(opened: OpenedFile) -> Iterator[Chunk]:
    """The events of a GeoJSON export, as one chunk, with the problems of the bad features.

    Raises
    ------
    ImportFileError
        If the file is too large, not UTF-8 JSON, or not a FeatureCollection.

    """
    features = _features(opened)
    raw = RawColumns(opened.label, dict.fromkeys(_FIELDS))
    links: dict[str, list[str]] = {}
    for number, feature in enumerate(features, start=1):
        raw.seen += 1
        row = _row(feature, number, opened.label, raw.problems)
        if row is None:
            continue
        event_id, feature_id = row["event_id"], row.pop("feature_id")
        if event_id and event_id in links:  # the same event, linked to another map feature
            raw.seen -= 1
        else:
            links[event_id] = []
            raw.lines.append(number)
            for name in _FIELDS:
                raw.values[name].append(row[name])
        if feature_id and feature_id not in links[event_id]:
            links[event_id].append(feature_id)
    chunk = _checked(raw)
    chunk.links = [links[event_id] for event_id in chunk.rows.column("event_id").to_pylist()]
    yield chunk


def _features(opened: OpenedFile) -> list[Any]:
    data = opened.stream.read(settings.max_geojson_import_bytes + 1)
    if len(data) > settings.max_geojson_import_bytes:
        raise ImportFileError(
            f"{opened.label}: larger than {settings.max_geojson_import_bytes:,} bytes "
            "(settings.max_geojson_import_bytes)"
        )
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_constant=_refuse_constant)
    except UnicodeDecodeError as error:
        raise ImportFileError(f"{opened.label}: not UTF-8 text ({error.reason})") from None
    except (ValueError, RecursionError) as error:
        raise ImportFileError(f"{opened.label}: not JSON: {error}") from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ImportFileError(f"{opened.label}: not a GeoJSON FeatureCollection")
    features = document.get("features")
    if not isinstance(features, list):
        raise ImportFileError(f"{opened.label}: its 'features' is not a list")
    return features


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _row(
    feature: Any, number: int, label: str, problems: list[RowProblem]
) -> dict[str, str] | None:
    """The text fields of one feature, or ``None`` (with a problem) if it has no shape to read."""
    properties = feature.get("properties") if isinstance(feature, dict) else None
    point = _point(feature.get("geometry")) if isinstance(feature, dict) else None
    if not isinstance(properties, dict) or point is None:
        what = "properties" if not isinstance(properties, dict) else "geometry"
        problems.append(
            RowProblem(
                label,
                number,
                None,
                what,
                RowProblemKind.INVALID_VALUE,
                f"the feature has no usable {what}",
                unit="feature",
            )
        )
        return None
    sources = properties.get("sources")
    sources = (
        [item for item in sources if isinstance(item, dict)] if isinstance(sources, list) else []
    )
    title = properties.get("title")
    name = properties.get("feature_name")
    row = {
        "event_id": _text(properties.get("event_id")),
        "date": _text(properties.get("date")),
        "precision": _text(properties.get("precision")),
        "kind": _text(properties.get("kind")),
        "latitude": repr(point[1]),
        "longitude": repr(point[0]),
        "location": _text(name.get("en")) if isinstance(name, dict) else "",
        "notes": _text(title.get("en")) if isinstance(title, dict) else "",
        "source_name": " | ".join(_text(item.get("outlet")) for item in sources),
        "url": next((_text(item["url"]) for item in sources if item.get("url")), ""),
        "feature_id": _text(properties.get("feature_id")),
    }
    return row if _fits(row, number, label, problems) else None


def _fits(row: dict[str, str], number: int, label: str, problems: list[RowProblem]) -> bool:
    """Whether no field of ``row`` is past the limit; a problem naming the first that is."""
    names = list(row)
    long = long_field([row[name] for name in names])
    if long is None:
        return True
    reason = too_long_reason(row[names[long]])
    problems.append(
        RowProblem(label, number, None, names[long], RowProblemKind.TOO_LONG, reason, "feature")
    )
    return False


def _text(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _point(geometry: object) -> tuple[float, float] | None:
    try:
        shaped = shape(geometry)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return None
    if shaped.is_empty:
        return None
    point = shaped if shaped.geom_type == "Point" else shaped.representative_point()
    return float(point.x), float(point.y)


def _precisions(check: ColumnChecker) -> list[str | None]:
    """The ``precision`` the export wrote (day, month, year); any other value is a problem."""
    values = check.text("precision")
    known = {str(precision) for precision in ReportedPrecision}
    unknown = np.fromiter((v is not None and v not in known for v in values), bool, len(values))
    check.flag(
        unknown, "precision", RowProblemKind.INVALID_VALUE, "{value} is not day, month or year"
    )
    return values


def _checked(raw: RawColumns) -> Chunk:
    check = ColumnChecker(raw)
    kinds = check.text("kind")
    columns: dict[str, object] = {
        "source": [SOURCE] * len(raw),
        "event_id": check.text("event_id", required=True),
        "date": check.date("date", ("%Y-%m-%d",)),
        "precision": _precisions(check),
        "date_added": [None] * len(raw),
        "kind": [str(ATLAS_KINDS.get(kind or "", ReportedKind.OTHER)) for kind in kinds],
        "event_type": kinds,
        "latitude": check.number("latitude", low=-90, high=90, required=True),
        "longitude": check.number("longitude", low=-180, high=180, required=True),
        "geo_precision": [None] * len(raw),
        "location": check.text("location"),
        "country": [None] * len(raw),
        "actor1": [None] * len(raw),
        "actor2": [None] * len(raw),
        "fatalities": [None] * len(raw),
        "source_name": check.text("source_name"),
        "url": check.text("url"),
        "notes": [value or None for value in raw.column("notes")],
        "changed_at": [None] * len(raw),
    }
    chunk = check.chunk(columns)
    return Chunk(
        chunk.rows,
        chunk.lines,
        [_as_feature(problem) for problem in chunk.problems],
        chunk.seen,
    )


def _as_feature(problem: RowProblem) -> RowProblem:
    if problem.unit == "feature":
        return problem
    return RowProblem(
        problem.file, problem.line, None, problem.field, problem.kind, problem.reason, "feature"
    )
