"""Likely duplicates: same date within a day and a shared feature, or a similar title."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridors.data.catalog import Catalog
from corridors.review.duplicates import likely_duplicates

BRIDGE = "aghband-kalaleh-bridge-completed"


def ids(record: dict[str, Any], catalog: Catalog) -> list[str]:
    return [duplicate.event.id for duplicate in likely_duplicates(record, catalog)]


def bridge(catalog: Catalog) -> Any:
    return next(event for event in catalog.events if event.id == BRIDGE)


def test_a_day_apart_with_a_shared_place_is_a_likely_duplicate(catalog: Catalog) -> None:
    event = bridge(catalog)
    later = event.date.toordinal() + 1
    record = {"date": dt.date.fromordinal(later).isoformat(), "features": ["aghband"]}
    found = likely_duplicates(record, catalog)
    assert [d.event.id for d in found] == [BRIDGE]
    assert found[0].reasons == ("date-and-features",)
    assert found[0].shared == ("aghband",)


def test_two_days_apart_or_only_a_country_in_common_is_not(catalog: Catalog) -> None:
    event = bridge(catalog)
    two_days = dt.date.fromordinal(event.date.toordinal() + 2).isoformat()
    assert BRIDGE not in ids({"date": two_days, "features": ["aghband"]}, catalog)
    same_day = event.date.isoformat()
    assert BRIDGE not in ids({"date": same_day, "features": ["az"]}, catalog)


def test_a_similar_title_in_either_language_whatever_the_date(catalog: Catalog) -> None:
    event = bridge(catalog)
    english = {"title": {"en": event.title["en"].replace("completed", "is completed")}}
    arabic = {"title": {"ar": event.title["ar"] + " اليوم"}}
    for record in (english, arabic):
        found = likely_duplicates(record, catalog)
        assert BRIDGE in [d.event.id for d in found]
        assert next(d for d in found if d.event.id == BRIDGE).reasons == ("title",)
    assert ids({"title": {"en": "Ferry service opens on the Caspian"}}, catalog) == []
