"""The view state and its URL query form (pure: no streamlit).

Every part of what a viewer sees lives in the link, under stable parameter names
(``from``, ``to``, ``kinds``, ``event``, ``feature``, ``layers``, ``view``,
``basemap``, ``lang``, ``lat``, ``lon``, ``zoom``, ``mode``, ``step``). Reading a
link never fails: a malformed or unknown parameter is dropped with a
:class:`Notice`, and the rest of the link still applies.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal, cast, get_args

from corridors.models import LAYERS, EventKind

Renderer = Literal["deck", "leaflet"]
Basemap = Literal["bundled", "osm", "carto"]
Mode = Literal["present"]

PARAMS: Final = (
    "from",
    "to",
    "kinds",
    "event",
    "feature",
    "layers",
    "view",
    "basemap",
    "lang",
    "lat",
    "lon",
    "zoom",
    "mode",
    "step",
)
MAX_VALUE_LENGTH: Final = 200
_ID: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LIMITS: Final = {"lat": (-85.0, 85.0), "lon": (-180.0, 180.0), "zoom": (0.0, 20.0)}


@dataclass(frozen=True, slots=True)
class ViewState:
    """What the dashboard shows. ``None`` means "the default" for every optional part."""

    start: dt.date | None = None
    end: dt.date | None = None
    kinds: frozenset[EventKind] | None = None
    event: str | None = None
    feature: str | None = None
    layers: frozenset[str] | None = None
    view: Renderer = "deck"
    basemap: Basemap = "bundled"
    lang: str = "en"
    lat: float | None = None
    lon: float | None = None
    zoom: float | None = None
    mode: Mode | None = None
    step: int | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """A part of a link that was ignored, and why (``reason`` is a UI string key)."""

    param: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a link may name: ids, languages and the dates the catalogue spans."""

    event_ids: Collection[str] = field(default_factory=frozenset)
    feature_ids: Collection[str] = field(default_factory=frozenset)
    languages: Collection[str] = ("en",)
    first_day: dt.date = dt.date.min
    last_day: dt.date = dt.date.max
    steps: int = 0


def to_query(state: ViewState) -> dict[str, str]:
    """The link's query parameters for ``state``: only what differs from the default."""
    default = ViewState()
    query: dict[str, str] = {}
    if state.start is not None:
        query["from"] = state.start.isoformat()
    if state.end is not None:
        query["to"] = state.end.isoformat()
    if state.kinds is not None:
        query["kinds"] = ",".join(sorted(str(kind) for kind in state.kinds))
    if state.event is not None:
        query["event"] = state.event
    if state.feature is not None:
        query["feature"] = state.feature
    if state.layers is not None:
        query["layers"] = ",".join(layer for layer in LAYERS if layer in state.layers)
    for name in ("view", "basemap", "lang"):
        value = getattr(state, name)
        if value != getattr(default, name):
            query[name] = value
    for name in ("lat", "lon", "zoom"):
        number = getattr(state, name)
        if number is not None:
            query[name] = _format_number(number)
    if state.mode is not None:
        query["mode"] = state.mode
    if state.step is not None:
        query["step"] = str(state.step)
    return query


def from_query(
    query: Mapping[str, str | Iterable[str]], vocabulary: Vocabulary
) -> tuple[ViewState, tuple[Notice, ...]]:
    """Read a link's query parameters; never raises. Returns the state and what was ignored."""
    reader = _Reader(vocabulary)
    values: dict[str, str] = {}
    for raw_name, raw_value in query.items():
        name = str(raw_name)
        value = reader.single(name, raw_value)
        if value is None:
            continue
        if name not in PARAMS:
            reader.notice(name, value, "notices.unknown_param")
        elif len(value) > MAX_VALUE_LENGTH:
            reader.notice(name, value, "notices.too_long")
        else:
            values[name] = value
    state = reader.read(values)
    return state, tuple(reader.notices)


