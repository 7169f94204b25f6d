"""UI strings, names, dates and numbers per language; text direction.

The languages are the files in ``locales/``: adding one is data, not code.
"""

from corridors.i18n.translator import (
    Plural,
    Template,
    Translator,
    flatten,
    right_to_left,
    strings,
)

__all__ = ["Plural", "Template", "Translator", "flatten", "right_to_left", "strings"]
