"""Load and validate the bundled data into typed records, reporting every problem at once.

The loader is a short orchestration of the checks in :mod:`corridors.data.validate`: each
returns what it accepts and the problems it finds, and nothing here knows the link format
or the UI's strings (story steps are checked against the catalogue one layer up, in
:mod:`corridors.links.stories`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from corridors.core.datasets import DATASETS, STORIES_DIR, data_dir
from corridors.core.errors import CatalogError, Problem
from corridors.data.agreement_checks import (
    AgreementTargets,
    agreement_lists,
    agreement_problems,
    party_problems,
    written_ids,
)
from corridors.data.agreement_models import Agreement, Party, Provision
from corridors.data.models import LAYERS, Actor, Boundary, Corridor, Event, Place, Story, WaterBody
from corridors.data.validate import (
    corridor_line,
    corridor_problems,
    event_problems,
    event_provision_problems,
    feature_list,
    history_problems,
    parse_features,
    parse_records,
    place_problems,
    read_document,
    record_list,
    region_problems,
    story_file_problems,
    unique_ids,
)

Feature = Boundary | Place | Corridor
RecordT = TypeVar("RecordT", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Catalog:
    """The validated data: boundaries, places, corridors, events and every feature's geometry.

    Geometries are shapely objects in :data:`corridors.core.settings.default_crs`
    (longitude, latitude).
    """

    countries: tuple[Boundary, ...]
    regions: tuple[Boundary, ...]
    places: tuple[Place, ...]
    corridors: tuple[Corridor, ...]
    events: tuple[Event, ...]
    geometries: Mapping[str, BaseGeometry]
    stories: tuple[Story, ...] = ()
    #: Seas, lakes and rivers: drawn as context, never linked to events.
    water: tuple[WaterBody, ...] = ()
    water_geometries: Mapping[str, BaseGeometry] = field(default_factory=dict)
    #: People, companies and organisations that articles name (``corridors ingest``).
    actors: tuple[Actor, ...] = ()
    #: States and organisations that sign, witness or report on agreements.
    parties: tuple[Party, ...] = ()
    #: Agreements with their lifecycle, provisions and status observations.
    agreements: tuple[Agreement, ...] = ()
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

    def agreement(self, agreement_id: str) -> Agreement:
        """The agreement of an id; ``KeyError`` for an unknown id."""
        found = next((a for a in self.agreements if a.id == agreement_id), None)
        if found is None:
            raise KeyError(agreement_id)
        return found

    def provision(self, provision_id: str) -> tuple[Agreement, Provision]:
        """The agreement and provision of a provision id; ``KeyError`` for an unknown id."""
        agreement_id, _, number = provision_id.partition("/")
        agreement = self.agreement(agreement_id)
        found = next((p for p in agreement.provisions if p.number == number), None)
        if found is None:
            raise KeyError(provision_id)
        return agreement, found

    def feature(self, feature_id: str) -> Feature:
        """The record of a feature id; ``KeyError`` for an unknown id."""
        layer = self.layer_of(feature_id)
        return next(record for record in self.records(layer) if record.id == feature_id)


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
    """Load what is valid and collect every problem, rejecting nothing silently.

    Never raises for anything in the data directory: unreadable, hostile or missing files
    are problems like any other, and the valid rest is returned.
    """
    root = data_dir(directory)
    problems = _Problems()
    countries, country_shapes = _boundaries(root, "countries", problems)
    regions, region_shapes = _boundaries(root, "regions", problems)
    places = _records(root, "places", Place, problems)
    corridors = _records(root, "corridors", Corridor, problems)
    events = _records(root, "events", Event, problems)

    # Feature ids are unique across the feature files; event ids among events.
    countries = problems.take(unique_ids("countries", countries, taken={}))
    regions = problems.take(unique_ids("regions", regions, taken=_files_of(countries=countries)))
    places = problems.take(
        unique_ids("places", places, taken=_files_of(countries=countries, regions=regions))
    )
    corridors = problems.take(
        unique_ids(
            "corridors",
            corridors,
            taken=_files_of(countries=countries, regions=regions, places=places),
        )
    )
    events = problems.take(unique_ids("events", events, taken={}))

    country_ids = {c.id for c in countries}
    regions = problems.keep(
        regions, lambda r, rejected: region_problems(r, country_ids=country_ids, rejected=rejected)
    )
    region_ids = {r.id for r in regions}
    places = problems.keep(
        places,
        lambda p, rejected: place_problems(
            p, country_ids=country_ids, region_ids=region_ids, rejected=rejected
        ),
    )
    points = {place.id: Point(place.lon, place.lat) for place in places}
    corridors = problems.keep(
        corridors,
        lambda c, rejected: corridor_problems(c, place_ids=points.keys(), rejected=rejected),
    )
    today = dt.date.today()
    corridors = problems.keep(
        corridors, lambda c, _: history_problems(DATASETS["corridors"], c, today=today)
    )
    lines = {corridor.id: corridor_line(corridor, points) for corridor in corridors}
    shapes = {**country_shapes, **region_shapes, **points, **lines}
    feature_ids = country_ids | region_ids | points.keys() | lines.keys()
    events = problems.keep(
        events,
        lambda e, rejected: [
            *event_problems(e, feature_ids=feature_ids, rejected=rejected),
            *history_problems(DATASETS["events"], e, today=today),
        ],
    )
    parties, agreements, written = _agreements(
        root, problems, feature_ids=feature_ids, event_ids={e.id for e in events}
    )
    if written is not None:  # an unreadable agreements file is its own one problem
        events = problems.keep(
            events,
            lambda e, rejected: event_provision_problems(
                e, provision_ids=written, rejected=rejected
            ),
        )
    water, water_shapes = _water(
        root,
        problems,
        taken=_files_of(countries=countries, regions=regions, places=places, corridors=corridors),
    )
    catalog = Catalog(
        countries=tuple(countries),
        regions=tuple(regions),
        places=tuple(places),
        corridors=tuple(corridors),
        events=tuple(sorted(events, key=lambda e: (e.date, e.id))),
        geometries={key: shapes[key] for key in feature_ids},
        stories=tuple(_stories(root, problems)),
        water=tuple(water),
        water_geometries={w.id: water_shapes[w.id] for w in water},
        actors=tuple(_actors(root, problems)),
        parties=tuple(parties),
        agreements=tuple(agreements),
    )
    return CatalogReport(catalog, problems.all())


def _files_of(**layers: Sequence[Feature]) -> dict[str, str]:
    """The file of every record id in ``layers`` (dataset name -> records)."""
    return {record.id: DATASETS[name] for name, records in layers.items() for record in records}


class _Problems:
    """The problems found so far, and the ids of the records they rejected."""

    def __init__(self) -> None:
        self._found: list[Problem] = []

    def add(self, found: Sequence[Problem]) -> None:
        self._found.extend(found)

    def take(self, checked: tuple[list[T], list[Problem]]) -> list[T]:
        """Keep a check's problems; return what it accepted."""
        accepted, found = checked
        self._found.extend(found)
        return accepted

    def keep(
        self,
        records: Sequence[RecordT],
        check: Callable[[RecordT, frozenset[str]], list[Problem]],
    ) -> list[RecordT]:
        """The records ``check`` finds no problem with; the problems of the others are kept.

        Every record is checked against the ids rejected before this call, so the order
        of records within one file never changes the outcome.
        """
        rejected = self.rejected()
        results = [(record, check(record, rejected)) for record in records]
        for _, found in results:
            self._found.extend(found)
        return [record for record, found in results if not found]

    def rejected(self) -> frozenset[str]:
        """Ids of the records rejected so far (links to them say so)."""
        return frozenset(problem.record for problem in self._found if problem.record)

    def all(self) -> tuple[Problem, ...]:
        return tuple(self._found)


