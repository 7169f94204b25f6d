"""Process-wide data survives a client's clear-cache message; the shared memo is bounded."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import streamlit as st

from corridors.atlas import inspect_atlas
from corridors.core.cache import SharedCache, shared_cache
from corridors.core.environment import DATA_DIR_ENV
from corridors.data.catalog import CatalogReport
from corridors.ui.common import data
from support.app import open_app


def test_clearing_streamlit_caches_does_not_reload_the_catalogue(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[str] = []

    def counting(directory: str) -> CatalogReport:
        loads.append(directory)
        return inspect_atlas(directory)

    monkeypatch.setattr(data, "inspect_atlas", counting)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    at = open_app()
    assert loads == [str(data_copy)]
    # what Streamlit runs for the websocket's clear-cache message
    st.cache_data.clear()
    st.cache_resource.clear()
    at.selectbox(key="preset").set_value("summit-week").run()
    assert not at.exception
    assert loads == [str(data_copy)]


def test_results_are_kept_up_to_maxsize_latest_first() -> None:
    calls: list[int] = []
    square = SharedCache(lambda x: calls.append(x) or x * x, maxsize=2)
    assert [square(2), square(3), square(2)] == [4, 9, 4]
    assert calls == [2, 3]
    square(4)  # evicts 3, the least recently used
    assert (2,) in square
    assert (3,) not in square
    square(3)
    assert calls == [2, 3, 4, 3]


def test_concurrent_callers_of_one_key_compute_it_once() -> None:
    calls: list[str] = []

    def slow(key: str) -> str:
        calls.append(key)
        time.sleep(0.05)
        return key.upper()

    cache = SharedCache(slow, maxsize=4)
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache("a"))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["A"] * 8
    assert calls == ["a"]


def test_a_failed_computation_is_retried_and_leaves_nothing_pending() -> None:
    attempts: list[int] = []

    @shared_cache(maxsize=2)
    def flaky(number: int) -> int:
        attempts.append(number)
        if len(attempts) == 1:
            raise OSError("disk hiccup")
        return number * 2

    with pytest.raises(OSError, match="hiccup"):
        flaky(3)
    assert flaky._pending == {}  # the leak this test guards against
    assert flaky(3) == 6
    assert attempts == [3, 3]


def test_a_files_signature_changes_when_a_file_changes_appears_or_goes(tmp_path):
    from corridors.core.cache import files_signature

    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("1")
    before = files_signature([first, second])
    assert [name for name, _, _ in before] == ["a.yaml"]  # a missing path counts as gone
    assert files_signature([second, first]) == before
    second.write_text("2")
    appeared = files_signature([first, second])
    assert appeared != before
    first.write_text("longer")
    assert files_signature([first, second]) != appeared
    second.unlink()
    assert [name for name, _, _ in files_signature([first, second])] == ["a.yaml"]
