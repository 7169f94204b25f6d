"""What a map adapter is: it puts one renderer's map on the page and reads its clicks.

The panel (:mod:`corridors.ui.dashboard.map.panel`) works out what to draw and from where
(:class:`MapDraw`); an adapter draws it with its renderer and turns a click on a feature, an
event's mark or a cell into a selection (:func:`select`), marking a change that came from
the map (:data:`FROM_MAP`) so that the camera stays where the reader put it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Protocol

from corridors.i18n import Translator
from corridors.render.event_marks import EVENTS_LAYER
from corridors.render.framing import Framing
from corridors.render.reported_layer import CELLS_LAYER, MapView, ReportedLayer
from corridors.render.scene import Scene
from corridors.ui.dashboard import session

#: Set by the map's own callbacks: this run's change of selection or position came from
#: the map, which is already where the reader put it.
FROM_MAP: Final = "map_changed_itself"


@dataclass(frozen=True, slots=True)
class MapDraw:
    """What to draw this run: the scene, in which language, the framing, basemap, cells."""

    scene: Scene
    translate: Translator
    framing: Framing
    basemap: str
    reported: ReportedLayer | None


class MapAdapter(Protocol):
    """One renderer on the page (its :attr:`name` is the renderer's, in the registry)."""

    @property
    def name(self) -> str:
        """The name of the renderer it draws with."""
        ...

    def map_view(self, framing: Framing) -> MapView:
        """What the map shows this run, as far as the app knows (its cells are counted there)."""
        ...

    def draw(self, draw: MapDraw) -> None:
        """Put the map on the page; its clicks select through :func:`select`."""
        ...


def select(layer: str, row_id: str) -> None:
    """Select what a click on the map named: a cell of reported events, an event, a feature.

    An event is selected as its row's button in the event list selects it (its card opens).
    A click while playing pauses (the page then shows what was clicked).
    """
    session.pause()
    if layer == CELLS_LAYER:
        session.select_cell(row_id)
    elif layer == EVENTS_LAYER:
        session.select_event(row_id)
    else:
        session.select_feature(row_id)
