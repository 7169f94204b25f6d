"""The page's span: the catalogue's days, the imported events' years, the shown drafts' days."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from corridors.core.datasets import DATA_DIR_ENV, IMPORTS_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.data.timeline import DateRange, catalogue_span
from corridors.ingest.draft_files import save_draft
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text
from corridors.reported.importers import import_file
from corridors.reported.linker import build_linker
from corridors.reported.store import open_store
from corridors.review.public import SHOW_DRAFTS_ENV
from corridors.ui.dashboard.page_span import page_span, page_vocabulary
from support.paths import FIXTURES

APRIL_ROW = (
    "event_id_cnty,event_date,event_type,latitude,longitude\n"
    "ARM2604,2026-04-18,Protests,38.9036,46.2426\n"
)


@pytest.fixture(autouse=True)
def empty(tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's data: a copy of the bundled data, and an empty store."""
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(tmp_path / "imports"))
    return data_copy


def test_without_imports_or_drafts_the_span_is_the_catalogues(catalog: Catalog) -> None:
    assert page_span(catalog) == catalogue_span(catalog.events)
    assert page_vocabulary(catalog).last_day == max(event.date for event in catalog.events)


def test_imported_events_give_their_calendar_years(tmp_path: Path, catalog: Catalog) -> None:
    source = tmp_path / "april.csv"
    source.write_text(APRIL_ROW, encoding="utf-8")
    import_file(open_store(tmp_path / "imports"), "acled", source, linker=build_linker(catalog))
    start = catalogue_span(catalog.events).start
    assert page_span(catalog) == DateRange(start, dt.date(2026, 12, 31))
    assert page_vocabulary(catalog).last_day == dt.date(2026, 12, 31)


def test_a_shown_draft_past_the_catalogue_extends_it(
    empty: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = (FIXTURES / "ingest" / "news-article-ar.txt").read_text(encoding="utf-8")
    path = save_draft(empty, propose(article_from_text(article), catalog), catalog)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^date: .*$", "date: '2026-06-02'", text, count=1), "utf-8")
    assert page_span(catalog).end < dt.date(2026, 6, 2)  # not shown: not counted
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    assert page_span(catalog) == DateRange(
        catalogue_span(catalog.events).start, dt.date(2026, 6, 2)
    )
    assert page_vocabulary(catalog).last_day == dt.date(2026, 6, 2)
