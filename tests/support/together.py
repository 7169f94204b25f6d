"""Run ``corridors`` commands in processes that start their work at the same moment."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: Imports the command line, says it is ready, waits for the start, then runs the command.
_GATED = """
import sys, time
from pathlib import Path
from corridors.cli.main import main
ready, start = Path(sys.argv[1]), Path(sys.argv[2])
ready.touch()
while not start.exists():
    time.sleep(0.002)
sys.exit(main(sys.argv[3:]))
"""


@dataclass(frozen=True)
class Finished:
    """A command's exit status and everything it printed."""

    status: int
    output: str


def run_together(
    commands: Sequence[Sequence[str]], folder: Path, env: dict[str, str], timeout: float = 90
) -> list[Finished]:
    """Run each of ``commands`` (``corridors`` arguments) in its own process, started at once.

    Each process loads the package first; only when all are loaded are they let go, so the
    commands themselves overlap, whatever the start-up time of each process.
    """
    start = folder / "start"
    readies = [folder / f"ready-{index}" for index in range(len(commands))]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _GATED, str(ready), str(start), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        for ready, command in zip(readies, commands, strict=True)
    ]
    deadline = time.monotonic() + timeout
    while not all(ready.exists() for ready in readies) and time.monotonic() < deadline:
        time.sleep(0.01)
    start.touch()
    outputs = [process.communicate(timeout=timeout)[0] for process in processes]
    return [
        Finished(process.returncode, output)
        for process, output in zip(processes, outputs, strict=True)
    ]
