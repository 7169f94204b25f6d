"""The deck.gl map (pydeck) of a scene: one pickable layer per map layer.

The reported events' cells (:mod:`corridors.render.reported_layer`), when there are any, are drawn
above the areas and below the lines, places and labels.
"""

from __future__ import annotations

import json
from typing import Any, Final

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from corridors.core.basemaps import BASEMAPS, BUNDLED
from corridors.geo.camera import DECK_ZOOM_OFFSET, Camera
from corridors.i18n import Translator
from corridors.render.deck.shaping import visual_text
from corridors.render.labels import SceneLabel, glyphs
from corridors.render.reported_layer import (
    CELLS_LAYER,
    SELECTED_AREAS_LAYER,
    SELECTED_CELL_LAYER,
    ReportedLayer,
)
from corridors.render.scene import Scene, SceneFeature
from corridors.render.styles import (
    CELL_OUTLINE_WIDTH,
    HIGHLIGHT,
    HIGHLIGHT_OUTLINE_WIDTH,
    LABEL_HALO,
    LABEL_STYLES,
)

#: Label font: the browser's sans-serif (Arabic comes pre-shaped:
#: :mod:`corridors.render.deck.shaping`).
LABEL_FONT: Final = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
#: Label size in pixels (the point-label layer writes every label at one size).
LABEL_SIZE: Final = 12

TOOLTIP_STYLE: Final = {
    "backgroundColor": "white",
    "color": "#222",
    "fontSize": "13px",
    "whiteSpace": "pre-line",
    "boxShadow": "0 1px 4px rgba(0,0,0,.3)",
}


class CompactDeck(pdk.Deck):  # type: ignore[misc]
    """A Deck whose JSON has no indentation: the same spec in about half the bytes."""

    def to_json(self) -> str:
        """The deck.gl JSON spec, compact."""
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def build_deck(
    scene: Scene,
    translate: Translator,
    *,
    camera: Camera,
    basemap: str = BUNDLED,
    reported: ReportedLayer | None = None,
) -> CompactDeck:
    """A pydeck Deck drawing ``scene`` (and ``reported``); tooltips are plain text."""
    layers = [
        _polygon_layer("countries", scene.layer("countries"), translate, filled=True),
        _water_layer(scene.layer("water")),
        _river_layer(scene.layer("rivers")),
        _polygon_layer("regions", scene.layer("regions"), translate, filled=False),
        *_cell_layers(reported, translate),
        _areas_over_cells(reported, scene.highlighted_areas()),
        _path_layer("corridors", scene.layer("corridors"), translate),
        _casing_layer(scene.layer("route")),
        _path_layer("route", scene.layer("route"), translate),
        _place_layer(scene.layer("places"), translate),
        _label_layer(scene.labels, translate),
    ]
    return CompactDeck(
        layers=[layer for layer in layers if layer is not None],
        initial_view_state=pdk.ViewState(
            latitude=camera.lat, longitude=camera.lon, zoom=camera.zoom + DECK_ZOOM_OFFSET
        ),
        map_style=BASEMAPS[basemap].style,
        tooltip={"text": "{tooltip}", "style": _tooltip_style(translate)},
    )


def _tooltip_style(translate: Translator) -> dict[str, str]:
    if translate.rtl:
        return {**TOOLTIP_STYLE, "direction": "rtl", "textAlign": "right"}
    return TOOLTIP_STYLE


def _rings(geometry: BaseGeometry) -> list[list[list[list[float]]]]:
    """Each polygon of a (Multi)Polygon as a list of rings of [lon, lat]."""
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    return [
        [_coords(polygon.exterior), *(_coords(ring) for ring in polygon.interiors)]
        for polygon in polygons
        if isinstance(polygon, Polygon)
    ]


def _coords(line: Any) -> list[list[float]]:
    return [[x, y] for x, y in line.coords]


def _row(feature: SceneFeature, translate: Translator, **fields: Any) -> dict[str, Any]:
    """A data row of a layer: the feature's id (returned on click), its tooltip, its fields."""
    return {"id": feature.id, "tooltip": feature.tooltip(translate), **fields}


def _dash(pattern: str) -> list[float]:
    """A "dash gap" pattern in pixels as deck.gl's dash array, in line widths ([0, 0]: solid)."""
    if not pattern:
        return [0, 0]
    dash, gap = (float(part) for part in pattern.split())
    return [dash / 3, gap / 3]


