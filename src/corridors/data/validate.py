"""Checks of the corridor data: plain functions that return what they accept and the problems.

None of them has a side effect; the loader (:mod:`corridors.data.catalog`) calls them in order
and collects the problems. A link to a record that an earlier check rejected says so,
from the set of rejected ids the caller passes in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

import shapely
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from shapely.geometry import LineString, Point, shape
from shapely.geometry.base import BaseGeometry

from corridors.core import settings
from corridors.core.datasets import DATASETS, STORIES_DIR
from corridors.core.documents import parse_json, parse_yaml
from corridors.core.errors import Problem, ProblemKind, quote
from corridors.core.reading import read_data_text
from corridors.data.agreement_models import Agreement, Party
from corridors.data.models import (
    Actor,
    Boundary,
    Corridor,
    Event,
    Place,
    Story,
    WaterBody,
    WaterKind,
)
from corridors.geo.window import REGIONAL_WINDOW

RecordT = TypeVar("RecordT", bound=BaseModel)
GeoRecordT = TypeVar("GeoRecordT", Boundary, WaterBody)
IdentifiedT = TypeVar(
    "IdentifiedT", Boundary, Place, Corridor, Event, WaterBody, Actor, Party, Agreement
)
Checked = tuple[list[RecordT], list[Problem]]

_KIND_BY_ERROR_TYPE: Final = {
    "bad_date": ProblemKind.BAD_DATE,
    "date_parsing": ProblemKind.BAD_DATE,
    "date_from_datetime_parsing": ProblemKind.BAD_DATE,
    "date_type": ProblemKind.BAD_DATE,
    "bad_url": ProblemKind.BAD_URL,
    "missing_source": ProblemKind.MISSING_SOURCE,
    "bad_status": ProblemKind.OUT_OF_SCALE,
}
_POLYGONAL: Final = ("Polygon", "MultiPolygon")
#: Names a legacy GeoJSON ``crs`` member may give for WGS84 longitude/latitude.
_WGS84_NAMES: Final = frozenset(
    {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", settings.default_crs}
)
_LINEAR: Final = ("LineString", "MultiLineString")
_SOURCE_FIELDS: Final = ("sources", "text_sources")


# -- documents -----------------------------------------------------------------


def read_document(directory: Path, filename: str) -> tuple[Any, list[Problem]]:
    """The parsed contents of a YAML or GeoJSON data file (``None`` when unreadable)."""
    text = read_data_text(directory, filename)
    if isinstance(text, Problem):
        return None, [text]
    parse = parse_json if filename.endswith(".geojson") else parse_yaml
    document = parse(text, filename)
    if isinstance(document, Problem):
        return None, [document]
    return document, []


def record_list(filename: str, document: Any) -> tuple[list[Any], list[Problem]]:
    """The raw records of a YAML data file, which must hold a list."""
    if document is None:
        return [], []
    if not isinstance(document, list):
        return [], [_whole_file(filename, "the file must hold a list of records")]
    return document, []


def feature_list(filename: str, document: Any) -> tuple[list[Any], list[Problem]]:
    """The raw features of a GeoJSON FeatureCollection in :data:`settings.default_crs`.

    GeoJSON coordinates are WGS84 longitude/latitude (RFC 7946); a file that names
    another CRS in a legacy ``crs`` member is refused rather than drawn in the wrong place.
    """
    if document is None:
        return [], []
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        return [], [_whole_file(filename, "not a GeoJSON FeatureCollection with a features list")]
    declared = document.get("crs")
    if declared is not None and _crs_name(declared) not in _WGS84_NAMES:
        return [], [
            _whole_file(
                filename,
                f"coordinates in CRS {quote(_crs_name(declared))}; the data must be in "
                f"{settings.default_crs} (longitude, latitude)",
            )
        ]
    return features, []


# -- records ---------------------------------------------------------------------


def parse_records(
    filename: str, raw_records: Sequence[Any], model: type[RecordT]
) -> Checked[RecordT]:
    """Each raw record validated by ``model``; every field problem of the others."""
    valid: list[RecordT] = []
    problems: list[Problem] = []
    for index, raw in enumerate(raw_records):
        try:
            valid.append(model.model_validate(raw))
        except ValidationError as error:
            problems.extend(validation_problems(filename, record_id(raw, index), error.errors()))
    return valid, problems


def parse_features(
    filename: str, raw_features: Sequence[Any], model: type[GeoRecordT]
) -> tuple[list[tuple[GeoRecordT, BaseGeometry]], list[Problem]]:
    """Each GeoJSON feature as a ``model`` record (its properties) with its geometry.

    Boundaries and water areas are (Multi)Polygons; rivers are (Multi)LineStrings.
    """
    valid: list[tuple[GeoRecordT, BaseGeometry]] = []
    problems: list[Problem] = []
    for index, raw in enumerate(raw_features):
        properties = raw.get("properties") if isinstance(raw, dict) else None
        feature_id = record_id(properties, index)
        try:
            record = model.model_validate(properties)
        except ValidationError as error:
            problems.extend(validation_problems(filename, feature_id, error.errors()))
            continue
        river = isinstance(record, WaterBody) and record.kind is WaterKind.RIVER
        kinds = _LINEAR if river else _POLYGONAL
        geometry, found = polygon_of(filename, feature_id, raw.get("geometry"), kinds=kinds)
        problems.extend(found)
        if geometry is not None:
            valid.append((record, geometry))
    return valid, problems


def polygon_of(
    filename: str, feature_id: str, raw: object, *, kinds: tuple[str, ...] = _POLYGONAL
) -> tuple[BaseGeometry | None, list[Problem]]:
    """The valid geometry inside the window that ``raw`` describes, or why not.

    ``kinds`` are the accepted geometry types ((Multi)Polygon unless told otherwise).
    """

    def rejected(kind: ProblemKind, reason: str) -> tuple[None, list[Problem]]:
        return None, [Problem(filename, feature_id, "geometry", kind, reason)]

    try:
        geometry = shape(raw)
    except (AttributeError, KeyError, TypeError, ValueError, shapely.errors.GEOSException) as error:
        return rejected(
            ProblemKind.INVALID_GEOMETRY, f"not a GeoJSON geometry: {quote(str(error))}"
        )
    if geometry.geom_type not in kinds or geometry.is_empty:
        expected = "a (Multi)Polygon" if kinds == _POLYGONAL else " or ".join(kinds)
        return rejected(
            ProblemKind.INVALID_GEOMETRY, f"expected {expected}, got {geometry.geom_type}"
        )
    vertices = shapely.get_num_coordinates(geometry)
    if vertices > settings.max_geometry_vertices:
        return rejected(
            ProblemKind.TOO_LARGE,
            f"{vertices:,} vertices, more than {settings.max_geometry_vertices:,} "
            "(settings.max_geometry_vertices); simplify it",
        )
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        return rejected(
            ProblemKind.INVALID_GEOMETRY, f"{reason}; rejected, not repaired (fix the source)"
        )
    west, south, east, north = geometry.bounds
    window = REGIONAL_WINDOW
    if not (window.contains(west, south) and window.contains(east, north)):
        return rejected(
            ProblemKind.OUT_OF_WINDOW, f"bounds {geometry.bounds} leave the window ({window})"
        )
    return geometry, []


def unique_ids(
    name: str, records: Sequence[IdentifiedT], *, taken: Mapping[str, str]
) -> Checked[IdentifiedT]:
    """The first record of each id not already ``taken`` (id -> file); later ones are problems.

    ``name`` is the dataset the records come from (one of :data:`DATASETS`).
    """
    filename = DATASETS[name]
    kept: list[IdentifiedT] = []
    problems: list[Problem] = []
    first_in = dict(taken)
    for record in records:
        if record.id in first_in:
            problems.append(
                Problem(
                    filename,
                    record.id,
                    "id",
                    ProblemKind.DUPLICATE_ID,
                    f"id already used in {first_in[record.id]}; ids must be unique",
                )
            )
        else:
            first_in[record.id] = filename
            kept.append(record)
    return kept, problems


# -- links -------------------------------------------------------------------------


def link_problem(
    filename: str,
    source_id: str,
    field: str,
    target: str | None,
    *,
    targets: Collection[str],
    rejected: Collection[str],
) -> Problem | None:
    """The problem with a link from ``source_id`` to ``target``, if it names no valid record."""
    if target is None or target in targets:
        return None
    return Problem(
        filename, source_id, field, ProblemKind.UNKNOWN_LINK, link_reason(target, rejected)
    )


def link_reason(target: str, rejected: Collection[str]) -> str:
    """Why a link to ``target`` is broken: the record was rejected, or never existed."""
    if target in rejected or target.partition("/")[0] in rejected:  # a provision: its agreement
        return f"links to {quote(target)}, which was rejected (see its own problem)"
    return f"links to {quote(target)}, which does not exist"


def region_problems(
    region: Boundary, *, country_ids: Collection[str], rejected: Collection[str]
) -> list[Problem]:
    """A region must belong to a known country."""
    problem = link_problem(
        DATASETS["regions"],
        region.id,
        "country",
        region.country,
        targets=country_ids,
        rejected=rejected,
    )
    return [problem] if problem else []


def place_problems(
    place: Place,
    *,
    country_ids: Collection[str],
    region_ids: Collection[str],
    rejected: Collection[str],
) -> list[Problem]:
    """A place links to a known country and region and lies inside the window."""
    filename = DATASETS["places"]
    links = (("country", place.country, country_ids), ("region", place.region, region_ids))
    problems = [
        problem
        for field, target, targets in links
        if (
            problem := link_problem(
                filename, place.id, field, target, targets=targets, rejected=rejected
            )
        )
    ]
    if not REGIONAL_WINDOW.contains(place.lon, place.lat):
        problems.append(
            Problem(
                filename,
                place.id,
                "lat/lon",
                ProblemKind.OUT_OF_WINDOW,
                f"({place.lat}, {place.lon}) is outside the regional window ({REGIONAL_WINDOW})",
            )
        )
    return problems


def corridor_problems(
    corridor: Corridor, *, place_ids: Collection[str], rejected: Collection[str]
) -> list[Problem]:
    """Every step of a corridor's path is a known place or a shape point inside the window."""
    filename = DATASETS["corridors"]
    problems: list[Problem] = []
    for index, step in enumerate(corridor.path):
        where = f"path[{index}]"
        if isinstance(step, str):
            problem = link_problem(
                filename, corridor.id, where, step, targets=place_ids, rejected=rejected
            )
            problems.extend([problem] if problem else [])
        elif not REGIONAL_WINDOW.contains(step[1], step[0]):
            problems.append(
                Problem(
                    filename,
                    corridor.id,
                    where,
                    ProblemKind.OUT_OF_WINDOW,
                    f"shape point ({step[0]}, {step[1]}) is outside the regional window "
                    f"({REGIONAL_WINDOW})",
                )
            )
    return problems


