"""How precisely a source placed and dated an imported event, named; and the imported CSV.

The rows are real imports (ACLED and GDELT layouts through the importers, then read back
from the store), so the source's codes reach these functions as the app gets them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from corridors.data.catalog import Catalog
from corridors.data.export import BYTE_ORDER_MARK
from corridors.i18n import Translator
from corridors.reported.export import COLUMNS, reported_csv
from corridors.reported.precision import (
    PlacePrecision,
    days_to_add,
    is_imprecise,
    place_precision,
    precision_notes,
)
from corridors.reported.store import EventQuery, EventStore, ReportedEvent, open_store
from support.reported_stores import SCRIPT, fill_precision_store


@pytest.fixture(scope="module")
def store(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> EventStore:
    scratch = tmp_path_factory.mktemp("precision")
    return open_store(fill_precision_store(scratch / "imports", catalog, scratch))


@pytest.fixture(scope="module")
def events(store: EventStore) -> dict[str, ReportedEvent]:
    return {event.event_id: event for event in store.page(EventQuery(), limit=10)}


def test_the_store_counts_as_imprecise_the_rows_the_atlas_calls_imprecise(
    store: EventStore, events: dict[str, ReportedEvent]
) -> None:
    """The cells' SQL and the cards' Python say the same (one rule, two readers)."""
    counted = store.imprecise_by_cell(EventQuery(), 0)
    assert sum(counted.values()) == sum(map(is_imprecise, events.values())) == 2


def test_each_source_s_location_code_is_named(events: dict[str, ReportedEvent]) -> None:
    assert place_precision(events["PRE1"]) is PlacePrecision.REGIONAL_CENTRE  # ACLED 3
    assert place_precision(events["PRE2"]) is PlacePrecision.EXACT  # ACLED 1
    assert place_precision(events["1400000001"]) is PlacePrecision.COUNTRY  # GDELT 1
    assert place_precision(events["1400000002"]) is PlacePrecision.CITY  # GDELT 4


def test_imprecise_is_a_wide_place_or_a_date_known_to_a_week_or_longer(
    events: dict[str, ReportedEvent],
) -> None:
    assert events["PRE1"].precision == "week"
    assert {key for key, event in events.items() if is_imprecise(event)} == {"PRE1", "1400000001"}
    # ACLED 2 (near the place named) is not imprecise; GDELT 2 and 5 (ADM1) are
    assert not is_imprecise(replace(events["PRE2"], geo_precision=2))
    for code in (2, 5):
        assert is_imprecise(replace(events["1400000002"], geo_precision=code))


def test_gdelt_s_delay_is_counted_in_days(events: dict[str, ReportedEvent]) -> None:
    assert days_to_add(events["1400000001"]) == 3  # SQLDATE 5 Aug, DATEADDED 8 Aug
    assert days_to_add(events["1400000002"]) is None  # added the same day
    assert days_to_add(events["PRE1"]) is None  # ACLED does not say


def test_the_notes_are_in_both_languages(events: dict[str, ReportedEvent]) -> None:
    en, ar = Translator("en"), Translator("ar")
    assert precision_notes(events["1400000001"], en) == [
        "Location: the country only",
        "added by the source 3 days later (Aug 8, 2025)",
    ]
    place, added = precision_notes(events["1400000001"], ar)
    assert place == "الموقع: البلد فقط"
    assert added.startswith("أضافه المصدر بعد \u20683\u2069 أيام")
    assert precision_notes(events["PRE1"], ar) == ["الموقع: مركز إقليمي (المكان الدقيق غير معروف)"]


def test_the_imported_csv_carries_the_review_status_and_the_precisions(
    events: dict[str, ReportedEvent],
) -> None:
    text = reported_csv(sorted(events.values(), key=lambda event: event.event_id))
    assert text.startswith(BYTE_ORDER_MARK)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BYTE_ORDER_MARK))))
    assert tuple(rows[0]) == COLUMNS
    by_id = {row["event_id"]: row for row in rows}
    assert {row["review_status"] for row in rows} == {"imported"}
    picked = ("precision", "geo_precision", "place_precision", "imprecise", "days_to_add")
    assert [by_id["PRE1"][name] for name in picked] == ["week", "3", "regional-centre", "yes", ""]
    assert [by_id["1400000001"][name] for name in picked] == ["day", "1", "country", "yes", "3"]
    assert by_id["1400000001"]["date_added"] == "2025-08-08"
    assert [by_id["PRE2"][name] for name in picked] == ["day", "1", "exact", "no", ""]
    assert by_id["PRE1"]["location"] == f"{SCRIPT}Syunik"  # the text as imported, in a CSV


def test_imported_text_cannot_run_as_a_formula_but_numbers_stay_numbers(
    events: dict[str, ReportedEvent],
) -> None:
    hostile = replace(events["PRE2"], notes='=HYPERLINK("x")', longitude=-46.5, latitude=-1.0)
    row = next(csv.DictReader(io.StringIO(reported_csv([hostile]).removeprefix(BYTE_ORDER_MARK))))
    assert row["notes"] == '\'=HYPERLINK("x")'
    assert (row["latitude"], row["longitude"]) == ("-1.0", "-46.5")
