"""Frames to an animated GIF (Pillow) or an H.264 MP4 video (PyAV), in memory.

Both are written to bytes, never to a file, so the public app can hand them to a download
button. PyAV's wheels carry FFmpeg with its H.264 encoder (libx264): nothing is fetched or
installed beside the package, and PyAV writes to a memory buffer, which the ffmpeg
program that imageio-ffmpeg drives cannot (it writes MP4 to a file).

A GIF has 256 colours: every frame is mapped to one palette, without dithering, so flat
colours stay flat and nothing flickers from frame to frame. The palette holds every
colour a corridor's status, an event's kind or an agreement's level is drawn in, exactly
(over each ground it may lie on), so a later frame's new status keeps its colour; the
rest of it is the first frame's own colours. Pillow writes only what
changed from one frame to the next and merges frames that did not change (a milestone
held) into one longer frame. It holds the frames until the end, a byte per pixel each:
hence the frame limit (:data:`corridors.core.settings.max_animation_frames`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from fractions import Fraction
from itertools import chain

import av
import numpy as np
from PIL import Image

from corridors.render.styles import (
    BACKGROUND,
    FOCUS_FILL,
    HIGHLIGHT,
    IMPLEMENTATION_COLORS,
    KIND_RGBA,
    MARK_RIM,
    NEIGHBOUR_FILL,
    QUIET_ALPHA,
    RGBA,
    ROUTE_COLOR,
    STATUS_COLOR,
    STATUS_FILL_ALPHA,
    UNSCORED_COLOR,
)


def gif(frames: Iterable[Image.Image], fps: float) -> bytes:
    """An animated GIF of ``frames`` (RGB, one size) at ``fps`` frames a second, looping."""
    pending = iter(frames)
    first = next(pending, None)
    if first is None:
        raise ValueError("an animation needs at least one frame")
    palette = _palette(first)
    indexed = [
        frame.quantize(palette=palette, dither=Image.Dither.NONE)
        for frame in chain((first,), pending)  # each frame held as its 8-bit indices only
    ]
    out = io.BytesIO()
    indexed[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=indexed[1:],
        duration=round(1000 / fps),
        loop=0,
        optimize=True,
    )
    return out.getvalue()


def mp4(frames: Iterable[Image.Image], fps: float) -> bytes:
    """An H.264 MP4 video of ``frames`` (RGB, one size) at ``fps`` frames a second.

    Streamed: a frame is encoded as it comes. Odd widths and heights are padded by a
    pixel (the encoder's 4:2:0 colour needs even ones).
    """
    pending = iter(frames)
    first = next(pending, None)
    if first is None:
        raise ValueError("an animation needs at least one frame")
    out = io.BytesIO()
    width, height = (side + side % 2 for side in first.size)
    with av.open(out, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=Fraction(fps).limit_denominator(1000))
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.options = {"crf": "20", "preset": "medium"}
        for frame in _even(chain((first,), pending), (width, height)):
            picture = av.VideoFrame.from_ndarray(np.asarray(frame), format="rgb24")
            container.mux(stream.encode(picture))
        container.mux(stream.encode(None))
    return out.getvalue()


def _even(frames: Iterable[Image.Image], size: tuple[int, int]) -> Iterator[Image.Image]:
    """Each frame on a canvas of ``size`` (its own size or a pixel more), top left."""
    for frame in frames:
        if frame.size == size:
            yield frame
        else:
            canvas = Image.new("RGB", size)
            canvas.paste(frame, (0, 0))
            yield canvas


def _palette(first: Image.Image) -> Image.Image:
    """A 256-colour palette for every frame: the styles' colours, then the first frame's."""
    fixed = style_colours()
    adaptive = first.quantize(
        256 - len(fixed), method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    rest = (adaptive.getpalette() or [])[: 3 * (256 - len(fixed))]
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in fixed for channel in colour] + rest)
    return palette


def style_colours() -> list[tuple[int, int, int]]:
    """Every colour a status, a kind or an agreement's level is drawn in, exactly.

    As drawn over each ground a line or an area may lie on (the background, a neighbour,
    a focus country): quiet corridors and status-coloured regions are translucent.
    """
    grounds: list[RGBA] = [BACKGROUND, NEIGHBOUR_FILL]
    grounds += [(*_over(fill, BACKGROUND), 255) for fill in FOCUS_FILL.values()]
    solid = [
        *STATUS_COLOR.values(),
        *KIND_RGBA.values(),
        *IMPLEMENTATION_COLORS,
        UNSCORED_COLOR,
        ROUTE_COLOR,
        HIGHLIGHT,
        MARK_RIM,
    ]
    quiet = [(*color[:3], QUIET_ALPHA) for color in STATUS_COLOR.values()]
    areas = [(*color[:3], STATUS_FILL_ALPHA) for color in (*IMPLEMENTATION_COLORS, UNSCORED_COLOR)]
    blended = [_over(color, ground) for color in (*quiet, *areas) for ground in grounds]
    return list(dict.fromkeys([color[:3] for color in solid] + blended))


def _over(color: RGBA, ground: RGBA) -> tuple[int, int, int]:
    """``color`` drawn with its opacity over an opaque ``ground``."""
    share = color[3] / 255
    return (
        round(color[0] * share + ground[0] * (1 - share)),
        round(color[1] * share + ground[1] * (1 - share)),
        round(color[2] * share + ground[2] * (1 - share)),
    )
