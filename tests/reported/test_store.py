"""The event store's queries, checked against the same rows filtered in plain Python."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path

import h3
import pytest

from corridors.core import settings
from corridors.geo.cells import cell_name, cell_resolution, parse_cell
from corridors.reported.store import EVENT_SCHEMA, EventQuery, EventStore, open_store
from support.store_rows import add, rows


@pytest.fixture
def filled(tmp_path: Path) -> tuple[EventStore, list[dict[str, object]]]:
    store = open_store(tmp_path)
    acled, gdelt = rows("acled", 700), rows("gdelt", 500)
    assert add(store, "acled", "/data/a.csv", acled[:400]) == 400
    assert add(store, "acled", "/data/b.csv", acled[300:]) == 300  # 100 already stored
    assert add(store, "gdelt", "/data/g.csv", gdelt) == 500
    return store, acled + gdelt


QUERIES = [
    EventQuery(),
    EventQuery(start=dt.date(2024, 3, 1), end=dt.date(2024, 6, 30)),
    EventQuery(kinds=frozenset({"unrest", "cooperation"})),
    EventQuery(kinds=frozenset()),
    EventQuery(sources=frozenset({"gdelt"})),
    EventQuery(feature="am-su", start=dt.date(2024, 12, 1)),
    EventQuery(feature="syunik-route", kinds=frozenset({"conflict"}), sources=frozenset({"acled"})),
    EventQuery(cell=parse_cell(h3.latlng_to_cell(39.5, 46.0, 5))),
    EventQuery(cell=parse_cell(h3.latlng_to_cell(39.3, 46.4, 7)), kinds=frozenset({"unrest"})),
    EventQuery(bounds=(45.5, 39.0, 46.5, 40.0), start=dt.date(2024, 5, 1)),
]


def query_id(query: EventQuery) -> str:
    """The query's restrictions, sets sorted: the same id in every process (test workers)."""
    parts = []
    for field in dataclasses.fields(query):
        value = getattr(query, field.name)
        if value is None:
            continue
        shown = sorted(value) if isinstance(value, frozenset) else value
        parts.append(f"{field.name}={shown}")
    return ",".join(parts) or "all"


def matches(row: dict[str, object], query: EventQuery) -> bool:
    date = row["date"]
    assert isinstance(date, dt.date)
    features = row["features"]
    assert isinstance(features, list)
    return (
        (query.start is None or date >= query.start)
        and (query.end is None or date <= query.end)
        and (query.kinds is None or row["kind"] in query.kinds)
        and (query.sources is None or row["source"] in query.sources)
        and (query.feature is None or query.feature in features)
        and (query.cell is None or in_cell(row, query.cell))
        and (query.bounds is None or in_bounds(row, query.bounds))
    )


def h3_cell(row: dict[str, object], resolution: int) -> str:
    """H3's own answer: the parent at ``resolution`` of the stored-resolution cell of the row.

    (H3 cells do not nest exactly: near an edge, a point's coarse cell can differ from the
    parent of its fine cell. The store groups by parent, as H3 aggregation does.)
    """
    fine = h3.latlng_to_cell(row["latitude"], row["longitude"], settings.stored_cell_resolution)
    return str(h3.cell_to_parent(fine, resolution))


def in_cell(row: dict[str, object], cell: int) -> bool:
    return h3_cell(row, cell_resolution(cell)) == cell_name(cell)


def in_bounds(row: dict[str, object], bounds: tuple[float, float, float, float]) -> bool:
    west, south, east, north = bounds
    return west <= row["longitude"] <= east and south <= row["latitude"] <= north  # type: ignore[operator]


@pytest.mark.parametrize("query", QUERIES, ids=query_id)
def test_counts_agree_with_the_rows_filtered_in_python(filled, query):
    store, every = filled
    expected = [row for row in every if matches(row, query)]
    assert store.count(query) == len(expected)
    by_source: dict[str, int] = {}
    by_feature: dict[str, int] = {}
    for row in expected:
        by_source[str(row["source"])] = by_source.get(str(row["source"]), 0) + 1
        for feature in row["features"]:  # type: ignore[attr-defined]
            by_feature[feature] = by_feature.get(feature, 0) + 1
    assert store.counts_by_source(query) == by_source
    assert store.counts_by_feature(query) == by_feature


@pytest.mark.parametrize("resolution", [3, 5, 7, 9])
@pytest.mark.parametrize("query", QUERIES[:3], ids=query_id)
def test_counts_by_cell_are_h3_parents_and_add_up(filled, query, resolution):
    store, every = filled
    expected: dict[str, int] = {}
    for row in every:
        if matches(row, query):
            cell = h3_cell(row, resolution)
            expected[cell] = expected.get(cell, 0) + 1
    counted = store.counts_by_cell(query, resolution)
    assert {cell_name(cell): count for cell, count in counted.items()} == expected
    assert sum(counted.values()) == store.count(query)


@pytest.mark.parametrize("period", ["week", "month"])
def test_counts_by_period_start_on_mondays_or_the_first(filled, period):
    store, every = filled
    query = QUERIES[1]
    expected: dict[dt.date, int] = {}
    for row in every:
        if matches(row, query):
            day = row["date"]
            assert isinstance(day, dt.date)
            start = (
                day - dt.timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)
            )
            expected[start] = expected.get(start, 0) + 1
    assert store.counts_by_period(query, period) == sorted(expected.items())


