"""Frames to an animated GIF (Pillow) or an H.264 MP4 video (PyAV), in memory.

Both are written to bytes, never to a file, so the public app can hand them to a download
button. PyAV's wheels carry FFmpeg with its H.264 encoder (libx264): nothing is fetched or
installed beside the package, and PyAV writes to a memory buffer, which the ffmpeg
program that imageio-ffmpeg drives cannot (it writes MP4 to a file).

A GIF has 256 colours: every frame is mapped to one palette, made from the first and the
last frame and a swatch of every colour the map's styles use (a corridor's status, an
event's kind, an agreement's levels), without dithering, so flat colours stay flat and
nothing flickers from frame to frame. Pillow writes only what changed from one frame to the
next and merges frames that did not change (a milestone held) into one longer frame. It
holds the frames until the end, about a byte per pixel each: hence the frame limit
(:data:`corridors.core.settings.max_animation_frames`).
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
    HIGHLIGHT,
    IMPLEMENTATION_COLORS,
    KIND_RGBA,
    RGBA,
    ROUTE_COLOR,
    STATUS_COLOR,
    UNSCORED_COLOR,
)


def gif(frames: Iterable[Image.Image], fps: float) -> bytes:
    """An animated GIF of ``frames`` (RGB, one size) at ``fps`` frames a second, looping."""
    pending = iter(frames)
    first = next(pending, None)
    if first is None:
        raise ValueError("an animation needs at least one frame")
    held = [first, *pending]  # Pillow holds every frame while it writes anyway
    palette = _palette(held[0], held[-1])
    indexed = [frame.quantize(palette=palette, dither=Image.Dither.NONE) for frame in held]
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


def _palette(*frames: Image.Image) -> Image.Image:
    """A 256-colour palette for every frame: from ``frames`` and the styles' colours."""
    swatch: list[RGBA] = [
        *STATUS_COLOR.values(),
        *KIND_RGBA.values(),
        *IMPLEMENTATION_COLORS,
        UNSCORED_COLOR,
        ROUTE_COLOR,
        HIGHLIGHT,
    ]
    width, height = frames[0].size
    source = Image.new("RGB", (width, height * len(frames) + 8))
    for index, frame in enumerate(frames):
        source.paste(frame, (0, height * index))
    strip = height * len(frames)
    step = max(1, width // len(swatch))
    for index, color in enumerate(swatch):
        source.paste(color[:3], (index * step, strip, (index + 1) * step, strip + 8))
    return source.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
