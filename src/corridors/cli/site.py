"""Run one of the package's Streamlit scripts with the site's settings (``serve``, ``edit``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from rich.console import Console

from corridors.core.assets import site_dir
from corridors.core.datasets import data_dir
from corridors.core.environment import DATA_DIR_ENV, read


def run_site(
    script: Path, args: argparse.Namespace, environment: dict[str, str], console: Console
) -> NoReturn:
    """Replace this process with ``streamlit run script`` in the site's folder.

    Streamlit reads ``.streamlit/config.toml`` from its working directory, so every
    setting there holds for any script of the site. ``args`` holds ``port``, ``address``,
    ``allowed_origins``, ``allowed_hosts`` and further ``streamlit_options``.
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
