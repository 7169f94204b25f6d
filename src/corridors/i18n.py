"""UI strings, names, dates and numbers per language; text direction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, Final

import yaml
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from corridors.models import Precision

DEFAULT_LANGUAGE: Final = "en"


@cache
def available_languages() -> tuple[str, ...]:
    """The languages with a UI strings file, the default first."""
    files = resources.files("corridors").joinpath("locales").iterdir()
    found = sorted(item.name.removesuffix(".yaml") for item in files if item.name.endswith(".yaml"))
    return (DEFAULT_LANGUAGE, *(lang for lang in found if lang != DEFAULT_LANGUAGE))


@cache
def _strings(lang: str) -> Mapping[str, Any]:
    text = resources.files("corridors").joinpath("locales", f"{lang}.yaml").read_text("utf-8")
    loaded: Mapping[str, Any] = yaml.safe_load(text)
    return loaded


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Nested string tables as ``{"section.key": text}``."""
    flat: dict[str, str] = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{path}."))
        else:
            flat[path] = str(value)
    return flat


@cache
def strings(lang: str) -> Mapping[str, str]:
    """All UI strings of a language, by dotted key."""
    return flatten(_strings(lang))


class Translator:
    """Strings, localized data text, dates and numbers for one language."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        if lang not in available_languages():
            raise ValueError(f"no UI strings for language {lang!r}")
        self.lang = lang
        self._strings = strings(lang)
        self._fallback = strings(DEFAULT_LANGUAGE)
        self.locale = Locale.parse(lang)

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left."""
        return bool(self.locale.character_order == "right-to-left")

    def __call__(self, key: str, **values: object) -> str:
        """The UI string ``key`` with ``{name}`` placeholders filled in."""
        template = self._strings.get(key) or self._fallback[key]
        return template.format(**values) if values else template

    def text(self, localized: Mapping[str, str]) -> str:
        """A data text in this language, or in English where it has none."""
        return localized.get(self.lang) or localized[DEFAULT_LANGUAGE]

    def date(self, day: dt.date, precision: Precision = Precision.DAY) -> str:
        """A date as readers of this language write it, to the precision known."""
        if precision is Precision.YEAR:
            return format_skeleton("y", day, locale=self.locale)
        if precision is Precision.MONTH:
            return format_skeleton("yMMMM", day, locale=self.locale)
        return format_date(day, format="long", locale=self.locale)

    def number(self, value: float) -> str:
        """A number with this language's digits and separators."""
        return format_decimal(value, locale=self.locale)
