"""Every item the page shows says what it is, in English and Arabic: curated, imported, draft.

A curated event's card, an imported row's card (with its source's precision) and a
draft's card; the selected cell says how many of its events are imprecise and downloads
them with the same ``review_status`` column as the events' export; the legend explains the
three once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import h3
import pytest
from streamlit.testing.v1 import AppTest

from corridors.core.environment import DATA_DIR_ENV, IMPORTS_DIR_ENV, SHOW_DRAFTS_ENV
from corridors.data.catalog import Catalog
from corridors.data.export import BYTE_ORDER_MARK
from corridors.ingest.draft_files import save_draft
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text
from support.app import open_app
from support.paths import FIXTURES
from support.reported_stores import MEGHRI, SCRIPT, fill_precision_store

EVENT = "peace-agreement-initialled"
#: The H3 cell (resolution 6) holding Meghri, where the precision store's four events lie.
CELL = h3.latlng_to_cell(float(MEGHRI[0]), float(MEGHRI[1]), 6)
AUGUST = {"from": "2025-08-01", "to": "2025-08-31"}
#: What each card's status line starts with (markdown-escaped, Arabic names isolated).
SAYS = {
    "en": {
        "curated": "Curated\\: checked against its sources by the atlas",
        "imported": "Imported\\: as ACLED, GDELT or a GeoJSON file gives it",
        "draft": "Draft\\: proposed from a news article, not yet reviewed",
    },
    "ar": {
        "curated": "\u2068مُنتقى\u2069\\: \u2068تحقّق منه الأطلس مقابل مصادره",
        "imported": "\u2068مستورد\u2069\\: \u2068كما يرد في ACLED أو GDELT",  # noqa: RUF001 (Arabic beside ACLED)
        "draft": "\u2068مسودة\u2069\\: \u2068مقترح من مقال إخباري ولم يُراجَع بعد",
    },
}


def walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def block(at: AppTest, key: str) -> Any:
    return next(node for node in walk(at._tree) if getattr(node, "key", None) == key)


def texts(node: Any) -> list[str]:
    """The markdown, captions and alerts inside ``node``, in order."""
    kinds = ("markdown", "caption", "warning")
    return [str(n.value) for n in walk(node) if getattr(n, "type", None) in kinds]


@pytest.fixture(scope="module")
def precision_folder(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    scratch = tmp_path_factory.mktemp("review-status")
    return fill_precision_store(scratch / "imports", catalog, scratch)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_curated_card_says_it_was_checked_against_its_sources(lang: str) -> None:
    at = open_app(event=EVENT, lang=lang)
    card = texts(block(at, f"selected-card-{EVENT}"))
    said = [line for line in card if SAYS[lang]["curated"] in line]
    assert len(said) == 1
    assert said[0].startswith(f":material/verified: {SAYS[lang]['curated']}")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_an_imported_row_says_so_with_its_source_s_precision(
    precision_folder: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(precision_folder))
    at = open_app(cell=CELL, lang=lang, **AUGUST)
    listing = block(at, f"cell-reported-{CELL}-rows")
    cards = [texts(row) for row in listing.children.values()]
    assert len(cards) == 4
    for card in cards:
        assert sum(SAYS[lang]["imported"] in line for line in card) == 1
    joined = "\n".join("\n".join(card) for card in cards)
    if lang == "en":
        assert "Location\\: a regional centre \\(the exact place is not known\\)" in joined
        assert "Location\\: the place named" in joined  # ACLED 1
        assert "Location\\: the country only · added by the source 3 days later" in joined
        assert "Aug 5, 2025 \\(week\\)" in joined  # ACLED time precision 2
    else:
        assert "الموقع\\: مركز إقليمي \\(المكان الدقيق غير معروف\\)" in joined  # ACLED 3
        assert "الموقع\\: البلد فقط · أضافه المصدر بعد \u20683\u2069 أيام" in joined  # GDELT 1
    assert "<script>" not in joined  # the hostile location is shown as text
    assert "\\<script\\>" in joined


@pytest.mark.parametrize(
    ("lang", "imprecise"),
    [
        ("en", "2 of them placed only to a region or country, or dated only to a week or month"),
        ("ar", "حدثان منها حُدِّد موقعهما بمنطقة أو بلد فقط"),
    ],
)
def test_the_selected_cell_says_how_many_of_its_events_are_imprecise(
    precision_folder: Path, monkeypatch: pytest.MonkeyPatch, lang: str, imprecise: str
) -> None:
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(precision_folder))
    at = open_app(cell=CELL, lang=lang, **AUGUST)
    panel = texts(block(at, "cell-reported"))
    assert any(line.startswith(imprecise) for line in panel[:4])


def test_the_cell_s_events_download_with_their_review_status_and_precisions(
    precision_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    downloads: dict[str, Callable[[], str]],
    file_names: dict[str, str],
) -> None:
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(precision_folder))
    open_app(cell=CELL, **AUGUST)
    assert file_names["cell-reported-csv"] == f"corridor-atlas-reported-{CELL}.csv"
    text = downloads["cell-reported-csv"]()
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BYTE_ORDER_MARK))))
    assert {row["event_id"]: row["review_status"] for row in rows} == dict.fromkeys(
        ("PRE1", "PRE2", "1400000001", "1400000002"), "imported"
    )
    assert {row["event_id"] for row in rows if row["imprecise"] == "yes"} == {"PRE1", "1400000001"}
    assert [row["location"] for row in rows if row["event_id"] == "PRE1"] == [f"{SCRIPT}Syunik"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_draft_s_card_says_it_is_an_unreviewed_draft(
    data_copy: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    article = (FIXTURES / "ingest" / "news-article-ar.txt").read_text(encoding="utf-8")
    proposal = propose(article_from_text(article), catalog)
    save_draft(data_copy, proposal, catalog)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    at = open_app(lang=lang)
    card = texts(block(at, f"draft-card-{proposal.id}"))
    assert card[0].startswith(SAYS[lang]["draft"])


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_legend_explains_the_three_once(lang: str) -> None:
    at = open_app(lang=lang)
    legend = [n.proto.body for n in walk(block(at, "legend-pane")) if n.type == "html"]
    joined = "".join(legend)
    assert joined.count("data-legend='review'") == 1
    names = {"en": ("Curated", "Imported", "Draft"), "ar": ("مُنتقى", "مستورد", "مسودة")}
    for name in names[lang]:
        assert f"<li><b>{name}</b>: " in joined
