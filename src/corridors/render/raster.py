"""A scene drawn to a picture on the server (Pillow), as the page's map draws it.

The scene's areas, lines and places in their colours, widths and dashes, the events'
marks, and the names that fit, in Web Mercator, framed on the scene's bounds as the page
frames them (:func:`corridors.geo.camera.fit_bounds`). Layers go bottom first in
:data:`~corridors.render.scene.DRAWING_ORDER`, each casing under its line, the marks under
the places (as on the Leaflet map). A frame is drawn :data:`settings.animation_supersample`
times larger and scaled down, which smooths the edges Pillow draws without anti-aliasing.

Pillow rather than matplotlib: a frame is flat colours, lines and dots, which Pillow's
C drawing fills in a few milliseconds, and Pillow is already installed (Streamlit needs it)
and writes the GIF itself; matplotlib would add a large dependency and its figure and
artist machinery per frame for nothing a map of flat colours uses.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from numpy.typing import NDArray
from PIL import Image, ImageDraw
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from corridors.core import settings
from corridors.geo.camera import TILE_SIZE, Camera, fit_bounds, mercator_y
from corridors.render.caption import font as caption_font
from corridors.render.caption import text_box, visual
from corridors.render.event_marks import ring_offsets
from corridors.render.labels import SceneLabel
from corridors.render.scene import DRAWING_ORDER, Scene, SceneFeature
from corridors.render.styles import (
    BACKGROUND,
    HIGHLIGHT,
    HIGHLIGHT_OUTLINE_WIDTH,
    LABEL_STYLES,
    MARK_RADIUS,
    MARK_RIM,
    MARK_RIM_WIDTH,
    RGBA,
    SELECTED_MARK_RADIUS,
    LineStyle,
)

Points = NDArray[np.float64]
Box = tuple[float, float, float, float]
#: The white halo round a name, in pixels at scale 1.
HALO = 2.0


@dataclass(frozen=True, slots=True)
class View:
    """Where a ``width`` x ``height`` pixel map looks, and how big it draws (``scale``)."""

    camera: Camera
    width: int
    height: int
    scale: float

    @classmethod
    def fitted(cls, scene: Scene, width: int, height: int, scale: float) -> View:
        """The view that frames ``scene``'s bounds, as the page's map does."""
        return cls(fit_bounds(scene.bounds, width=width, height=height), width, height, scale)

    def scaled(self, factor: int) -> View:
        """The same view ``factor`` times larger (a zoom ``log2(factor)`` deeper)."""
        camera = Camera(self.camera.lat, self.camera.lon, self.camera.zoom + math.log2(factor))
        return View(camera, self.width * factor, self.height * factor, self.scale * factor)

    def pixels(self, coords: Points) -> Points:
        """Longitude, latitude rows to x, y pixel rows (Web Mercator, y down)."""
        world = TILE_SIZE * 2**self.camera.zoom
        lon, lat = coords[:, 0], np.clip(coords[:, 1], -85.0, 85.0)
        sine = np.sin(np.radians(lat))
        y = 0.5 - np.log((1 + sine) / (1 - sine)) / (4 * math.pi)  # as geo.camera.mercator_y
        x = (lon + 180.0) / 360.0
        centre = ((self.camera.lon + 180.0) / 360.0, mercator_y(self.camera.lat))
        return np.column_stack(
            ((x - centre[0]) * world + self.width / 2, (y - centre[1]) * world + self.height / 2)
        )

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        """One position in pixels."""
        x, y = self.pixels(np.array([[lon, lat]]))[0]
        return float(x), float(y)


#: The layers under the corridors: drawn once and reused while their styles stay the same.
BASE_LAYERS = DRAWING_ORDER[: DRAWING_ORDER.index("corridors")]


@dataclass
class Painter:
    """Draws scenes seen from one view, ``sample`` times larger, then scaled down.

    Keeps what does not change from one frame to the next: each feature's geometry in
    pixels and its dashes, the layers under the corridors, and the names.
    """

    view: View
    sample: int = 1
    _rings: dict[int, list[Points]] = field(default_factory=dict)
    _areas: dict[int, list[tuple[Points, list[Points]]]] = field(default_factory=dict)
    _dashes: dict[tuple[int, tuple[float, ...]], list[Points]] = field(default_factory=dict)
    _base: tuple[object, Image.Image | None] = (None, None)
    _names: tuple[object, Image.Image | None] = (None, None)

    def draw(self, scene: Scene) -> Image.Image:
        """``scene`` as an RGB picture of the view's size divided by ``sample``."""
        image = self._base_layers(scene).copy()
        draw = ImageDraw.Draw(image, "RGBA")
        for layer in DRAWING_ORDER[len(BASE_LAYERS) :]:
            if layer == "places":
                self._draw_marks(draw, scene)
            self._draw_layer(image, draw, scene.layer(layer))
        shown = image.reduce(self.sample) if self.sample > 1 else image
        names = self._labels(scene.labels, shown.size)
        shown.paste(names, (0, 0), names)
        return shown

    def _base_layers(self, scene: Scene) -> Image.Image:
        """The countries, water, rivers and regions, drawn again only when one's style changes."""
        features = [feature for layer in BASE_LAYERS for feature in scene.layer(layer)]
        key = tuple((f.id, f.fill, f.line, f.casing) for f in features)
        cached_key, cached = self._base
        if cached is not None and cached_key == key:
            return cached
        image = Image.new("RGB", (self.view.width, self.view.height), BACKGROUND[:3])
        draw = ImageDraw.Draw(image, "RGBA")
        for layer in BASE_LAYERS:
            self._draw_layer(image, draw, scene.layer(layer))
        self._base = (key, image)
        return image

    def _draw_layer(
        self, image: Image.Image, draw: ImageDraw.ImageDraw, features: Sequence[SceneFeature]
    ) -> None:
        """A layer's casings, then its features."""
        for feature in features:
            if feature.casing is not None:
                self._stroke(draw, feature.geometry, feature.casing)
        for feature in features:
            self._draw_feature(image, draw, feature)

    def _parts(self, geometry: BaseGeometry) -> list[Points]:
        """The geometry's rings or lines in pixels (exterior first per polygon), cached."""
        key = id(geometry)
        if key not in self._rings:
            self._rings[key] = [self.view.pixels(part) for part in _coordinate_parts(geometry)]
        return self._rings[key]

    def _draw_feature(
        self, image: Image.Image, draw: ImageDraw.ImageDraw, feature: SceneFeature
    ) -> None:
        geometry, scale = feature.geometry, self.view.scale
        if isinstance(geometry, Point):
            x, y = self.view.point(geometry.x, geometry.y)
            radius = feature.radius * scale
            rim = max(1, round(feature.line.width * scale))
            box = (x - radius, y - radius, x + radius, y + radius)
            draw.ellipse(box, fill=feature.fill, outline=feature.line.color, width=rim)
        elif isinstance(geometry, Polygon | MultiPolygon):
            self._fill(image, draw, geometry, feature.fill)
            self._stroke(draw, geometry, feature.line)
        else:
            self._stroke(draw, geometry, feature.line)

    def _fill(
        self,
        image: Image.Image,
        draw: ImageDraw.ImageDraw,
        geometry: Polygon | MultiPolygon,
        fill: RGBA,
    ) -> None:
        """An area's fill; one with holes through a mask, so the holes stay unfilled."""
        if fill[3] == 0:
            return
        key = id(geometry)
        if key not in self._areas:
            polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else (geometry,)
            self._areas[key] = [
                (
                    self.view.pixels(np.asarray(polygon.exterior.coords)),
                    [self.view.pixels(np.asarray(ring.coords)) for ring in polygon.interiors],
                )
                for polygon in polygons
            ]
        for exterior, holes in self._areas[key]:
            if not holes:
                draw.polygon(_xy(exterior), fill=fill)
                continue
            left, top = np.floor(exterior.min(axis=0)).astype(int)
            right, bottom = np.ceil(exterior.max(axis=0)).astype(int) + 1
            mask = Image.new("L", (right - left, bottom - top), 0)
            masking = ImageDraw.Draw(mask)
            masking.polygon(_xy(exterior - (left, top)), fill=fill[3])
            for hole in holes:
                masking.polygon(_xy(hole - (left, top)), fill=0)
            image.paste(fill[:3], (int(left), int(top), int(right), int(bottom)), mask)

    def _stroke(self, draw: ImageDraw.ImageDraw, geometry: BaseGeometry, style: LineStyle) -> None:
        """Every ring or line of ``geometry`` in ``style`` (dashes and width at scale)."""
        scale = self.view.scale
        width = max(1, round(style.width * scale))
        pattern = tuple(float(part) * scale for part in style.dash.split())
        key = (id(geometry), pattern)
        if key not in self._dashes:
            parts = self._parts(geometry)
            self._dashes[key] = (
                [p for part in parts for p in dashes(part, pattern)] if pattern else parts
            )
        for piece in self._dashes[key]:
            draw.line(_xy(piece), fill=style.color, width=width, joint="curve")

    def _draw_marks(self, draw: ImageDraw.ImageDraw, scene: Scene) -> None:
        """The events' discs, spread round shared points and places' dots; selected last."""
        dots = {(place.geometry.x, place.geometry.y) for place in scene.layer("places")}
        placed = sorted(
            zip(scene.marks, ring_offsets(scene.marks, dots), strict=True),
            key=lambda pair: pair[0].selected,
        )
        scale = self.view.scale
        for mark, (dx, dy) in placed:
            x, y = self.view.point(mark.lon, mark.lat)
            x, y = x + dx * scale, y + dy * scale
            radius = (SELECTED_MARK_RADIUS if mark.selected else MARK_RADIUS) * scale
            rim = HIGHLIGHT_OUTLINE_WIDTH if mark.selected else MARK_RIM_WIDTH
            draw.ellipse(
                (x - radius, y - radius, x + radius, y + radius),
                fill=mark.color,
                outline=HIGHLIGHT if mark.selected else MARK_RIM,
                width=max(1, round(rim * scale)),
            )

    def _labels(self, labels: Sequence[SceneLabel], size: tuple[int, int]) -> Image.Image:
        """The names as an overlay of ``size`` (the picture's), drawn again when they change."""
        cached_key, cached = self._names
        if cached is not None and cached_key == labels:
            return cached
        overlay = Image.new("RGBA", size, (0, 0, 0, 0))
        self._draw_labels(ImageDraw.Draw(overlay), labels, size)
        self._names = (labels, overlay)
        return overlay

    def _draw_labels(
        self, draw: ImageDraw.ImageDraw, labels: Sequence[SceneLabel], size: tuple[int, int]
    ) -> None:
        """The names that fit, most important first, each at its first free anchor.

        A name that would overlap one already written, or leave the map, is left out (as
        the page's map hides it at this zoom); so are the least important ranks.
        """
        taken: list[Box] = []
        frame = (0.0, 0.0, float(size[0]), float(size[1]))
        scale = self.view.scale / self.sample
        for label in labels:
            if label.rank > settings.animation_label_rank:
                continue
            style = LABEL_STYLES[label.style]
            font_size = round(style.size * scale)
            text = visual(label.text, rtl=None)  # a name's own direction
            anchor = "md" if style.above_point else "mm"
            for lon, lat in label.anchors or ((label.lon, label.lat),):
                x, y = self.view.point(lon, lat)
                at = (x / self.sample, y / self.sample - label.offset * scale)
                box = text_box(text, font_size, at, anchor=anchor)
                if _inside(box, frame) and not any(_overlap(box, other) for other in taken):
                    taken.append(box)
                    draw.text(
                        at,
                        text,
                        font=caption_font(font_size),
                        fill=style.color,
                        anchor=anchor,
                        stroke_width=max(1, round(HALO * scale)),
                        stroke_fill=(255, 255, 255, 230),
                    )
                    break


