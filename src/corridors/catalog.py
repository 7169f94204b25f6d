"""Load and validate the bundled data into typed records, reporting every problem at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar

import shapely
import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from shapely.geometry import LineString, Point, shape
from shapely.geometry.base import BaseGeometry

from corridors._errors import CatalogError, Problem, ProblemKind
from corridors.datasets import DATASETS, STORIES_DIR, data_dir
from corridors.languages import available_languages
from corridors.models import LAYERS, Boundary, Corridor, Event, Place, Story
from corridors.state import NoticeKind, ViewState, Vocabulary, from_query
from corridors.window import REGIONAL_WINDOW

Feature = Boundary | Place | Corridor
RecordT = TypeVar("RecordT", bound=BaseModel)
IdentifiedT = TypeVar("IdentifiedT", Boundary, Place, Corridor, Event)


_KIND_BY_ERROR_TYPE: Final = {
    "bad_date": ProblemKind.BAD_DATE,
    "date_parsing": ProblemKind.BAD_DATE,
    "date_from_datetime_parsing": ProblemKind.BAD_DATE,
    "date_type": ProblemKind.BAD_DATE,
    "bad_url": ProblemKind.BAD_URL,
    "missing_source": ProblemKind.MISSING_SOURCE,
}
_POLYGONAL: Final = ("Polygon", "MultiPolygon")
_KIND_BY_NOTICE: Final = {
    NoticeKind.BAD_DATE: ProblemKind.BAD_DATE,
    NoticeKind.DATE_OUTSIDE: ProblemKind.BAD_DATE,
    NoticeKind.FROM_AFTER_TO: ProblemKind.BAD_DATE,
    NoticeKind.UNKNOWN_ID: ProblemKind.UNKNOWN_LINK,
}


@dataclass(frozen=True)
class Catalog:
    """The validated data: boundaries, places, corridors, events and every feature's geometry."""

    countries: tuple[Boundary, ...]
    regions: tuple[Boundary, ...]
    places: tuple[Place, ...]
    corridors: tuple[Corridor, ...]
    events: tuple[Event, ...]
    geometries: Mapping[str, BaseGeometry]
    stories: tuple[Story, ...] = ()
    _layer_by_id: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        layers = {record.id: layer for layer in LAYERS for record in self.records(layer)}
        object.__setattr__(self, "_layer_by_id", layers)

    def records(self, layer: str) -> Sequence[Feature]:
        """The records of one map layer (one of :data:`LAYERS`)."""
        by_layer: dict[str, Sequence[Feature]] = {
            "countries": self.countries,
            "regions": self.regions,
            "places": self.places,
            "corridors": self.corridors,
        }
        try:
            return by_layer[layer]
        except KeyError:
            raise KeyError(f"no layer called {layer!r}; layers: {', '.join(LAYERS)}") from None

    def features(self) -> Iterator[Feature]:
        """Every map feature, layer by layer."""
        for layer in LAYERS:
            yield from self.records(layer)

    def layer_of(self, feature_id: str) -> str:
        """The layer a feature id belongs to; ``KeyError`` for an unknown id."""
        return self._layer_by_id[feature_id]

    def feature(self, feature_id: str) -> Feature:
        """The record of a feature id; ``KeyError`` for an unknown id."""
        layer = self.layer_of(feature_id)
        return next(record for record in self.records(layer) if record.id == feature_id)

    def vocabulary(self) -> Vocabulary:
        """What a link or a story step may name in this catalogue."""
        days = [event.date for event in self.events]
        return Vocabulary(
            event_ids=frozenset(event.id for event in self.events),
            feature_ids=frozenset(self._layer_by_id),
            languages=available_languages(),
            first_day=min(days, default=dt.date.min),
            last_day=max(days, default=dt.date.max),
            steps=max((len(story.steps) for story in self.stories), default=0),
        )

    def story_views(self, story: Story) -> tuple[ViewState, ...]:
        """The view of each step of ``story`` (parts that do not apply are left out)."""
        words = self.vocabulary()
        return tuple(from_query(_as_query(step.view), words)[0] for step in story.steps)


