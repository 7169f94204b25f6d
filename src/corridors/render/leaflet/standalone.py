"""The map as one standalone HTML file: Leaflet, styles and data inlined, opened offline."""

from __future__ import annotations

import html
from typing import Final, cast

from branca.element import Element, Figure

from corridors.core.assets import static_dir
from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.leaflet.builder import build_base_map, build_feature_groups, fix_element_ids
from corridors.render.scene import Scene

STATIC_DIR: Final = static_dir()


def map_html(scene: Scene, translate: Translator, *, camera: Camera, title: str) -> str:
    """The map as one HTML file: Leaflet, styles and data inlined; opens offline from disk.

    The same view gives the same bytes (element ids are fixed), so the app's media store
    keeps one copy however often a view is downloaded.
    """
    leaflet_map = build_base_map(camera=camera)
    leaflet_map.default_js = []
    leaflet_map.default_css = []
    root = cast(Figure, leaflet_map.get_root())
    leaflet_css = (STATIC_DIR / "leaflet" / "leaflet.css").read_text(encoding="utf-8")
    leaflet_js = (STATIC_DIR / "leaflet" / "leaflet.js").read_text(encoding="utf-8")
    root.header.add_child(Element(f"<style>{leaflet_css}</style>"), name="leaflet_css")
    root.header.add_child(Element(f"<script>{leaflet_js}</script>"), name="leaflet_js")
    root.header.add_child(Element(f"<title>{html.escape(title)}</title>"), name="title")
    direction = "rtl" if translate.rtl else "ltr"
    root.html.add_child(
        Element(
            f'<div dir="{direction}" style="font:14px sans-serif;padding:4px 8px">'
            f"<b>{html.escape(title)}</b></div>"
        )
    )
    for group in build_feature_groups(scene, translate):
        group.add_to(leaflet_map)
    fix_element_ids(root)
    rendered: str = root.render()
    return rendered
