"""Colours and line styles of the map, shared by both renderers and the legend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from corridors.data.models import BoundaryKind, EventKind, Mode, PlaceKind, Role, Status, WaterKind

RGBA = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class LineStyle:
    """How a line is drawn: colour, width in pixels, dash pattern ("" for solid)."""

    color: RGBA
    width: float
    dash: str = ""


FOCUS_FILL: Final[dict[str, RGBA]] = {
    "az": (196, 219, 168, 220),
    "az-nx": (196, 219, 168, 220),
    "am": (250, 196, 160, 220),
}
FOCUS_FALLBACK_FILL: Final[RGBA] = (230, 222, 200, 200)
NEIGHBOUR_FILL: Final[RGBA] = (241, 239, 233, 255)
COUNTRY_LINE: Final = LineStyle((110, 110, 110, 255), 1.2)
NEIGHBOUR_LINE: Final = LineStyle((175, 175, 175, 255), 0.8)
REGION_FILL: Final[RGBA] = (255, 255, 255, 0)
REGION_LINE: Final = LineStyle((90, 90, 90, 200), 1.0, "4 3")
#: The selection: a colour no other feature, status or UI element uses (the theme's red is
#: the app's buttons and chips). Small features are filled with it; countries only outlined.
HIGHLIGHT: Final[RGBA] = (0, 176, 240, 255)
HIGHLIGHT_FILL: Final[RGBA] = (0, 176, 240, 90)
HIGHLIGHT_OUTLINE_WIDTH: Final = 3.5
#: Outside the regional window: a neutral grey that reads as "no data", not as water.
BACKGROUND: Final[RGBA] = (218, 216, 210, 255)
WATER_FILL: Final[RGBA] = (166, 206, 227, 255)
RIVER_LINE: Final = LineStyle((110, 165, 205, 255), 1.5)

#: The route through Syunik, the atlas's subject: reserved colour, wide, over a white casing.
ROUTE_COLOR: Final[RGBA] = (197, 0, 124, 255)
ROUTE_WIDTH: Final = 5.0
ROUTE_CASING: Final[RGBA] = (255, 255, 255, 235)
ROUTE_CASING_EXTRA: Final = 4.0
#: Dashes of a route that is only planned or proposed (visible, but not a built line).
ROUTE_DASH: Final = "12 7"
#: Other corridors are drawn quieter (this opacity and width factor) unless selected.
QUIET_ALPHA: Final = 190
QUIET_WIDTH: Final = 0.8

STATUS_COLOR: Final[dict[Status, RGBA]] = {
    Status.OPERATING: (27, 120, 55, 255),
    Status.UNDER_CONSTRUCTION: (230, 97, 1, 255),
    Status.PLANNED: (94, 60, 153, 255),
    Status.PROPOSED: (178, 171, 210, 255),
    Status.DISUSED: (120, 120, 120, 255),
}
MODE_LINE: Final[dict[Mode, tuple[float, str]]] = {
    Mode.RAIL: (4.0, ""),
    Mode.ROAD: (3.0, "10 6"),
    Mode.PIPELINE: (2.5, "2 5"),
}
PLACE_COLOR: Final[RGBA] = (40, 40, 40, 255)

#: An agreement's map mode: the features of its provisions in the colour of their status on
#: the Peace Accords Matrix scale (0 not initiated .. 3 full), four of ColorBrewer's BrBG
#: (diverging brown to teal, safe for colour-blind readers; its darkest teal for "full", since
#: the next one reads as the route's magenta under deuteranopia), and a grey for features
#: whose provisions nobody has scored yet. tests/render/test_agreement_colours.py measures
#: them apart from each other and from the route and the selection, for every reader.
IMPLEMENTATION_COLORS: Final[tuple[RGBA, ...]] = (
    (140, 81, 10, 255),
    (223, 194, 125, 255),
    (128, 205, 193, 255),
    (0, 60, 48, 255),
)
UNSCORED_COLOR: Final[RGBA] = (150, 150, 150, 255)
#: An area's fill in the agreement's map mode (its outline stays a border).
STATUS_FILL_ALPHA: Final = 175

#: An event's mark: a disc in its kind's colour with a white rim; larger when selected (and
#: rimmed in :data:`HIGHLIGHT`). Radii and rim in pixels.
MARK_RADIUS: Final = 7.0
SELECTED_MARK_RADIUS: Final = 10.0
MARK_RIM: Final[RGBA] = (255, 255, 255, 255)
MARK_RIM_WIDTH: Final = 2.0
#: One colour per event kind, in the order of :class:`EventKind`: far from every
#: corridor-status colour and from the selection colour (tested). The timeline's points and
#: key and the map's event marks (:data:`KIND_RGBA`) use them, so each is the other's key.
KIND_COLORS: Final[dict[EventKind, str]] = {
    EventKind.SUMMIT: "#1f77b4",
    EventKind.AGREEMENT: "#17becf",
    EventKind.DECLARATION: "#8c564b",
    EventKind.EXECUTIVE_ACTION: "#e377c2",
    EventKind.MEMORANDUM: "#bcbd22",
    EventKind.INFRASTRUCTURE: "#253494",
    EventKind.CONFLICT: "#f2c14e",
    EventKind.DIPLOMATIC: "#80cdc1",
}

#: Cells of reported events are coloured by the number of events in them, in classes whose
#: lower bounds grow tenfold (1-9, 10-99, ... 100,000 or more): the same colour means the
#: same count wherever the map is panned and whatever the date range.
CELL_CLASS_STARTS: Final = (1, 10, 100, 1_000, 10_000, 100_000)
#: The classes' fills, light to dark: six colours along ColorBrewer's Purples (sequential,
#: safe for colour-blind readers; its 9-class colours interpolated in CIELAB), spaced equally
#: by CIEDE2000 from its third-palest (the palest would vanish on the light basemaps) to the
#: fourth class, the first dark enough to stand out by its fill from every light basemap, and
#: on to its darkest. Purple is a hue no country fill (Armenia's orange, Azerbaijan's green, the
#: fallback's beige), the route's magenta or the selection's blue uses: a cell never reads as
#: a country or as selected, and the countries' borders show through it. Every two
#: neighbouring classes differ by 8.3 CIEDE2000 or more, drawn on any basemap and under
#: simulated deuteranopia, protanopia and tritanopia (YlOrBr's 1,000+ and 10,000+: 4.5);
#: tests/render/test_cell_colours.py measures it.
CELL_RAMP: Final[tuple[RGBA, ...]] = (
    (222, 222, 237, 220),
    (175, 173, 211, 220),
    (133, 130, 188, 220),
    (110, 89, 167, 220),
    (91, 53, 149, 220),
    (63, 0, 125, 220),
)
#: Each class's outline: dark violet round the light fills (which a light basemap washes
#: out), near-white round the three darkest (which a dark basemap swallows), so that every
#: cell stands out from light and dark maps alike by its fill or by its outline.
CELL_OUTLINES: Final[tuple[RGBA, ...]] = (
    *((45, 20, 80, 230),) * 3,
    *((250, 248, 255, 230),) * 3,
)
CELL_OUTLINE_WIDTH: Final = 1.0
CROSSING_COLOR: Final[RGBA] = (0, 109, 119, 255)


@dataclass(frozen=True, slots=True)
class LabelStyle:
    """How a label is written: size in pixels, colour, weight, and whether it sits on a point."""

    size: float
    color: RGBA
    bold: bool = False
    italic: bool = False
    #: Above a place's dot (True) or centred on its anchor (areas, lines, water).
    above_point: bool = False


LABEL_STYLES: Final[dict[str, LabelStyle]] = {
    "capital": LabelStyle(14, (20, 20, 20, 255), bold=True, above_point=True),
    "place": LabelStyle(12, (35, 35, 35, 255), above_point=True),
    "country": LabelStyle(15, (95, 95, 95, 255), bold=True),
    "region": LabelStyle(12, (90, 90, 90, 255), italic=True),
    "route": LabelStyle(13, ROUTE_COLOR, bold=True),
    "corridor": LabelStyle(11, (70, 70, 70, 255), italic=True),
    "water": LabelStyle(12, (40, 105, 160, 255), italic=True),
}

#: Default label ranks by kind (1 is labelled first; a record's ``label_rank`` overrides).
PLACE_LABEL_RANK: Final[dict[PlaceKind, int]] = {
    PlaceKind.CAPITAL: 1,
    PlaceKind.CITY: 3,
    PlaceKind.TOWN: 4,
    PlaceKind.PORT: 4,
    PlaceKind.STATION: 6,
    PlaceKind.VILLAGE: 6,
    PlaceKind.BORDER_CROSSING: 7,
}
BOUNDARY_LABEL_RANK: Final[dict[BoundaryKind, int]] = {
    BoundaryKind.COUNTRY: 2,
    BoundaryKind.AUTONOMOUS_REPUBLIC: 3,
    BoundaryKind.PROVINCE: 5,
    BoundaryKind.DISTRICT: 7,
    BoundaryKind.CITY: 9,
}
WATER_LABEL_RANK: Final[dict[WaterKind, int]] = {
    WaterKind.SEA: 3,
    WaterKind.LAKE: 5,
    WaterKind.RESERVOIR: 6,
    WaterKind.RIVER: 7,
}
CORRIDOR_LABEL_RANK: Final = 5
#: A selected feature's label outranks every other.
SELECTED_LABEL_RANK: Final = 0


def country_fill(country_id: str, role: Role) -> RGBA:
    """Fill of a country polygon: a hue per focus country, grey for neighbours."""
    if role is Role.NEIGHBOUR:
        return NEIGHBOUR_FILL
    return FOCUS_FILL.get(country_id, FOCUS_FALLBACK_FILL)


def corridor_line(mode: Mode, status: Status) -> LineStyle:
    """A corridor's line: colour says its status, width and dashes say its main mode."""
    width, dash = MODE_LINE[mode]
    return LineStyle(STATUS_COLOR[status], width, dash)


