"""Event search: folded text (case, accents, Arabic spellings) over events and feature names."""

from __future__ import annotations

import pytest

from corridors.data.catalog import Catalog
from corridors.data.models import Event
from corridors.data.search import event_words, find_features, fold, search_events


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("نَخْجَوان", "نخجوان"),  # diacritics
        ("نخجـــوان", "نخجوان"),  # tatweel
        ("أرمينيا", "ارمينيا"),  # alef with hamza above
        ("إيران", "ايران"),  # alef with hamza below
        ("آراس", "اراس"),  # alef with madda
        ("ٱلطريق", "الطريق"),  # alef wasla
        ("مؤتمر", "موتمر"),  # waw with hamza
        ("هيئة", "هييه"),  # yaa with hamza, taa marbuta
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("ﻧﺨﺠﻮﺍﻥ", "نخجوان"),  # presentation forms
        ("Naxç\u0131van", "naxcivan"),  # accents, dotless i
        ("Horadiz\u2013Aghband", "horadiz aghband"),  # punctuation separates words
        ("  MEGHRI\n", "meghri"),
    ],
)
def test_fold_makes_variant_spellings_equal(written: str, searched: str) -> None:
    assert fold(written) == fold(searched) == searched


def test_an_event_is_found_by_the_names_of_its_features_in_any_language(
    catalog: Catalog,
) -> None:
    event = next(e for e in catalog.events if e.id == "tripp-route-agreed")
    words = event_words(catalog, event)
    # an alias of a linked region, and the Arabic name of a linked place
    assert fold("Zəngəzur") in words
    assert fold(catalog.feature("meghri").names["ar"]) in words


def ids(events: tuple[Event, ...] | list[Event]) -> list[str]:
    return [event.id for event in events]


def test_search_needs_every_word_and_keeps_the_order(catalog: Catalog) -> None:
    events = catalog.events
    assert search_events(catalog, events, "") == events
    assert search_events(catalog, events, "   ") == events
    found = ids(search_events(catalog, events, "meGHRI"))
    linked = [e.id for e in events if "meghri" in e.features]
    assert linked
    assert set(linked) <= set(found)
    assert all("meghri" in event_words(catalog, e) for e in events if e.id in found)
    assert found == [e.id for e in events if e.id in found]  # the order given
    both = ids(search_events(catalog, events, "Meghri Washington"))
    assert both
    assert set(both) < set(found)
    assert search_events(catalog, events, "Meghri qqqzzz") == ()


def test_arabic_spelling_variants_find_the_same_events(catalog: Catalog) -> None:
    events = catalog.events
    plain = search_events(catalog, events, "نخجوان")
    assert plain
    assert search_events(catalog, events, "نَخْجَـوان") == plain
    # the English name finds them too: every name of the linked features is searched
    assert set(ids(search_events(catalog, events, "Nakhchivan"))) >= set(ids(plain))


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Zangezur corridor", "syunik-route"),  # Baku's name for the route
        ("ممر زنغزور", "syunik-route"),
        ("ممر زنجزور", "syunik-route"),  # spellings of Arabic outlets, kept as data
        ("ممر زنغازور", "syunik-route"),
        ("TRIPP", "syunik-route"),
        ("طريق ترمب للسلام والازدهار الدولي", "syunik-route"),
        ("Meghri", "meghri"),
        ("Qafan", "kapan"),  # the Azerbaijani name of Kapan
        ("Xanadu", None),  # no name the data holds
        ("Syunik", "am-su"),
        ("سيونيك", "am-su"),
        ("وسيونيك", "am-su"),  # an attached prefix
        ("ناخيتشيفان", "az-nx"),  # the republic before the city of the same name
        ("ناختشيفان", "az-nx"),
        ("نخجوان", "az-nx"),
        ("أكاراك", "agarak"),
        ("ماركارا", "margara"),
        ("syun", "am-su"),  # found as it is typed
    ],
)
def test_features_are_found_by_any_name_they_go_by(
    catalog: Catalog, query: str, first: str | None
) -> None:
    found = find_features(catalog, query)
    assert (found[0] if found else None) == first


def test_a_whole_name_comes_before_names_that_hold_it(catalog: Catalog) -> None:
    found = find_features(catalog, "Nakhchivan")
    assert found[:2] == ("az-nx", "nakhchivan")  # both are called exactly that
    assert "kars-igdir-nakhchivan-railway" in found[2:]
    assert find_features(catalog, "   ") == ()
    assert find_features(catalog, "xyzzy") == ()