def corridor_line(corridor: Corridor, points: Mapping[str, Point]) -> LineString:
    """The line of a checked corridor through its places' ``points`` and its shape points."""
    return LineString(
        [
            (points[step].x, points[step].y) if isinstance(step, str) else (step[1], step[0])
            for step in corridor.path
        ]
    )


def event_problems(
    event: Event, *, feature_ids: Collection[str], rejected: Collection[str]
) -> list[Problem]:
    """Every feature an event names exists."""
    return _event_links(event, "features", event.features, feature_ids, rejected)


def event_provision_problems(
    event: Event, *, provision_ids: Collection[str], rejected: Collection[str]
) -> list[Problem]:
    """Every agreement provision an event is evidence of is written in the agreements."""
    return _event_links(event, "provisions", event.provisions, provision_ids, rejected)


def _event_links(
    event: Event,
    field: str,
    links: Sequence[str],
    targets: Collection[str],
    rejected: Collection[str],
) -> list[Problem]:
    filename = DATASETS["events"]
    return [
        problem
        for index, target in enumerate(links)
        if (
            problem := link_problem(
                filename, event.id, f"{field}[{index}]", target, targets=targets, rejected=rejected
            )
        )
    ]


def history_problems(filename: str, record: Event | Corridor, *, today: dt.date) -> list[Problem]:
    """A record's ``checked`` day and correction dates: oldest first, none in the future.

    An event's are not before the event either: nothing is checked or corrected before it
    happened (a corridor has no such day).
    """
    start = record.date if isinstance(record, Event) else None
    dated = [("checked", record.checked)] if record.checked is not None else []
    dated += [(f"corrections[{i}].date", c.date) for i, c in enumerate(record.corrections)]
    problems = [
        Problem(filename, record.id, field, ProblemKind.BAD_DATE, reason)
        for field, day in dated
        if (reason := _history_date_reason(day, start=start, today=today))
    ]
    for index in range(1, len(record.corrections)):
        earlier, later = record.corrections[index - 1].date, record.corrections[index].date
        if later < earlier:
            reason = (
                f"{later.isoformat()} is before the correction above it ({earlier.isoformat()}):"
                " corrections go oldest first"
            )
            field = f"corrections[{index}].date"
            problems.append(Problem(filename, record.id, field, ProblemKind.BAD_DATE, reason))
    return problems


