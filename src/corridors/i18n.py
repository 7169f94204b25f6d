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

from corridors.languages import DEFAULT_LANGUAGE, available_languages
from corridors.models import Precision

#: Unicode first-strong isolate and pop: a name, id or number inside a sentence keeps its
#: own direction and does not reorder the words around it.
_ISOLATE: Final = "\u2068{}\u2069"


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
        """The UI string ``key`` with ``{name}`` placeholders filled in (isolated when RTL)."""
        template = self._strings.get(key) or self._fallback[key]
        if not values:
            return template
        if self.rtl:
            values = {name: _ISOLATE.format(value) for name, value in values.items()}
        return template.format(**values)

    def language_name(self, lang: str) -> str:
        """A language's name in that language (as a language menu shows it)."""
        return str(Locale.parse(lang).get_display_name(lang))

    def d3_time_locale(self) -> dict[str, Any]:
        """Month and day names for Vega-Lite charts (d3-time-format locale), from CLDR."""
        months = self.locale.months["format"]
        days = self.locale.days["format"]
        order = (6, 0, 1, 2, 3, 4, 5)  # d3 starts on Sunday, CLDR numbers Monday 0
        return {
            "dateTime": "%x %X",
            "date": "%Y-%m-%d",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": [days["wide"][day] for day in order],
            "shortDays": [days["abbreviated"][day] for day in order],
            "months": [months["wide"][month] for month in range(1, 13)],
            "shortMonths": [months["abbreviated"][month] for month in range(1, 13)],
        }

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