def test_counts_by_period_refuse_other_periods(filled):
    store, _ = filled
    with pytest.raises(ValueError, match="day"):
        store.counts_by_period(EventQuery(), "day")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8928308280fffff", True),  # resolution 9, the stored one
        ("85283473fffffff", True),
        ("8a2a1072b59ffff", False),  # resolution 10, finer than what is stored
        ("not-a-cell", False),
        ("", False),
        ("ffffffffffffffff", False),
        ("-1", False),  # h3 raises OverflowError for these: a link must not crash the page
        ("9" * 30, False),
        ("1" * 40, False),
        ("0x85283473fffffff", False),  # h3 reads these too, as the same cell: not the link's form
        (" 85283473fffffff", False),
        ("85283473fffffff\n", False),
        ("85283473FFFFFFF", False),
        ("85_283473fffffff", False),
    ],
)
def test_only_valid_cells_no_finer_than_stored_are_parsed(text, expected):
    parsed = parse_cell(text)
    assert (parsed is not None) is expected
    if expected:
        assert parsed is not None
        assert cell_name(parsed) == text


@pytest.mark.parametrize("query", QUERIES, ids=query_id)
def test_pages_list_the_matching_events_newest_first(filled, query):
    store, every = filled
    expected = sorted(
        (row for row in every if matches(row, query)),
        key=lambda row: (-row["date"].toordinal(), row["source"], row["event_id"]),  # type: ignore[attr-defined]
    )
    pages = [store.page(query, offset=offset, limit=97) for offset in range(0, 1300, 97)]
    listed = list(itertools.chain.from_iterable(pages))
    assert [event.event_id for event in listed] == [row["event_id"] for row in expected]
    assert store.page(query, offset=5_000) == []


def test_a_listed_event_carries_every_column_as_stored(filled):
    store, every = filled
    (event,) = [e for e in store.page(EventQuery(), limit=2000) if e.event_id == "acled-7"]
    row = next(row for row in every if row["event_id"] == "acled-7")
    for name in EVENT_SCHEMA.names:
        if name == "deleted":  # a listed event is never a tombstone
            continue
        value = getattr(event, name)
        assert (list(value) if name == "features" else value) == row[name], name


def test_imports_list_each_file_with_its_rows_and_dates(filled):
    store, _ = filled
    records = store.imports()
    assert [(r.source, r.file, r.rows) for r in records] == [
        ("acled", "/data/a.csv", 400),
        ("acled", "/data/b.csv", 300),
        ("gdelt", "/data/g.csv", 500),
    ]
    assert (records[0].first, records[0].last) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 1, 1) + dt.timedelta(days=399),
    )
    assert all(r.imported_at.tzinfo is not None for r in records)


def test_remove_a_file_then_a_source(filled):
    store, _ = filled
    removed = store.remove("b.csv")
    assert [(r.source, r.file) for r in removed] == [("acled", "/data/b.csv")]
    assert store.counts_by_source(EventQuery()) == {"acled": 400, "gdelt": 500}
    assert store.sources() == ["acled", "gdelt"]
    assert [r.file for r in store.remove("gdelt")] == ["/data/g.csv"]
    assert store.counts_by_source(EventQuery()) == {"acled": 400}
    assert store.sources() == ["acled"]
    assert store.remove("nothing.csv") == []


def test_an_empty_store_answers_every_query(tmp_path):
    store = open_store(tmp_path / "never-written")
    assert store.imports() == []
    assert store.sources() == []
    assert store.count(EventQuery()) == 0
    assert store.counts_by_source(EventQuery()) == {}
    assert store.counts_by_feature(EventQuery()) == {}
    assert store.counts_by_cell(EventQuery(), 5) == {}
    assert store.counts_by_period(EventQuery(), "month") == []
    assert store.page(EventQuery()) == []


def test_a_batch_adding_nothing_writes_no_file(tmp_path):
    store = open_store(tmp_path)
    add(store, "acled", "/data/a.csv", rows("acled", 10))
    assert add(store, "acled", "/data/a.csv", rows("acled", 10)) == 0
    assert len(store.imports()) == 1
    assert add(store, "gdelt", "/data/g.csv", []) == 0
    assert store.sources() == ["acled"]  # an import that added nothing leaves no source
    assert sorted(p.name.endswith(".parquet") for p in (tmp_path / "acled").iterdir()) == [True]


def test_queries_never_fetch_a_duckdb_extension(filled):
    store, _ = filled
    store.count(EventQuery(feature="am"))
    connection = store._connection  # type: ignore[attr-defined]
    settings_rows = connection.execute(
        "SELECT name, value FROM duckdb_settings() WHERE name LIKE 'auto%_known_extensions'"
    ).fetchall()
    assert dict(settings_rows) == {
        "autoinstall_known_extensions": "false",
        "autoload_known_extensions": "false",
    }
    installed = connection.execute(
        "SELECT extension_name FROM duckdb_extensions() "
        "WHERE installed AND install_mode != 'STATICALLY_LINKED'"
    ).fetchall()
    assert installed == []
