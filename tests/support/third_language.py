"""A third language added as data only: a copy of the locale files and of the data directory.

:func:`add_language` copies ``locales/`` with ``<code>.yaml`` made from ``en.yaml``, and
points the package at the copy; :func:`data_in` copies a data directory and gives every
localized text (a mapping with an English text) the new language, made from the English.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from corridors.core import assets, languages
from corridors.i18n import translator


def clear_caches() -> None:
    """Forget the languages and strings read (call again once the test is over)."""
    languages.available_languages.cache_clear()
    translator.strings.cache_clear()
    translator._strings.cache_clear()


def add_language(code: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``code`` a language of the atlas for this test: its UI strings are the English."""
    shutil.copytree(Path(str(assets.locales())), folder)
    shutil.copyfile(folder / "en.yaml", folder / f"{code}.yaml")
    for module in (assets, languages, translator):
        monkeypatch.setattr(module, "locales", lambda: folder)
    clear_caches()


def _localized(value: Any, code: str) -> Any:
    """``value`` with ``code`` beside ``en`` in every mapping of texts."""
    if isinstance(value, dict):
        value = {key: _localized(item, code) for key, item in value.items()}
        if isinstance(value.get("en"), str) and isinstance(value.get("ar"), str):
            value[code] = value["en"]
        return value
    if isinstance(value, list):
        return [_localized(item, code) for item in value]
    return value


def data_in(code: str, source: Path, target: Path) -> Path:
    """A copy of the data directory ``source`` whose texts all have ``code`` too."""
    shutil.copytree(source, target)
    for path in sorted(target.rglob("*")):
        if path.suffix == ".yaml":
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            text = yaml.safe_dump(_localized(data, code), allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")
        elif path.suffix == ".geojson":
            data = json.loads(path.read_text(encoding="utf-8"))
            path.write_text(json.dumps(_localized(data, code), ensure_ascii=False), "utf-8")
    return target
