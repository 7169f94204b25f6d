"""The Export control: filtered events as CSV or GeoJSON, the map as standalone HTML."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from corridors.data.catalog import Catalog
from corridors.data.export import events_csv, events_geojson, geojson_text
from corridors.data.models import Event
from corridors.geo.camera import fit_bounds
from corridors.i18n import Translator
from corridors.render.leaflet.standalone import map_html
from corridors.render.scene import SceneRequest
from corridors.ui.common.data import cached_scene


def export_title(request: SceneRequest, translate: Translator) -> str:
    """The title of an exported map: the app and the date range."""
    return translate(
        "export.title",
        title=translate("app.title"),
        start=translate.date(request.dates.start),
        end=translate.date(request.dates.end),
    )


def render_exports(
    catalog: Catalog, events: Sequence[Event], request: SceneRequest, translate: Translator
) -> None:
    """Download buttons; each file is only built when its button is pressed."""
    stem = f"corridor-atlas-{request.dates.start}-{request.dates.end}"

    def snapshot() -> str:
        scene = cached_scene(request)
        camera = fit_bounds(scene.bounds)
        return map_html(scene, translate, camera=camera, title=export_title(request, translate))

    with st.popover(translate("export.button"), icon=":material/download:"):
        st.caption(translate("export.help", count=len(events)))
        downloads = (
            ("csv", lambda: events_csv(events), "text/csv"),
            (
                "geojson",
                lambda: geojson_text(events_geojson(catalog, events)),
                "application/geo+json",
            ),
            ("html", snapshot, "text/html"),
        )
        for extension, build, mime in downloads:
            st.download_button(
                translate(f"export.{extension}"),
                data=build,
                file_name=f"{stem}.{extension}",
                mime=mime,
                key=f"export-{extension}",
                on_click="ignore",
            )
