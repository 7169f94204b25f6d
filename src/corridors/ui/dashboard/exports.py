"""The Export control: the listed events as CSV or GeoJSON, the map as standalone HTML.

Also the agreements' provisions and status observations known by the range's end, as CSV
(one row per observation) and JSON; and the playback of the range as on the map, as an
animated GIF or an MP4 video (:mod:`corridors.render.animation`), made in memory when its
button is pressed (the button shows that it is busy meanwhile), never written to a file.

The CSV and the GeoJSON hold the rows of the event list on all its pages, search
included, in the list's order: :func:`~corridors.ui.dashboard.events_panel.listed_events`
computes them for both. A search is named in the control's caption and marks the file
names (``-search``). Drafts (listed below the events when the app is started with
``--show-drafts``) are never exported: they are unreviewed and may be wrong, and a file
leaves the app without the marker that says so beside each of them on screen.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import streamlit as st
from PIL import Image

from corridors.core import settings
from corridors.data.agreement_export import agreements_csv, agreements_json
from corridors.data.catalog import Catalog
from corridors.data.export import events_csv, events_geojson, geojson_text
from corridors.data.models import Event
from corridors.data.playback import Playback
from corridors.geo.camera import Camera, fit_bounds
from corridors.i18n import Translator
from corridors.render import encode
from corridors.render.animation import AnimationRequest, frame_count, frames
from corridors.render.leaflet.standalone import map_html
from corridors.render.scene import SceneRequest
from corridors.review.public import drafts_shown
from corridors.ui.common.data import cached_scene
from corridors.ui.common.safe import md_escape
from corridors.ui.dashboard import session
from corridors.ui.dashboard.events_panel import Listing, listed_events

#: Held while the page makes an animation: one at a time per process (each is in memory).
_ANIMATING: Final = threading.Lock()


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
    """Download buttons; each file is only built when its button is pressed.

    ``events`` are those in the view's range and kinds; the events files hold those the
    list shows of them.
    """
    listing = listed_events(catalog, events)
    stem = f"corridor-atlas-{request.dates.start}-{request.dates.end}"
    listed_stem = f"{stem}-search" if listing.query else stem

    shown = st.session_state[session.CAMERA]  # the reader's or the link's view, if any

    def snapshot() -> str:
        """The map as on screen: the view the reader moved to, or the view fitted."""
        scene = cached_scene(request)
        camera = Camera(*shown) if shown else fit_bounds(scene.bounds)
        return map_html(scene, translate, camera=camera, title=export_title(request, translate))

    with st.popover(translate("export.button"), icon=":material/download:"):
        _render_caption(listing, translate)
        rows = listing.rows
        downloads = (
            ("csv", lambda: events_csv(rows), "text/csv", listed_stem),
            (
                "geojson",
                lambda: geojson_text(events_geojson(catalog, rows)),
                "application/geo+json",
                listed_stem,
            ),
            ("html", snapshot, "text/html", stem),
        )
        _render_downloads(downloads, translate)
        until = request.dates.end
        st.caption(translate("export.agreements_help", date=translate.date(until)))
        agreement_stem = f"corridor-atlas-agreements-{until}"
        agreement_files = (
            (
                "csv",
                lambda: agreements_csv(catalog.agreements, until=until),
                "text/csv",
                agreement_stem,
            ),
            (
                "json",
                lambda: agreements_json(catalog, catalog.agreements, until=until),
                "application/json",
                agreement_stem,
            ),
        )
        _render_downloads(agreement_files, translate, topic="agreements_")
        chosen = dataclasses.replace(session.playback(), playing=False, elapsed=0.0)
        _render_playback(catalog, animation_request(request, chosen), translate)


def animation_request(request: SceneRequest, playback: Playback) -> AnimationRequest:
    """The animation of the view: ``playback`` over its range, in the page's frame size.

    With the view's language, event kinds, layers and open agreement.
    """
    return AnimationRequest(
        playback=playback,
        span=request.dates,
        lang=request.lang,
        agreement=request.agreement,
        kinds=request.kinds,
        layers=request.layers,
        size=(settings.page_animation_width, settings.page_animation_height),
    )


def _render_playback(catalog: Catalog, animation: AnimationRequest, translate: Translator) -> None:
    """The playback's downloads, or why there are none (too many frames at this speed).

    The page makes one animation at a time (others wait their turn), of at most
    :data:`settings.max_page_animation_frames` frames: each is held in memory while made.
    """
    count = frame_count(catalog, animation)
    limit = settings.max_page_animation_frames
    if count > limit:
        st.caption(translate("export.playback_too_long", frames=count, limit=limit))
        return
    span = animation.span
    start, end = translate.date(span.start), translate.date(span.end)
    st.caption(translate("export.playback_help", count=count, start=start, end=end))
    stem = f"corridor-atlas-playback-{span.start}-{span.end}"
    files = (
        ("gif", lambda: _one_at_a_time(encode.gif, catalog, animation), "image/gif", stem),
        ("mp4", lambda: _one_at_a_time(encode.mp4, catalog, animation), "video/mp4", stem),
    )
    _render_downloads(files, translate, topic="playback_")


def _one_at_a_time(
    encoder: Callable[[Iterable[Image.Image], float], bytes],
    catalog: Catalog,
    animation: AnimationRequest,
) -> bytes:
    """The animation's file, made while no other is being made in this process."""
    with _ANIMATING:
        return encoder(frames(catalog, animation), animation.fps)


def _render_downloads(
    downloads: Sequence[tuple[str, Callable[[], str | bytes], str, str]],
    translate: Translator,
    *,
    topic: str = "",
) -> None:
    """A download button per (extension, builder, mime type, file stem); built on a press."""
    for extension, build, mime, stem in downloads:
        st.download_button(
            translate(f"export.{topic}{extension}"),
            data=build,
            file_name=f"{stem}.{extension}",
            mime=mime,
            key=f"export-{topic.replace('_', '-')}{extension}",
            on_click="ignore",
        )


def _render_caption(listing: Listing, translate: Translator) -> None:
    """What the events files hold: the count, the search that narrowed them, no drafts."""
    if listing.query:
        searched = translate("export.searched", count=len(listing.rows), query=listing.query)
        st.caption(md_escape(searched))
    else:
        st.caption(translate("export.help", count=len(listing.rows)))
    if drafts_shown():
        st.caption(translate("export.no_drafts"))
