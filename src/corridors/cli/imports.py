"""The ``corridors import``, ``corridors imports [remove]`` and ``corridors relink`` commands.

Kept apart from :mod:`corridors.cli.main` (which only registers them) so that the import
commands read as one piece. Everything from a file is printed as plain text, never as
terminal markup, and through :func:`_shown`: a file or archive member name may hold control
characters (terminal escape sequences) and bidi controls, which are printed escaped.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from corridors.cli._common import data_parent
from corridors.cli.revisions import ACLED_DELETED, add_relink_command, run_deleted
from corridors.core.datasets import data_dir, imports_dir
from corridors.core.errors import CatalogError
from corridors.core.locking import LockError
from corridors.data.models import ReportedSource

if TYPE_CHECKING:
    from corridors.reported.importers import ImportReport
    from corridors.reported.store import ImportRecord


def add_import_commands(commands: Any, data: list[argparse.ArgumentParser]) -> None:
    """Register ``import``, ``imports`` and ``relink`` (each with the ``data`` parents)."""
    command = commands.add_parser(
        "import",
        parents=data,
        help="import reported events (ACLED CSV, GDELT 2.0 export, the atlas's GeoJSON)",
        description="Import a file of reported events into the data directory's imports/ "
        "store. Unusable rows are reported by file, line and column and left out; "
        "--strict refuses the whole file instead. A row newer than the stored version of "
        "its event (ACLED's timestamp) replaces it; an older or same one is kept out. "
        f"'{ACLED_DELETED}' reads ACLED's list of deleted events (event_id_cnty, "
        "deleted_timestamp) and removes them.",
    )
    command.add_argument(
        "source", choices=[*sorted(ReportedSource), ACLED_DELETED], help="the file's layout"
    )
    command.add_argument("file", type=Path, help="the file (a GDELT export may be zipped)")
    command.add_argument("--strict", action="store_true", help="fail on any unusable row")
    command.set_defaults(run=_import)

    listing = commands.add_parser(
        "imports", parents=data, help="list (or remove) what has been imported"
    )
    listing.set_defaults(run=_list)
    actions = listing.add_subparsers(metavar="ACTION")
    remove = actions.add_parser(
        "remove", parents=[data_parent(nested=True)], help="remove a source's imports or one file's"
    )
    remove.add_argument("selector", metavar="SOURCE|FILE", help="a source name or a file")
    remove.set_defaults(run=_remove)
    add_relink_command(commands, data)


def _shown(text: str) -> str:
    """``text`` as printed: each control, format (bidi) or undecodable character escaped."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


def _import(args: argparse.Namespace, console: Console) -> int:
    from corridors.data.catalog import load_catalog
    from corridors.reported.importers import ImportFileError, StrictImportError, import_file
    from corridors.reported.linker import build_linker
    from corridors.reported.store import open_store

    if args.source == ACLED_DELETED:
        return run_deleted(args, console, _shown)
    directory = data_dir(args.data)
    try:
        linker = build_linker(load_catalog(directory))
    except CatalogError as error:
        console.print(str(error), markup=False, highlight=False)
        return 1
    store = open_store(imports_dir(args.data))
    size = args.file.stat().st_size if args.file.is_file() else None
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("importing", total=size)
        try:
            report = import_file(
                store,
                args.source,
                args.file,
                linker=linker,
                strict=args.strict,
                progress=lambda count: bar.advance(task, count),
            )
        except ImportFileError as error:
            console.print(Text("error:", style="bold red"), Text(_shown(str(error))))
            return 2
        except LockError as error:
            console.print(Text("error:", style="bold red"), Text(f"nothing imported: {error}"))
            return 1
        except StrictImportError as error:
            _print_report(console, error.report)
            console.print(Text("error:", style="bold red"), Text(_shown(str(error))))
            return 1
    _print_report(console, report)
    return 0


def _print_report(console: Console, report: ImportReport) -> None:
    if report.problems:
        console.file.write("".join(f"{_shown(str(problem))}\n" for problem in report.problems))
        unlisted = sum(report.problem_counts.values()) - len(report.problems)
        if unlisted > 0:
            console.print(f"... and {unlisted} more problem(s), counted below", markup=False)
        for (kind, field), count in sorted(report.problem_counts.items()):
            console.print(f"{count:>10,}  {kind} in {field}", markup=False, highlight=False)
    console.print(
        Text(f"{_shown(report.file)} ({report.source}): "),
        Text(
            f"{report.rows_read:,} rows read, {report.added:,} added, "
            f"{report.updated:,} updated, "
            f"{report.already_stored:,} kept (older or same), "
            f"{report.repeated:,} repeated in the file, {report.bad_rows:,} unusable"
        ),
    )


def _list(args: argparse.Namespace, console: Console) -> int:
    from corridors.reported.store import open_store

    folder = imports_dir(args.data)
    store = open_store(folder)
    records = store.imports()
    if records:
        _print_imports(console, folder, records)
        _print_latest(console, store.latest_changes())
    else:
        console.print(_shown(f"nothing imported in {folder}"), markup=False)
    skipped = store.skipped()
    if skipped:
        console.print(
            Text(f"skipped {len(skipped)} file(s) the store did not write (left in place):")
        )
    for item in skipped:
        console.print(Text(f"  {_shown(str(item.path))}: {_shown(item.reason)}"))
    return 0


def _print_imports(console: Console, folder: Path, records: list[ImportRecord]) -> None:
    table = Table(title=Text(_shown(f"Imports in {folder}")))
    table.add_column("source")
    table.add_column("file", overflow="fold")
    table.add_column("rows", justify="right")
    deletions = any(record.removed for record in records)
    if deletions:  # (a narrow terminal has no room for an empty column)
        table.add_column("deleted", justify="right")
    for column in ("from", "to", "imported (UTC)"):
        table.add_column(column, no_wrap=True)
    for record in records:
        counts = [f"{record.rows:,}", *([f"{record.removed:,}"] if deletions else [])]
        table.add_row(
            Text(_shown(record.source)),
            Text(_shown(record.file)),
            *counts,
            record.first.isoformat(),
            record.last.isoformat(),
            f"{record.imported_at:%Y-%m-%d %H:%M:%S}",
        )
    console.print(table)


#: What each source's ``changed_at`` is called in its own files.
_CHANGED_AT: dict[str, str] = {ReportedSource.ACLED: "timestamp", ReportedSource.GDELT: "DATEADDED"}


def _print_latest(console: Console, latest: dict[str, dt.datetime]) -> None:
    """Each source's newest change: where the next download of its updates starts."""
    for source, moment in sorted(latest.items()):
        name = _CHANGED_AT.get(source, "change")
        console.print(
            Text(_shown(f"{source}: newest {name} {moment:%Y-%m-%d %H:%M:%S} UTC")),
        )


def _remove(args: argparse.Namespace, console: Console) -> int:
    from corridors.reported.store import open_store

    store = open_store(imports_dir(args.data))
    try:
        removed = store.remove(args.selector)
    except LockError as error:
        console.print(Text("error:", style="bold red"), Text(f"nothing removed: {error}"))
        return 1
    if not removed:
        console.print(
            Text("error:", style="bold red"),
            Text(f"no source or imported file called {args.selector!r}"),  # repr: escaped
        )
        return 1
    for record in removed:
        console.print(
            Text(_shown(f"removed {record.source} {record.file} ({record.rows:,} rows)")),
        )
    return 0
