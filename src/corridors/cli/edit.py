"""``corridors edit``: the draft editor, on this machine only unless told otherwise.

The editor writes to the data directory (drafts, ``events.yaml``) and has no sign-in of
its own: it listens on 127.0.0.1, with the public app's settings (XSRF, CORS, host
allow-list ...). A team that shares it puts it behind its own sign-in (README, "The draft
editor"); another address is used only when given, with a warning.
"""

from __future__ import annotations

import argparse
import ipaddress
import math
import os
from pathlib import Path
from typing import Any, Final

from rich.console import Console
from rich.text import Text

from corridors.cli.site import run_site
from corridors.core import settings
from corridors.core.assets import editor_script
from corridors.core.datasets import DATA_DIR_ENV

DEFAULT_PORT: Final = 8502
LOOPBACK_NAMES: Final = frozenset({"localhost"})


def add_edit_command(commands: Any) -> None:
    """Register ``edit`` on the ``corridors`` parser."""
    edit = commands.add_parser(
        "edit",
        help="start the draft editor (this machine only by default)",
        description="Start the draft editor: paste a news article, review the proposed "
        "event, save it as a draft or publish it into the catalogue. It listens on "
        "127.0.0.1 and has no sign-in of its own (README: put it behind your own). Further "
        "`streamlit run` options go after `--`.",
    )
    edit.add_argument("--port", type=int, default=DEFAULT_PORT, help="TCP port (default: 8502)")
    edit.add_argument(
        "--address",
        default="127.0.0.1",
        help="interface to listen on (default: 127.0.0.1; any other prints a warning)",
    )
    edit.add_argument(
        "--allowed-host",
        dest="allowed_hosts",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name the editor is reached by behind a proxy (repeatable; replaces "
        "the default: localhost and 127.0.0.1)",
    )
    edit.add_argument("streamlit_options", nargs="*", help=argparse.SUPPRESS)
    edit.set_defaults(run=_edit, allowed_origins=[])


def is_loopback(address: str) -> bool:
    """Whether ``address`` is this machine only (``localhost``, 127.0.0.0/8, ``::1``)."""
    if address in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def _edit(args: argparse.Namespace, console: Console) -> int:
    from corridors.review.public import SHOW_DRAFTS_ENV  # (it imports the article ingest)

    if not is_loopback(args.address):
        console.print(
            Text(
                f"warning: the editor writes to the data directory and has no sign-in of its "
                f"own; on {args.address} anyone who can reach this address can change the "
                "catalogue. Keep it on 127.0.0.1 behind your own sign-in (README, "
                "'The draft editor').",
                style="bold yellow",
            )
        )
    environment = {key: value for key, value in os.environ.items() if key != SHOW_DRAFTS_ENV}
    if environment.get(DATA_DIR_ENV):
        environment[DATA_DIR_ENV] = str(Path(environment[DATA_DIR_ENV]).resolve())
    upload_mb = math.ceil(settings.max_article_file_bytes / 2**20)
    args.streamlit_options = [f"--server.maxUploadSize={upload_mb}", *args.streamlit_options]
    run_site(editor_script(), args, environment, console)
