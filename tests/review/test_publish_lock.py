"""Publishing and saving drafts hold the data directory's lock: no reviewed event is lost."""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from corridors.cli.main import main
from corridors.core import settings
from corridors.core.errors import Problem
from corridors.core.locking import LOCK_FILE, LockTimeoutError
from corridors.data.catalog import load_catalog
from corridors.ingest.draft_files import DraftError, drop_draft, save_draft
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text
from corridors.review import publish
from corridors.review.publish import publish_draft
from corridors.review.storage import OpenDraft, save_reviewed
from support.drafts import ARTICLE, REVIEWED, make_draft
from support.paths import REPOSITORY
from support.together import run_together


def second_draft(directory: Path, draft_id: str, **changes: Any) -> str:
    """A copy of draft ``draft_id`` under another id, with ``changes`` to its record."""
    drafts = directory / "drafts"
    record = yaml.safe_load((drafts / f"{draft_id}.yaml").read_text(encoding="utf-8"))
    record.update(changes)
    new_id = str(record["id"])
    (drafts / f"{new_id}.yaml").write_text(
        yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (drafts / f"{new_id}.txt").write_bytes((drafts / f"{draft_id}.txt").read_bytes())
    return new_id


def test_two_publishes_at_once_keep_both_events(data_copy: Path, tmp_path: Path) -> None:
    first = make_draft(data_copy, **REVIEWED)
    second = second_draft(
        data_copy,
        first,
        id="horadiz-aghband-track-second",
        title={"en": "Second report", "ar": "تقرير ثان"},
    )
    commands = [["publish", draft, "--data", str(data_copy)] for draft in (first, second)]
    finished = run_together(commands, tmp_path, {**os.environ, "COLUMNS": "200"})
    assert [run.status for run in finished] == [0, 0], finished
    ids = {event.id for event in load_catalog(data_copy).events}
    assert {REVIEWED["id"], "horadiz-aghband-track-second"} <= ids
    assert not list((data_copy / "drafts").glob("*.yaml"))


def test_a_publish_waits_for_the_lock_then_gives_up_naming_the_data_directory(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    draft_id = make_draft(data_copy, **REVIEWED)
    before = (data_copy / "events.yaml").read_bytes()
    monkeypatch.setattr(settings, "data_lock_timeout_s", 0.3)
    with (data_copy / LOCK_FILE).open("a") as stream:
        fcntl.flock(stream, fcntl.LOCK_EX)
        started = time.monotonic()
        status = main(["publish", draft_id, "--data", str(data_copy)])
        waited = time.monotonic() - started
    out = capsys.readouterr().out
    assert status == 1
    assert "not published" in out
    assert str(data_copy) in out
    assert "held its lock after 0.3 s" in out
    assert waited >= 0.3
    assert (data_copy / "events.yaml").read_bytes() == before
    assert (data_copy / "drafts" / f"{draft_id}.yaml").is_file()


def saving(directory: Path) -> None:
    catalog = load_catalog(directory)
    save_draft(directory, propose(article_from_text(ARTICLE), catalog), catalog)


def saving_reviewed(directory: Path) -> None:
    record = {**yaml.safe_load(DRAFT.read_text(encoding="utf-8")), "id": "reviewed-copy"}
    save_reviewed(directory, OpenDraft(record, "text"))


DRAFT = Path()  # set by the fixture below: the draft every writer starts from


@pytest.mark.parametrize(
    "change",
    [
        saving,
        saving_reviewed,
        lambda directory: drop_draft(directory, DRAFT.stem),
        lambda directory: publish_draft(directory, DRAFT.stem),
    ],
    ids=["save", "save-reviewed", "drop", "publish"],
)
def test_no_draft_is_saved_or_dropped_while_another_writer_holds_the_lock(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[Path], object]
) -> None:
    draft_id = make_draft(data_copy, **REVIEWED)
    monkeypatch.setattr(sys.modules[__name__], "DRAFT", data_copy / "drafts" / f"{draft_id}.yaml")
    before = snapshot(data_copy)
    monkeypatch.setattr(settings, "data_lock_timeout_s", 0.2)
    with (data_copy / LOCK_FILE).open("a") as stream:
        fcntl.flock(stream, fcntl.LOCK_EX)
        with pytest.raises(LockTimeoutError, match=re.escape(str(data_copy))):
            change(data_copy)
    assert snapshot(data_copy) == before
    change(data_copy)  # the lock is free again: the change goes through
    assert snapshot(data_copy) != before


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file() and path.name != LOCK_FILE
    }


def test_an_events_file_changed_meanwhile_without_the_lock_is_never_overwritten(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = make_draft(data_copy, **REVIEWED)
    events = data_copy / "events.yaml"
    by_hand = events.read_text(encoding="utf-8") + "# a note added by hand meanwhile\n"
    check = publish._problems_with

    def edited_during_the_check(directory: Path, text: str) -> list[Problem]:
        found = check(directory, text)
        events.write_text(by_hand, encoding="utf-8")  # an editor that takes no lock
        return found

    monkeypatch.setattr(publish, "_problems_with", edited_during_the_check)
    changed = r"events.yaml: \[changed-meanwhile\] changed while the draft was being published"
    with pytest.raises(DraftError, match=changed):
        publish_draft(data_copy, draft_id)
    assert events.read_text(encoding="utf-8") == by_hand
    assert (data_copy / "drafts" / f"{draft_id}.yaml").is_file()


def test_two_threads_publishing_at_once_keep_both_events(data_copy: Path) -> None:
    """Two editor tabs: two sessions of one server, each publishing from its own thread."""
    first = make_draft(data_copy, **REVIEWED)
    second = second_draft(data_copy, first, id="horadiz-aghband-track-second")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def publish_after_barrier(draft_id: str) -> None:
        barrier.wait()
        try:
            publish_draft(data_copy, draft_id)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=publish_after_barrier, args=(d,)) for d in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    ids = {event.id for event in load_catalog(data_copy).events}
    assert {REVIEWED["id"], "horadiz-aghband-track-second"} <= ids


@pytest.mark.parametrize("lock", [f"geodata/{LOCK_FILE}", f"elsewhere/imports/{LOCK_FILE}"])
def test_the_lock_file_is_git_ignored(lock: str) -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", lock], cwd=REPOSITORY, check=False)
    assert ignored.returncode == 0


@pytest.mark.parametrize("command", [["publish", "some-draft"], ["drafts", "drop", "some-draft"]])
def test_a_missing_data_directory_is_an_error_and_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    missing = tmp_path / "no-such-data"
    assert main([*command, "--data", str(missing)]) == 1
    assert f"{missing}: no such folder; nothing was changed" in capsys.readouterr().out
    assert not missing.exists()
