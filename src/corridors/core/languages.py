"""Which languages the atlas speaks: one UI strings file per language in ``i18n/locales/``."""

from __future__ import annotations

from functools import cache
from typing import Final

from corridors.core.assets import locales

DEFAULT_LANGUAGE: Final = "en"


@cache
def available_languages() -> tuple[str, ...]:
    """The languages with a UI strings file, the default first.

    Every text in the data must exist in each of them: adding a language means
    adding ``locales/<code>.yaml`` and the data's texts, not code.
    """
    files = locales().iterdir()
    found = sorted(item.name.removesuffix(".yaml") for item in files if item.name.endswith(".yaml"))
    return (DEFAULT_LANGUAGE, *(lang for lang in found if lang != DEFAULT_LANGUAGE))
