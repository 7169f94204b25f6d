"""UI strings, names, dates and numbers per language; text direction."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final

import yaml
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent

from corridors.core import settings
from corridors.core.assets import locales
from corridors.core.languages import DEFAULT_LANGUAGE, available_languages
from corridors.data.models import Precision

#: Unicode first-strong isolate and pop: a name, id or number inside a sentence keeps its
#: own direction and does not reorder the words around it.
_ISOLATE: Final = "\u2068{}\u2069"

#: A placeholder as a locale file writes it, e.g. ``{count}``.
_PLACEHOLDER: Final = re.compile(r"^\{([a-z_]+)\}$")


@dataclass(frozen=True, slots=True)
class Plural:
    """A UI string whose wording depends on a number.

    In a locale file it is written as a mapping with one key, the placeholder that holds
    the number (``"{count}"``), whose value maps each CLDR plural category of the language
    (``zero``, ``one``, ``two``, ``few``, ``many``, ``other``) to its text.
    """

    variable: str
    forms: Mapping[str, str]


#: A UI string: plain text, or the texts of a number's plural forms.
Template = str | Plural


@cache
def _strings(lang: str) -> Mapping[str, Any]:
    text = locales().joinpath(f"{lang}.yaml").read_text("utf-8")
    loaded: Mapping[str, Any] = yaml.safe_load(text)
    return loaded


def _plural(value: Mapping[str, Any]) -> Plural | None:
    """The plural forms a mapping holds, or ``None`` when it is a section of keys."""
    if len(value) != 1:
        return None
    ((key, forms),) = value.items()
    match = _PLACEHOLDER.match(str(key))
    if match is None or not isinstance(forms, Mapping):
        return None
    return Plural(match.group(1), {str(category): str(text) for category, text in forms.items()})


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Template]:
    """Nested string tables as ``{"section.key": template}``."""
    flat: dict[str, Template] = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            plural = _plural(value)
            if plural is None:
                flat.update(flatten(value, f"{path}."))
            else:
                flat[path] = plural
        else:
            flat[path] = str(value)
    return flat


@cache
def strings(lang: str) -> Mapping[str, Template]:
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
        return right_to_left(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        """The UI string ``key`` with ``{name}`` placeholders filled in (isolated when RTL).

        Numbers are written with this language's digits and separators; a plural string
        takes the form that its number's CLDR plural category calls for.
        """
        template, locale = self._template(key)
        if isinstance(template, Plural):
            template = template.forms[locale.plural_form(_number_for(key, template, values))]
        if not values:
            return template
        shown = {name: self._show(value) for name, value in values.items()}
        if self.rtl:
            shown = {name: _ISOLATE.format(value) for name, value in shown.items()}
        return template.format(**shown)

    def _template(self, key: str) -> tuple[Template, Locale]:
        """The string of ``key`` in this language, or in English where it has none."""
        own = self._strings.get(key)
        if own:
            return own, self.locale
        return self._fallback[key], Locale.parse(DEFAULT_LANGUAGE)

    def _show(self, value: object) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self.number(value)
        return str(value)

    def join_list(self, items: Iterable[str]) -> str:
        """Items as a list in running text, with this language's separator (``، `` in Arabic)."""
        return self("lists.separator").join(items)

    def language_name(self, lang: str) -> str:
        """A language's name in that language (as a language menu shows it)."""
        return str(Locale.parse(lang).get_display_name(lang))

    def name_of(self, lang: str) -> str:
        """A language's name in this language (``ar`` is "Arabic" in English), from CLDR."""
        return str(Locale.parse(lang).get_display_name(self.lang))

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

    def short_date(self, day: dt.date) -> str:
        """A day with its month abbreviated, as a row of a list shows it (``Aug 8, 2025``)."""
        return format_date(day, format="medium", locale=self.locale)

    def number(self, value: float) -> str:
        """A number with this language's digits and separators."""
        return _decimal(value, self.locale)

    def percent(self, share: float) -> str:
        """A share (0 to 1) as a whole percentage, as this language writes one."""
        return format_percent(share, locale=self.locale)


@lru_cache(maxsize=settings.cached_numbers)
def _decimal(value: float, locale: Locale) -> str:
    """``value`` as ``locale`` writes numbers (formatting is slow: each is kept)."""
    return format_decimal(value, locale=locale)


def right_to_left(lang: str) -> bool:
    """Whether ``lang`` is written right to left (CLDR's character order)."""
    return bool(Locale.parse(lang).character_order == "right-to-left")


def _number_for(key: str, plural: Plural, values: Mapping[str, object]) -> float:
    """The number that picks a plural string's form; a clear error when it is not given."""
    value = values.get(plural.variable)
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(
            f"UI string {key!r} needs a number for {{{plural.variable}}}, got {value!r}"
        )
    return value
