"""The Leaflet map (folium) of a scene, with Leaflet served by the app itself.

Every text from the data is HTML-escaped here: Leaflet inserts tooltips as HTML.

The reported events' cells (:mod:`corridors.render.reported_layer`), when there are any, are one
more such layer, above the areas and below the lines, places and labels; a cell's
properties name its layer (``reported``) and carry its name as ``id``, so a click tells a
cell from a feature. The events' marks (:mod:`corridors.render.event_marks`) are one more,
above the areas and lines and under the places: circle markers whose properties name the
layer ``events`` and carry the event's id; marks that share a point, or sit on a place's
dot, are shifted round it by a few pixels.

Each layer of the scene is one :class:`SceneLayer`: its GeoJSON is encoded once, and its
script is a few lines of Leaflet that style each feature from its own properties. (With
``folium.GeoJson`` the live map cost about 20 ms a rerun: streamlit-folium renders the
layers again on every run, and folium encoded the data three times, mapped every style
in Python, and compiled each rendered 100 KB script as a Jinja template.)
"""

from __future__ import annotations

import html
from typing import Any, Final, cast

import folium
from branca.element import Element, Figure
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps
from shapely.geometry import mapping

from corridors.core.basemaps import BASEMAPS, BUNDLED
from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.event_marks import EVENTS_LAYER, EventMark, ring_offsets
from corridors.render.leaflet.labels import LabelLayer
from corridors.render.leaflet.script import ScriptElement
from corridors.render.reported_layer import (
    CELLS_LAYER,
    SELECTED_AREAS_LAYER,
    SELECTED_CELL_LAYER,
    ReportedCell,
    ReportedLayer,
)
from corridors.render.scene import DRAWING_ORDER, Scene, SceneFeature
from corridors.render.styles import (
    BACKGROUND,
    CELL_OUTLINE_WIDTH,
    HIGHLIGHT,
    HIGHLIGHT_OUTLINE_WIDTH,
    MARK_RADIUS,
    MARK_RIM,
    MARK_RIM_WIDTH,
    SELECTED_MARK_RADIUS,
    LineStyle,
    css,
    css_rgb,
)

#: Drawn as context: not clickable, no tooltip.
CONTEXT_LAYERS: Final = ("water", "rivers")
#: The reported events' cells are drawn under this scene layer (and the ones above it).
CELLS_BELOW: Final = "corridors"

LEAFLET_JS: Final = "/app/static/leaflet/leaflet.js"
LEAFLET_CSS: Final = "/app/static/leaflet/leaflet.css"


class OfflineMap(folium.Map):
    """A folium Map that loads only Leaflet, and from the app itself (no CDN, no plugins)."""

    default_js = [("leaflet", LEAFLET_JS)]  # noqa: RUF012 (folium's own class attribute)
    default_css = [("leaflet_css", LEAFLET_CSS)]  # noqa: RUF012


#: Leaflet's zoom steps (a camera's zoom is shown to the nearest one).
ZOOM_SNAP: Final = 0.25


def build_base_map(*, camera: Camera, basemap: str = BUNDLED) -> OfflineMap:
    """The map without data layers; it stays the same across filter changes (no reload)."""
    leaflet_map = OfflineMap(
        location=(camera.lat, camera.lon),
        # Leaflet takes fractional zooms (zoomSnap); folium types zoom_start as int
        zoom_start=round(camera.zoom / ZOOM_SNAP) * ZOOM_SNAP,  # type: ignore[arg-type]
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        zoom_snap=ZOOM_SNAP,
    )
    root = cast(Figure, leaflet_map.get_root())
    root.header.add_child(
        folium.Element(
            f"<style>.folium-map, .leaflet-container {{ background: {css(BACKGROUND)}; }}</style>"
        )
    )
    tiles = BASEMAPS[basemap]
    if tiles.tiles is not None:
        folium.TileLayer(tiles.tiles, attr=tiles.attribution, name=basemap).add_to(leaflet_map)
    return leaflet_map


def build_feature_groups(
    scene: Scene, translate: Translator, reported: ReportedLayer | None = None
) -> list[folium.FeatureGroup]:
    """One feature group per drawn layer, bottom first, then the labels.

    ``reported``, when given, is one more group under :data:`CELLS_BELOW`; the events'
    marks are one more under the places (whose dots, highlighted when selected, they
    keep clear of: :func:`~corridors.render.event_marks.ring_offsets`).
    """
    groups = []
    for layer in DRAWING_ORDER:
        if layer == CELLS_BELOW and reported is not None:
            groups.append(_cells_group(reported, translate, scene.highlighted_areas()))
        if layer == "places" and scene.marks:
            groups.append(_marks_group(scene, translate))
        features = list(scene.layer(layer))
        if not features:
            continue
        group = folium.FeatureGroup(name=layer)
        casings = [_as_casing(feature) for feature in features if feature.casing is not None]
        if casings:
            SceneLayer(f"{layer}-casing", _geojson(casings, translate), interactive=False).add_to(
                group
            )
        interactive = layer not in CONTEXT_LAYERS
        SceneLayer(layer, _geojson(features, translate), interactive=interactive).add_to(group)
        groups.append(group)
    if scene.labels:
        group = folium.FeatureGroup(name="labels")
        LabelLayer(scene.labels, translate).add_to(group)
        groups.append(group)
    return groups


