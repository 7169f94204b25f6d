"""The regional window every bundled coordinate must fall inside."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from shapely.geometry import Polygon, box


@dataclass(frozen=True, slots=True)
class Window:
    """A longitude/latitude rectangle in WGS84 degrees."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point lies inside the window (edges included)."""
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def as_polygon(self) -> Polygon:
        """The window as a shapely polygon."""
        return box(self.west, self.south, self.east, self.north)

    def __str__(self) -> str:
        return f"lon {self.west}..{self.east}, lat {self.south}..{self.north}"


#: The South Caucasus with eastern Turkey, north-western Iran and southern Dagestan.
REGIONAL_WINDOW: Final = Window(west=40.0, south=37.0, east=51.0, north=43.5)
