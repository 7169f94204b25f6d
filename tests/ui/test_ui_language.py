"""Everything the pages say goes through the Translator: texts, dates and numbers."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import streamlit as st

import corridors
from corridors.core.environment import DATA_DIR_ENV
from corridors.i18n import Translator, strings
from support.app import open_app

PACKAGE = Path(corridors.__file__).parent


def _imports_babel(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(a.name.startswith("babel") for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("babel"):
            return True
    return False


def test_only_i18n_formats_dates_and_numbers() -> None:
    outside = [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if "i18n" not in path.relative_to(PACKAGE).parts and _imports_babel(path)
    ]
    assert outside == []


def test_a_row_date_abbreviates_the_month() -> None:
    assert Translator("en").short_date(dt.date(2025, 8, 8)) == "Aug 8, 2025"


def test_the_loading_spinner_speaks_the_links_language(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    @contextmanager
    def spinner(text: str = "", **_: object) -> Iterator[None]:
        shown.append(text)
        yield

    monkeypatch.setattr(st, "spinner", spinner)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))  # a directory not read yet
    open_app(lang="ar")
    assert shown == [strings("ar")["app.loading"]]
    assert shown[0].startswith("جارٍ تحميل")