def _as_casing(feature: SceneFeature) -> SceneFeature:
    """The feature drawn as its own casing: a wider solid line under it."""
    casing = feature.casing or LineStyle(feature.line.color, feature.line.width)
    return SceneFeature(
        id=feature.id,
        layer=feature.layer,
        name=feature.name,
        detail=feature.detail,
        event_count=feature.event_count,
        highlighted=feature.highlighted,
        fill=casing.color,
        line=casing,
        radius=0.0,
        geometry=feature.geometry,
    )


def build_map(
    scene: Scene,
    translate: Translator,
    *,
    camera: Camera,
    basemap: str = BUNDLED,
    reported: ReportedLayer | None = None,
) -> OfflineMap:
    """A complete map: base plus data layers (used for exports and tests)."""
    leaflet_map = build_base_map(camera=camera, basemap=basemap)
    for group in build_feature_groups(scene, translate, reported):
        group.add_to(leaflet_map)
    return leaflet_map


def fix_element_ids(root: Element) -> None:
    """Number every element under ``root`` in tree order (folium draws random ids).

    Called before rendering, it makes identical maps render to identical bytes.
    """
    pending = [root]
    number = 0
    while pending:
        element = pending.pop()
        element._id = f"{number:x}"
        number += 1
        pending.extend(reversed(element._children.values()))


def tooltip_html(text: str, translate: Translator) -> str:
    """A plain-text tooltip as safe HTML: every line escaped, lines joined by <br>."""
    lines = text.split("\n")
    direction = "rtl" if translate.rtl else "ltr"
    return f'<div dir="{direction}">' + "<br>".join(html.escape(line) for line in lines) + "</div>"


def _properties(feature: SceneFeature, translate: Translator) -> dict[str, Any]:
    return {
        "id": feature.id,
        "layer": feature.layer,
        "tooltip": tooltip_html(feature.tooltip(translate), translate),
        "style": {
            "color": css_rgb(feature.line.color),
            "weight": feature.line.width,
            "dashArray": feature.line.dash or None,
            "fillColor": css_rgb(feature.fill),
            "fillOpacity": feature.fill[3] / 255,
            "fill": feature.geometry.geom_type not in ("LineString", "MultiLineString"),
            "opacity": feature.line.color[3] / 255,
            "radius": feature.radius,
        },
    }


def _geojson(features: list[SceneFeature], translate: Translator) -> list[dict[str, Any]]:
    """Scene features as GeoJSON features with :class:`SceneLayer`'s properties."""
    return [
        {
            "type": "Feature",
            "id": feature.id,
            "properties": _properties(feature, translate),
            "geometry": mapping(feature.geometry),
        }
        for feature in features
    ]


def _marks_group(scene: Scene, translate: Translator) -> folium.FeatureGroup:
    """The events' marks (clickable, with tooltips), round the places' dots, not on them.

    The selected one is drawn last, on top.
    """
    marks = scene.marks
    dots = {(place.geometry.x, place.geometry.y) for place in scene.layer("places")}
    features = [
        _mark_feature(mark, offset, translate)
        for mark, offset in zip(marks, ring_offsets(marks, dots), strict=True)
    ]
    features.sort(key=lambda feature: bool(feature["properties"]["selected"]))
    group = folium.FeatureGroup(name=EVENTS_LAYER)
    SceneLayer(EVENTS_LAYER, features, interactive=True, offsets=True).add_to(group)
    return group


def _mark_feature(
    mark: EventMark, offset: tuple[float, float], translate: Translator
) -> dict[str, Any]:
    """An event's mark, shifted by ``offset`` pixels: a disc in its kind's colour.

    White-rimmed; larger and rimmed in the highlight colour when selected.
    """
    rim = HIGHLIGHT if mark.selected else MARK_RIM
    return {
        "type": "Feature",
        "id": mark.id,
        "properties": {
            "id": mark.id,
            "layer": EVENTS_LAYER,
            "selected": mark.selected,
            "tooltip": tooltip_html(mark.tooltip(translate), translate),
            "style": {
                "color": css_rgb(rim),
                "weight": HIGHLIGHT_OUTLINE_WIDTH if mark.selected else MARK_RIM_WIDTH,
                "opacity": 1.0,
                "fillColor": css_rgb(mark.color),
                "fillOpacity": 1.0,
                "fill": True,
                "radius": SELECTED_MARK_RADIUS if mark.selected else MARK_RADIUS,
                "offset": list(offset),
            },
        },
        "geometry": {"type": "Point", "coordinates": [mark.lon, mark.lat]},
    }


