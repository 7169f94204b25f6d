"""The view state and its URL query form (pure: no streamlit).

Every part of what a viewer sees lives in the link, under stable parameter names
(``from``, ``to``, ``kinds``, ``event``, ``feature``, ``agreement``, ``provision``,
``layers``, ``view`` (the renderer), ``basemap``, ``lang``, ``lat``, ``lon``, ``zoom``
(the camera), ``mode``, ``step``, the event list's ``page``, search text ``q`` and
``order``, and the playback: ``play`` (its mode), ``speed`` (a named speed or days per
second), ``window`` (days) and ``playing``; the playhead is ``to``). Reading a link never
fails: a malformed or unknown parameter is dropped with a :class:`Notice`, and the rest
of the link still applies. Notices are plain data (a :class:`NoticeKind`, never UI
text), cleaned and capped: a link cannot put control characters, line breaks or
unbounded text into them, nor more than :data:`settings.max_link_notices` of them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, TypeVar

from corridors.core import settings
from corridors.core.basemaps import BASEMAPS, BUNDLED
from corridors.data.models import LAYERS, EventKind, ReportedKind, ReportedSource
from corridors.data.playback import SPEEDS, PlayMode
from corridors.geo.cells import parse_cell


class PageMode(StrEnum):
    """How the page is laid out (the link's ``mode`` parameter); ``None`` is the dashboard."""

    PRESENT = "present"


class EventOrder(StrEnum):
    """The order of the event list (the link's ``order`` parameter)."""

    NEWEST = "newest"
    OLDEST = "oldest"


class NoticeKind(StrEnum):
    """Why a part of a link was ignored (the UI words each kind; data checks map them)."""

    UNKNOWN_PARAM = "unknown_param"
    TOO_LONG = "too_long"
    REPEATED = "repeated"
    FROM_AFTER_TO = "from_after_to"
    BAD_DATE = "bad_date"
    DATE_OUTSIDE = "date_outside"
    UNKNOWN_KIND = "unknown_kind"
    UNKNOWN_LAYER = "unknown_layer"
    UNKNOWN_ID = "unknown_id"
    UNKNOWN_CHOICE = "unknown_choice"
    BAD_NUMBER = "bad_number"
    BAD_STEP = "bad_step"
    UNKNOWN_SOURCE = "unknown_source"
    BAD_CELL = "bad_cell"
    #: Stands for the notices past :data:`settings.max_link_notices`; its ``value`` is how many.
    MORE = "more"


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
    "page",
    "q",
    "order",
    "sources",
    "rkinds",
    "cell",
    "agreement",
    "provision",
    "play",
    "speed",
    "window",
    "playing",
)
_Member = TypeVar("_Member", bound=StrEnum)
_ID: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PROVISION_ID: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*/[0-9a-z]+(?:\.[0-9a-z]+)*$")
_LIMITS: Final = {
    "lat": (-85.0, 85.0),
    "lon": (-180.0, 180.0),
    "zoom": (0.0, 20.0),
    "speed": (settings.min_playback_speed, settings.max_playback_speed),
}


@dataclass(frozen=True, slots=True)
class ViewState:
    """What the dashboard shows. ``None`` means "the default" for every optional part."""

    start: dt.date | None = None
    end: dt.date | None = None
    kinds: frozenset[EventKind] | None = None
    event: str | None = None
    feature: str | None = None
    layers: frozenset[str] | None = None
    #: The name of what draws the map (see :class:`Vocabulary` for the names a link may give).
    renderer: str = "deck"
    basemap: str = BUNDLED
    lang: str = "en"
    lat: float | None = None
    lon: float | None = None
    zoom: float | None = None
    mode: PageMode | None = None
    step: int | None = None
    page: int | None = None
    search: str | None = None
    order: EventOrder = EventOrder.NEWEST
    #: Imported sources drawn and listed (``None``: all of them; empty: none).
    sources: frozenset[ReportedSource] | None = None
    #: Kinds of reported events shown (``None``: all of them).
    reported_kinds: frozenset[ReportedKind] | None = None
    #: The selected map cell of reported events (H3, as text).
    cell: str | None = None
    #: The agreement whose provisions colour the map by their status, and the one opened.
    agreement: str | None = None
    provision: str | None = None
    #: The playback's mode, speed (days per second), window (days), and whether it plays.
    play: PlayMode | None = None
    speed: float | None = None
    window: int | None = None
    playing: bool = False


