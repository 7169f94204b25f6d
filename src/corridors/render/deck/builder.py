"""The deck.gl layers (pydeck) of a scene: one pickable layer per map layer, names aside.

Each deck.gl layer is a :class:`~corridors.render.deck.layers.LayerSpec` (its type and
fixed properties, :mod:`corridors.render.deck.layers`) given the rows built here from the
scene; a layer without rows is left out. The map component converts them to deck.gl
layers and writes the names itself (:mod:`corridors.render.deck.component`).

The reported events' cells (:mod:`corridors.render.reported_layer`), when there are any, are drawn
above the areas and below the lines and places.
"""

from __future__ import annotations

from typing import Any

import pydeck as pdk
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from corridors.i18n import Translator
from corridors.render.deck import layers as spec
from corridors.render.reported_layer import (
    CELLS_LAYER,
    SELECTED_AREAS_LAYER,
    SELECTED_CELL_LAYER,
    ReportedLayer,
)
from corridors.render.scene import Scene, SceneFeature
from corridors.render.styles import HIGHLIGHT

Row = dict[str, Any]


def deck_layers(
    scene: Scene, translate: Translator, reported: ReportedLayer | None
) -> list[pdk.Layer]:
    """The deck.gl layers of ``scene`` and ``reported``'s cells, bottom first, names aside."""
    rivers = scene.layer("rivers")
    layers = [
        spec.AREAS.layer("countries", _area_rows(scene.layer("countries"), translate)),
        spec.WATER.layer("water", _water_rows(scene.layer("water"))),
        spec.RIVERS.layer(
            "rivers", _river_rows(rivers), get_width=rivers[0].line.width if rivers else 0
        ),
        spec.AREAS.layer(
            "regions", _area_rows(scene.layer("regions"), translate), auto_highlight=False
        ),
        spec.CELLS.layer(CELLS_LAYER, _cell_rows(reported, translate)),
        spec.SELECTED_CELL.layer(SELECTED_CELL_LAYER, _selected_cell_rows(reported)),
        spec.OUTLINES.layer(SELECTED_AREAS_LAYER, _outline_rows(reported, scene)),
        spec.LINES.layer("corridors", _path_rows(scene.layer("corridors"), translate)),
        spec.CASINGS.layer("route-casing", _casing_rows(scene.layer("route"))),
        spec.LINES.layer("route", _path_rows(scene.layer("route"), translate)),
        spec.PLACES.layer("places", _place_rows(scene.layer("places"), translate)),
    ]
    return [layer for layer in layers if layer is not None]


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


def _lines(geometry: BaseGeometry) -> list[list[list[float]]]:
    """Each part of a (Multi)LineString as a list of [lon, lat]."""
    return [_coords(part) for part in getattr(geometry, "geoms", [geometry])]


def _row(feature: SceneFeature, translate: Translator, **fields: Any) -> Row:
    """A data row of a layer: the feature's id (returned on click), its tooltip, its fields."""
    return {"id": feature.id, "tooltip": feature.tooltip(translate), **fields}


def _dash(pattern: str) -> list[float]:
    """A "dash gap" pattern in pixels as deck.gl's dash array, in line widths ([0, 0]: solid)."""
    if not pattern:
        return [0, 0]
    dash, gap = (float(part) for part in pattern.split())
    return [dash / 3, gap / 3]


def _area_rows(features: tuple[SceneFeature, ...], translate: Translator) -> list[Row]:
    """Countries or regions: one row per polygon, filled and outlined."""
    return [
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


def _water_rows(features: tuple[SceneFeature, ...]) -> list[Row]:
    """Seas and lakes: filled, not outlined, never picked."""
    return [
        {"id": feature.id, "fill": list(feature.fill), "polygon": rings}
        for feature in features
        for rings in _rings(feature.geometry)
    ]


def _river_rows(features: tuple[SceneFeature, ...]) -> list[Row]:
    """Rivers: thin blue lines, never picked."""
    return [
        {"id": feature.id, "color": list(feature.line.color), "path": path}
        for feature in features
        for path in _lines(feature.geometry)
    ]


def _cell_rows(reported: ReportedLayer | None, translate: Translator) -> list[Row]:
    """The cells of reported events, pickable, their id the cell's name."""
    return [
        {
            "id": cell.name,
            "tooltip": cell.tooltip(translate),
            "fill": list(cell.fill),
            "line": list(cell.line),
            "polygon": [list(point) for point in cell.outline[:-1]],
        }
        for cell in (reported.cells if reported is not None else ())
    ]


def _selected_cell_rows(reported: ReportedLayer | None) -> list[Row]:
    """The selected cell's outline (none without a selected cell)."""
    if reported is None or reported.selected is None:
        return []
    outline = [list(point) for point in reported.selected_outline[:-1]]
    return [{"id": reported.selected, "line": list(HIGHLIGHT), "polygon": outline}]


def _outline_rows(reported: ReportedLayer | None, scene: Scene) -> list[Row]:
    """The selected countries' and regions' outlines again, over the cells that hide them."""
    if reported is None or not reported.cells:
        return []
    return [
        {"id": area.id, "line": list(area.line.color), "width": area.line.width, "path": ring}
        for area in scene.highlighted_areas()
        for rings in _rings(area.geometry)
        for ring in rings
    ]


def _casing_rows(features: tuple[SceneFeature, ...]) -> list[Row]:
    """The halo under the route through Syunik (white; the selection colour when selected)."""
    return [
        {
            "id": feature.id,
            "color": list(feature.casing.color),
            "width": feature.casing.width,
            "path": _coords(feature.geometry),
        }
        for feature in features
        if feature.casing is not None
    ]


def _path_rows(features: tuple[SceneFeature, ...], translate: Translator) -> list[Row]:
    """Corridors or the route: pickable lines, dashed by status."""
    return [
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


def _place_rows(features: tuple[SceneFeature, ...], translate: Translator) -> list[Row]:
    """Places: dots sized by their rank."""
    return [
        _row(
            feature,
            translate,
            fill=list(feature.fill),
            radius=feature.radius,
            position=[feature.geometry.x, feature.geometry.y],
        )
        for feature in features
    ]