def _polygon_layer(
    layer_id: str, features: tuple[SceneFeature, ...], translate: Translator, *, filled: bool
) -> pdk.Layer | None:
    if not features:
        return None
    rows = [
        _row(
            feature,
            translate,
            fill=list(feature.fill),
            line=list(feature.line.color),
            width=feature.line.width,
            polygon=rings,
        )
        for feature in features
        for rings in _rings(feature.geometry)
    ]
    return pdk.Layer(
        "PolygonLayer",
        id=layer_id,
        data=rows,
        get_polygon="polygon",
        get_fill_color="fill",
        get_line_color="line",
        get_line_width="width",
        line_width_units=pdk.types.String("pixels"),
        filled=True,
        stroked=True,
        pickable=True,
        auto_highlight=filled,
        highlight_color=[255, 255, 255, 70],
    )


def _areas_over_cells(
    reported: ReportedLayer | None, areas: tuple[SceneFeature, ...]
) -> pdk.Layer | None:
    """The selected countries' and regions' outlines again, over the cells that hide them."""
    if reported is None or not reported.cells or not areas:
        return None
    rows = [
        {"id": area.id, "line": list(area.line.color), "width": area.line.width, "path": ring}
        for area in areas
        for rings in _rings(area.geometry)
        for ring in rings
    ]
    return pdk.Layer(
        "PathLayer",
        id=SELECTED_AREAS_LAYER,
        data=rows,
        get_path="path",
        get_color="line",
        get_width="width",
        width_units=pdk.types.String("pixels"),
        pickable=False,
    )


def _cell_layers(reported: ReportedLayer | None, translate: Translator) -> list[pdk.Layer]:
    """The cells (pickable, their id the cell's name) and the selected cell's outline."""
    if reported is None:
        return []
    layers = []
    if reported.cells:
        rows = [
            {
                "id": cell.name,
                "tooltip": cell.tooltip(translate),
                "fill": list(cell.fill),
                "line": list(cell.line),
                "polygon": [list(point) for point in cell.outline[:-1]],
            }
            for cell in reported.cells
        ]
        layers.append(
            pdk.Layer(
                "PolygonLayer",
                id=CELLS_LAYER,
                data=rows,
                get_polygon="polygon",
                get_fill_color="fill",
                get_line_color="line",
                get_line_width=CELL_OUTLINE_WIDTH,
                line_width_units=pdk.types.String("pixels"),
                filled=True,
                stroked=True,
                pickable=True,
                auto_highlight=True,
                highlight_color=[255, 255, 255, 90],
            )
        )
    if reported.selected is not None:
        row = {
            "id": reported.selected,
            "line": list(HIGHLIGHT),
            "polygon": [list(point) for point in reported.selected_outline[:-1]],
        }
        layers.append(
            pdk.Layer(
                "PolygonLayer",
                id=SELECTED_CELL_LAYER,
                data=[row],
                get_polygon="polygon",
                get_line_color="line",
                get_line_width=HIGHLIGHT_OUTLINE_WIDTH,
                line_width_units=pdk.types.String("pixels"),
                filled=False,
                stroked=True,
                pickable=False,
            )
        )
    return layers


def _lines(geometry: BaseGeometry) -> list[list[list[float]]]:
    """Each part of a (Multi)LineString as a list of [lon, lat]."""
    return [_coords(part) for part in getattr(geometry, "geoms", [geometry])]


def _water_layer(features: tuple[SceneFeature, ...]) -> pdk.Layer | None:
    """Seas and lakes: filled, not outlined, never picked."""
    if not features:
        return None
    rows = [
        {"id": feature.id, "fill": list(feature.fill), "polygon": rings}
        for feature in features
        for rings in _rings(feature.geometry)
    ]
    return pdk.Layer(
        "PolygonLayer",
        id="water",
        data=rows,
        get_polygon="polygon",
        get_fill_color="fill",
        filled=True,
        stroked=False,
        pickable=False,
    )


def _river_layer(features: tuple[SceneFeature, ...]) -> pdk.Layer | None:
    """Rivers: thin blue lines, never picked."""
    if not features:
        return None
    rows = [
        {"id": feature.id, "color": list(feature.line.color), "path": path}
        for feature in features
        for path in _lines(feature.geometry)
    ]
    return pdk.Layer(
        "PathLayer",
        id="rivers",
        data=rows,
        get_path="path",
        get_color="color",
        get_width=features[0].line.width,
        width_units=pdk.types.String("pixels"),
        joint_rounded=True,
        pickable=False,
    )


