"""Broken data and hostile text at start-up: the app stays up and says what is wrong."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from corridors.atlas import inspect_atlas
from corridors.core import settings
from corridors.core.assets import streamlit_config
from corridors.core.environment import DATA_DIR_ENV
from support.app import open_app
from support.deck_map import deck_maps
from support.records import EditRecords, record

PAYLOAD = '<script>alert("x")</script>[link](javascript:alert(1)) **b** $x$'


def run_app(data: Path, monkeypatch: pytest.MonkeyPatch, **query: str) -> AppTest:
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    return open_app(**query)


def test_broken_data_gives_a_banner_and_the_rest_is_served(
    data_copy: Path, edit_records: EditRecords, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_records(
        data_copy, "events.yaml", lambda r: record(r, "bishkek-protocol").update(date="1994-02-30")
    )
    edit_records(data_copy, "places.yaml", lambda r: record(r, "kars").update(lat="north"))
    at = run_app(data_copy, monkeypatch)
    shown = [text.value for text in at.text]
    expected = [str(problem) for problem in inspect_atlas(data_copy).problems]
    assert shown[:5] == expected[:5]  # the same problems as `corridors validate`
    assert any("events.yaml, record 'bishkek-protocol', field 'date'" in t for t in shown)
    assert deck_maps(at)  # the map is still drawn
    assert len([b for b in at.button if b.key and b.key.startswith("list-show-")]) > 0


def test_banner_is_capped_and_points_to_validate(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = "".join(
        f"- id: bad-{n}\n  date: 2025-02-30\n" for n in range(2 * settings.max_banner_problems)
    )
    (data_copy / "events.yaml").write_text(bad, encoding="utf-8")
    at = run_app(data_copy, monkeypatch)
    problems = [text.value for text in at.text if text.value.startswith("events.yaml")]
    assert len(problems) == settings.max_banner_problems
    assert any("corridors validate" in caption.value for caption in at.caption)
    assert deck_maps(at)


def test_missing_events_file_still_serves_the_map(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_copy / "events.yaml").unlink()
    at = run_app(data_copy, monkeypatch)
    assert any("[missing-file]" in text.value for text in at.text)
    assert deck_maps(at)


def test_hostile_text_is_shown_literally(
    data_copy: Path, edit_records: EditRecords, monkeypatch: pytest.MonkeyPatch
) -> None:
    def poison(records: list[dict[str, Any]]) -> None:
        event = record(records, "bishkek-protocol")
        event["title"]["en"] = PAYLOAD
        event["summary"]["en"] = PAYLOAD

    edit_records(data_copy, "events.yaml", poison)
    at = run_app(data_copy, monkeypatch, event="bishkek-protocol")
    markdown = [block.value for block in at.markdown]
    title = next(value for value in markdown if "script" in value)
    assert "<script>" not in title
    assert "](javascript" not in title
    assert "\\<script\\>" in title


def test_server_settings() -> None:
    config = tomllib.loads(streamlit_config().read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableCORS"] is True  # Streamlit's cross-origin protection on
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxUploadSize"] <= 1


@pytest.mark.parametrize(
    ("query", "noticed"),
    [
        ({"cell": "-1"}, ["cell=-1"]),
        ({"cell": "9" * 30}, ["cell=" + "9" * 30]),
        ({"cell": "0x85283473fffffff", "sources": "gdelt,rss"}, ["cell=0x", "sources=rss"]),
        ({"rkinds": "unrest,\u202egossip", "order": "random"}, ["rkinds=gossip", "order=random"]),
        ({"page": "-1", "q": "\u202eMeghri\x00" + "x" * 150}, ["page=-1"]),
        ({"page": "9" * 40}, ["page=" + "9" * 20]),
    ],
    ids=[
        "negative-cell",
        "huge-cell",
        "cell-form-and-source",
        "kinds-and-order",
        "page-and-q",
        "huge-page",
    ],
)
def test_hostile_links_to_reported_events_and_the_list_give_notices(
    query: dict[str, str], noticed: list[str]
) -> None:
    at = open_app(**query)  # open_app fails on any exception of the page
    texts = [text.value for text in at.text]
    for start in noticed:
        assert any(start in text for text in texts), (start, texts)
    assert deck_maps(at)