def _history_date_reason(day: dt.date, *, start: dt.date | None, today: dt.date) -> str | None:
    """Why ``day`` cannot date a check or a correction, if it cannot."""
    if day > today:
        return f"{day.isoformat()} is in the future (today is {today.isoformat()})"
    if start is not None and day < start:
        return f"{day.isoformat()} is before the event itself ({start.isoformat()})"
    return None


def story_file_problems(filename: str, story: Story) -> list[Problem]:
    """A story lives in ``stories/<id>.yaml``, so that its problems name its file."""
    expected = f"{STORIES_DIR}/{story.id}.yaml"
    if filename == expected:
        return []
    reason = f"the id must match the file name: rename the file to {quote(expected)}"
    return [Problem(filename, story.id, "id", ProblemKind.INVALID_VALUE, reason)]


# -- helpers ---------------------------------------------------------------------------


def validation_problems(
    filename: str, record: str, errors: Sequence[ErrorDetails]
) -> list[Problem]:
    """One problem per pydantic error of a record."""
    return [
        Problem(filename, record, _field_path(error["loc"]), _kind_of(error), error["msg"])
        for error in errors
    ]


def record_id(raw: object, index: int) -> str:
    """The id a raw record gives itself, or ``#index`` when it has no usable one."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return str(raw["id"]).strip()
    return f"#{index}"


def _crs_name(declared: object) -> object:
    """The name in a GeoJSON ``{"type": "name", "properties": {"name": ...}}`` crs member."""
    properties = declared.get("properties") if isinstance(declared, dict) else None
    return properties.get("name") if isinstance(properties, dict) else declared


def _whole_file(filename: str, reason: str) -> Problem:
    return Problem(filename, None, None, ProblemKind.UNREADABLE, reason)


def _field_path(loc: Sequence[int | str]) -> str | None:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or None


def _kind_of(error: ErrorDetails) -> ProblemKind:
    kind = _KIND_BY_ERROR_TYPE.get(error["type"])
    if kind is not None:
        return kind
    loc = tuple(error["loc"])
    if loc and loc[-1] in _SOURCE_FIELDS and error["type"] in ("missing", "too_short"):
        return ProblemKind.MISSING_SOURCE
    return ProblemKind.INVALID_VALUE