def _records(root: Path, name: str, model: type[RecordT], problems: _Problems) -> list[RecordT]:
    """The valid records of a YAML data file."""
    filename = DATASETS[name]
    document, found = read_document(root, filename)
    problems.add(found)
    raw_records = problems.take(record_list(filename, document))
    return problems.take(parse_records(filename, raw_records, model))


def _boundaries(
    root: Path, name: str, problems: _Problems
) -> tuple[list[Boundary], dict[str, BaseGeometry]]:
    filename = DATASETS[name]
    document, found = read_document(root, filename)
    problems.add(found)
    features = problems.take(feature_list(filename, document))
    pairs = problems.take(parse_features(filename, features, Boundary))
    return [boundary for boundary, _ in pairs], {b.id: geometry for b, geometry in pairs}


def _water(
    root: Path, problems: _Problems, *, taken: Mapping[str, str]
) -> tuple[list[WaterBody], dict[str, BaseGeometry]]:
    """The valid water features (optional file: a data folder without it draws no water)."""
    filename = DATASETS["water"]
    if not os.path.lexists(root / filename):  # absent; anything else there is read and checked
        return [], {}
    document, found = read_document(root, filename)
    problems.add(found)
    features = problems.take(feature_list(filename, document))
    pairs = problems.take(parse_features(filename, features, WaterBody))
    accepted = problems.take(unique_ids("water", [w for w, _ in pairs], taken=taken))
    shapes = {w.id: geometry for w, geometry in pairs}
    return accepted, {w.id: shapes[w.id] for w in accepted}


