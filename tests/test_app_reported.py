"""Reported (imported) events beside the map: sidebar section, listings, legend, timeline."""

from __future__ import annotations

import json

import pytest

from conftest import open_app
from page_outline import VIEWS, golden_path, outline


@pytest.mark.parametrize("view", list(VIEWS))
def test_with_no_imports_the_page_is_exactly_as_before(view: str) -> None:
    """Same elements, keys and messages as the app before reported events were shown."""
    expected = json.loads(golden_path(view).read_text(encoding="utf-8"))
    assert outline(open_app(**VIEWS[view])) == expected
