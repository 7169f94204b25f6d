"""Corrections in public: a card says when it was checked and corrected, with each entry and
its source; a panel beside the event list lists every correction, newest first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from corridors.core.environment import DATA_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.data.corrections import all_corrections
from support.app import open_app
from support.records import EditRecords, record

PAYLOAD = '<script>alert("x")</script>[link](javascript:alert(1)) **b**'
BTK = "btk-railway-opening"
EURASIA = "https://eurasia.ro/2011/11/21/turkey-completes-baku-tbilisi-kars-tunnel/"


def _captions(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


def _markdown(at: AppTest) -> list[str]:
    return [block.value for block in at.markdown]


def test_a_corrected_card_says_when_and_what_with_its_source() -> None:
    at = open_app(event=BTK)
    captions = _captions(at)
    checked = "checked against its sources by the atlas on November 28, 2026"
    assert [c for c in captions if c.endswith(checked)]
    assert "Corrected on November 28, 2026" in captions
    card = [text for text in _markdown(at) if "Georgian section alone" in text]
    assert card  # the selected card, its row in the list and the corrections panel
    for entry in card:
        assert "**November 28, 2026** The summary gave about 29 km" in entry
        assert f"]({EURASIA})" in entry
    assert card[0].startswith("- **November 28, 2026**")
    uncorrected = open_app(event="bishkek-protocol", to="1994-05-06")  # no corrected card listed
    assert not [c for c in _captions(uncorrected) if "Corrected" in c or "by the atlas on" in c]


def test_the_arabic_card_writes_its_dates_with_the_apps_digits() -> None:
    at = open_app(event=BTK, lang="ar")
    captions = _captions(at)
    assert any("مقابل مصادره في \u206828 نوفمبر 2026" in c for c in captions)
    assert any(c.startswith("صُحّح في") for c in captions)
    card = [text for text in _markdown(at) if "القسم الجورجي وحده" in text]
    assert card
    for entry in card:
        assert "**28 نوفمبر 2026**" in entry
        assert not any("\u0660" <= char <= "\u0669" for char in entry)


def test_the_panel_lists_every_correction_newest_first_and_opens_each(catalog: Catalog) -> None:
    at = open_app()
    panel = at.expander(key="corrections-panel")
    assert panel.label == "Corrections"
    assert [b.key for b in panel.button] == [
        f"correction-{c.layer}-{c.record_id}-{c.index}-show" for c in all_corrections(catalog)
    ]
    at.button(key=f"correction-events-{BTK}-0-show").click().run()
    assert at.session_state["event"] == BTK
    at = open_app()
    at.button(key="correction-corridors-syunik-route-0-show").click().run()
    assert at.session_state["feature"] == "syunik-route"
    assert "Corrected on November 28, 2026" in _captions(at)  # the corridor's panel


def test_correction_text_and_sources_are_escaped(
    data_copy: Path, edit_records: EditRecords, monkeypatch: pytest.MonkeyPatch
) -> None:
    def poison(records: list[dict[str, Any]]) -> None:
        entry = record(records, BTK)["corrections"][0]
        entry["text"]["en"] = PAYLOAD
        entry["sources"][0]["outlet"] = PAYLOAD

    edit_records(data_copy, "events.yaml", poison)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    at = open_app(event=BTK)
    shown = [text for text in _markdown(at) if "script" in text]
    assert shown
    for text in shown:
        assert "<script>" not in text
        assert "](javascript" not in text
