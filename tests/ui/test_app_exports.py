"""The app's downloads: what the Export buttons hand to the browser."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
import streamlit as st

from corridors.core.languages import available_languages
from support.app import open_app


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], str]]:
    """The data builders the app passes to its download buttons, by file extension."""
    builders: dict[str, Callable[[], str]] = {}
    original = st.download_button

    def recording(label: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        builders[kwargs["file_name"].rsplit(".", 1)[1]] = data
        return bool(original(label, data, *args, **kwargs))

    monkeypatch.setattr(st, "download_button", recording)
    return builders


def test_the_csv_download_has_a_byte_order_mark_and_a_column_per_language(
    downloads: dict[str, Callable[[], str]],
) -> None:
    open_app(**{"from": "2025-08-07", "to": "2025-08-08"})
    data = downloads["csv"]().encode("utf-8")  # as Streamlit sends a str
    assert data.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [c for c in header if c.startswith("title_")] == [
        f"title_{lang}" for lang in available_languages()
    ]


def test_the_map_download_is_the_same_bytes_for_the_same_view(
    downloads: dict[str, Callable[[], str]],
) -> None:
    at = open_app(**{"from": "2025-08-07", "to": "2025-08-08", "lang": "ar"})
    first, second = downloads["html"](), downloads["html"]()
    assert first == second
    at.selectbox(key="preset").set_value("everything").run()
    assert downloads["html"]() != first  # another view, another file
