"""Raw records of a data file, for tests that break the data on purpose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

EditRecords = Callable[[Path, str, Callable[[list[dict[str, Any]]], None]], None]

#: Markup that runs if a page inserts it as HTML.
HOSTILE_HTML: Final = '<img src=x onerror="alert(1)">'
#: :data:`HOSTILE_HTML` escaped, as folium's JSON embeds it ("&" written as "\\u0026").
HOSTILE_HTML_IN_JSON: Final = (
    "\\u0026lt;img src=x onerror=\\u0026quot;alert(1)\\u0026quot;\\u0026gt;"
)


def record(records: list[dict[str, Any]], record_id: str) -> dict[str, Any]:
    """The record with ``record_id`` in a list of raw records."""
    return next(item for item in records if item["id"] == record_id)


def set_english(
    edit_records: EditRecords, data: Path, filename: str, record_id: str, field: str, text: str
) -> None:
    """Write ``text`` as the English ``field`` (a text in every language) of one record."""

    def change(records: list[dict[str, Any]]) -> None:
        record(records, record_id)[field]["en"] = text

    edit_records(data, filename, change)
