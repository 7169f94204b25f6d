"""Typed, validated records of the corridor data (pydantic models)."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any, Final
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from corridors.core.errors import quote
from corridors.core.languages import available_languages

#: The map layers, in drawing order (bottom first).
LAYERS: Final = ("countries", "regions", "corridors", "places")

#: Label ranks: 1 is labelled first (kept when labels collide), larger ranks give way.
LabelRank = Annotated[int, Field(ge=1, le=9)]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

FeatureId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _require_languages(text: dict[str, str]) -> dict[str, str]:
    """``text``, when it has every language the UI speaks (see ``locales/``)."""
    missing = [lang for lang in available_languages() if not text.get(lang, "").strip()]
    if missing:
        raise PydanticCustomError(
            "missing_language", "text in {missing} is missing", {"missing": ", ".join(missing)}
        )
    return text


Localized = Annotated[dict[LanguageCode, NonEmptyText], AfterValidator(_require_languages)]


def _parse_date(value: Any) -> Any:
    """Accept ISO dates given as strings or as YAML dates; reject anything else clearly."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("bad_date", "expected a date, got a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as error:
            # fromisoformat's message repeats the whole value: keep only a range error's reason
            reason = "" if "isoformat" in str(error) else f": {error}"
            raise PydanticCustomError(
                "bad_date",
                "{value} is not a real date (YYYY-MM-DD){reason}",
                {"value": quote(value), "reason": reason},
            ) from None
    raise PydanticCustomError(
        "bad_date", "expected a YYYY-MM-DD date, got {value}", {"value": quote(value)}
    )


Date = Annotated[dt.date, BeforeValidator(_parse_date)]


def _check_partial_date(value: Any) -> str:
    """Accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real date."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    text = str(value).strip() if isinstance(value, str | int) else ""
    match = _PARTIAL_DATE.match(text)
    if match is None:
        raise PydanticCustomError(
            "bad_date", "{value} is not YYYY, YYYY-MM or YYYY-MM-DD", {"value": quote(value)}
        )
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError as error:
        raise PydanticCustomError(
            "bad_date",
            "{value} is not a real date: {error}",
            {"value": quote(value), "error": str(error)},
        ) from None
    return text


PartialDate = Annotated[str, BeforeValidator(_check_partial_date)]


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PydanticCustomError(
            "bad_url", "{value} is not an http(s) URL", {"value": quote(value)}
        )
    return value


HttpUrlText = Annotated[str, AfterValidator(_check_url)]


class Precision(StrEnum):
    """How much of a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class PlaceKind(StrEnum):
    """What a gazetteer entry is."""

    CAPITAL = "capital"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    STATION = "station"
    PORT = "port"
    BORDER_CROSSING = "border-crossing"


class Mode(StrEnum):
    """How a corridor carries traffic."""

    RAIL = "rail"
    ROAD = "road"
    PIPELINE = "pipeline"


class Status(StrEnum):
    """The state of a corridor at some date."""

    OPERATING = "operating"
    UNDER_CONSTRUCTION = "under-construction"
    PLANNED = "planned"
    PROPOSED = "proposed"
    DISUSED = "disused"


class EventKind(StrEnum):
    """What sort of event or milestone a catalogue entry is."""

    SUMMIT = "summit"
    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    EXECUTIVE_ACTION = "executive-action"
    MEMORANDUM = "memorandum"
    INFRASTRUCTURE = "infrastructure"
    CONFLICT = "conflict"
    DIPLOMATIC = "diplomatic"


class ReportedKind(StrEnum):
    """What sort of imported (reported) event a row is, whatever its source."""

    CONFLICT = "conflict"  # armed clashes, strikes, shelling, attacks
    UNREST = "unrest"  # protests and riots
    TENSION = "tension"  # threats, demands, arrests, reduced relations, force posture
    COOPERATION = "cooperation"  # statements of intent, talks, agreements, aid
    OTHER = "other"  # anything the tables do not place


