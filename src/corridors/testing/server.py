"""The app on a free loopback port, and the Chromium that browser tests and benchmarks drive.

Nothing here sleeps for a fixed time: the server is ready when ``/_stcore/health`` answers.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Final, NamedTuple

from corridors.core.environment import DATA_DIR_ENV, for_site

CHROMIUM: Final = Path("/usr/bin/chromium")
CHROMIUM_ARGS: Final = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_TIMEOUT: Final = 90.0  # s, first start on a cold machine imports geopandas & co.
#: The command line of the installed package, run by this interpreter.
CORRIDORS: Final = (sys.executable, "-m", "corridors")


class AppServer(NamedTuple):
    """A running app: its URL (ending in ``/``) and the server's process id."""

    url: str
    pid: int


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def app_server(
    log_path: Path,
    *,
    data_dir: Path | None = None,
    options: Sequence[str] = (),
    serve_options: Sequence[str] = (),
    corridors: Sequence[str] = CORRIDORS,
    cwd: Path | None = None,
) -> Iterator[AppServer]:
    """``corridors serve`` on a free loopback port, yielded once healthy.

    The app reads the bundled data, or ``data_dir`` when given (``CORRIDORS_DATA_DIR``);
    ``options`` are further ``streamlit run`` options (``--server.…=…``), ``serve_options``
    options of ``corridors serve`` (``--allowed-origin=…``). ``corridors`` is the command
    line to run (default: this interpreter's package), from the directory ``cwd`` (default:
    the current one). The server runs with the settings shipped with the app (``corridors
    serve`` applies them).
    """
    port = free_port()
    arguments = [
        *corridors,
        "serve",
        "--address=127.0.0.1",
        f"--port={port}",
        *serve_options,
        "--",
        "--server.fileWatcherType=none",
        *options,
    ]
    with _running(arguments, port, log_path, data_dir=data_dir, cwd=cwd) as server:
        yield server


@contextmanager
def editor_server(log_path: Path, *, data_dir: Path) -> Iterator[AppServer]:
    """``corridors edit`` (the draft editor) on a free loopback port, reading ``data_dir``."""
    port = free_port()
    arguments = [
        *CORRIDORS,
        "edit",
        "--address=127.0.0.1",
        f"--port={port}",
        "--",
        "--server.fileWatcherType=none",
    ]
    with _running(arguments, port, log_path, data_dir=data_dir, cwd=None) as server:
        yield server


@contextmanager
def _running(
    arguments: Sequence[str], port: int, log_path: Path, *, data_dir: Path | None, cwd: Path | None
) -> Iterator[AppServer]:
    """Run ``arguments`` until the block ends; yielded once ``/_stcore/health`` answers."""
    env = for_site(data=data_dir)
    if data_dir is None:  # the bundled data, whatever this process was given
        env.pop(DATA_DIR_ENV, None)
    with log_path.open("wb") as log:
        process = subprocess.Popen(arguments, cwd=cwd, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for_health(url, process, log_path)
        yield AppServer(url, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for_health(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    """Poll ``/_stcore/health`` until it answers 200; fail early if the server exits."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{url}_stcore/health", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"the app server at {url} was not healthy after {SERVER_START_TIMEOUT:.0f} s; "
                f"its log:\n{_tail(log_path)}"
            )
        try:  # the pause between polls doubles as the check that the server still runs
            process.wait(timeout=0.25)
        except subprocess.TimeoutExpired:
            continue
        raise RuntimeError(
            f"the app server exited with code {process.returncode}; its log:\n{_tail(log_path)}"
        )


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
