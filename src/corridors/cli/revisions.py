"""``corridors import acled-deleted FILE`` and ``corridors relink``: revising a store in place.

Both change what earlier imports stored, each in one step of the store
(:meth:`~corridors.reported.store.EventStore.delete`,
:meth:`~corridors.reported.store.EventStore.relink`), and print what changed.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.text import Text

from corridors.core.datasets import data_dir, imports_dir
from corridors.core.errors import CatalogError
from corridors.core.locking import LockError
from corridors.data.models import ReportedSource

#: The ``corridors import`` layout that reads ACLED's list of deleted events.
ACLED_DELETED = "acled-deleted"


def add_relink_command(commands: Any, data: list[argparse.ArgumentParser]) -> None:
    """Register ``relink`` (with the ``data`` parents)."""
    command = commands.add_parser(
        "relink",
        parents=data,
        help="recompute the map links of every imported event",
        description="Link every stored event again to the map features it concerns, with "
        "the current catalogue and rules (an event placed at a region's or a country's "
        "centre links that area, never a corridor), and print how many events' links "
        "changed. Run it after the catalogue's features or the linking rules change.",
    )
    command.set_defaults(run=run_relink)


def run_deleted(args: argparse.Namespace, console: Console, shown: Any) -> int:
    """Delete the events of ACLED's deleted-events list ``args.file`` from the store."""
    from corridors.reported.importers import ImportFileError
    from corridors.reported.importers.acled_deleted import read_deletions
    from corridors.reported.store import open_store

    try:
        deletions = read_deletions(args.file)
        store = open_store(imports_dir(args.data))
        done = store.delete(
            source=ReportedSource.ACLED, file=str(args.file.resolve()), deletions=deletions
        )
    except ImportFileError as error:
        console.print(Text("error:", style="bold red"), Text(shown(str(error))))
        return 2
    except LockError as error:
        console.print(Text("error:", style="bold red"), Text(f"nothing deleted: {error}"))
        return 1
    console.print(
        Text(f"{shown(str(args.file.resolve()))} (acled deleted events): "),
        Text(
            f"{len(deletions):,} listed, {done.removed:,} removed, "
            f"{done.missing:,} not in the store, "
            f"{done.newer:,} kept (changed after their deletion)"
        ),
    )
    return 0


def run_relink(args: argparse.Namespace, console: Console) -> int:
    """Recompute the links of the store's events; print how many changed."""
    from corridors.data.catalog import load_catalog
    from corridors.reported.importers import relinker
    from corridors.reported.linker import build_linker
    from corridors.reported.store import open_store

    try:
        linker = build_linker(load_catalog(data_dir(args.data)))
    except CatalogError as error:
        console.print(str(error), markup=False, highlight=False)
        return 1
    try:
        changed = open_store(imports_dir(args.data)).relink(relinker(linker))
    except LockError as error:
        console.print(Text("error:", style="bold red"), Text(f"nothing relinked: {error}"))
        return 1
    console.print(f"relinked: {changed:,} row(s) changed links", markup=False, highlight=False)
    return 0