class ReportedSource(StrEnum):
    """The sources reported events are imported from (``corridors import SOURCE FILE``)."""

    ACLED = "acled"
    GDELT = "gdelt"
    GEOJSON = "geojson"  # the atlas's own GeoJSON export


class ReportedPrecision(StrEnum):
    """How much of a reported event's date its source knows (``None`` in the store: not recorded).

    ACLED's ``time_precision`` 1 is a day, 2 a week (or weekend) the day it gives lies in,
    3 a month; GDELT's event dates are days; the atlas's own export keeps its precision.
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class BoundaryKind(StrEnum):
    """Administrative level of a boundary polygon."""

    COUNTRY = "country"
    AUTONOMOUS_REPUBLIC = "autonomous-republic"
    PROVINCE = "province"
    DISTRICT = "district"
    CITY = "city"


class WaterKind(StrEnum):
    """What a water feature is (drawn as context, never linked to events)."""

    SEA = "sea"
    LAKE = "lake"
    RESERVOIR = "reservoir"
    RIVER = "river"


class Role(StrEnum):
    """Whether a country is one the atlas is about or a neighbour drawn muted."""

    FOCUS = "focus"
    NEIGHBOUR = "neighbour"


ShapePoint = tuple[Annotated[float, Field(ge=-90, le=90)], Annotated[float, Field(ge=-180, le=180)]]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(_Record):
    """Where a fact was published.

    ``unresolved`` marks a cited address that could not be found in any public copy: the
    citation is kept (it is what the record was written from) and the card says so.
    """

    url: HttpUrlText | None = None
    outlet: NonEmptyText
    language: LanguageCode
    published: PartialDate | None = None
    title: str | None = None
    unresolved: bool = False


Sources = Annotated[tuple[Source, ...], Field(min_length=1)]


def _require_linked_source(sources: tuple[Source, ...]) -> tuple[Source, ...]:
    if not any(source.url for source in sources):
        raise PydanticCustomError("missing_source", "at least one source needs an http(s) url")
    return sources


LinkedSources = Annotated[Sources, AfterValidator(_require_linked_source)]

#: Fields a correction cannot name: the record's identity and its own history.
_UNCORRECTABLE: Final = frozenset({"id", "checked", "corrections"})


class Correction(_Record):
    """A dated change to a published record: which fields, what and why, on which source.

    ``wording`` marks a typo-level change of wording (the release guard lets it through,
    visibly); the date checks (order, not in the future, not before the event) are in
    :func:`corridors.data.validate.history_problems`.
    """

    date: Date
    fields: Annotated[tuple[NonEmptyText, ...], Field(min_length=1)]
    text: Localized
    sources: LinkedSources
    wording: bool = False


def _known_fields(
    corrections: tuple[Correction, ...], model: type[BaseModel]
) -> tuple[Correction, ...]:
    """``corrections``, when each names only fields ``model`` has (and may be corrected)."""
    known = set(model.model_fields) - _UNCORRECTABLE
    for correction in corrections:
        unknown = [name for name in correction.fields if name not in known]
        if unknown:
            raise PydanticCustomError(
                "invalid_value",
                "a correction names {unknown}, not a field of the record (fields: {known})",
                {"unknown": ", ".join(map(quote, unknown)), "known": ", ".join(sorted(known))},
            )
    return corrections


class Boundary(_Record):
    """Properties of a country or region polygon (the geometry is kept beside it)."""

    id: FeatureId
    iso: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$")]
    kind: BoundaryKind
    role: Role = Role.NEIGHBOUR
    country: FeatureId | None = None
    names: Localized
    short_name: Localized | None = None
    aliases: tuple[NonEmptyText, ...] = ()
    label_rank: LabelRank | None = None
    label_at: ShapePoint | None = None
    sources: LinkedSources


class Place(_Record):
    """A gazetteer entry: a settlement, station, port or border crossing."""

    id: FeatureId
    kind: PlaceKind
    country: FeatureId
    region: FeatureId | None = None
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    precision: Annotated[str, StringConstraints(pattern=r"^(settlement|approximate)$")]
    names: Localized
    aliases: tuple[NonEmptyText, ...] = ()
    label_rank: LabelRank | None = None
    note: Localized | None = None
    sources: LinkedSources


class OtherName(_Record):
    """A name some party uses for a corridor, with who uses it."""

    name: Localized
    used_by: Localized


class StatusChange(_Record):
    """From ``since`` on, the corridor had ``status``."""

    status: Status
    since: Date
    precision: Precision = Precision.DAY


class Corridor(_Record):
    """A transit route drawn through gazetteer places and shape points."""

    id: FeatureId
    names: Localized
    short_name: Localized | None = None
    aliases: tuple[NonEmptyText, ...] = ()
    label_rank: LabelRank | None = None
    label_at: ShapePoint | None = None
    #: The route the atlas is about: drawn last, thickest, in a colour of its own.
    subject: bool = False
    other_names: tuple[OtherName, ...] = ()
    modes: Annotated[tuple[Mode, ...], Field(min_length=1)]
    status_history: Annotated[tuple[StatusChange, ...], Field(min_length=1)]
    path: Annotated[tuple[FeatureId | ShapePoint, ...], Field(min_length=2)]
    length_km: Annotated[float, Field(gt=0)] | None = None
    #: The day the record was last checked against its sources.
    checked: Date | None = None
    description: Localized
    sources: LinkedSources
    #: What was corrected after publication, oldest first.
    corrections: tuple[Correction, ...] = ()

    @field_validator("corrections")
    @classmethod
    def _corrected_fields(cls, corrections: tuple[Correction, ...]) -> tuple[Correction, ...]:
        return _known_fields(corrections, cls)

    @field_validator("status_history")
    @classmethod
    def _chronological(cls, history: tuple[StatusChange, ...]) -> tuple[StatusChange, ...]:
        dates = [change.since for change in history]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise PydanticCustomError(
                "bad_date", "status changes must be in strictly increasing date order"
            )
        return history

    def status_on(self, day: dt.date) -> Status | None:
        """The status on ``day``, or ``None`` before the corridor was first mentioned."""
        current = None
        for change in self.status_history:
            if change.since > day:
                break
            current = change.status
        return current


class ActorKind(StrEnum):
    """What an actor is."""

    PERSON = "person"
    COMPANY = "company"
    ORGANISATION = "organisation"


class ActorRole(_Record):
    """An office an actor held: from ``since`` to ``until`` (either open when not recorded)."""

    title: Localized
    since: Date | None = None
    until: Date | None = None

    @field_validator("until")
    @classmethod
    def _until_after_since(cls, until: dt.date | None, info: ValidationInfo) -> dt.date | None:
        since = info.data.get("since")
        if until is not None and since is not None and until < since:
            raise PydanticCustomError(
                "bad_date",
                "until {until} is before since {since}",
                {"until": until.isoformat(), "since": since.isoformat()},
            )
        return until


class Actor(_Record):
    """A person, company or organisation that articles name (found by ``corridors ingest``).

    ``names`` and ``aliases`` hold every spelling an article may use, surnames included;
    ``roles`` the dated offices that tell two people of one surname apart.
    """

    id: FeatureId
    kind: ActorKind
    names: Localized
    aliases: tuple[NonEmptyText, ...] = ()
    roles: tuple[ActorRole, ...] = ()
    sources: LinkedSources


def _fits_precision(day: dt.date | None, precision: Precision, field: str) -> Precision:
    """``precision``, when ``day`` is written as its period's first day (or is missing).

    A month-precision date is the 1st of its month, a year-precision one 1 January, so that
    the date alone never claims a day that is not known.
    """
    if day is None or precision is Precision.DAY:
        return precision
    first = day.replace(day=1) if precision is Precision.MONTH else day.replace(month=1, day=1)
    if day != first:
        raise PydanticCustomError(
            "bad_date",
            "{field} {day} has {precision} precision: write the first day of its {precision}, "
            "{first}",
            {
                "field": field,
                "day": day.isoformat(),
                "precision": precision.value,
                "first": first.isoformat(),
            },
        )
    return precision


class Event(_Record):
    """A news event or agreement milestone, linked to the map features it concerns."""

    id: FeatureId
    date: Date
    precision: Precision = Precision.DAY
    #: The day the record was last checked against its sources.
    checked: Date | None = None
    kind: EventKind
    title: Localized
    summary: Localized
    actors: tuple[Localized, ...] = ()
    features: Annotated[tuple[FeatureId, ...], Field(min_length=1)]
    #: Agreement provisions (``<agreement>/<number>``) the event is evidence of.
    provisions: tuple[
        Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[0-9a-z.]+$", max_length=96)], ...
    ] = ()
    sources: LinkedSources
    note: Localized | None = None
    #: The last day of an event that lasts (a blockade, a mandate), known to ``end_precision``.
    end: Date | None = None
    end_precision: Precision = Precision.DAY
    #: What was corrected after publication, oldest first.
    corrections: tuple[Correction, ...] = ()

    @field_validator("precision")
    @classmethod
    def _date_fits_precision(cls, precision: Precision, info: ValidationInfo) -> Precision:
        return _fits_precision(info.data.get("date"), precision, "date")

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("date")
        if end is not None and start is not None and end < start:
            raise PydanticCustomError(
                "bad_date",
                "the end ({end}) is before the date ({start})",
                {"end": end.isoformat(), "start": start.isoformat()},
            )
        return end

    @field_validator("end_precision")
    @classmethod
    def _end_fits_precision(cls, precision: Precision, info: ValidationInfo) -> Precision:
        return _fits_precision(info.data.get("end"), precision, "end")

    @field_validator("corrections")
    @classmethod
    def _corrected_fields(cls, corrections: tuple[Correction, ...]) -> tuple[Correction, ...]:
        return _known_fields(corrections, cls)

    @field_validator("features")
    @classmethod
    def _unique_features(cls, features: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(features)) != len(features):
            raise PydanticCustomError("invalid_value", "features lists an id twice")
        return features


class WaterBody(_Record):
    """Properties of a sea, lake, reservoir or river (context; the geometry is kept beside it)."""

    id: FeatureId
    kind: WaterKind
    names: Localized
    label_rank: LabelRank | None = None
    sources: LinkedSources


class StoryCamera(_Record):
    """Where a story step's map looks: a centre and a zoom, or a feature to frame.

    Zoom levels are those of web maps and links (a 256 px world at zoom 0).
    """

    lat: Annotated[float, Field(ge=-85, le=85)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
    zoom: Annotated[float, Field(ge=0, le=20)] | None = None
    frame: FeatureId | None = None

    @model_validator(mode="after")
    def _one_way(self) -> StoryCamera:
        centre = (self.lat, self.lon, self.zoom)
        if self.frame is not None and any(part is not None for part in centre):
            raise PydanticCustomError(
                "invalid_value", "give either frame or lat, lon and zoom, not both"
            )
        if self.frame is None and any(part is None for part in centre):
            raise PydanticCustomError(
                "invalid_value", "give lat, lon and zoom together, or a feature to frame"
            )
        return self


class StoryStep(_Record):
    """One step of a story: what to say, the view to show, and where the map looks.

    The view is written as link parameters; without a camera the map fits the selection.
    """

    title: Localized
    text: Localized
    view: dict[str, str | int | float] = Field(default_factory=dict)
    camera: StoryCamera | None = None


class Story(_Record):
    """A presentation: steps through the events, each with its own view."""

    id: FeatureId
    title: Localized
    summary: Localized
    steps: Annotated[tuple[StoryStep, ...], Field(min_length=1)]