def _casing_layer(features: tuple[SceneFeature, ...]) -> pdk.Layer | None:
    """The halo under the route through Syunik (white; the selection colour when selected)."""
    cased = [feature for feature in features if feature.casing is not None]
    if not cased:
        return None
    rows = [
        {
            "id": feature.id,
            "color": list(feature.casing.color),
            "width": feature.casing.width,
            "path": _coords(feature.geometry),
        }
        for feature in cased
        if feature.casing is not None
    ]
    return pdk.Layer(
        "PathLayer",
        id="route-casing",
        data=rows,
        get_path="path",
        get_color="color",
        get_width="width",
        width_units=pdk.types.String("pixels"),
        cap_rounded=True,
        joint_rounded=True,
        pickable=False,
    )


def _path_layer(
    layer_id: str, features: tuple[SceneFeature, ...], translate: Translator
) -> pdk.Layer | None:
    if not features:
        return None
    rows = [
        _row(
            feature,
            translate,
            color=list(feature.line.color),
            width=feature.line.width,
            dash=_dash(feature.line.dash),
            path=_coords(feature.geometry),
        )
        for feature in features
    ]
    return pdk.Layer(
        "PathLayer",
        id=layer_id,
        data=rows,
        get_path="path",
        get_color="color",
        get_width="width",
        get_dash_array="dash",
        dash_justified=True,
        extensions=[{"@@type": "PathStyleExtension", "dash": True}],
        width_units=pdk.types.String("pixels"),
        width_min_pixels=2,
        cap_rounded=True,
        joint_rounded=True,
        pickable=True,
        auto_highlight=True,
    )


def _place_layer(features: tuple[SceneFeature, ...], translate: Translator) -> pdk.Layer | None:
    if not features:
        return None
    rows = [
        _row(
            feature,
            translate,
            fill=list(feature.fill),
            radius=feature.radius,
            position=[feature.geometry.x, feature.geometry.y],
        )
        for feature in features
    ]
    return pdk.Layer(
        "ScatterplotLayer",
        id="places",
        data=rows,
        get_position="position",
        get_fill_color="fill",
        get_radius="radius",
        radius_units=pdk.types.String("pixels"),
        stroked=True,
        get_line_color=[255, 255, 255, 255],
        line_width_min_pixels=1,
        pickable=True,
        auto_highlight=True,
    )


def _label_layer(labels: tuple[SceneLabel, ...], translate: Translator) -> pdk.Layer | None:
    """The names, in the scene's language; a label gives way to an overlapping higher rank.

    deck.gl's ``PointLabelLayer`` (in Streamlit's deck.gl) draws each label above its
    point, clear of a place's dot (``radius``), and gives the collision filter a hit box
    that covers the label's anchor; the ``CollisionFilterExtension`` then hides the labels
    of lower priority that overlap others. deck.gl neither shapes Arabic nor orders it right
    to left, so right-to-left text is sent shaped and in visual order, and ``characterSet``
    lists every glyph used.
    """
    if not labels:
        return None
    rows: list[dict[str, Any]] = []
    texts: list[str] = []
    for label in labels:
        style = LABEL_STYLES[label.style]
        texts.append(visual_text(label.text) if translate.rtl else label.text)
        rows.append(
            {
                "id": label.id,
                "text": texts[-1],
                "position": [label.lon, label.lat],
                "color": list(style.color),
                "radius": label.offset,
                "priority": 100 - 10 * label.rank,
            }
        )
    return pdk.Layer(
        "PointLabelLayer",
        id="labels",
        data=rows,
        get_position="position",
        get_text="text",
        get_color="color",
        get_radius="radius",
        get_text_anchor=pdk.types.String("middle"),
        get_alignment_baseline=pdk.types.String("top"),
        size_scale=LABEL_SIZE,
        font_family=pdk.types.String(LABEL_FONT),
        font_weight=600,
        font_settings={"sdf": True},
        outline_width=3,
        outline_color=list(LABEL_HALO),
        character_set=pdk.types.String(glyphs(texts)),
        extensions=[{"@@type": "CollisionFilterExtension"}],
        get_collision_priority="priority",
        pickable=False,
    )
