"""The editor's Publish and Save while another writer holds the data directory's lock."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest

from corridors.core import settings
from corridors.core.datasets import DATA_DIR_ENV
from corridors.core.locking import LOCK_FILE
from support.editor import COMPLETE, SEED, F, fill, open_editor, propose, texts


@pytest.fixture
def data(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    return data_copy


def test_publish_while_the_data_directory_is_locked_says_so_and_changes_nothing(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (data / "events.yaml").read_bytes()
    at = propose(open_editor(), SEED.read_text(encoding="utf-8"))
    fill(at, COMPLETE)
    at.text_input(key=F + "id").set_value("2025-08-07-washington-locked")
    monkeypatch.setattr(settings, "data_lock_timeout_s", 0.2)
    with (data / LOCK_FILE).open("a") as stream:
        fcntl.flock(stream, fcntl.LOCK_EX)
        at.button(key="ed-publish").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Not published\\:"]
    assert any(str(data) in text and "held its lock" in text for text in texts(at))
    assert (data / "events.yaml").read_bytes() == before
    assert not (data / "drafts").exists()
    # the lock free again, the same click publishes
    at.button(key="ed-publish").click().run()
    assert not at.error
    assert b"2025-08-07-washington-locked" in (data / "events.yaml").read_bytes()
