"""The exported playback: milliseconds per frame drawn, and per frame encoded as GIF and MP4.

For each case (a mode and a language over a span, at the export's frame size and rate),
the frames are drawn once (each frame's time: the scene built and drawn, the caption
written), then encoded ``--runs`` times as a GIF and as an MP4 from the drawn frames.
Prints the median milliseconds per frame of each (and the mean of the drawing: a milestone
held is drawn once, its repeats cost nothing), the files' sizes, and the peak memory.

    .venv/bin/python benchmarks/animation.py [--runs 3] [--width 1280] [--height 720]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import time
from collections.abc import Callable, Iterable

from PIL import Image

from corridors.core import settings
from corridors.data.catalog import load_catalog
from corridors.data.playback import SPEEDS, Playback, PlayMode
from corridors.data.timeline import DateRange
from corridors.render import encode
from corridors.render.animation import AnimationRequest, frames

SPAN = DateRange(dt.date(2020, 1, 1), dt.date(2026, 3, 1))
CASES = (
    ("cumulative, en, quarter/s", Playback(speed=SPEEDS["quarter"]), "en", None),
    ("window 180 d, ar, quarter/s", Playback(PlayMode.WINDOW, SPEEDS["quarter"], 180), "ar", None),
    ("milestones, en", Playback(PlayMode.MILESTONES), "en", None),
    (
        "cumulative, ar, agreement open",
        Playback(speed=SPEEDS["quarter"]),
        "ar",
        "washington-declaration-2025",
    ),
)


def _encode_ms(
    write: Callable[[Iterable[Image.Image], float], bytes], drawn: list[Image.Image], runs: int
) -> tuple[float, int]:
    """Median milliseconds per frame of ``runs`` encodings, and the file's size."""
    per_frame, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        size = len(write(drawn, settings.animation_fps))
        per_frame.append((time.perf_counter() - started) * 1000 / len(drawn))
    return statistics.median(per_frame), size


def main() -> None:
    """Run every case and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--width", type=int, default=settings.animation_width)
    parser.add_argument("--height", type=int, default=settings.animation_height)
    args = parser.parse_args()
    catalog = load_catalog(None)
    print(
        f"{args.width}x{args.height} at {settings.animation_fps:g} fps, "
        f"{SPAN.start} to {SPAN.end}, {settings.animation_supersample}x supersampled"
    )
    for name, playback, lang, agreement in CASES:
        request = AnimationRequest(
            playback, SPAN, lang=lang, agreement=agreement, size=(args.width, args.height)
        )
        drawn: list[Image.Image] = []
        draw_ms: list[float] = []
        started = time.perf_counter()
        for image in frames(catalog, request):
            draw_ms.append((time.perf_counter() - started) * 1000)
            drawn.append(image)
            started = time.perf_counter()
        gif_ms, gif_bytes = _encode_ms(encode.gif, drawn, args.runs)
        mp4_ms, mp4_bytes = _encode_ms(encode.mp4, drawn, args.runs)
        print(
            f"{name}: {len(drawn)} frames; drawn {statistics.median(draw_ms):.1f} ms/frame "
            f"(mean {statistics.fmean(draw_ms):.1f}, first {draw_ms[0]:.0f} ms); "
            f"GIF {gif_ms:.1f} ms/frame, {gif_bytes / 1e6:.2f} MB; "
            f"MP4 {mp4_ms:.1f} ms/frame, {mp4_bytes / 1e6:.2f} MB"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB (every frame of a case held for the repeated encodings)")


if __name__ == "__main__":
    main()