@dataclass(frozen=True, slots=True)
class Notice:
    """A part of a link that was ignored, and why; ``param`` and ``value`` are cleaned."""

    param: str
    value: str
    kind: NoticeKind


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a link may name: ids, languages, renderers and the dates the catalogue spans.

    ``renderers`` defaults to the names links have been written with; the dashboard gives
    its registry's (:mod:`corridors.render.registry`, above this layer), and a test checks
    that the two agree.
    """

    event_ids: Collection[str] = field(default_factory=frozenset)
    feature_ids: Collection[str] = field(default_factory=frozenset)
    agreement_ids: Collection[str] = field(default_factory=frozenset)
    provision_ids: Collection[str] = field(default_factory=frozenset)
    languages: Collection[str] = ("en",)
    first_day: dt.date = dt.date.min
    last_day: dt.date = dt.date.max
    steps: int = 0
    renderers: Collection[str] = ("deck", "leaflet")


def to_query(state: ViewState) -> dict[str, str]:
    """The link's query parameters for ``state``: only what differs from the default."""
    default = ViewState()
    written: dict[str, str | None] = {
        "from": None if state.start is None else state.start.isoformat(),
        "to": None if state.end is None else state.end.isoformat(),
        "kinds": None if state.kinds is None else ",".join(sorted(map(str, state.kinds))),
        "event": state.event,
        "feature": state.feature,
        "layers": None
        if state.layers is None
        else ",".join(layer for layer in LAYERS if layer in state.layers),
        "view": None if state.renderer == default.renderer else str(state.renderer),
        "basemap": None if state.basemap == default.basemap else state.basemap,
        "lang": None if state.lang == default.lang else state.lang,
        "lat": None if state.lat is None else _format_number(state.lat),
        "lon": None if state.lon is None else _format_number(state.lon),
        "zoom": None if state.zoom is None else _format_number(state.zoom),
        "mode": None if state.mode is None else str(state.mode),
        "step": None if state.step is None else str(state.step),
        "page": None if state.page is None else str(state.page),
        "q": state.search,
        "order": None if state.order == default.order else str(state.order),
        "sources": _joined(state.sources, tuple(ReportedSource)),
        "rkinds": _joined(state.reported_kinds, tuple(ReportedKind)),
        "cell": state.cell,
        "agreement": state.agreement,
        "provision": state.provision,
        "play": None if state.play is None else str(state.play),
        "speed": None if state.speed is None else speed_text(state.speed),
        "window": None if state.window is None else str(state.window),
        "playing": "1" if state.playing else None,
    }
    return {name: value for name, value in written.items() if value is not None}


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
            reader.notice(name, value, NoticeKind.UNKNOWN_PARAM)
        elif len(value) > settings.max_link_value_length:
            reader.notice(name, value, NoticeKind.TOO_LONG)
        else:
            values[name] = value
    state = reader.read(values)
    return state, reader.all_notices()


