"""Fixtures of the app's tests: what the Export buttons hand to the browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import streamlit as st


@pytest.fixture
def file_names() -> dict[str, str]:
    """The file names the app last gave its download buttons, by their key (see downloads)."""
    return {}


@pytest.fixture
def downloads(
    monkeypatch: pytest.MonkeyPatch, file_names: dict[str, str]
) -> dict[str, Callable[[], str]]:
    """The data builders the app passes to its download buttons, by their key.

    The key without its ``export-`` prefix: ``csv``, ``geojson``, ``html`` for the events
    and the map, ``agreements-csv`` and ``agreements-json`` for the agreements.
    """
    builders: dict[str, Callable[[], str]] = {}
    original = st.download_button

    def recording(label: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        name = str(kwargs["key"]).removeprefix("export-")
        builders[name] = data
        file_names[name] = kwargs["file_name"]
        return bool(original(label, data, *args, **kwargs))

    monkeypatch.setattr(st, "download_button", recording)
    return builders