class _Reader:
    """Parses one link, collecting notices."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.notices: list[Notice] = []

    def notice(self, param: str, value: str, reason: str) -> None:
        self.notices.append(Notice(param, _shorten(value), reason))

    def single(self, name: str, raw: str | Iterable[str]) -> str | None:
        """The last value of a parameter given once or several times."""
        values = [raw] if isinstance(raw, str) else [str(item) for item in raw]
        if not values:
            return None
        if len(values) > 1:
            self.notice(name, ", ".join(values), "notices.repeated")
        return values[-1]

    def read(self, values: Mapping[str, str]) -> ViewState:
        start, end = self._date(values, "from"), self._date(values, "to")
        if start is not None and end is not None and start > end:
            self.notice("from", values["from"], "notices.from_after_to")
            start = None
        default = ViewState()
        return ViewState(
            start=start,
            end=end,
            kinds=self._kinds(values.get("kinds")),
            event=self._id(values, "event", self.vocabulary.event_ids),
            feature=self._id(values, "feature", self.vocabulary.feature_ids),
            layers=self._layers(values.get("layers")),
            view=cast(Renderer, self._choice(values, "view", get_args(Renderer), default.view)),
            basemap=cast(
                Basemap, self._choice(values, "basemap", get_args(Basemap), default.basemap)
            ),
            lang=self._choice(values, "lang", tuple(self.vocabulary.languages), None)
            or default.lang,
            lat=self._number(values, "lat"),
            lon=self._number(values, "lon"),
            zoom=self._number(values, "zoom"),
            mode=cast(Mode | None, self._choice(values, "mode", get_args(Mode), None)),
            step=self._step(values),
        )

    def _choice(
        self, values: Mapping[str, str], name: str, choices: tuple[str, ...], default: str | None
    ) -> str | None:
        if name not in values:
            return default
        if values[name] in choices:
            return values[name]
        self.notice(name, values[name], "notices.unknown_choice")
        return default

    def _date(self, values: Mapping[str, str], name: str) -> dt.date | None:
        if name not in values:
            return None
        text = values[name]
        try:
            day = dt.date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            day = None
        if day is None:
            self.notice(name, text, "notices.bad_date")
            return None
        if not self.vocabulary.first_day <= day <= self.vocabulary.last_day:
            self.notice(name, text, "notices.date_outside")
            return None
        return day

    def _kinds(self, text: str | None) -> frozenset[EventKind] | None:
        if text is None:
            return None
        known = {str(kind) for kind in EventKind}
        parts = [part for part in text.split(",") if part]
        for part in parts:
            if part not in known:
                self.notice("kinds", part, "notices.unknown_kind")
        return frozenset(EventKind(part) for part in parts if part in known)

    def _layers(self, text: str | None) -> frozenset[str] | None:
        if text is None:
            return None
        parts = [part for part in text.split(",") if part]
        for part in parts:
            if part not in LAYERS:
                self.notice("layers", part, "notices.unknown_layer")
        return frozenset(part for part in parts if part in LAYERS)

    def _id(self, values: Mapping[str, str], name: str, known: Collection[str]) -> str | None:
        if name not in values:
            return None
        value = values[name]
        if not _ID.match(value) or value not in known:
            self.notice(name, value, "notices.unknown_id")
            return None
        return value

    def _number(self, values: Mapping[str, str], name: str) -> float | None:
        if name not in values:
            return None
        low, high = _LIMITS[name]
        try:
            number = float(values[name])
        except ValueError:
            number = math.nan
        if not (math.isfinite(number) and low <= number <= high):
            self.notice(name, values[name], "notices.bad_number")
            return None
        return float(_format_number(number))

    def _step(self, values: Mapping[str, str]) -> int | None:
        if "step" not in values:
            return None
        text = values["step"]
        if (
            not text.isascii()
            or not text.isdigit()
            or not 1 <= int(text) <= max(1, self.vocabulary.steps)
        ):
            self.notice("step", text, "notices.bad_step")
            return None
        return int(text)


def _format_number(number: float) -> str:
    """A coordinate or zoom with at most 4 decimals and no trailing zeros."""
    text = f"{round(number, 4):.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _shorten(value: str, limit: int = 60) -> str:
    """A value safe to show in a notice: control characters dropped, long values cut."""
    printable = "".join(char for char in value if char.isprintable())
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"
