"""The draft editor page (corridors edit), run headless with Streamlit's AppTest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from corridors.core.environment import DATA_DIR_ENV
from corridors.data.catalog import load_catalog
from corridors.testing.browser import deck_highlighted
from support.deck_map import deck_layers, deck_maps
from support.editor import COMPLETE, SEED, F, fill, open_editor, propose, texts


@pytest.fixture
def data(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    return data_copy


def article_html(at: AppTest) -> str:
    bodies = [element.proto.body for element in at.get("html")]
    marked = [body for body in bodies if 'class="article-text"' in body]
    assert len(marked) == 1
    return marked[0]


def highlighted(at: AppTest) -> set[str]:
    return deck_highlighted({"layers": list(deck_layers(at).values())})


def test_the_seed_article_is_proposed_with_nakhchivan_on_the_map_and_in_the_text(
    data: Path,
) -> None:
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    features = at.multiselect(key=F + "features").value
    assert {"az", "am", "az-nx", "syunik-route"} <= set(features)
    assert "az-nx" in highlighted(at)
    body = article_html(at)
    assert 'dir="rtl"' in body
    # (a provision's evidence may cover the same words: the mark then names both)
    nakhchivan = re.findall(
        r'<mark data-fields="(?:[a-z]+ )*features(?: [a-z]+)*" data-values="(?:[^" ]+ )*az-nx'
        r'(?: [^" ]+)*">([^<]*)</mark>',
        body,
    )
    assert nakhchivan
    assert all("نخجوان" in words for words in nakhchivan)
    assert at.text_input(key=F + "date").value == "2025-08-07"
    assert any(text.startswith("Date picked: 2025-08-07.") for text in texts(at))
    # the candidates: both days of the visit
    table = at.dataframe[0].value
    assert list(table["Date"]) == ["2025-08-07", "2025-08-08"]
    assert not (data / "drafts").exists()  # reading writes nothing


@pytest.mark.usefixtures("data")
def test_correcting_the_features_changes_the_highlight() -> None:
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    chosen = [f for f in at.multiselect(key=F + "features").value if f != "az-nx"]
    at.multiselect(key=F + "features").set_value([*chosen, "meghri"]).run()
    assert "az-nx" not in highlighted(at)
    assert "meghri" in highlighted(at)


def test_save_writes_the_draft_and_its_text(data: Path) -> None:
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    draft_id = at.text_input(key=F + "id").value
    at.text_input(key=F + "title_en").set_value("Summit in Washington")
    at.button(key="ed-save").click().run()
    assert not at.error
    record = yaml.safe_load((data / "drafts" / f"{draft_id}.yaml").read_text(encoding="utf-8"))
    assert record["title"]["en"] == "Summit in Washington"
    assert "az-nx" in record["features"]
    assert record["draft"]["status"] == "unreviewed"
    text = (data / "drafts" / f"{draft_id}.txt").read_text(encoding="utf-8")
    assert "نخجوان" in text
    assert not list((data / "drafts").glob(".*"))  # no temporary file left behind
    # the sidebar lists it
    assert at.button(key=f"ed-open-{draft_id}")


def test_publish_refuses_an_incomplete_draft_saying_what_to_do(data: Path) -> None:
    before = (data / "events.yaml").read_bytes()
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    at.button(key="ed-publish").click().run()
    assert [e.value for e in at.error] == ["Not published\\:"]
    shown = [text.translate(str.maketrans("", "", "\u2068\u2069")) for text in texts(at)]
    assert "Write the summary in English, Arabic." in shown
    assert "Add at least one source with a web address." in shown
    assert not any("Tuple should" in text or "Field required" in text for text in shown)
    assert (data / "events.yaml").read_bytes() == before


def test_publish_accepts_a_complete_draft(data: Path) -> None:
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    fill(at, COMPLETE)
    at.text_input(key=F + "id").set_value("2025-08-07-washington-editor-test")
    at.button(key="ed-publish").click().run()
    assert not at.error
    assert "Published 2025\\-08\\-07\\-washington\\-editor\\-test" in at.success[0].value
    events = yaml.safe_load((data / "events.yaml").read_text(encoding="utf-8"))
    event = next(e for e in events if e["id"] == "2025-08-07-washington-editor-test")
    assert event["date"] == "2025-08-07"
    assert "az-nx" in event["features"]
    assert event["sources"] == [
        {"url": COMPLETE["source_0_url"], "outlet": "Nebras", "language": "ar"}
    ]
    assert "draft" not in event
    assert not list((data / "drafts").glob("*.yaml"))  # published drafts leave the folder


def test_provision_links_are_accepted_rejected_or_added_and_published(data: Path) -> None:
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    field = at.multiselect(key=F + "provisions")
    assert "statement-2020-11-10/9" in field.value  # proposed, so preselected
    _, point = load_catalog(data).provision("statement-2020-11-10/9")
    assert f"{point.label['en']} (statement-2020-11-10/9)" in field.options  # with its label
    marked = re.findall(
        r'<mark data-fields="[^"]*provisions[^"]*" data-values="[^"]*statement-2020-11-10/9',
        article_html(at),
    )
    assert marked  # its evidence is marked in the text
    field.set_value([]).run()  # rejected
    at.button(key="ed-save").click().run()
    draft_id = at.text_input(key=F + "id").value
    saved = yaml.safe_load((data / "drafts" / f"{draft_id}.yaml").read_text(encoding="utf-8"))
    assert saved["provisions"] == []
    at.multiselect(key=F + "provisions").set_value(["statement-2020-11-10/9"]).run()  # added
    fill(at, COMPLETE)
    at.text_input(key=F + "id").set_value("2025-08-07-washington-provisions")
    at.button(key="ed-publish").click().run()
    assert not at.error
    events = yaml.safe_load((data / "events.yaml").read_text(encoding="utf-8"))
    event = next(e for e in events if e["id"] == "2025-08-07-washington-provisions")
    assert event["provisions"] == ["statement-2020-11-10/9"]


def test_a_bad_date_is_not_saved_and_the_reviewer_is_told_how_to_write_it(data: Path) -> None:
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    at.text_input(key=F + "date").set_value("2025-02-30")
    at.button(key="ed-save").click().run()
    assert [e.value for e in at.error] == ["Not saved\\:"]
    assert "Give the event's date as a real day, YYYY-MM-DD." in texts(at)
    assert not (data / "drafts").exists()


def test_drafts_are_opened_and_dropped_from_the_sidebar(data: Path) -> None:
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    draft_id = at.text_input(key=F + "id").value
    at.text_input(key=F + "title_en").set_value("Kept title")
    at.button(key="ed-save").click().run()
    fresh = open_editor()  # a new session opens what was saved
    fresh.button(key=f"ed-open-{draft_id}").click().run()
    assert fresh.text_input(key=F + "title_en").value == "Kept title"
    assert "az-nx" in highlighted(fresh)
    assert "<mark" in article_html(fresh)
    fresh.button(key=f"ed-drop-{draft_id}").click().run()
    assert not (data / "drafts" / f"{draft_id}.yaml").exists()
    assert not (data / "drafts" / f"{draft_id}.txt").exists()
    assert not deck_maps(fresh)  # the dropped draft is no longer under review


HOSTILE = (
    "Nakhchivan railway news <script>alert('x')</script> <img src=x onerror=alert(1)>\n"
    "**bold** [click](javascript:alert(1)) # heading\n"
    "Syunik \u202eevil\u202c text & more"
)


@pytest.mark.usefixtures("data")
def test_a_hostile_article_is_shown_as_text() -> None:
    at = propose(open_editor(), HOSTILE)
    body = article_html(at)
    assert "<script" not in body
    assert "<img" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "**bold** [click](javascript:alert(1)) # heading" in body
    assert "&amp; more" in body
    assert "\u202e" not in body
    assert "\u202c" not in body
    tags = {part.split(">")[0].split()[0] for part in body.split("<")[1:]}
    assert tags <= {"div", "/div", "mark", "/mark"}


def test_an_unreadable_article_is_refused_with_its_reason(data: Path) -> None:
    at = propose(open_editor(), " \n\t ")
    assert [e.value for e in at.error] == ["Paste an article or upload a file first\\."]
    at = propose(open_editor(), "x" * 2_000_001)
    assert [e.value for e in at.error] == ["The article could not be read\\:"]
    assert any("the limit for an article" in text for text in texts(at))
    assert not deck_maps(at)
    assert not (data / "drafts").exists()


def test_a_draft_that_cannot_be_opened_says_why(data: Path) -> None:
    at = open_editor()
    (data / "drafts").mkdir()
    (data / "drafts" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    at.run()
    at.button(key="ed-open-broken").click().run()
    assert [e.value for e in at.error] == ["The draft could not be opened\\:"]
    assert any("drafts/broken.yaml" in text and "field 'draft'" in text for text in texts(at))


def test_the_id_follows_a_corrected_date_and_the_draft_is_renamed(data: Path) -> None:
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    first = at.text_input(key=F + "id").value
    assert first.startswith("2025-08-07-")
    at.button(key="ed-save").click().run()
    at.text_input(key=F + "date").set_value("2025-08-08").run()
    followed = at.text_input(key=F + "id").value
    assert followed == "2025-08-08-" + first.removeprefix("2025-08-07-")
    at.button(key="ed-save").click().run()
    assert not at.error
    assert sorted(p.name for p in (data / "drafts").glob("*.yaml")) == [f"{followed}.yaml"]


def test_a_likely_duplicate_is_shown_beside_the_draft() -> None:
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    assert len(at.warning) == 1
    assert "may repeat" in at.warning[0].value
    texts_shown = [text.translate(str.maketrans("", "", "\u2068\u2069")) for text in texts(at)]
    bold = [m.value for m in at.markdown]
    # the draft beside each event: the summit declared on 8 August, the draft's next day
    assert bold.count("**This draft**") == 4
    assert "**In the catalogue\\: washington\\-joint\\-declaration**" in bold
    assert "Why: dated within a day, both linking az-nx, syunik-route." in texts_shown
