"""Run one of the package's Streamlit scripts with the site's settings (``serve``, ``edit``).

Options after ``--`` go to ``streamlit run`` as they are, except those that set what the
command has an option of its own for (:data:`OWN_OPTIONS`): Streamlit takes the last value
given, so ``--server.address=X`` would silently replace ``--address`` and skip what the
command does with it (``edit`` warns when it is not loopback). Such an option is refused
rather than warned about: the command's own option already sets it, with its checks, and
one way to set a thing leaves no doubt about which value is served.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Final, NoReturn

from rich.console import Console
from rich.text import Text

from corridors.core.assets import site_dir
from corridors.core.datasets import data_dir
from corridors.core.environment import DATA_DIR_ENV, read

#: Streamlit settings a command sets from its own option (setting -> option).
OWN_OPTIONS: Final = {
    "server.address": "--address",
    "server.port": "--port",
    "server.allowedHosts": "--allowed-host",
    "client.allowedOrigins": "--allowed-origin",
}


def refuse_overrides(options: list[str], console: Console) -> bool:
    """Print an error and return ``True`` if ``options`` set one of :data:`OWN_OPTIONS`."""
    for option in options:
        setting = option.removeprefix("--").split("=", 1)[0]
        if option.startswith("--") and setting in OWN_OPTIONS:
            console.print(
                Text("error:", style="bold red"),
                Text(
                    f"--{setting} is set by the command's {OWN_OPTIONS[setting]} option; "
                    f"use {OWN_OPTIONS[setting]} instead"
                ),
            )
            return True
    return False


def run_site(
    script: Path, args: argparse.Namespace, environment: dict[str, str], console: Console
) -> NoReturn:
    """Replace this process with ``streamlit run script`` in the site's folder.

    Streamlit reads ``.streamlit/config.toml`` from its working directory, so every
    setting there holds for any script of the site. ``args`` holds ``port``, ``address``,
    ``allowed_origins``, ``allowed_hosts`` and further ``streamlit_options`` (checked with
    :func:`refuse_overrides` first).
    """
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        f"--server.port={args.port}",
        f"--server.address={args.address}",
        *(f"--client.allowedOrigins={origin}" for origin in args.allowed_origins),
        *(f"--server.allowedHosts={host}" for host in args.allowed_hosts),
        *args.streamlit_options,
    ]
    data = data_dir(read(DATA_DIR_ENV, environment))
    console.print(f"Corridor Atlas: data from {data}", markup=False, highlight=False)
    sys.stdout.flush()
    os.chdir(site_dir())
    os.execve(sys.executable, command, environment)  # noqa: S606 (a fixed program, no shell)