def dashes(line: Points, pattern: Sequence[float]) -> Iterator[Points]:
    """The dashes of a polyline: ``pattern`` is on, off, on, off ... lengths in pixels.

    An odd-length pattern repeats twice (as in SVG's ``stroke-dasharray``).
    """
    if len(pattern) % 2:
        pattern = (*pattern, *pattern)
    steps = np.hypot(*np.diff(line, axis=0).T)
    along = np.concatenate(([0.0], np.cumsum(steps)))
    total = float(along[-1])
    position = 0.0
    while position < total:
        for on, off in zip(pattern[0::2], pattern[1::2], strict=True):
            if position < total and on > 0:
                yield _between(line, along, position, min(position + on, total))
            position += on + off


def _between(line: Points, along: Points, start: float, end: float) -> Points:
    """The piece of ``line`` from ``start`` to ``end`` pixels along it."""
    inside = (along > start) & (along < end)
    first = [np.interp(start, along, line[:, 0]), np.interp(start, along, line[:, 1])]
    last = [np.interp(end, along, line[:, 0]), np.interp(end, along, line[:, 1])]
    return np.vstack((first, line[inside], last))


def _coordinate_parts(geometry: BaseGeometry) -> list[Points]:
    """The lines of a line or the rings of an area, as longitude, latitude rows."""
    if isinstance(geometry, LineString):
        return [np.asarray(geometry.coords)]
    if isinstance(geometry, MultiLineString):
        return [np.asarray(part.coords) for part in geometry.geoms]
    rings = shapely.get_rings(geometry) if isinstance(geometry, Polygon) else []
    if isinstance(geometry, MultiPolygon):
        rings = [ring for polygon in geometry.geoms for ring in shapely.get_rings(polygon)]
    return [np.asarray(ring.coords) for ring in rings]


def _xy(points: Points) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in points]


def _inside(box: Box, frame: Box) -> bool:
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def _overlap(one: Box, other: Box) -> bool:
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]
