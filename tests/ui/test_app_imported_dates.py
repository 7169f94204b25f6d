"""The page's dates run over every event it can show, imported ones included.

The curated catalogue ends on 11 March 2026; an ACLED row of 18 April 2026 in the store
makes the year 2026 the page's own (imports are a living flow: whole calendar years): a
link's ``to=2026-12-31`` is kept (no "outside the catalogue's dates" notice) and the row
is listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from corridors.core.environment import IMPORTS_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.reported.importers import import_file
from corridors.reported.linker import build_linker
from corridors.reported.store import open_store
from corridors.ui.dashboard import session
from support.app import open_app

APRIL_ROW = (
    "event_id_cnty,event_date,time_precision,event_type,sub_event_type,location,country,"
    "latitude,longitude,geo_precision,notes,timestamp\n"
    "ARM2604,2026-04-18,1,Protests,Peaceful protest,Meghri,Armenia,38.9036,46.2426,1,"
    "Residents of Meghri gathered on the road in April.,1776500000\n"
)
LINK = {"to": "2026-12-31", "feature": "am-su"}
ROWS = "feature-reported-am-su-rows"  # the feature's listing of reported events


def notices(at: AppTest) -> list[str]:
    return [str(item.value) for item in at.text]


def test_without_imports_a_day_past_the_catalogue_is_cut_back(catalog: Catalog) -> None:
    assert max(event.date for event in catalog.events) < dt.date(2026, 4, 18)
    at = open_app(**LINK)
    assert any("to=2026-12-31" in line for line in notices(at))
    assert at.session_state[session.DATES][1] < dt.date(2026, 4, 18)


def test_an_imported_row_past_the_catalogue_keeps_the_links_end_and_is_listed(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "april.csv"
    source.write_text(APRIL_ROW, encoding="utf-8")
    folder = tmp_path / "imports"
    report = import_file(open_store(folder), "acled", source, linker=build_linker(catalog))
    assert (report.added, report.bad_rows) == (1, 0)
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(folder))
    at = open_app(**LINK)
    assert not [line for line in notices(at) if "to=2026-12-31" in line]
    assert at.session_state[session.DATES][1] == dt.date(2026, 12, 31)
    (listing,) = [node for node in walk(at._tree) if getattr(node, "key", None) == ROWS]
    (event,) = listing.children.values()
    lines = [str(node.value) for node in walk(event) if node.type in ("markdown", "caption")]
    assert lines[0].startswith("Apr 18, 2026 · ")
    assert any("Residents of Meghri gathered on the road in April" in line for line in lines)


def walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)
