"""The draft editor in Chromium: from the seed article to an event the public app lists.

Its own servers (the editor, then the public app) on a copy of the data in a temporary
folder: the bundled data is never written.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Locator, expect

from corridors.cli.main import main as corridors_main
from corridors.core.datasets import data_dir
from corridors.data.catalog import load_catalog
from corridors.ingest.draft_record import draft_record
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text
from corridors.review.storage import OpenDraft, save_reviewed
from corridors.testing.browser import ARTIFACTS, VIEWPORT, Dashboard, deck_highlighted
from corridors.testing.server import app_server, editor_server
from support.paths import FIXTURES

pytestmark = pytest.mark.e2e

SEED = FIXTURES / "ingest" / "news-article-ar.txt"
EVENT_ID = "2025-08-07-editor-browser-check"  # the seed article's date: the id follows it
#: A word no other event holds, to find the published event by the list search.
MARKER = "Quillfeather"
FIELDS = {
    "ed_f_title_en": f"{MARKER} review of the Washington declaration",
    "ed_f_title_ar": "مراجعة إعلان واشنطن",
    "ed_f_summary_en": "Aliyev and Pashinyan signed a joint declaration witnessed by Trump.",
    "ed_f_summary_ar": "وقّع علييف وباشينيان إعلانًا مشتركًا بحضور ترامب شاهدًا.",
    "ed_f_source_0_url": "https://example.org/nebras-washington",
    "ed_f_source_0_outlet": "Nebras",
}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("editor-data") / "geodata"
    shutil.copytree(data_dir(), target)
    return target


@pytest.fixture(scope="module")
def editor_url(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("editor-server") / "streamlit.log"
    with editor_server(log, data_dir=data) as server:
        yield server.url


def field(dash: Dashboard, key: str) -> Locator:
    return dash.keyed(key).locator("textarea, input").first


def commit(dash: Dashboard, key: str, value: str) -> None:
    """Type ``value`` into a text field and commit it (Enter; Ctrl+Enter in a text area)."""
    box = field(dash, key)
    box.fill(value)
    multiline = box.evaluate("node => node.tagName") == "TEXTAREA"
    with dash.rerun():
        box.press("Control+Enter" if multiline else "Enter")


def press(dash: Dashboard, key: str) -> None:
    with dash.rerun():
        dash.keyed(key).get_by_role("button").click()


def test_seed_article_to_a_published_event_found_in_the_public_app(
    browser: Browser, editor_url: str, data: Path, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=VIEWPORT, locale="en-US", timezone_id="UTC")
    page = context.new_page()
    try:
        editor = Dashboard(page, editor_url)
        editor.open()
        commit(editor, "ed_text", SEED.read_text(encoding="utf-8"))
        press(editor, "ed-propose")
        # Nakhchivan is highlighted on the editor's map and marked in the text
        expect(editor.deck_canvas).to_be_visible()
        assert "az-nx" in deck_highlighted(editor.deck_spec)
        marks = page.locator('.article-text mark[data-values~="az-nx"]')
        expect(marks.first).to_be_visible()
        assert "نخجوان" in marks.first.inner_text()
        expect(page.locator(".article-text")).to_have_attribute("dir", "rtl")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ARTIFACTS / "editor_review.png", full_page=True)
        # fill what is missing, save, publish
        commit(editor, "ed_f_id", EVENT_ID)
        for key, value in FIELDS.items():
            commit(editor, key, value)
        expect(editor.keyed("ed-missing")).to_contain_text("Nothing is missing")
        press(editor, "ed-save")
        saved = yaml.safe_load((data / "drafts" / f"{EVENT_ID}.yaml").read_text("utf-8"))
        assert saved["title"]["en"] == FIELDS["ed_f_title_en"]
        press(editor, "ed-publish")
        expect(editor.keyed("ed-outcome")).to_contain_text(f"Published {EVENT_ID}")
        assert not (data / "drafts" / f"{EVENT_ID}.yaml").exists()
    finally:
        context.close()
    # the public app on the same data lists the new event (list search)
    with app_server(tmp_path / "public.log", data_dir=data) as public:
        context = browser.new_context(viewport=VIEWPORT, locale="en-US", timezone_id="UTC")
        try:
            atlas = Dashboard(context.new_page(), public.url)
            atlas.open(f"?q={MARKER}")
            row = atlas.keyed(f"list-row-{EVENT_ID}")
            expect(row).to_be_visible()
            expect(row).to_contain_text(FIELDS["ed_f_title_en"])
            expect(atlas.page.locator('[class*="st-key-list-row-"]')).to_have_count(1)
        finally:
            context.close()


#: A word no other event holds, for the event published while the public app runs.
LIVE_MARKER = "Wrenfield"


def a_complete_draft(directory: Path) -> str:
    """The seed article's draft, completed as a reviewer would, saved in ``directory``."""
    catalog = load_catalog(directory)
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    record = draft_record(proposal, catalog)
    record.update(
        title={"en": f"{LIVE_MARKER} check of the summit", "ar": "مراجعة القمة"},
        summary={"en": FIELDS["ed_f_summary_en"], "ar": FIELDS["ed_f_summary_ar"]},
        sources=[{"url": "https://example.org/live", "outlet": "Nebras", "language": "ar"}],
    )
    save_reviewed(directory, OpenDraft(record, proposal.article.text))
    return str(record["id"])


def test_an_event_published_while_the_public_app_runs_is_listed_without_a_restart(
    browser: Browser, tmp_path: Path
) -> None:
    data = tmp_path / "geodata"
    shutil.copytree(data_dir(), data)
    draft_id = a_complete_draft(data)
    with app_server(tmp_path / "public.log", data_dir=data) as public:
        context = browser.new_context(viewport=VIEWPORT, locale="en-US", timezone_id="UTC")
        try:
            atlas = Dashboard(context.new_page(), public.url)
            atlas.open(f"?q={LIVE_MARKER}")  # the catalogue is read and cached now
            expect(atlas.page.locator('[class*="st-key-list-row-"]')).to_have_count(0)
            assert corridors_main(["publish", draft_id, "--data", str(data)]) == 0
            atlas.open(f"?q={LIVE_MARKER}")  # a new session of the same server
            row = atlas.keyed(f"list-row-{draft_id}")
            expect(row).to_be_visible()
            expect(row).to_contain_text(f"{LIVE_MARKER} check of the summit")
        finally:
            context.close()
