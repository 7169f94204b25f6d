"""What the deck.gl map component is sent to draw a scene: its layers, names and marks.

The component (its built files in ``component/``, its source in ``frontend/deck-map``)
turns the layers (pydeck's JSON) into deck.gl layers, writes the names as text in the
page and places them itself (the browser shapes Arabic and draws every glyph whole at any
pixel ratio), and clusters the event marks. This module builds what to draw
(:func:`component_drawing`); where to look and how big the map is are the page's business
(:mod:`corridors.ui.dashboard.map.deck`). :func:`deck_drawing` adds where to look from a
camera: it is the deck.gl renderer's builder (:mod:`corridors.render.deck.renderer`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pydeck.bindings.json_tools import default_serialize

from corridors.core.basemaps import BASEMAPS, BUNDLED
from corridors.geo.camera import Bounds, Camera
from corridors.i18n import Translator
from corridors.render.deck.builder import deck_layers
from corridors.render.deck.parts import part_hashes
from corridors.render.event_marks import EVENTS_LAYER
from corridors.render.labels import SceneLabel
from corridors.render.reported_layer import CELLS_LAYER, ReportedLayer
from corridors.render.scene import Scene
from corridors.render.styles import HIGHLIGHT, LABEL_STYLES, NEIGHBOUR_FILL

#: The component's arguments, JSON passed by keyword: ``MapArgs`` of
#: ``frontend/deck-map/src/protocol.ts`` (the page adds the height and ``reportView``).
Drawing = dict[str, Any]
#: The built component: ``index.html`` and ``map.js`` (``make component`` rebuilds them).
COMPONENT_DIR: Final = Path(__file__).parent / "component"
#: Pixels around the pointer within which a click picks a mark, a place or a line.
PICKING_RADIUS: Final = 10
#: What a click picks: the nearest of ``near`` within the picking radius, else what is
#: under the pointer of ``under``, in this order; ``areas`` are told to a click as the
#: areas under it (a district, its autonomous republic, its country).
PICKING_ORDER: Final = {
    "near": [EVENTS_LAYER, "places", "route", "corridors"],
    "under": [CELLS_LAYER, "regions", "countries"],
    "areas": ["regions", "countries"],
}
#: From this label rank on, a place is minor: names of areas and lines may cover its dot.
MINOR_PLACE_RANK: Final = 4
#: How each label style is placed: beside a dot, along a line, or centred on an area.
_PLACEMENT: Final = {"capital": "point", "place": "point", "route": "line", "corridor": "line"}


@dataclass(frozen=True, slots=True)
class LabelScale:
    """Label sizes on a screen: each style's size times ``factor``, never under ``minimum``."""

    factor: float
    minimum: float

    def size(self, style: str) -> float:
        """The size in CSS pixels of a label of ``style``."""
        return round(max(self.minimum, LABEL_STYLES[style].size * self.factor), 1)


#: Labels on the dashboard (12 px at least) and in presenter mode (for a room: 18 px).
DASHBOARD_LABELS: Final = LabelScale(1.0, 12.0)
PRESENTER_LABELS: Final = LabelScale(1.5, 18.0)


def component_drawing(
    scene: Scene,
    translate: Translator,
    *,
    basemap: str,
    reported: ReportedLayer | None,
    labels: LabelScale = DASHBOARD_LABELS,
) -> Drawing:
    """The component's arguments that draw ``scene``: layers, labels, marks, language, tiles."""
    tiles = BASEMAPS[basemap].tiles
    layer_texts = {
        layer.id: json.dumps(
            layer, default=default_serialize, separators=(",", ":"), sort_keys=True
        )
        for layer in deck_layers(scene, translate, reported)
    }
    marks = scene.marks
    drawing: Drawing = {
        "spec": '{"layers":[' + ",".join(layer_texts.values()) + "]}",
        "labels": [_label(label, labels) for label in scene.labels],
        "dots": _dots(scene),
        "marks": [
            {
                "id": mark.id,
                "position": [mark.lon, mark.lat],
                "color": list(mark.color),
                "tooltip": mark.tooltip(translate),
            }
            for mark in marks
        ],
        "selectedMark": next((mark.id for mark in marks if mark.selected), None),
        "lang": translate.lang,
        "rtl": translate.rtl,
        "tiles": {"url": tiles, "attribution": BASEMAPS[basemap].attribution} if tiles else None,
        "background": list(NEIGHBOUR_FILL),
        "clusterTexts": {
            str(count): translate("map.cluster", count=count) for count in range(2, len(marks) + 1)
        },
        "texts": {"zoomIn": translate("map.zoom_in"), "zoomOut": translate("map.zoom_out")},
        "highlight": list(HIGHLIGHT),
        "pickingRadius": PICKING_RADIUS,
        "picking": PICKING_ORDER,
    }
    drawing["hashes"] = part_hashes(layer_texts, drawing)
    return drawing


def deck_drawing(
    scene: Scene,
    translate: Translator,
    *,
    camera: Camera,
    basemap: str = BUNDLED,
    reported: ReportedLayer | None = None,
) -> Drawing:
    """The component's arguments that draw ``scene`` seen from ``camera`` (dashboard labels).

    What :func:`component_drawing` sends, and a ``frame`` that asks for ``camera`` (the
    scene's bounds beside it); the page adds the height and the key.
    """
    drawing = component_drawing(scene, translate, basemap=basemap, reported=reported)
    drawing["frame"] = map_frame(scene.bounds, camera)
    return drawing


def map_frame(bounds: Bounds, camera: Camera | None = None, moves: int = 0) -> dict[str, Any]:
    """Where the map is asked to look: ``camera`` if given, else ``bounds`` fitted to its box.

    The map applies a frame only when ``moves`` differs from the last one it applied.
    """
    return {
        "moves": moves,
        "camera": None
        if camera is None
        else {"lat": camera.lat, "lon": camera.lon, "zoom": camera.zoom},
        "bounds": list(bounds),
    }


def _dots(scene: Scene) -> list[dict[str, Any]]:
    """The places' dots, which labels keep clear of (a minor place's only a place's label)."""
    ranks = {label.id: label.rank for label in scene.labels}
    return [
        {
            "id": place.id,
            "position": [place.geometry.x, place.geometry.y],
            "radius": place.radius,
            "rank": ranks.get(place.id, MINOR_PLACE_RANK),
        }
        for place in scene.layer("places")
    ]


def _label(label: SceneLabel, scale: LabelScale) -> dict[str, Any]:
    """A label as the component places it (logical text: the browser shapes and orders it)."""
    style = LABEL_STYLES[label.style]
    return {
        "id": label.id,
        "text": label.text,
        "color": list(style.color),
        "rank": label.rank,
        "size": scale.size(label.style),
        "bold": style.bold,
        "italic": style.italic,
        "kind": _PLACEMENT.get(label.style, "area"),
        "radius": max(label.offset - 2.0, 0.0),
        "anchors": [list(anchor) for anchor in label.anchors or ((label.lon, label.lat),)],
    }
