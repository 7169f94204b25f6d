"""The shared catalogue cache reads the data again once a data file or a story changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from corridors.core.environment import DATA_DIR_ENV
from corridors.i18n import Translator
from corridors.ui.common.data import load_report


@pytest.fixture
def data(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    return data_copy


def test_an_edited_story_is_read_again(data: Path) -> None:
    story = data / "stories" / "ceasefire-to-syunik.yaml"
    before = load_report(Translator()).catalog.stories[0].title["en"]
    assert load_report(Translator()) is load_report(Translator())  # cached between runs
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace(before, "A retitled story"), encoding="utf-8")
    assert load_report(Translator()).catalog.stories[0].title["en"] == "A retitled story"


def test_a_changed_events_file_is_read_again(data: Path) -> None:
    count = len(load_report(Translator()).catalog.events)
    events = data / "events.yaml"
    text = events.read_text(encoding="utf-8")
    first = text.index("\n- id: ")
    second = text.index("\n- id: ", first + 1)
    events.write_text(text[:first] + text[second:], encoding="utf-8")  # one event fewer
    assert len(load_report(Translator()).catalog.events) == count - 1
