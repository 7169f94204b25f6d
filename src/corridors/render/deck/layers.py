"""The deck.gl layers a scene is drawn with: each one's type and fixed properties.

A :class:`LayerSpec` turns rows into a ``pdk.Layer`` (or nothing, without rows), so
:mod:`corridors.render.deck.builder` only builds rows. Row fields are named alike across
layers (``fill``, ``line``, ``color``, ``width``, ``polygon``, ``path``, ``position``);
``id`` is what a click returns (:mod:`corridors.render.deck.component`) and ``tooltip`` is
plain text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import pydeck as pdk

from corridors.render.styles import CELL_OUTLINE_WIDTH, HIGHLIGHT_OUTLINE_WIDTH

_PIXELS: Final = pdk.types.String("pixels")


@dataclass(frozen=True, slots=True)
class LayerSpec:
    """A kind of deck.gl layer: its type and the properties every layer of it has."""

    kind: str
    props: Mapping[str, Any] = field(default_factory=dict)

    def layer(
        self, layer_id: str, rows: Sequence[Mapping[str, Any]], **more: Any
    ) -> pdk.Layer | None:
        """The layer ``layer_id`` drawing ``rows``; ``None`` without rows.

        ``more`` adds or overrides properties that depend on the data.
        """
        if not rows:
            return None
        return pdk.Layer(self.kind, id=layer_id, data=list(rows), **{**self.props, **more})


#: Countries and regions: filled, outlined, picked; countries brighten under the pointer
#: (regions are drawn with ``auto_highlight=False``).
AREAS: Final = LayerSpec(
    "PolygonLayer",
    {
        "get_polygon": "polygon",
        "get_fill_color": "fill",
        "get_line_color": "line",
        "get_line_width": "width",
        "line_width_units": _PIXELS,
        "filled": True,
        "stroked": True,
        "pickable": True,
        "auto_highlight": True,
        "highlight_color": [255, 255, 255, 70],
    },
)
#: Seas and lakes: filled, not outlined, never picked.
WATER: Final = LayerSpec(
    "PolygonLayer",
    {
        "get_polygon": "polygon",
        "get_fill_color": "fill",
        "filled": True,
        "stroked": False,
        "pickable": False,
    },
)
#: Rivers: thin lines, never picked (their width, one for all, is given with the rows).
RIVERS: Final = LayerSpec(
    "PathLayer",
    {
        "get_path": "path",
        "get_color": "color",
        "width_units": _PIXELS,
        "joint_rounded": True,
        "pickable": False,
    },
)
#: The cells of reported events: picked, brightened under the pointer.
CELLS: Final = LayerSpec(
    "PolygonLayer",
    {
        "get_polygon": "polygon",
        "get_fill_color": "fill",
        "get_line_color": "line",
        "get_line_width": CELL_OUTLINE_WIDTH,
        "line_width_units": _PIXELS,
        "filled": True,
        "stroked": True,
        "pickable": True,
        "auto_highlight": True,
        "highlight_color": [255, 255, 255, 90],
    },
)
#: The selected cell's outline.
SELECTED_CELL: Final = LayerSpec(
    "PolygonLayer",
    {
        "get_polygon": "polygon",
        "get_line_color": "line",
        "get_line_width": HIGHLIGHT_OUTLINE_WIDTH,
        "line_width_units": _PIXELS,
        "filled": False,
        "stroked": True,
        "pickable": False,
    },
)
#: Outlines drawn again over the cells (those of the selected countries and regions).
OUTLINES: Final = LayerSpec(
    "PathLayer",
    {
        "get_path": "path",
        "get_color": "line",
        "get_width": "width",
        "width_units": _PIXELS,
        "pickable": False,
    },
)
#: The halo under a cased line (the route through Syunik).
CASINGS: Final = LayerSpec(
    "PathLayer",
    {
        "get_path": "path",
        "get_color": "color",
        "get_width": "width",
        "width_units": _PIXELS,
        "cap_rounded": True,
        "joint_rounded": True,
        "pickable": False,
    },
)
#: Corridors and the route: picked, dashed by status.
LINES: Final = LayerSpec(
    "PathLayer",
    {
        "get_path": "path",
        "get_color": "color",
        "get_width": "width",
        "get_dash_array": "dash",
        "dash_justified": True,
        "extensions": [{"@@type": "PathStyleExtension", "dash": True}],
        "width_units": _PIXELS,
        "width_min_pixels": 2,
        "cap_rounded": True,
        "joint_rounded": True,
        "pickable": True,
        "auto_highlight": True,
    },
)
#: Places: dots with a white rim, picked.
PLACES: Final = LayerSpec(
    "ScatterplotLayer",
    {
        "get_position": "position",
        "get_fill_color": "fill",
        "get_radius": "radius",
        "radius_units": _PIXELS,
        "stroked": True,
        "get_line_color": [255, 255, 255, 255],
        "line_width_min_pixels": 1,
        "pickable": True,
        "auto_highlight": True,
    },
)