def quiet(style: LineStyle) -> LineStyle:
    """A corridor line drawn quieter, so the route through Syunik stands out."""
    red, green, blue, _ = style.color
    return LineStyle((red, green, blue, QUIET_ALPHA), style.width * QUIET_WIDTH, style.dash)


def route_line(status: Status) -> LineStyle:
    """The route through Syunik: its reserved colour; dashed while planned or proposed."""
    built = status in (Status.OPERATING, Status.UNDER_CONSTRUCTION)
    return LineStyle(ROUTE_COLOR, ROUTE_WIDTH, "" if built else ROUTE_DASH)


def route_casing(line: LineStyle) -> LineStyle:
    """The white casing under the route (solid, wider), so it reads on any fill."""
    return LineStyle(ROUTE_CASING, line.width + ROUTE_CASING_EXTRA)


def css(color: RGBA) -> str:
    """The colour as CSS ``rgba()``."""
    red, green, blue, alpha = color
    return f"rgba({red}, {green}, {blue}, {alpha / 255:.2f})"


def css_rgb(color: RGBA) -> str:
    """The colour as opaque CSS ``rgb()`` (for styles that carry the opacity apart)."""
    red, green, blue, _ = color
    return f"rgb({red}, {green}, {blue})"


def cell_class(count: int) -> int:
    """The colour class (an index of :data:`CELL_RAMP`) of a cell holding ``count`` events."""
    return max(0, sum(1 for start in CELL_CLASS_STARTS if count >= start) - 1)


def hex_rgba(colour: str) -> RGBA:
    """An opaque ``#rrggbb`` colour as RGBA."""
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16), 255)


#: :data:`KIND_COLORS` as RGBA, for the map's event marks.
KIND_RGBA: Final[dict[EventKind, RGBA]] = {
    kind: hex_rgba(colour) for kind, colour in KIND_COLORS.items()
}