def _actors(root: Path, problems: _Problems) -> list[Actor]:
    """The valid actors (optional file: a data folder without it names no actors)."""
    if not os.path.lexists(root / DATASETS["actors"]):  # absent; anything else is read
        return []
    actors = _records(root, "actors", Actor, problems)
    return problems.take(unique_ids("actors", actors, taken={}))


def _agreements(
    root: Path, problems: _Problems, *, feature_ids: Collection[str], event_ids: Collection[str]
) -> tuple[list[Party], list[Agreement], set[str] | None]:
    """The valid parties and agreements, and the ids of every provision written.

    ``None`` for the ids when the file cannot be read as agreements at all.
    The file is optional: without it, no agreements. Links between agreements, and from
    events, are checked against every agreement written: one rejected for a fault of its
    own (its problem says so) does not take the events and agreements that name it along.
    """
    filename = DATASETS["agreements"]
    if not os.path.lexists(root / filename):  # absent; anything else there is read and checked
        return [], [], set()
    document, found = read_document(root, filename)
    problems.add(found)
    raw_parties, raw_agreements, unreadable = agreement_lists(document)
    problems.add(unreadable)
    if found or unreadable:
        return [], [], None
    parties = problems.take(parse_records(filename, raw_parties, Party))
    parties = problems.take(unique_ids("agreements", parties, taken={}))
    parties = problems.keep(
        parties,
        lambda p, rejected: party_problems(p, feature_ids=feature_ids, rejected=rejected),
    )
    parsed = problems.take(parse_records(filename, raw_agreements, Agreement))
    parsed = problems.take(unique_ids("agreements", parsed, taken={}))
    agreement_ids, written = written_ids(raw_agreements)
    targets = AgreementTargets(
        features=feature_ids,
        parties={p.id for p in parties},
        events=event_ids,
        agreements=agreement_ids,
        provisions=written,
        rejected=problems.rejected(),
    )
    agreements = problems.keep(parsed, partial(_agreement_problems, targets=targets))
    return parties, agreements, written


def _agreement_problems(
    agreement: Agreement, _rejected: frozenset[str], *, targets: AgreementTargets
) -> list[Problem]:
    return agreement_problems(agreement, targets)


def _stories(root: Path, problems: _Problems) -> Iterator[Story]:
    """The valid story records in the stories folder (their steps' views are checked above)."""
    folder = root / STORIES_DIR
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yaml")):
        filename = f"{STORIES_DIR}/{path.name}"
        document, found = read_document(root, filename)
        problems.add(found)
        stories = problems.take(parse_records(filename, [] if found else [document], Story))
        for story in stories:
            misnamed = story_file_problems(filename, story)
            problems.add(misnamed)
            if not misnamed:
                yield story