@dataclass(frozen=True)
class CatalogReport:
    """What loading found: the valid part of the data and every problem with the rest."""

    catalog: Catalog
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """Whether the data has no problem at all."""
        return not self.problems


def load_catalog(directory: Path | str | None = None) -> Catalog:
    """Load the data and raise :class:`CatalogError` listing every problem, if any."""
    report = inspect_catalog(directory)
    if report.problems:
        raise CatalogError(report.problems)
    return report.catalog


def inspect_catalog(directory: Path | str | None = None) -> CatalogReport:
    """Load what is valid and collect every problem, rejecting nothing silently."""
    return _Loader(data_dir(directory)).load()


class _Loader:
    """One pass over the data directory, accumulating problems as it goes."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.problems: list[Problem] = []
        self.rejected: set[str] = set()

    def report(
        self, file: str, record: str | None, field_: str | None, kind: ProblemKind, reason: str
    ) -> None:
        self.problems.append(Problem(file, record, field_, kind, reason))

    def load(self) -> CatalogReport:
        geometries: dict[str, BaseGeometry] = {}
        countries = self._boundaries("countries", geometries)
        regions = self._boundaries("regions", geometries)
        places = self._records("places", Place)
        corridors = self._records("corridors", Corridor)
        events = self._records("events", Event)

        seen: dict[str, str] = {}
        countries = self._first_of_each_id("countries", countries, seen)
        regions = self._first_of_each_id("regions", regions, seen)
        places = self._first_of_each_id("places", places, seen)
        corridors = self._first_of_each_id("corridors", corridors, seen)
        events = self._first_of_each_id("events", events, {})

        country_ids = {c.id for c in countries}
        regions = [
            r
            for r in regions
            if self._accept(r.id, self._link_ok("regions", r.id, "country", r.country, country_ids))
        ]
        region_ids = {r.id for r in regions}
        places = [
            p for p in places if self._accept(p.id, self._place_ok(p, country_ids, region_ids))
        ]
        for place in places:
            geometries[place.id] = Point(place.lon, place.lat)
        place_ids = {p.id for p in places}
        corridors = [
            c for c in corridors if self._accept(c.id, self._corridor_ok(c, place_ids, geometries))
        ]
        feature_ids = country_ids | region_ids | place_ids | {c.id for c in corridors}
        events = [e for e in events if self._accept(e.id, self._event_ok(e, feature_ids))]

        catalog = Catalog(
            countries=tuple(countries),
            regions=tuple(regions),
            places=tuple(places),
            corridors=tuple(corridors),
            events=tuple(sorted(events, key=lambda e: (e.date, e.id))),
            geometries={key: geometries[key] for key in feature_ids},
        )
        stories = tuple(self._stories(catalog.vocabulary()))
        catalog = dataclasses.replace(catalog, stories=stories)
        return CatalogReport(catalog, tuple(self.problems))

    def _stories(self, words: Vocabulary) -> Iterator[Story]:
        """Each valid story in the stories folder; every step's view is checked like a link."""
        folder = self.directory / STORIES_DIR
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.yaml")):
            filename = f"{STORIES_DIR}/{path.name}"
            read, raw = self._parse_yaml(filename, path)
            if not read:
                continue
            try:
                story = Story.model_validate(raw)
            except ValidationError as error:
                self._validation_problems(filename, _record_id(raw, 0), error.errors())
                continue
            ok = True
            for number, step in enumerate(story.steps, start=1):
                for notice in from_query(_as_query(step.view), words)[1]:
                    kind = _KIND_BY_NOTICE.get(notice.kind, ProblemKind.INVALID_VALUE)
                    reason = f"{notice.value!r}: {notice.kind}"
                    if kind is ProblemKind.UNKNOWN_LINK:
                        reason = self._link_reason(notice.value)
                    self.report(
                        filename, story.id, f"steps[{number - 1}].view.{notice.param}", kind, reason
                    )
                    ok = False
            if ok:
                yield story

    # -- reading files -------------------------------------------------------

    def _text(self, name: str) -> str | None:
        filename = DATASETS[name]
        return self._decode(filename, self.directory / filename)

    def _decode(self, filename: str, path: Path) -> str | None:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            self.report(filename, None, None, ProblemKind.MISSING_FILE, f"{path} does not exist")
            return None
        except OSError as error:
            self.report(
                filename, None, None, ProblemKind.UNREADABLE, f"cannot read {path}: {error}"
            )
            return None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            self.report(
                filename,
                None,
                None,
                ProblemKind.NOT_UTF8,
                f"byte 0x{raw[error.start]:02x} on line {line} is not UTF-8; "
                "save the file as UTF-8",
            )
            return None

    def _parse_yaml(self, filename: str, path: Path) -> tuple[bool, Any]:
        """Whether the file could be read as YAML (else it is reported), and its document."""
        text = self._decode(filename, path)
        if text is None:
            return False, None
        try:
            return True, yaml.safe_load(text)
        except yaml.YAMLError as error:
            reason = " ".join(str(error).split())
            self.report(filename, None, None, ProblemKind.UNREADABLE, f"not valid YAML: {reason}")
            return False, None

    def _yaml_list(self, name: str) -> list[Any]:
        filename = DATASETS[name]
        read, data = self._parse_yaml(filename, self.directory / filename)
        if not read:
            return []
        if not isinstance(data, list):
            self.report(
                filename, None, None, ProblemKind.UNREADABLE, "the file must hold a list of records"
            )
            return []
        return data

    def _records(self, name: str, model: type[RecordT]) -> list[RecordT]:
        filename = DATASETS[name]
        valid: list[RecordT] = []
        for index, raw in enumerate(self._yaml_list(name)):
            record_id = _record_id(raw, index)
            try:
                valid.append(model.model_validate(raw))
            except ValidationError as error:
                self._validation_problems(filename, record_id, error.errors())
                self.rejected.add(record_id)
        return valid

    def _boundaries(self, name: str, geometries: dict[str, BaseGeometry]) -> list[Boundary]:
        filename = DATASETS[name]
        text = self._text(name)
        if text is None:
            return []
        try:
            collection = json.loads(text)
            raw_features = collection["features"]
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            self.report(
                filename,
                None,
                None,
                ProblemKind.UNREADABLE,
                f"not a GeoJSON FeatureCollection: {error}",
            )
            return []
        valid: list[Boundary] = []
        for index, raw in enumerate(raw_features):
            properties = raw.get("properties") if isinstance(raw, dict) else None
            record_id = _record_id(properties, index)
            try:
                boundary = Boundary.model_validate(properties)
            except ValidationError as error:
                self._validation_problems(filename, record_id, error.errors())
                self.rejected.add(record_id)
                continue
            geometry = self._polygon(filename, record_id, raw.get("geometry"))
            if geometry is None:
                self.rejected.add(record_id)
                continue
            geometries[boundary.id] = geometry
            valid.append(boundary)
        return valid

    def _polygon(self, filename: str, record_id: str, raw: object) -> BaseGeometry | None:
        def reject(kind: ProblemKind, reason: str) -> None:
            self.report(filename, record_id, "geometry", kind, reason)

        try:
            geometry = shape(raw)
        except (
            AttributeError,
            KeyError,
            TypeError,
            ValueError,
            shapely.errors.GEOSException,
        ) as error:
            reject(ProblemKind.INVALID_GEOMETRY, f"not a GeoJSON geometry: {error}")
            return None
        if geometry.geom_type not in _POLYGONAL or geometry.is_empty:
            reject(
                ProblemKind.INVALID_GEOMETRY, f"expected a (Multi)Polygon, got {geometry.geom_type}"
            )
            return None
        if not geometry.is_valid:
            reason = shapely.is_valid_reason(geometry)
            reject(
                ProblemKind.INVALID_GEOMETRY, f"{reason}; rejected, not repaired (fix the source)"
            )
            return None
        west, south, east, north = geometry.bounds
        window = REGIONAL_WINDOW
        if not (window.contains(west, south) and window.contains(east, north)):
            reject(
                ProblemKind.OUT_OF_WINDOW, f"bounds {geometry.bounds} leave the window ({window})"
            )
            return None
        return geometry

    def _validation_problems(
        self, filename: str, record_id: str, errors: Sequence[ErrorDetails]
    ) -> None:
        for error in errors:
            self.report(
                filename, record_id, _field_path(error["loc"]), _kind_of(error), error["msg"]
            )

    # -- cross-checks --------------------------------------------------------

    def _first_of_each_id(
        self, name: str, records: list[IdentifiedT], seen: dict[str, str]
    ) -> list[IdentifiedT]:
        """Keep the first record of each id; report every later one as a duplicate."""
        filename = DATASETS[name]
        kept: list[IdentifiedT] = []
        for record in records:
            record_id = record.id
            if record_id in seen:
                self.report(
                    filename,
                    record_id,
                    "id",
                    ProblemKind.DUPLICATE_ID,
                    f"id already used in {seen[record_id]}; ids must be unique",
                )
            else:
                seen[record_id] = filename
                kept.append(record)
        return kept

    def _accept(self, record_id: str, ok: bool) -> bool:
        """Remember a record that failed a cross-check, so links to it say why."""
        if not ok:
            self.rejected.add(record_id)
        return ok

    def _link_ok(
        self, name: str, record_id: str, field_: str, target: str | None, targets: set[str]
    ) -> bool:
        if target is None or target in targets:
            return True
        reason = self._link_reason(target)
        self.report(DATASETS[name], record_id, field_, ProblemKind.UNKNOWN_LINK, reason)
        return False

    def _link_reason(self, target: str) -> str:
        if target in self.rejected:
            return f"links to {target!r}, which was rejected (see its own problem)"
        return f"links to {target!r}, which does not exist"

    def _place_ok(self, place: Place, country_ids: set[str], region_ids: set[str]) -> bool:
        ok = self._link_ok("places", place.id, "country", place.country, country_ids)
        ok = self._link_ok("places", place.id, "region", place.region, region_ids) and ok
        if not REGIONAL_WINDOW.contains(place.lon, place.lat):
            self.report(
                DATASETS["places"],
                place.id,
                "lat/lon",
                ProblemKind.OUT_OF_WINDOW,
                f"({place.lat}, {place.lon}) is outside the regional window ({REGIONAL_WINDOW})",
            )
            ok = False
        return ok

    def _corridor_ok(
        self, corridor: Corridor, place_ids: set[str], geometries: dict[str, BaseGeometry]
    ) -> bool:
        filename = DATASETS["corridors"]
        coordinates: list[tuple[float, float]] = []
        ok = True
        for index, step in enumerate(corridor.path):
            where = f"path[{index}]"
            if isinstance(step, str):
                ok = self._link_ok("corridors", corridor.id, where, step, place_ids) and ok
                if step in place_ids:
                    point = geometries[step]
                    coordinates.append((point.x, point.y))
                continue
            lat, lon = step
            if not REGIONAL_WINDOW.contains(lon, lat):
                self.report(
                    filename,
                    corridor.id,
                    where,
                    ProblemKind.OUT_OF_WINDOW,
                    f"shape point ({lat}, {lon}) is outside the regional window "
                    f"({REGIONAL_WINDOW})",
                )
                ok = False
            coordinates.append((lon, lat))
        if ok:
            geometries[corridor.id] = LineString(coordinates)
        return ok

    def _event_ok(self, event: Event, feature_ids: set[str]) -> bool:
        return all(
            [
                self._link_ok("events", event.id, f"features[{index}]", target, feature_ids)
                for index, target in enumerate(event.features)
            ]
        )


def _as_query(view: Mapping[str, object]) -> dict[str, str]:
    """A story step's view as link parameters (YAML may give numbers and dates)."""
    return {str(name): str(value) for name, value in view.items()}


def _record_id(raw: object, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return str(raw["id"]).strip()
    return f"#{index}"


def _field_path(loc: Sequence[int | str]) -> str | None:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or None


def _kind_of(error: ErrorDetails) -> ProblemKind:
    kind = _KIND_BY_ERROR_TYPE.get(error["type"])
    if kind is not None:
        return kind
    if tuple(error["loc"]) == ("sources",) and error["type"] in ("missing", "too_short"):
        return ProblemKind.MISSING_SOURCE
    return ProblemKind.INVALID_VALUE
