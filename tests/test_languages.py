"""Arabic is first-class: every string and every record has it, and it reads right to left."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import open_app
from corridors.catalog import Catalog
from corridors.i18n import Translator, strings
from corridors.languages import available_languages

ISOLATE, POP = "\u2068", "\u2069"


def test_arabic_is_available() -> None:
    assert available_languages() == ("en", "ar")


@pytest.mark.parametrize("lang", available_languages())
def test_every_ui_string_exists_in_every_language(lang: str) -> None:
    english = strings("en")
    translated = strings(lang)
    assert sorted(set(english) - set(translated)) == []
    assert sorted(set(translated) - set(english)) == []
    assert all(text.strip() for text in translated.values())
    for key, text in english.items():  # the same placeholders
        assert sorted(_placeholders(text)) == sorted(_placeholders(translated[key])), key


def _placeholders(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


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
    text = Translator("ar")("events.count", count="35", start="1992", end="2026")
    assert f"{ISOLATE}35{POP}" in text
    assert ISOLATE not in Translator("en")("events.count", count="35", start="a", end="b")


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
