"""Ordinary Arabic words and short prefix readings do not name places without context."""

from __future__ import annotations

import pytest

from corridors.core.normalise import normalise_word, words
from corridors.data.catalog import Catalog
from corridors.data.search import feature_names
from corridors.ingest.evidence import Sentences
from corridors.ingest.homographs import in_context, ordinary_words
from corridors.ingest.matching import NameIndex
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text


def linked(catalog: Catalog, text: str) -> set[str]:
    return set(propose(article_from_text(text, name="case"), catalog).features)


@pytest.mark.parametrize(
    "text",
    [
        "القاهرة - وكالات: وصل قطار الوقود إلى أرمينيا.",  # «وكالات» agencies: وك + «الات»
        "باكو (وكالات) - عاين ممثلون القطاع المتوقف.",
        "ونقلت وكالات الأنباء أن آلات التفريغ جُهّزت.",  # «آلات» machines
        "لتقييم إمكانية مرور آليات البناء على القطاع.",  # «آليات» vehicles
    ],
)
def test_a_dateline_or_an_ordinary_word_does_not_link_alat(catalog: Catalog, text: str) -> None:
    assert "alat" not in linked(catalog, text)


def test_the_dateline_still_names_its_city(catalog: Catalog) -> None:
    assert "baku" in linked(catalog, "باكو (وكالات) - عاين ممثلون القطاع المتوقف.")


@pytest.mark.parametrize(
    "text",
    [
        "افتُتح الخط في ميناء ألات قرب العاصمة.",  # the port of Alat
        "وصل القطار إلى بلدة آلات مساء أمس.",
        "The line opened at the port of Alat.",  # English names are not Arabic words
    ],
)
def test_a_place_word_before_the_name_links_it(catalog: Catalog, text: str) -> None:
    assert "alat" in linked(catalog, text)


def test_a_short_prefix_reading_needs_another_feature_in_its_sentence() -> None:
    index = NameIndex()
    index.add("x", "كور")  # three letters
    index.add("am", "أرمينيا")
    alone, beside = "قال وكور شيئًا.", "وصل وكور إلى أرمينيا."
    for text, expected in ((alone, set()), (beside, {"x", "am"})):
        found = in_context(index.find(text), words(text), Sentences(text))
        assert {key for match in found for key in match.keys} == expected


def test_every_listed_homograph_is_a_name_of_its_feature(catalog: Catalog) -> None:
    names = {
        normalise_word(name)
        for feature in catalog.features()
        for name in feature_names(catalog, feature.id)
    }
    assert ordinary_words() <= names
