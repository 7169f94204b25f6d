from pathlib import Path

import pytest

from corridors.core.datasets import DATASETS, data_dir, data_path, imports_dir
from corridors.core.environment import DATA_DIR_ENV, IMPORTS_DIR_ENV
from corridors.core.errors import UnknownDatasetError


def test_bundled_data_dir_is_found_from_the_code_not_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    directory = data_dir()
    assert directory.name == "geodata"
    assert all((directory / filename).is_file() for filename in DATASETS.values())


def test_environment_variable_overrides_the_bundled_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert data_dir() == tmp_path
    assert data_path("events") == tmp_path / "events.yaml"


def test_explicit_directory_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, "/nowhere")
    assert data_path("places", directory=tmp_path) == tmp_path / "places.yaml"


def test_unknown_dataset_name_lists_the_known_ones() -> None:
    with pytest.raises(UnknownDatasetError, match=r"no dataset called 'evnts'.*events"):
        data_path("evnts")


def test_imports_folder_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(IMPORTS_DIR_ENV, raising=False)
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    home = imports_dir()
    assert home.parts[-2:] == ("corridors", "imports")
    assert not home.is_relative_to(data_dir())  # never inside the bundled (package) data
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    assert imports_dir() == tmp_path / "data" / "imports"
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(tmp_path / "mine"))
    assert imports_dir() == tmp_path / "mine"
    assert imports_dir(tmp_path / "given") == tmp_path / "given" / "imports"
