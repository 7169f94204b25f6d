"""``corridors export playback FILE.gif|FILE.mp4``: the playback as an animation, for slides.

The options of the playback (mode, speed, window, frame rate, open agreement) belong to
this format only; given with another format, they are refused rather than ignored.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Final

from rich.console import Console
from rich.text import Text

from corridors.core.atomic import write_bytes_atomic
from corridors.data.playback import SPEEDS, Playback, PlayMode

if TYPE_CHECKING:
    from corridors.data.catalog import Catalog

#: The file kinds an animation is written as, by the output's suffix.
SUFFIXES: Final = (".gif", ".mp4")
#: The playback's own options (their ``dest``), refused with another format.
PLAYBACK_OPTIONS: Final = ("mode", "speed", "window", "agreement", "fps")


def add_playback_options(export: argparse.ArgumentParser) -> None:
    """The options of ``export playback`` (on the ``export`` command)."""
    group = export.add_argument_group(
        "playback (export playback FILE.gif or FILE.mp4)",
        "the map of each day of a play from --from to --to, its date burnt in",
    )
    group.add_argument("--mode", type=PlayMode, choices=list(PlayMode), default=None)
    group.add_argument(
        "--speed",
        type=speed,
        default=None,
        metavar="SPEED",
        help=f"days of data a second: {', '.join(SPEEDS)} or a number (default: month)",
    )
    group.add_argument(
        "--window", type=_positive_int, default=None, metavar="DAYS", help="window mode's width"
    )
    group.add_argument("--agreement", default=None, metavar="ID", help="colour its provisions")
    group.add_argument(
        "--fps", type=_positive_float, default=None, metavar="N", help="frames a second"
    )


def speed(text: str) -> float:
    """A speed: a named one (``month``) or a positive number of days a second."""
    if text in SPEEDS:
        return SPEEDS[text]
    try:
        return _positive_float(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a speed: use one of {', '.join(SPEEDS)} or a positive number "
            "of days a second"
        ) from None


def refuse_playback_options(args: argparse.Namespace) -> str | None:
    """The error for playback options given with another format, or ``None``."""
    given = [f"--{name}" for name in PLAYBACK_OPTIONS if getattr(args, name) is not None]
    if args.format != "playback" and given:
        return f"{', '.join(given)} only apply to `corridors export playback`"
    return None


def export_playback(args: argparse.Namespace, catalog: Catalog, console: Console) -> int:
    """Write the animation to ``args.output`` (GIF or MP4 by its suffix), atomically."""
    from corridors.core import settings
    from corridors.data.timeline import DateRange, catalogue_span
    from corridors.render import encode
    from corridors.render.animation import AnimationRequest, TooManyFramesError, frames

    problem = _problem(args, catalog)
    if problem:
        console.print(Text("error:", style="bold red"), Text(problem))
        return 2
    span = catalogue_span(catalog.events)
    request = AnimationRequest(
        playback=Playback(
            mode=args.mode or PlayMode.CUMULATIVE,
            speed=args.speed or Playback().speed,
            window=args.window or Playback().window,
        ),
        span=DateRange(args.start or span.start, args.end or span.end),
        lang=args.lang,
        agreement=args.agreement,
        kinds=args.kinds,
        fps=args.fps or settings.animation_fps,
        size=(settings.animation_width, settings.animation_height),
    )
    write = encode.gif if args.output.suffix.lower() == ".gif" else encode.mp4
    try:
        data = write(frames(catalog, request, _progress), request.fps)
    except TooManyFramesError as error:
        console.print(Text("error:", style="bold red"), Text(str(error)))
        return 2
    finally:
        if sys.stderr.isatty():
            sys.stderr.write("\n")
    write_bytes_atomic(args.output, data)
    console.print(f"wrote {args.output} ({len(data):,} bytes)", markup=False)
    return 0


def _problem(args: argparse.Namespace, catalog: Catalog) -> str | None:
    """What is wrong with the output's name, the agreement or the dates, if anything."""
    if args.output.suffix.lower() not in SUFFIXES:
        return f"{args.output}: an animation is written as a .gif or an .mp4 file"
    known = [agreement.id for agreement in catalog.agreements]
    if args.agreement is not None and args.agreement not in known:
        return f"--agreement {args.agreement!r} is not an agreement; known: {', '.join(known)}"
    if args.start and args.end and args.start > args.end:
        return f"--from {args.start} is after --to {args.end}"
    return None


def _progress(done: int, total: int) -> None:
    """A progress line on standard error: rewritten in place on a terminal, else each tenth."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\rdrawing frame {done}/{total}")
    elif done == total or done % max(1, total // 10) == 0:
        sys.stderr.write(f"drawing frame {done}/{total}\n")
    sys.stderr.flush()


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days, 1 or more")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return value
