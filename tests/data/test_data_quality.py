"""Editorial rules the bundled data keeps: sources, links, languages, size."""

from __future__ import annotations

from corridors.core.datasets import data_dir
from corridors.data.catalog import Catalog
from corridors.data.models import EventKind, Status

EMPHASISED = ("az", "az-nx", "am", "syunik-route")
SEED_OUTCOMES = (
    "waiver",
    "section 907",
    "joint declaration",
    "initial",
    "minsk",
    "socar",
    "charter",
)


def test_bundled_geodata_is_under_one_megabyte() -> None:
    total = sum(path.stat().st_size for path in data_dir().rglob("*") if path.is_file())
    assert total < 1_000_000


def test_enough_places_corridors_and_events(catalog: Catalog) -> None:
    assert len(catalog.places) >= 25
    assert len(catalog.corridors) >= 5
    assert len(catalog.events) >= 30
    assert {event.kind for event in catalog.events} >= {
        EventKind.SUMMIT,
        EventKind.AGREEMENT,
        EventKind.DECLARATION,
        EventKind.EXECUTIVE_ACTION,
        EventKind.MEMORANDUM,
        EventKind.INFRASTRUCTURE,
        EventKind.CONFLICT,
    }


def test_every_emphasised_feature_has_events(catalog: Catalog) -> None:
    linked = {feature for event in catalog.events for feature in event.features}
    for feature_id in EMPHASISED:
        assert feature_id in linked, feature_id


def test_every_seed_outcome_is_in_the_catalogue(catalog: Catalog) -> None:
    summit = [e for e in catalog.events if e.date.isoformat() in ("2025-08-07", "2025-08-08")]
    text = " ".join(f"{e.title['en']} {e.summary['en']}".lower() for e in summit)
    for outcome in SEED_OUTCOMES:
        assert outcome in text, outcome
    seed_cited = [e for e in summit if any(s.language == "ar" and s.url is None for s in e.sources)]
    assert len(seed_cited) >= 6


def test_trilateral_statement_records_both_dates(catalog: Catalog) -> None:
    statement = [e for e in catalog.events if e.date.isoformat() == "2020-11-10"]
    assert statement
    assert any(e.note is not None and "9 November" in e.note["en"] for e in statement)


def test_route_through_syunik_gives_each_sides_name(catalog: Catalog) -> None:
    route = catalog.feature("syunik-route")
    names = " ".join(other.name["en"] for other in getattr(route, "other_names", ()))
    for name in ("Zangezur", "Trump Route", "Crossroads of Peace"):
        assert name in names


def test_corridor_status_follows_the_record(catalog: Catalog) -> None:
    import datetime as dt

    route = next(c for c in catalog.corridors if c.id == "syunik-route")
    assert route.status_on(dt.date(2019, 1, 1)) is None
    btk = next(c for c in catalog.corridors if c.id == "baku-tbilisi-kars-railway")
    assert btk.status_on(dt.date(2018, 1, 1)) is Status.OPERATING
    horadiz = next(c for c in catalog.corridors if c.id == "horadiz-aghband-railway")
    assert horadiz.status_on(dt.date(2024, 1, 1)) is Status.UNDER_CONSTRUCTION
