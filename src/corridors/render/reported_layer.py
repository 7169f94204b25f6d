"""The map's layer of reported events: counts per hexagonal cell of the view, coloured.

What is drawn depends on the store, a query (dates, kinds, sources) and the view, never on
the number of events: the cells' resolution follows the zoom so that a cell is a readable
size on screen (:data:`settings.min_cell_px` across or a little more), only the cells of the
view's box (padded by :data:`settings.map_cells_padding`) are counted, and when there are
more than :data:`settings.max_map_cells` of them the cells are made coarser until there are
not. The store does the counting
(:meth:`~corridors.reported.store.EventStore.counts_by_cell`); a cell carries its H3 name
(for links and clicks), count, colour class and a readable place name from the catalogue
(:mod:`corridors.render.cell_places`), nothing of the events' own text.

The layer shows every event under the filters, whatever feature is selected: the map is the
overview beside the curated features, which stay drawn in full too. A selected cell's
listing is not narrowed by the selected feature either, so that it always holds the events
its cell counts (:mod:`corridors.ui.dashboard.reported.panels`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Final

import h3

from corridors.core import settings
from corridors.data.review_status import ReviewStatus
from corridors.geo.camera import TILE_SIZE, Bounds, Camera, mercator_latitude, mercator_y
from corridors.geo.cells import cell_name, cell_outline, parse_cell
from corridors.i18n import Translator
from corridors.i18n.review import status_line
from corridors.render.cell_places import CellGazetteer, CellPlace
from corridors.render.styles import CELL_OUTLINES, CELL_RAMP, RGBA, cell_class
from corridors.reported.store import EventQuery, EventStore

#: The name of the cells' layer in both renderers (a click on it selects a cell), of the
#: selected cell's outline (drawn over the cells, never picked), and of the outlines of the
#: selected countries and regions, drawn again over the cells, which would hide them.
CELLS_LAYER: Final = "reported"
SELECTED_CELL_LAYER: Final = "reported-selected"
SELECTED_AREAS_LAYER: Final = "reported-selected-areas"
#: The equator's length in metres (Web Mercator's scale at the equator is this per world).
EQUATOR_M: Final = 40_075_016.686
#: Metres in a degree of latitude (near enough for padding a box).
DEGREE_M: Final = 111_320.0
#: Children per H3 parent: making cells one resolution coarser divides their number by up
#: to this.
CHILDREN: Final = 7
#: Digits kept of an outline's coordinates (about 1 m: far below a pixel at any zoom drawn).
OUTLINE_DIGITS: Final = 5
#: Latitudes beyond this are treated as this (Web Mercator draws nothing past about 85°).
MAX_LATITUDE: Final = 85.0


@dataclass(frozen=True, slots=True)
class MapView:
    """What a map shows: its camera (web-map zoom) and its size in CSS pixels."""

    camera: Camera
    width: int
    height: int

    def bounds(self, *, padding: float = 0.0) -> Bounds:
        """The view's (west, south, east, north) box, ``padding`` of its size added per side."""
        world_px = TILE_SIZE * 2.0**self.camera.zoom
        half_lon = 360.0 * self.width * (0.5 + padding) / world_px
        y = mercator_y(self.camera.lat)
        half_y = self.height * (0.5 + padding) / world_px
        return (
            max(self.camera.lon - half_lon, -180.0),
            mercator_latitude(min(y + half_y, 1.0)),
            min(self.camera.lon + half_lon, 180.0),
            mercator_latitude(max(y - half_y, 0.0)),
        )


@dataclass(frozen=True, slots=True)
class ReportedCell:
    """One cell as drawn: its H3 name, its count, its colour class, its outline, its place."""

    name: str
    count: int
    shade: int
    outline: tuple[tuple[float, float], ...]
    place: CellPlace
    #: How many of its events are placed only to an area or dated only to a week or longer.
    imprecise: int = 0

    @property
    def fill(self) -> RGBA:
        """The fill of the cell's colour class."""
        return CELL_RAMP[self.shade]

    @property
    def line(self) -> RGBA:
        """The outline colour of the cell's colour class."""
        return CELL_OUTLINES[self.shade]

    def tooltip(self, translate: Translator) -> str:
        """Plain-text tooltip: how many reported events, where (never the H3 id), what they are.

        The events' own text is never in it: only counts, catalogue names and the line
        saying that imported events are not reviewed by the atlas.
        """
        lines = [translate("cells.tooltip", count=self.count), *self.place.lines(translate)]
        if self.imprecise:
            lines.append(translate("reported_precision.imprecise", count=self.imprecise))
        return "\n".join([*lines, status_line(translate, ReviewStatus.IMPORTED)])


