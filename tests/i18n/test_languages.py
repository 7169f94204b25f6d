"""Arabic is first-class: every string and every record has it, and it reads right to left."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from babel import Locale

from corridors.core.languages import available_languages
from corridors.data.catalog import Catalog
from corridors.i18n import Plural, Template, Translator, strings
from support.app import open_app

ISOLATE, POP = "\u2068", "\u2069"


def test_arabic_is_available() -> None:
    assert available_languages() == ("en", "ar")


@pytest.mark.parametrize("lang", available_languages())
def test_every_ui_string_exists_in_every_language(lang: str) -> None:
    english = strings("en")
    translated = strings(lang)
    assert sorted(set(english) - set(translated)) == []
    assert sorted(set(translated) - set(english)) == []
    assert all(text.strip() for template in translated.values() for text in _texts(template))
    for key, template in english.items():  # the same placeholders
        assert _placeholders(template) == _placeholders(translated[key]), key


def _texts(template: Template) -> list[str]:
    return list(template.forms.values()) if isinstance(template, Plural) else [template]


def _placeholders(template: Template) -> set[str]:
    """Every placeholder of a string; of a plural string, those of any of its forms."""
    names = {
        name
        for text in _texts(template)
        for _, name, _, _ in string.Formatter().parse(text)
        if name
    }
    return names | ({template.variable} if isinstance(template, Plural) else set())


@pytest.mark.parametrize("lang", available_languages())
def test_every_ui_string_with_a_count_has_the_languages_plural_forms(lang: str) -> None:
    categories = Locale.parse(lang).plural_form.tags | {"other"}
    not_plural = [key for key, t in strings(lang).items() if "count" in _placeholders(t)]
    not_plural = [
        key
        for key in not_plural
        if not (
            isinstance(template := strings(lang)[key], Plural)
            and template.variable == "count"
            and set(template.forms) == categories
        )
    ]
    assert not_plural == []


@pytest.mark.parametrize("lang", available_languages())
def test_every_record_has_text_in_every_language(catalog: Catalog, lang: str) -> None:
    missing = [f.id for f in catalog.features() if not f.names.get(lang)]
    for event in catalog.events:
        texts = [event.title, event.summary, *event.actors]
        if event.note is not None:
            texts.append(event.note)
        missing += [event.id for text in texts if not text.get(lang)]
    for story in catalog.stories:
        texts = [story.title, story.summary]
        texts += [text for step in story.steps for text in (step.title, step.text)]
        missing += [story.id for text in texts if not text.get(lang)]
    assert missing == []


def test_arabic_dates_numbers_and_direction() -> None:
    arabic = Translator("ar")
    assert arabic.rtl
    assert not Translator("en").rtl
    assert arabic.date(dt.date(2025, 8, 8)) == "8 أغسطس 2025"
    assert arabic.d3_time_locale()["months"][7] == "أغسطس"


def test_values_inside_arabic_sentences_are_isolated() -> None:
    text = Translator("ar")("events.count", count=35, start="1992", end="2026")
    assert text == f"{ISOLATE}35{POP} حدثًا من {ISOLATE}1992{POP} إلى {ISOLATE}2026{POP}"
    assert Translator("en")("events.count", count=35, start="a", end="b") == "35 events from a to b"


def test_an_ignored_link_parameter_reads_as_one_isolated_pair_in_arabic() -> None:
    at = open_app(lang="ar", **{"from": "2025-99-01"})
    texts = [t.value for t in at.text]
    assert any(f"«{ISOLATE}from=2025-99-01{POP}»" in t for t in texts), texts


def test_every_place_named_in_arabic_is_named_by_its_primary_arabic_name(
    catalog: Catalog,
) -> None:
    """Where texts name a place, at least one spells it as the primary name does.

    The spelling may be the whole primary name or part of it (the crossing's name inside
    the name of the Dilucu border crossing); a place only ever written another way has the
    wrong primary name.
    """
    unused = []
    for place in catalog.places:
        spellings = [place.names["ar"], *(a for a in place.aliases if _is_arabic(a))]
        texts = [
            text["ar"]
            for event in catalog.events
            if place.id in event.features
            for text in (event.title, event.summary, event.note, *event.actors)
            if text is not None
        ]
        texts += [c.description["ar"] for c in catalog.corridors if place.id in c.path]
        used = [name for name in spellings if any(name in text for text in texts)]
        if used and not any(name in place.names["ar"] for name in used):
            unused.append(place.id)
    assert unused == []


def test_a_place_and_its_district_of_the_same_name_are_spelled_alike(catalog: Catalog) -> None:
    regions = {region.names["en"]: region.names["ar"] for region in catalog.regions}
    differ = [
        (place.id, place.names["ar"], regions[place.names["en"]])
        for place in catalog.places
        if place.names["en"] in regions and place.names["ar"] != regions[place.names["en"]]
    ]
    assert differ == []


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


def test_the_page_in_arabic() -> None:
    at = open_app(lang="ar", feature="syunik-route")
    assert at.title[0].value == "أطلس الممرات"
    assert at.sidebar.header[0].value == "التواريخ"
    html = " ".join(element.proto.body for element in at.get("html"))
    assert "direction: rtl" in html
    # the feature shows its Arabic name and every side's name for the route
    assert at.subheader[0].value.startswith("الطريق عبر سيونيك")
    captions = " ".join(caption.value for caption in at.caption)
    for name in ("ممر زنغزور", "مفترق طرق السلام", "طريق ترامب", "Zəngəzur dəhlizi", "Խաղաղության"):
        assert name in captions
    # event cards in Arabic
    markdown = " ".join(block.value for block in at.markdown)
    assert "الإعلان" in markdown or "إعلان" in markdown


def test_arabic_tooltips_list_a_corridors_modes_with_the_arabic_comma(catalog: Catalog) -> None:
    from corridors.data.timeline import catalogue_span
    from corridors.render.scene import SceneRequest, build_scene

    request = SceneRequest(dates=catalogue_span(catalog.events), lang="ar")
    route = next(f for f in build_scene(catalog, request).features if f.id == "syunik-route")
    assert "سكة حديد، طريق بري" in route.detail
    assert ", " not in route.detail


def test_arabic_event_cards_list_the_actors_with_the_arabic_comma() -> None:
    at = open_app(lang="ar", feature="az-zan")
    # each actor is a directional isolate (U+2068 ... U+2069) in the list
    captions = [caption.value.replace("\u2068", "").replace("\u2069", "") for caption in at.caption]
    assert any(
        "الأطراف: القوات المسلحة الأذربيجانية، إلهام علييف" in caption for caption in captions
    ), captions
