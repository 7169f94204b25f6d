"""Regions and the autonomous republic contain the places and districts the data puts in them."""

from __future__ import annotations

from corridors.data.catalog import Catalog
from corridors.data.containment import parts_of, wholes_of
from corridors.data.timeline import EventIndex


def test_nakhchivan_contains_its_districts_and_their_places(catalog: Catalog) -> None:
    parts = set(parts_of(catalog, "az-nx"))
    districts = {region.id for region in catalog.regions if region.country == "az-nx"}
    assert districts
    assert districts <= parts
    for place in catalog.places:
        inside = place.country == "az-nx" or place.region in districts
        assert (place.id in parts) == inside, place.id
    assert {"julfa", "ordubad", "nakhchivan", "az-cul"} <= parts


def test_a_province_contains_its_places_and_a_country_is_not_unfolded(catalog: Catalog) -> None:
    assert set(parts_of(catalog, "am-su")) == {
        place.id for place in catalog.places if place.region == "am-su"
    }
    assert "meghri" in parts_of(catalog, "am-su")
    assert parts_of(catalog, "az") == ()
    assert parts_of(catalog, "meghri") == ()
    assert parts_of(catalog, "syunik-route") == ()


def test_a_place_lies_in_its_district_and_the_republic(catalog: Catalog) -> None:
    assert wholes_of(catalog, "julfa") == ("az-cul", "az-nx")
    assert wholes_of(catalog, "az-cul") == ("az-nx",)
    assert wholes_of(catalog, "meghri") == ("am-su",)
    assert wholes_of(catalog, "az-nx") == ()
    assert wholes_of(catalog, "baku") == ()


def test_the_republic_lists_the_events_of_what_is_inside_it(catalog: Catalog) -> None:
    template = catalog.events[0]
    julfa_only = template.model_copy(update={"id": "julfa-only", "features": ("julfa",)})
    syunik_only = template.model_copy(update={"id": "kapan-only", "features": ("kapan",)})
    index = EventIndex((*catalog.events, julfa_only, syunik_only))
    own = {event.id for event in index.events_of("az-nx")}
    combined = index.events_of_any(("az-nx", *parts_of(catalog, "az-nx")))
    combined_ids = [event.id for event in combined]
    assert set(combined_ids) == own | {"julfa-only"}
    assert len(combined_ids) == len(set(combined_ids))
    assert [(e.date, e.id) for e in combined] == sorted((e.date, e.id) for e in combined)
