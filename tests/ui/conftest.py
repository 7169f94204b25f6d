"""Fixtures of the app's tests: what the Export buttons hand to the browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import streamlit as st


@pytest.fixture
def file_names() -> dict[str, str]:
    """The file names the app last gave its download buttons, by file extension."""
    return {}


@pytest.fixture
def downloads(
    monkeypatch: pytest.MonkeyPatch, file_names: dict[str, str]
) -> dict[str, Callable[[], str]]:
    """The data builders the app passes to its download buttons, by file extension."""
    builders: dict[str, Callable[[], str]] = {}
    original = st.download_button

    def recording(label: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        extension = kwargs["file_name"].rsplit(".", 1)[1]
        builders[extension] = data
        file_names[extension] = kwargs["file_name"]
        return bool(original(label, data, *args, **kwargs))

    monkeypatch.setattr(st, "download_button", recording)
    return builders
