"""The Leaflet map (folium) of a scene, with Leaflet served by the app itself.

Every text from the data is HTML-escaped here: folium inserts tooltips as HTML.
"""

from __future__ import annotations

import html
from typing import Any, Final, cast

import folium
from branca.element import Element, Figure
from shapely.geometry import mapping

from corridors.basemaps import BASEMAPS, BUNDLED
from corridors.i18n import Translator
from corridors.scene import Scene, SceneFeature
from corridors.styles import BACKGROUND, css, css_rgb
from corridors.viewport import Camera

LEAFLET_JS: Final = "/app/static/leaflet/leaflet.js"
LEAFLET_CSS: Final = "/app/static/leaflet/leaflet.css"


class OfflineMap(folium.Map):
    """A folium Map that loads only Leaflet, and from the app itself (no CDN, no plugins)."""

    default_js = [("leaflet", LEAFLET_JS)]  # noqa: RUF012 (folium's own class attribute)
    default_css = [("leaflet_css", LEAFLET_CSS)]  # noqa: RUF012


def build_base_map(*, camera: Camera, basemap: str = BUNDLED) -> OfflineMap:
    """The map without data layers; it stays the same across filter changes (no reload)."""
    leaflet_map = OfflineMap(
        location=(camera.lat, camera.lon),
        zoom_start=int(camera.zoom),
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        zoom_snap=0.25,
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


def build_feature_groups(scene: Scene, translate: Translator) -> list[folium.FeatureGroup]:
    """One feature group per drawn layer, bottom first."""
    groups = []
    for layer in ("countries", "regions", "corridors", "places"):
        features = list(scene.layer(layer))
        if not features:
            continue
        group = folium.FeatureGroup(name=layer)
        _geojson(layer, features, translate).add_to(group)
        groups.append(group)
    return groups


def build_map(
    scene: Scene, translate: Translator, *, camera: Camera, basemap: str = BUNDLED
) -> OfflineMap:
    """A complete map: base plus data layers (used for exports and tests)."""
    leaflet_map = build_base_map(camera=camera, basemap=basemap)
    for group in build_feature_groups(scene, translate):
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


def tooltip_html(feature: SceneFeature, translate: Translator) -> str:
    """The tooltip as safe HTML: every line escaped, lines joined by <br>."""
    lines = feature.tooltip(translate).split("\n")
    direction = "rtl" if translate.rtl else "ltr"
    return f'<div dir="{direction}">' + "<br>".join(html.escape(line) for line in lines) + "</div>"


def _properties(feature: SceneFeature, translate: Translator) -> dict[str, Any]:
    return {
        "id": feature.id,
        "layer": feature.layer,
        "tooltip": tooltip_html(feature, translate),
        "style": {
            "color": css_rgb(feature.line.color),
            "weight": feature.line.width,
            "dashArray": feature.line.dash or None,
            "fillColor": css_rgb(feature.fill),
            "fillOpacity": feature.fill[3] / 255,
            "opacity": feature.line.color[3] / 255,
            "radius": feature.radius,
        },
    }


def _geojson(layer: str, features: list[SceneFeature], translate: Translator) -> folium.GeoJson:
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": feature.id,
                "properties": _properties(feature, translate),
                "geometry": mapping(feature.geometry),
            }
            for feature in features
        ],
    }
    marker = None
    if layer == "places":
        marker = folium.CircleMarker(radius=5, fill=True, fill_opacity=1, weight=1, color="#fff")
    return folium.GeoJson(
        collection,
        name=layer,
        style_function=_style,
        highlight_function=_hover,
        marker=marker,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=True),
        zoom_on_click=False,
        embed=True,
    )


def _style(feature: dict[str, Any]) -> dict[str, Any]:
    style: dict[str, Any] = feature["properties"]["style"]
    return style


def _hover(feature: dict[str, Any]) -> dict[str, Any]:
    return {"weight": feature["properties"]["style"]["weight"] + 2}
