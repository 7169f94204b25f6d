"""When the map's camera moves: only when the reader asks to see something new.

The map is told a camera on every run, and keeps the reader's own pan and zoom as long as
it is told the same one (deck.gl in Streamlit and streamlit-folium apply a camera only
where it differs from the last one they were given). So the camera given changes only
when what the reader asked to see changes (an event shown on the map, a story step, a
feature chosen by name, a link's position) and not when a filter changes, the selection
is cleared, or the map itself was clicked or moved.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, replace
from typing import Final

from corridors.geo.camera import Bounds, Camera

#: Added to a coordinate of a new camera equal to the last one given, so that the map
#: moves back to it (about 10 cm on the ground, 1e-6 of a zoom level).
NUDGE: Final = 1e-6


@dataclass(frozen=True, slots=True)
class Framing:
    """What the reader last asked to see, and the camera the map was last given.

    ``moves`` counts the times the camera was moved (its parity tells a move from the next).
    ``bounds`` is the box ``camera`` was fitted to (a renderer that knows its size fits it
    itself), ``None`` for a camera asked for as such (a link's position).
    """

    asked: Hashable
    camera: Camera
    moves: int = 0
    bounds: Bounds | None = None


def next_framing(
    previous: Framing | None,
    asked: Hashable,
    requested: Camera,
    *,
    moves: bool,
    bounds: Bounds | None = None,
) -> Framing:
    """The framing after a run that asks for ``asked``, shown by the camera ``requested``.

    ``requested`` is fitted to ``bounds``, if given. ``moves`` says whether a new request
    moves the map (not when the map itself made it, or when there is nothing to frame).
    The first framing always shows ``requested``.
    """
    if previous is None:
        return Framing(asked, requested, bounds=bounds)
    if asked == previous.asked or not moves:
        return replace(previous, asked=asked)
    return Framing(asked, distinct(requested, previous.camera), previous.moves + 1, bounds)


def distinct(camera: Camera, last: Camera) -> Camera:
    """``camera``, nudged where it equals ``last`` so that each of its values is new."""
    return replace(
        camera,
        lat=camera.lat + NUDGE if camera.lat == last.lat else camera.lat,
        lon=camera.lon + NUDGE if camera.lon == last.lon else camera.lon,
        zoom=camera.zoom + NUDGE if camera.zoom == last.zoom else camera.zoom,
    )
