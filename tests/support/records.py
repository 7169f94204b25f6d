"""Raw records of a data file, for tests that break the data on purpose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

EditRecords = Callable[[Path, str, Callable[[list[dict[str, Any]]], None]], None]


def record(records: list[dict[str, Any]], record_id: str) -> dict[str, Any]:
    """The record with ``record_id`` in a list of raw records."""
    return next(item for item in records if item["id"] == record_id)
