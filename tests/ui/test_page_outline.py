"""The page outline digests a chart by what it shows, not by how a library version writes it.

``make test-lowest`` draws the same timeline with pandas 2, pyarrow 17 and Altair 6.0 as
``make test`` does with pandas 3, pyarrow 26 and Altair 6.3; only the encoding differs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pyarrow as pa
from streamlit.proto.VegaLiteChart_pb2 import VegaLiteChart

from support.page_outline import digest

DATES = [dt.datetime(1992, 3, 24), dt.datetime(2025, 8, 8)]
KINDS = ["Diplomatic", "Summit"]


def chart(table: pa.Table, *, vega_lite: str = "v6.4.1", mark: str = "circle") -> VegaLiteChart:
    """A chart message as Streamlit sends it: the data in a dataset named by its bytes."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    data = sink.getvalue().to_pybytes()
    name = hashlib.md5(data, usedforsecurity=False).hexdigest()
    spec = {
        "$schema": f"https://vega.github.io/schema/vega-lite/{vega_lite}.json",
        "data": {"name": name},
        "mark": {"type": mark},
    }
    message = VegaLiteChart(spec=json.dumps(spec))
    dataset = message.datasets.add(name=name, has_name=True)
    dataset.data.data = data
    return message


def pandas_3(kinds: list[str] = KINDS) -> pa.Table:
    """The timeline's rows as pandas 3 and pyarrow 26 write them."""
    return pa.table(
        {"date": pa.array(DATES, pa.timestamp("s")), "kind": pa.array(kinds, pa.large_string())}
    ).replace_schema_metadata({"pandas": '{"creator": {"version": "26.0.1"}}'})


def pandas_2() -> pa.Table:
    """The same rows as pandas 2 and pyarrow 17 write them."""
    return pa.table(
        {"date": pa.array(DATES, pa.timestamp("ns")), "kind": pa.array(KINDS, pa.string())}
    ).replace_schema_metadata({"pandas": '{"creator": {"version": "17.0.0"}}'})


def test_a_chart_written_by_other_library_versions_has_the_same_digest() -> None:
    newest = chart(pandas_3())
    lowest = chart(pandas_2(), vega_lite="v6.1.0")
    assert newest.SerializeToString() != lowest.SerializeToString()
    assert digest(newest) == digest(lowest)


def test_a_chart_with_other_rows_or_another_spec_has_another_digest() -> None:
    drawn = digest(chart(pandas_3()))
    assert digest(chart(pandas_3(["Diplomatic", "Agreement"]))) != drawn
    assert digest(chart(pandas_3().rename_columns(["date", "type"]))) != drawn
    assert digest(chart(pandas_3(), mark="square")) != drawn
