"""Drafts in the public app: shown, marked unreviewed, only when it is started to show them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from corridors.core.environment import DATA_DIR_ENV, SHOW_DRAFTS_ENV
from corridors.data.catalog import Catalog
from corridors.ingest.draft_files import save_draft
from corridors.ingest.draft_record import draft_record
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text
from corridors.review import public
from corridors.review.public import drafts_shown
from support.app import listed_ids, open_app
from support.paths import FIXTURES

SEED = FIXTURES / "ingest" / "news-article-ar.txt"


@pytest.fixture
def with_draft(data_copy: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> str:
    """A data copy holding the seed article's draft; the app reads that copy."""
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    save_draft(data_copy, proposal, catalog)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    assert draft_record(proposal, catalog)["date"] == "2025-08-07"
    return proposal.id


def markdown_of(at: AppTest) -> str:
    return "\n".join(str(element.value) for element in (*at.markdown, *at.caption))


@pytest.mark.usefixtures("with_draft")
def test_without_the_setting_the_app_never_reads_the_drafts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(SHOW_DRAFTS_ENV, raising=False)
    read: list[Path] = []
    monkeypatch.setattr(public, "list_drafts", lambda directory: read.append(directory) or [])
    at = open_app()
    assert read == []
    assert not [e for e in at.expander if "Unreviewed draft" in (e.label or "")]
    assert "Unreviewed" not in markdown_of(at)
    assert not at.get("warning")


@pytest.mark.usefixtures("with_draft")
def test_with_the_setting_each_draft_is_marked_in_the_list_and_its_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    at = open_app()
    rows = [e for e in at.expander if e.label and e.label.startswith("**Unreviewed draft**")]
    assert len(rows) == 1
    assert "August 7, 2025 · Agreement · رئيس جمهورية أذربيجان" in rows[0].label
    (card,) = [w.value for w in rows[0].warning]  # the card says what it is
    assert card.startswith("Draft\\: proposed from a news article, not yet reviewed")
    assert "Unreviewed drafts" in [s.value for s in at.subheader]


@pytest.mark.usefixtures("with_draft")
def test_the_marker_is_in_arabic_on_the_arabic_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    at = open_app(lang="ar")
    rows = [e for e in at.expander if e.label and e.label.startswith("**مسودة لم تُراجَع**")]
    assert len(rows) == 1
    (card,) = [w.value for w in rows[0].warning]
    assert card.startswith("\u2068مسودة\u2069\\: \u2068مقترح من مقال إخباري ولم يُراجَع بعد")


@pytest.mark.usefixtures("with_draft")
def test_drafts_follow_the_date_range_and_the_search(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    at = open_app(**{"from": "2020-11-10", "to": "2020-11-10"})
    assert not [e for e in at.expander if (e.label or "").startswith("**Unreviewed draft**")]
    at = open_app(q="Nakhchivan")  # an alias of a feature the draft links (the text is Arabic)
    assert [e for e in at.expander if (e.label or "").startswith("**Unreviewed draft**")]
    at = open_app(q="Kars")
    assert not [e for e in at.expander if (e.label or "").startswith("**Unreviewed draft**")]


def test_drafts_are_listed_but_not_exported_and_the_export_says_so(
    with_draft: str, downloads: dict[str, Callable[[], str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    at = open_app(**{"from": "2025-08-07", "to": "2025-08-08"})
    assert [e for e in at.expander if (e.label or "").startswith("**Unreviewed draft**")]
    rows = csv.DictReader(io.StringIO(downloads["csv"]().removeprefix("\ufeff")))
    assert [row["id"] for row in rows] == listed_ids(at)
    assert with_draft not in downloads["geojson"]()
    assert "Drafts are not exported: they are not reviewed." in [c.value for c in at.caption]


def test_an_unreadable_draft_is_reported_not_dropped(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_copy / "drafts").mkdir()
    (data_copy / "drafts" / "broken.yaml").write_text("id: broken\ndate: 2025-02-30\n")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    at = open_app()
    captions = [c.value for c in at.caption]
    unreadable = [c for c in captions if "could not be read" in c]
    assert len(unreadable) == 1
    assert unreadable[0].startswith("1 draft could not be read")
    assert "drafts/broken\\.yaml, record 'broken', field 'date'" in unreadable[0]


@pytest.mark.parametrize(
    ("value", "shown"),
    [("1", True), ("true", True), ("YES", True), ("0", False), ("", False), ("no", False)],
)
def test_the_setting_is_read_from_the_environment(value: str, shown: bool) -> None:
    assert drafts_shown({SHOW_DRAFTS_ENV: value}) is shown
    assert drafts_shown({}) is False


#: Text an article (or a hand-edited draft) may hold: a right-to-left override and an
#: address that markdown would turn into a link.
HOSTILE = "\u202eevil\u202c see www.evil.example"


def test_draft_text_is_shown_as_text_without_bidi_controls_or_links(
    data_copy: Path, with_draft: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_copy / "drafts" / f"{with_draft}.yaml"
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    draft["title"] = {"en": f"Title {HOSTILE}"}
    draft["summary"] = {"en": f"Summary {HOSTILE}"}
    draft["note"] = {"en": f"Note {HOSTILE}", "ar": "ملاحظة"}
    draft["actors"] = [{"en": f"Actor {HOSTILE}", "ar": "فاعل"}]
    draft["sources"] = [
        {"outlet": f"Outlet {HOSTILE}", "url": "https://news.example/a", "language": "en"},
        {"outlet": f"Unlinked {HOSTILE}", "language": "en"},
    ]
    path.write_text(yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    at = open_app()
    assert not [c.value for c in at.caption if "could not be read" in c.value]
    (row,) = [e for e in at.expander if (e.label or "").startswith("**Unreviewed draft**")]
    shown = "\n".join(
        [row.label, *(str(element.value) for element in (*row.markdown, *row.caption))]
    )
    for name in ("Title", "Summary", "Note", "Actor", "Outlet", "Unlinked"):
        assert f"{name} evil see \u2060www\\.evil\\.example" in shown, name
    assert "\u202e" not in shown
    assert "\u202c" not in shown
    assert (
        "[\u2068Outlet evil see \u2060www\\.evil\\.example\u2069](https://news.example/a)" in shown
    )
