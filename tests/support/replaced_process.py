"""What `corridors serve` or `corridors edit` would replace itself with (os.execve)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Exec:
    """The directory, command line and environment the process would have run with."""

    cwd: Path | None = None
    argv: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)


class ReplacedError(Exception):
    """Stands in for the process being replaced (os.execve never returns)."""
