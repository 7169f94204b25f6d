"""``corridors release``: keep the events as released, for the guard against silent changes."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from rich.console import Console
from rich.text import Text

from corridors.core.datasets import RELEASED_FILE, data_dir


def add_release_command(commands: Any, data: list[argparse.ArgumentParser]) -> None:
    """Register ``release`` (with the ``data`` parents) on the ``corridors`` parser."""
    release = commands.add_parser(
        "release",
        parents=data,
        help=f"keep the events as released ({RELEASED_FILE}), after checking the data",
        description=f"Check the data, then write {RELEASED_FILE} in the data directory: the "
        "day of the release and the events as they are. Commit it with the release: from "
        "then on, the guard test fails when a published event's date, precision, numbers "
        "or feature links change without a correction entry dated on or after that day.",
    )
    release.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        default=None,
        help="the release day, YYYY-MM-DD (default: today)",
    )
    release.set_defaults(run=_release)


def _release(args: argparse.Namespace, console: Console) -> int:
    from corridors.atlas import inspect_atlas
    from corridors.data.release import ReleaseError, write_release

    directory = data_dir(args.data)
    problems = inspect_atlas(directory).problems
    if problems:
        console.file.write("".join(f"{problem}\n" for problem in problems))
        console.print(Text(f"{len(problems)} problem(s): nothing released", style="bold red"))
        return 1
    day = args.date or dt.date.today()
    try:
        count = write_release(directory, day)
    except ReleaseError as error:
        console.print(Text("error:", style="bold red"), Text(str(error)))
        return 1
    console.print(Text(f"released {count} events as of {day.isoformat()}: {RELEASED_FILE}"))
    return 0