def _cells_group(
    reported: ReportedLayer, translate: Translator, areas: tuple[SceneFeature, ...]
) -> folium.FeatureGroup:
    """The cells (clickable, with tooltips), then the outlines drawn over them.

    Those of the selected countries and regions (which the cells would hide), then the
    selected cell's.
    """
    group = folium.FeatureGroup(name=CELLS_LAYER)
    cells = [_cell_feature(cell, translate) for cell in reported.cells]
    SceneLayer(CELLS_LAYER, cells, interactive=True).add_to(group)
    if cells and areas:
        outlines = [_outline_feature(area) for area in areas]
        SceneLayer(SELECTED_AREAS_LAYER, outlines, interactive=False).add_to(group)
    if reported.selected is not None:
        outline = {
            "type": "Feature",
            "id": reported.selected,
            "properties": {
                "id": reported.selected,
                "layer": SELECTED_CELL_LAYER,
                "style": {
                    "color": css_rgb(HIGHLIGHT),
                    "weight": HIGHLIGHT_OUTLINE_WIDTH,
                    "fill": False,
                    "opacity": 1.0,
                },
            },
            "geometry": _cell_polygon(reported.selected_outline),
        }
        SceneLayer(SELECTED_CELL_LAYER, [outline], interactive=False).add_to(group)
    return group


def _outline_feature(area: SceneFeature) -> dict[str, Any]:
    """A selected area's outline alone (no fill), as drawn over the cells."""
    style = {
        "color": css_rgb(area.line.color),
        "weight": area.line.width,
        "opacity": 1.0,
        "fill": False,
    }
    return {
        "type": "Feature",
        "id": area.id,
        "properties": {"id": area.id, "layer": SELECTED_AREAS_LAYER, "style": style},
        "geometry": mapping(area.geometry),
    }


def _cell_feature(cell: ReportedCell, translate: Translator) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {
            "id": cell.name,
            "layer": CELLS_LAYER,
            "tooltip": tooltip_html(cell.tooltip(translate), translate),
            "style": {
                "color": css_rgb(cell.line),
                "weight": CELL_OUTLINE_WIDTH,
                "opacity": round(cell.line[3] / 255, 2),
                "fillColor": css_rgb(cell.fill),
                "fillOpacity": round(cell.fill[3] / 255, 2),
                "fill": True,
            },
        },
        "geometry": _cell_polygon(cell.outline),
    }


def _cell_polygon(ring: tuple[tuple[float, float], ...]) -> dict[str, Any]:
    return {"type": "Polygon", "coordinates": [[list(point) for point in ring]]}


class SceneLayer(ScriptElement):
    """One layer of a scene as a Leaflet GeoJSON layer, styled from each feature's properties.

    Features carry ``id``, ``layer``, ``tooltip`` (safe HTML) and ``style`` (Leaflet path
    options; points become circle markers of ``style.radius``). Hovering widens a line.
    With ``offsets``, a point is drawn ``style.offset`` pixels (x right, y down) from its
    position at every zoom, and is picked there.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {% if this.offsets %}
        window.AtlasShiftedMarker = window.AtlasShiftedMarker || L.CircleMarker.extend({
            _project: function () {
                this._point = this._map.latLngToLayerPoint(this._latlng)
                    .add(this.options.offset || [0, 0]);
                this._updateBounds();
            },
        });
        {% endif %}
        var {{ this.get_name() }} = L.geoJson(null, {
            interactive: {{ "true" if this.interactive else "false" }},
            pointToLayer: (feature, latlng) => {{
                "new window.AtlasShiftedMarker" if this.offsets else "L.circleMarker"
            }}(latlng, feature.properties.style),
            style: (feature) => feature.properties.style,
            onEachFeature: (feature, layer) => {
                if (!{{ "true" if this.interactive else "false" }}) return;
                const style = feature.properties.style;
                layer.bindTooltip(feature.properties.tooltip, {sticky: true});
                layer.on({
                    mouseover: (e) => e.target.setStyle({weight: style.weight + 2}),
                    mouseout: (e) => e.target.setStyle(style),
                });
            },
        }).addTo({{ this._parent.get_name() }});
        {{ this.get_name() }}.addData({{ this.data_json }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        layer: str,
        features: list[dict[str, Any]],
        *,
        interactive: bool = True,
        offsets: bool = False,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "SceneLayer"
        self.layer = layer
        self.interactive = interactive
        self.offsets = offsets
        collection = {"type": "FeatureCollection", "features": features}
        #: Safe inside <script>: "<", ">", "&" and "'" are written as \u escapes.
        self.data_json = str(htmlsafe_json_dumps(collection))
