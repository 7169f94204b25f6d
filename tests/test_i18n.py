import datetime as dt

import pytest

from corridors.i18n import Translator, strings
from corridors.languages import available_languages
from corridors.models import Precision


def test_english_is_the_default_language() -> None:
    assert available_languages()[0] == "en"


def test_strings_fill_placeholders() -> None:
    translate = Translator("en")
    assert translate("tooltip.events", count="3") == "3 event(s) in range"


def test_dates_to_their_precision() -> None:
    translate = Translator("en")
    day = dt.date(2025, 8, 8)
    assert "2025" in translate.date(day)
    assert "8" in translate.date(day)
    assert translate.date(day, Precision.MONTH) == "August 2025"
    assert translate.date(day, Precision.YEAR) == "2025"


def test_data_text_falls_back_to_english() -> None:
    translate = Translator("en")
    assert translate.text({"en": "Meghri", "ar": "ميغري"}) == "Meghri"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'xx'"):
        Translator("xx")


def test_every_kind_status_and_layer_has_a_string() -> None:
    from corridors.models import LAYERS, BoundaryKind, EventKind, Mode, PlaceKind, Status

    table = strings("en")
    keys = (
        [f"kinds.{k}" for k in EventKind]
        + [f"status.{s}" for s in Status]
        + [f"modes.{m}" for m in Mode]
        + [f"features.{k}" for k in (*BoundaryKind, *PlaceKind)]
        + [f"layers.{layer}" for layer in LAYERS]
    )
    assert [key for key in keys if key not in table] == []