@dataclass(frozen=True, slots=True)
class ReportedLayer:
    """The cells to draw (at one resolution) and the outline of the selected cell, if any.

    The selected cell is outlined at its own resolution, which may differ from the drawn
    cells' (a link names a cell of the view it was made in).
    """

    resolution: int
    cells: tuple[ReportedCell, ...]
    selected: str | None = None
    selected_outline: tuple[tuple[float, float], ...] = ()


def resolution_for(view: MapView, min_cell_px: float = settings.min_cell_px) -> int:
    """The finest H3 resolution whose cells are ``min_cell_px`` wide or more.

    Measured at the view's centre (a Web Mercator pixel covers ``cos(latitude)`` times fewer
    metres away from the equator); never finer than the store's own cells.
    """
    metres_per_px = (
        EQUATOR_M
        * math.cos(math.radians(min(abs(view.camera.lat), MAX_LATITUDE)))
        / (TILE_SIZE * 2.0**view.camera.zoom)
    )
    chosen = 0
    for resolution in range(settings.stored_cell_resolution + 1):
        if cell_width_m(resolution) / metres_per_px >= min_cell_px:
            chosen = resolution
    return chosen


def cell_width_m(resolution: int) -> float:
    """A cell's width across (corner to corner) at ``resolution``, in metres, on average."""
    edge: float = h3.average_hexagon_edge_length(resolution, unit="m")
    return 2 * edge


def build_reported_layer(
    store: EventStore,
    query: EventQuery,
    view: MapView,
    *,
    selected: str | None = None,
    gazetteer: CellGazetteer | None = None,
    min_cell_px: float = settings.min_cell_px,
) -> ReportedLayer:
    """The cells of ``view`` holding events that match ``query``, at most the cap of them.

    ``query``'s own box, if any, is replaced by the view's. ``selected`` is the selected
    cell's H3 name (from the session or a link; an invalid one is not outlined).
    ``gazetteer`` names the cells; without it a cell is named by its centre's coordinates.
    Cells are ``min_cell_px`` wide at least (a playing map asks for wider ones).
    """
    shown = view.bounds(padding=settings.map_cells_padding)
    resolution = resolution_for(view, min_cell_px)
    counts = _counts_in(store, query, shown, resolution)
    while len(counts) > settings.max_map_cells and resolution > 0:
        steps = math.ceil(math.log(len(counts) / settings.max_map_cells, CHILDREN))
        resolution = max(0, resolution - max(1, steps))
        counts = _counts_in(store, query, shown, resolution)
    boxed = replace(query, bounds=_padded(shown, resolution)) if counts else query
    imprecise = store.imprecise_by_cell(boxed, resolution) if counts else {}
    cells = tuple(
        ReportedCell(
            name=cell_name(cell),
            count=count,
            shade=cell_class(count),
            outline=_outline(cell),
            place=gazetteer.name(cell) if gazetteer else CellPlace(*_centre(cell)),
            imprecise=imprecise.get(cell, 0),
        )
        for cell, count in sorted(counts.items())
    )
    chosen = parse_cell(selected) if selected else None
    if chosen is None:
        return ReportedLayer(resolution, cells)
    return ReportedLayer(resolution, cells, cell_name(chosen), _outline(chosen))


def _counts_in(
    store: EventStore, query: EventQuery, shown: Bounds, resolution: int
) -> dict[int, int]:
    """Counts of the cells whose centre is in ``shown``, each with all of its events."""
    west, south, east, north = shown
    counts = store.counts_by_cell(replace(query, bounds=_padded(shown, resolution)), resolution)
    kept = {}
    for cell, count in counts.items():
        lat, lon = _centre(cell)
        if west <= lon <= east and south <= lat <= north:
            kept[cell] = count
    return kept


def _padded(shown: Bounds, resolution: int) -> Bounds:
    """``shown`` wider by two cell widths, so that a cell at the edge is counted whole.

    (H3 cells do not nest exactly: a coarse cell's events may lie a little outside its
    outline, never by a cell's width.)
    """
    west, south, east, north = shown
    margin_lat = 2 * cell_width_m(resolution) / DEGREE_M
    latitude = min(max(abs(south), abs(north)), MAX_LATITUDE)
    margin_lon = margin_lat / max(math.cos(math.radians(latitude)), 0.01)
    return (west - margin_lon, south - margin_lat, east + margin_lon, north + margin_lat)


def _centre(cell: int) -> tuple[float, float]:
    """The cell's centre as (latitude, longitude)."""
    lat, lon = h3.api.basic_int.cell_to_latlng(cell)
    return lat, lon


def _outline(cell: int) -> tuple[tuple[float, float], ...]:
    """The cell's boundary ring (closed), coordinates rounded to :data:`OUTLINE_DIGITS`."""
    return tuple(
        (round(lon, OUTLINE_DIGITS), round(lat, OUTLINE_DIGITS)) for lon, lat in cell_outline(cell)
    )
