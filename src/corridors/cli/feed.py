"""``corridors feed QUERY``: an Atom feed of a view, on standard output or to a file."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any, Final

from rich.console import Console
from rich.text import Text

from corridors.core.atomic import write_bytes_atomic
from corridors.core.errors import CatalogError
from corridors.core.languages import available_languages

#: The atlas's address when none is given: where ``corridors serve`` listens by default.
DEFAULT_BASE_URL: Final = "http://localhost:8501/"


def add_feed_command(commands: Any, data: list[argparse.ArgumentParser]) -> None:
    """Register ``feed`` (with the ``data`` parents) on the ``corridors`` parser."""
    feed = commands.add_parser(
        "feed",
        parents=data,
        help="write an Atom feed of a view: its events and corrections, newest first",
        description="Write an Atom feed of the view a link describes: one entry per curated "
        "event in the view and per correction of one, newest first, each linking to the "
        "atlas's view of that event. QUERY is the link's query string (or the whole link), "
        'e.g. `corridors feed "feature=syunik-route&from=2025-01-01" > feed.xml`. Parts '
        "of the link that do not apply are named on standard error and left out.",
    )
    feed.add_argument("query", help="the view, as a link's query string (quote it)")
    feed.add_argument(
        "--lang",
        choices=available_languages(),
        help="the feed's language (default: the link's, else English)",
    )
    feed.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        help=f"the atlas's address, for the entries' links (default: {DEFAULT_BASE_URL})",
    )
    feed.add_argument(
        "--output", "-o", help="file to write (atomically) instead of standard output"
    )
    feed.set_defaults(run=_feed)


def _feed(args: argparse.Namespace, console: Console) -> int:
    from corridors.data.catalog import load_catalog
    from corridors.i18n import Translator
    from corridors.links.feed import feed_xml, read_view

    try:
        catalog = load_catalog(args.data)
    except CatalogError as error:
        console.print(str(error), markup=False, highlight=False)
        return 1
    state, notices = read_view(catalog, args.query)
    for notice in notices:
        print(f"note: left out {notice.param}={notice.value!r} ({notice.kind})", file=sys.stderr)
    lang = args.lang or state.lang
    document = feed_xml(
        catalog, dataclasses.replace(state, lang=lang), Translator(lang), base_url=args.base_url
    )
    if args.output is None:
        sys.stdout.buffer.write(document)
        sys.stdout.flush()
    else:
        write_bytes_atomic(Path(args.output), document)
        console.print(Text(f"wrote {args.output}"))
    return 0