class _Reader:
    """Parses one link, collecting notices (the first ``settings.max_link_notices``, a count)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.notices: list[Notice] = []
        self.more = 0

    def notice(self, param: str, value: str, kind: NoticeKind) -> None:
        if len(self.notices) < settings.max_link_notices:
            param = _shorten(param, settings.max_notice_name_length)
            value = _shorten(value, settings.max_notice_value_length)
            self.notices.append(Notice(param, value, kind))
        else:
            self.more += 1

    def all_notices(self) -> tuple[Notice, ...]:
        """The notices kept, then one standing for the rest (if any)."""
        if not self.more:
            return tuple(self.notices)
        return (*self.notices, Notice("", str(self.more), NoticeKind.MORE))

    def single(self, name: str, raw: str | Iterable[str]) -> str | None:
        """The last value of a parameter given once or several times."""
        values = [raw] if isinstance(raw, str) else [str(item) for item in raw]
        if not values:
            return None
        if len(values) > 1:
            self.notice(name, ", ".join(values), NoticeKind.REPEATED)
        return values[-1]

    def read(self, values: Mapping[str, str]) -> ViewState:
        start, end = self._date(values, "from"), self._date(values, "to")
        if start is not None and end is not None and start > end:
            self.notice("from", values["from"], NoticeKind.FROM_AFTER_TO)
            start = None
        default = ViewState()
        agreement, provision = self._agreement(values)
        return ViewState(
            agreement=agreement,
            provision=provision,
            start=start,
            end=end,
            kinds=self._members(values, "kinds", EventKind, NoticeKind.UNKNOWN_KIND),
            event=self._id(values, "event", self.vocabulary.event_ids),
            feature=self._id(values, "feature", self.vocabulary.feature_ids),
            layers=self._layers(values.get("layers")),
            renderer=self._choice(
                values, "view", tuple(self.vocabulary.renderers), default.renderer
            ),
            basemap=self._choice(values, "basemap", tuple(BASEMAPS), default.basemap),
            lang=self._choice(values, "lang", tuple(self.vocabulary.languages), default.lang),
            lat=self._number(values, "lat"),
            lon=self._number(values, "lon"),
            zoom=self._number(values, "zoom"),
            mode=self._mode(values),
            step=self._positive(values, "step", max(1, self.vocabulary.steps), NoticeKind.BAD_STEP),
            page=self._positive(values, "page", settings.max_link_page, NoticeKind.BAD_NUMBER),
            search=clean_search(values.get("q", "")),
            order=EventOrder(self._choice(values, "order", tuple(EventOrder), default.order)),
            sources=self._members(values, "sources", ReportedSource, NoticeKind.UNKNOWN_SOURCE),
            reported_kinds=self._members(values, "rkinds", ReportedKind, NoticeKind.UNKNOWN_KIND),
            cell=self._cell(values),
            play=self._play(values),
            speed=self._speed(values),
            window=self._positive(
                values, "window", settings.max_playback_window, NoticeKind.BAD_NUMBER
            ),
            playing=self._choice(values, "playing", ("0", "1"), "0") == "1",
        )

    def _choice(
        self, values: Mapping[str, str], name: str, choices: tuple[str, ...], default: str
    ) -> str:
        if name not in values:
            return default
        if values[name] in choices:
            return values[name]
        self.notice(name, values[name], NoticeKind.UNKNOWN_CHOICE)
        return default

    def _mode(self, values: Mapping[str, str]) -> PageMode | None:
        if "mode" not in values:
            return None
        if values["mode"] in tuple(PageMode):
            return PageMode(values["mode"])
        self.notice("mode", values["mode"], NoticeKind.UNKNOWN_CHOICE)
        return None

    def _play(self, values: Mapping[str, str]) -> PlayMode | None:
        if "play" not in values:
            return None
        mode = self._choice(values, "play", tuple(PlayMode), "")
        return PlayMode(mode) if mode else None

    def _speed(self, values: Mapping[str, str]) -> float | None:
        """A named speed (``month``) or days of data per second (``36.5``)."""
        if "speed" in values and values["speed"] in SPEEDS:
            return SPEEDS[values["speed"]]
        return self._number(values, "speed")

    def _date(self, values: Mapping[str, str], name: str) -> dt.date | None:
        if name not in values:
            return None
        text = values[name]
        try:
            day = dt.date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            day = None
        if day is None:
            self.notice(name, text, NoticeKind.BAD_DATE)
            return None
        if not self.vocabulary.first_day <= day <= self.vocabulary.last_day:
            self.notice(name, text, NoticeKind.DATE_OUTSIDE)
            return None
        return day

    def _members(
        self, values: Mapping[str, str], name: str, choices: type[_Member], kind: NoticeKind
    ) -> frozenset[_Member] | None:
        """The members of ``choices`` a comma-separated value names; a notice for the rest."""
        if name not in values:
            return None
        known = {str(member): member for member in choices}
        parts = [part for part in values[name].split(",") if part]
        for part in parts:
            if part not in known:
                self.notice(name, part, kind)
        return frozenset(known[part] for part in parts if part in known)

    def _cell(self, values: Mapping[str, str]) -> str | None:
        if "cell" not in values:
            return None
        if parse_cell(values["cell"]) is None:
            self.notice("cell", values["cell"], NoticeKind.BAD_CELL)
            return None
        return values["cell"]

    def _layers(self, text: str | None) -> frozenset[str] | None:
        if text is None:
            return None
        parts = [part for part in text.split(",") if part]
        for part in parts:
            if part not in LAYERS:
                self.notice("layers", part, NoticeKind.UNKNOWN_LAYER)
        return frozenset(part for part in parts if part in LAYERS)

    def _id(self, values: Mapping[str, str], name: str, known: Collection[str]) -> str | None:
        if name not in values:
            return None
        value = values[name]
        if not _ID.match(value) or value not in known:
            self.notice(name, value, NoticeKind.UNKNOWN_ID)
            return None
        return value

    def _agreement(self, values: Mapping[str, str]) -> tuple[str | None, str | None]:
        """The agreement and the provision opened; a provision names its agreement."""
        agreement = self._id(values, "agreement", self.vocabulary.agreement_ids)
        if "provision" not in values:
            return agreement, None
        provision = values["provision"]
        owner = provision.partition("/")[0]
        known = _PROVISION_ID.match(provision) and provision in self.vocabulary.provision_ids
        if not known or agreement not in (None, owner):
            self.notice("provision", provision, NoticeKind.UNKNOWN_ID)
            return agreement, None
        return owner, provision

    def _number(self, values: Mapping[str, str], name: str) -> float | None:
        if name not in values:
            return None
        low, high = _LIMITS[name]
        try:
            number = float(values[name])
        except ValueError:
            number = math.nan
        if not (math.isfinite(number) and low <= number <= high):
            self.notice(name, values[name], NoticeKind.BAD_NUMBER)
            return None
        return float(_format_number(number))

    def _positive(
        self, values: Mapping[str, str], name: str, highest: int, kind: NoticeKind
    ) -> int | None:
        """A whole number from 1 to ``highest`` written in ASCII digits."""
        if name not in values:
            return None
        text = values[name]
        if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= highest:
            self.notice(name, text, kind)
            return None
        return int(text)


def clean_search(text: str) -> str | None:
    """Search text as a link keeps it (``None`` when nothing is left).

    Printable characters only, single-spaced, at most ``settings.max_link_search_length`` of
    them.
    """
    printable = "".join(char for char in text if char.isprintable())
    cleaned = " ".join(printable.split())[: settings.max_link_search_length].strip()
    return cleaned or None


def speed_text(speed: float) -> str:
    """A speed as a link writes it: its name when it has one, else days per second."""
    named = next((name for name, days in SPEEDS.items() if math.isclose(days, speed)), None)
    return named or _format_number(speed)


def _joined(chosen: frozenset[str] | None, order: tuple[str, ...]) -> str | None:
    """Chosen members as a link writes them: comma-separated in ``order``."""
    if chosen is None:
        return None
    return ",".join(str(member) for member in order if member in chosen)


def _format_number(number: float) -> str:
    """A coordinate or zoom with at most 4 decimals and no trailing zeros."""
    text = f"{round(number, 4):.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _shorten(value: str, limit: int) -> str:
    """Text safe to quote in a notice: one line, no control or bidi characters, cut at ``limit``.

    Everything not printable goes: control characters, line breaks, and the format
    characters that reorder text (right-to-left overrides and isolates).
    """
    printable = "".join(char for char in value if char.isprintable())
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"
