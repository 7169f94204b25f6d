"""Where the tests' own files are."""

from __future__ import annotations

from pathlib import Path
from typing import Final

TESTS: Final = Path(__file__).resolve().parents[1]
REPOSITORY: Final = TESTS.parent
FIXTURES: Final = TESTS / "fixtures"
