"""The data directory on the command line: ``--data DIR``, declared once for every command.

Each command that reads or writes a data directory takes :func:`data_parent` as a parent
parser. The spellings of earlier versions (``validate DIR``, ``build-geodata --out DIR``)
still work through :func:`add_old_spelling`; :func:`settle_data` then moves their value
to ``args.data`` and prints a deprecation note naming ``--data DIR`` on standard error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Final

#: Where an old spelling stores its value, and how it was spelt (for the note).
_OLD_VALUE: Final = "old_data_spelling"
_OLD_NAME: Final = "old_data_spelling_name"


def data_parent(*, nested: bool = False) -> argparse.ArgumentParser:
    """A parent parser declaring ``--data DIR`` (pass it in ``parents=[...]``).

    ``nested`` is for an action under a command that has ``--data`` itself (``drafts drop``,
    ``imports remove``): its ``--data`` is taken on either side of the action and defaults to
    the command's, so ``drafts --data D drop ID`` and ``drafts drop ID --data D`` are one.
    """
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data",
        type=Path,
        default=argparse.SUPPRESS if nested else None,
        metavar="DIR",
        help="data directory (default: $CORRIDORS_DATA_DIR, else the bundled data)",
    )
    return parent


def add_old_spelling(parser: argparse.ArgumentParser, *names: str, spelt: str) -> None:
    """Accept the data directory as ``names`` too (hidden from ``--help``), as ``spelt``.

    ``names`` are option strings (``"--out"``), or none for an optional positional argument.
    """
    if names:
        parser.add_argument(*names, dest=_OLD_VALUE, type=Path, help=argparse.SUPPRESS)
    else:
        parser.add_argument(_OLD_VALUE, nargs="?", type=Path, help=argparse.SUPPRESS)
    parser.set_defaults(**{_OLD_NAME: spelt})


def settle_data(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Move an old spelling's directory to ``args.data``, with a note; refuse both at once."""
    old = vars(args).pop(_OLD_VALUE, None)
    spelt = vars(args).pop(_OLD_NAME, "")
    if old is None:
        return
    if args.data is not None:
        parser.error(f"the data directory is given twice ({spelt} and --data): use --data only")
    print(f"note: {spelt} is deprecated; use --data DIR", file=sys.stderr)
    args.data = old
