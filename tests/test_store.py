"""The event store's queries, checked against the same rows filtered in plain Python."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pyarrow as pa
import pytest

from corridors.store import EVENT_SCHEMA, EventQuery, EventStore, open_store

KINDS = ("conflict", "unrest", "cooperation")
FEATURES = (["am", "am-su"], ["az-nx"], [], ["am", "am-su", "syunik-route"])


def rows(source: str, count: int, *, offset: int = 0) -> list[dict[str, object]]:
    """``count`` rows with dates, kinds and links in repeating patterns."""
    made = []
    for index in range(offset, offset + count):
        made.append(
            {
                "source": source,
                "event_id": f"{source}-{index}",
                "date": dt.date(2024, 1, 1) + dt.timedelta(days=index % 400),
                "kind": KINDS[index % 3],
                "event_type": "type",
                "latitude": 39.0,
                "longitude": 46.0,
                "geo_precision": 1,
                "location": "<b>x</b>",
                "country": None,
                "actor1": None,
                "actor2": None,
                "fatalities": index % 4,
                "source_name": "=src",
                "url": None,
                "notes": f"note {index}",
                "features": FEATURES[index % 4],
            }
        )
    return made


def add(store: EventStore, source: str, file: str, batch: list[dict[str, object]]) -> int:
    with store.writer(source=source, file=file) as writer:
        return writer.add(pa.Table.from_pylist(batch, schema=EVENT_SCHEMA))


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
]


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
    )


@pytest.mark.parametrize("query", QUERIES, ids=repr)
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


@pytest.mark.parametrize("query", QUERIES, ids=repr)
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
    assert [r.file for r in store.remove("gdelt")] == ["/data/g.csv"]
    assert store.counts_by_source(EventQuery()) == {"acled": 400}
    assert store.remove("nothing.csv") == []


def test_an_empty_store_answers_every_query(tmp_path):
    store = open_store(tmp_path / "never-written")
    assert store.imports() == []
    assert store.count(EventQuery()) == 0
    assert store.counts_by_source(EventQuery()) == {}
    assert store.counts_by_feature(EventQuery()) == {}
    assert store.page(EventQuery()) == []


def test_a_batch_adding_nothing_writes_no_file(tmp_path):
    store = open_store(tmp_path)
    add(store, "acled", "/data/a.csv", rows("acled", 10))
    assert add(store, "acled", "/data/a.csv", rows("acled", 10)) == 0
    assert len(store.imports()) == 1
    assert sorted(
        p.name.endswith(".parquet") for p in (tmp_path / "imports" / "acled").iterdir()
    ) == [True]


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
