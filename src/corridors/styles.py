"""Colours and line styles of the map, shared by both renderers and the legend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from corridors.models import Mode, Role, Status

RGBA = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class LineStyle:
    """How a line is drawn: colour, width in pixels, dash pattern ("" for solid)."""

    color: RGBA
    width: float
    dash: str = ""


FOCUS_FILL: Final[dict[str, RGBA]] = {
    "az": (150, 196, 222, 220),
    "az-nx": (150, 196, 222, 220),
    "am": (250, 196, 160, 220),
}
FOCUS_FALLBACK_FILL: Final[RGBA] = (204, 235, 197, 200)
NEIGHBOUR_FILL: Final[RGBA] = (236, 236, 236, 255)
COUNTRY_LINE: Final = LineStyle((110, 110, 110, 255), 1.2)
NEIGHBOUR_LINE: Final = LineStyle((175, 175, 175, 255), 0.8)
REGION_FILL: Final[RGBA] = (255, 255, 255, 0)
REGION_LINE: Final = LineStyle((90, 90, 90, 200), 1.0, "4 3")
HIGHLIGHT: Final[RGBA] = (214, 39, 40, 255)
HIGHLIGHT_FILL: Final[RGBA] = (214, 39, 40, 60)
BACKGROUND: Final[RGBA] = (226, 236, 243, 255)

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
CROSSING_COLOR: Final[RGBA] = (0, 109, 119, 255)


def country_fill(country_id: str, role: Role) -> RGBA:
    """Fill of a country polygon: a hue per focus country, grey for neighbours."""
    if role is Role.NEIGHBOUR:
        return NEIGHBOUR_FILL
    return FOCUS_FILL.get(country_id, FOCUS_FALLBACK_FILL)


def corridor_line(mode: Mode, status: Status) -> LineStyle:
    """A corridor's line: colour says its status, width and dashes say its main mode."""
    width, dash = MODE_LINE[mode]
    return LineStyle(STATUS_COLOR[status], width, dash)


def css(color: RGBA) -> str:
    """The colour as CSS ``rgba()``."""
    red, green, blue, alpha = color
    return f"rgba({red}, {green}, {blue}, {alpha / 255:.2f})"


def css_rgb(color: RGBA) -> str:
    """The colour as opaque CSS ``rgb()`` (for styles that carry the opacity apart)."""
    red, green, blue, _ = color
    return f"rgb({red}, {green}, {blue})"
