"""The page an AppTest drew, as an outline a test can compare: every element's place, type,
key and a digest of everything it sends to the browser.

``PYTHONPATH=tests .venv/bin/python tests/support/page_outline.py`` writes the outlines of
:data:`VIEWS` with no imports to ``tests/fixtures/no_imports/``; the test that the app without
imports looks as before compares against them. They were first written from the app before
reported events were shown beside it (commit df0112f). When the bundled data or the page
changes on purpose, compare the current app's outlines with the old ones first (only the
intended change may differ), then write them again with this script.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Final

import pyarrow.ipc
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from support.paths import FIXTURES

GOLDEN: Final = FIXTURES / "no_imports"
#: Links whose pages are compared: the default page, a feature's panel with its list, Arabic
#: on Leaflet with a corridor selected, an event selected.
VIEWS: Final[dict[str, dict[str, str]]] = {
    "default": {},
    "feature": {"feature": "am-su"},
    "arabic-leaflet-corridor": {"lang": "ar", "view": "leaflet", "feature": "syunik-route"},
    "event": {"event": "washington-joint-declaration", "from": "2025-01-01"},
}


def outline(at: AppTest) -> list[str]:
    """One line per element: depth, type, key and the sha256 of its message to the browser.

    Element ids are left out: Streamlit derives them from the script's path, which differs
    between checkouts. So is a download button's deferred file id, fresh on every run (the
    exports it serves are tested on their own). A chart is digested as :func:`digest` says.
    """
    lines: list[str] = []

    def walk(node: Any, depth: int) -> None:
        proto = getattr(node, "proto", None)
        sent = digest(proto) if proto is not None else hashlib.sha256(b"").hexdigest()[:16]
        lines.append(f"{'  ' * depth}{node.type} key={getattr(node, 'key', None)} {sent}")
        for child in getattr(node, "children", {}).values():
            walk(child, depth + 1)

    walk(at._tree, 0)
    return lines


def digest(proto: Message) -> str:
    """The sha256 (16 hex digits) of ``proto`` as the browser gets it, ids left out.

    A Vega-Lite chart's data counts by its columns and rows, not by its Arrow bytes, and
    its spec without the ``$schema`` URL: both vary with the library versions, not with the
    page (``make test-lowest``). The bytes carry pyarrow's version and the dtypes pandas
    chose (pandas 3 strings are ``large_string``, parsed dates ``timestamp[s]``; pandas 2
    gives ``string`` and ``timestamp[ns]``), the dataset's name is a hash of those bytes,
    and the URL names the Vega-Lite release Altair bundles (Streamlit draws with its own).
    """
    message = type(proto).FromString(proto.SerializeToString())
    _clear_ids(message)
    if message.DESCRIPTOR.name == "VegaLiteChart":
        _chart_as_rows(message)
    return hashlib.sha256(message.SerializeToString(deterministic=True)).hexdigest()[:16]


def _chart_as_rows(chart: Any) -> None:
    """Put each dataset of ``chart`` as JSON rows under its place, and drop the spec's URL."""
    spec = chart.spec
    for place, dataset in enumerate(chart.datasets):
        spec = spec.replace(dataset.name, f"dataset-{place}")
        dataset.name = f"dataset-{place}"
        dataset.data.data = _rows(dataset.data.data)
    if chart.data.data:
        chart.data.data = _rows(chart.data.data)
    fields = json.loads(spec)
    fields.pop("$schema", None)
    chart.spec = json.dumps(fields, ensure_ascii=False)


def _rows(arrow: bytes) -> bytes:
    """An Arrow IPC stream as JSON: its column names and its rows' values."""
    table = pyarrow.ipc.open_stream(arrow).read_all()
    rows = [list(row.values()) for row in table.to_pylist()]
    text = json.dumps({"columns": table.column_names, "rows": rows}, default=str)
    return text.encode("utf-8")


def _clear_ids(message: Any) -> None:
    """Clear every ``id`` and ``deferred_file_id`` field of ``message`` and its parts."""
    for field, value in message.ListFields():
        if field.name in ("id", "deferred_file_id"):
            message.ClearField(field.name)
        elif field.type == field.TYPE_MESSAGE:
            for part in [value] if isinstance(value, Message) else value:
                if isinstance(part, Message):
                    _clear_ids(part)


def golden_path(view: str) -> Path:
    """Where the outline of ``view`` is kept."""
    return GOLDEN / f"{view}.json"


def main() -> None:
    """Write the outline of every view (run with an empty ``$CORRIDORS_IMPORTS_DIR``)."""
    from support.app import open_app

    GOLDEN.mkdir(parents=True, exist_ok=True)
    for view, query in VIEWS.items():
        text = json.dumps(outline(open_app(**query)), indent=0, ensure_ascii=False)
        golden_path(view).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
