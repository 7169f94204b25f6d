import datetime as dt
from collections.abc import Mapping

import pytest

from corridors.data.models import Precision
from corridors.i18n import Plural, Template, Translator, flatten, strings, translator

ISOLATE, POP = "\u2068", "\u2069"


def test_strings_fill_placeholders_with_the_numbers_plural_form() -> None:
    translate = Translator("en")
    assert translate("tooltip.events", count=1) == "1 event in range"
    assert translate("tooltip.events", count=3) == "3 events in range"
    assert translate("tooltip.events", count=0) == "0 events in range"
    assert translate("tooltip.events", count=1234) == "1,234 events in range"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "ما هو مُصفّى الآن: لا أحداث."),
        (1, "ما هو مُصفّى الآن: حدث واحد."),
        (2, "ما هو مُصفّى الآن: حدثان."),
        (3, f"ما هو مُصفّى الآن: {ISOLATE}3{POP} أحداث."),
        (11, f"ما هو مُصفّى الآن: {ISOLATE}11{POP} حدثًا."),
        (100, f"ما هو مُصفّى الآن: {ISOLATE}100{POP} حدث."),
    ],
    ids=["zero", "one", "two", "few", "many", "other"],
)
def test_arabic_takes_each_of_its_six_plural_forms(count: int, expected: str) -> None:
    assert Translator("ar")("export.help", count=count) == expected


def test_a_plural_string_refuses_a_count_that_is_not_a_number() -> None:
    with pytest.raises(TypeError, match=r"'export.help' needs a number for \{count\}, got '3'"):
        Translator("ar")("export.help", count="3")


def test_a_plural_mapping_is_told_apart_from_a_section() -> None:
    tree = {
        "section": {"key": "text", "{count}": "not plural: a section with two keys"},
        "plural": {"{count}": {"one": "{count} thing", "other": "{count} things"}},
        "single": {"key": {"one": "a section whose only key is not a placeholder"}},
    }
    flat: Mapping[str, Template] = flatten(tree)
    assert flat["section.key"] == "text"
    assert flat["plural"] == Plural("count", {"one": "{count} thing", "other": "{count} things"})
    assert flat["single.key.one"] == "a section whose only key is not a placeholder"


def test_a_missing_string_falls_back_to_english_with_english_plural_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    arabic = {key: text for key, text in strings("ar").items() if key != "tooltip.events"}
    english = strings("en")
    monkeypatch.setattr(translator, "strings", lambda lang: arabic if lang == "ar" else english)
    translate = Translator("ar")
    # 3 is "few" in Arabic, a form English does not have: English's rule picks "other"
    assert translate("tooltip.events", count=3) == f"{ISOLATE}3{POP} events in range"
    assert translate("events.heading") == "الأحداث"


def test_lists_join_with_each_languages_separator() -> None:
    assert Translator("en").join_list(["rail", "road"]) == "rail, road"
    assert Translator("ar").join_list(["سكة حديد", "طريق بري"]) == "سكة حديد، طريق بري"
    assert Translator("ar").join_list(["سكة حديد"]) == "سكة حديد"


def test_dates_to_their_precision() -> None:
    translate = Translator("en")
    day = dt.date(2025, 8, 8)
    assert translate.date(day) == "August 8, 2025"
    assert translate.date(day, Precision.MONTH) == "August 2025"
    assert translate.date(day, Precision.YEAR) == "2025"


def test_data_text_falls_back_to_english() -> None:
    assert Translator("en").text({"en": "Meghri", "ar": "ميغري"}) == "Meghri"
    assert Translator("ar").text({"en": "Meghri", "ar": "ميغري"}) == "ميغري"
    assert Translator("ar").text({"en": "Meghri"}) == "Meghri"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'xx'"):
        Translator("xx")


def test_every_kind_status_and_layer_has_a_string() -> None:
    from corridors.data.models import LAYERS, BoundaryKind, EventKind, Mode, PlaceKind, Status

    table = strings("en")
    keys = (
        [f"kinds.{k}" for k in EventKind]
        + [f"status.{s}" for s in Status]
        + [f"modes.{m}" for m in Mode]
        + [f"features.{k}" for k in (*BoundaryKind, *PlaceKind)]
        + [f"layers.{layer}" for layer in LAYERS]
    )
    assert [key for key in keys if key not in table] == []
