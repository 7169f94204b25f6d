"""The wheel, installed (not editable) in a stock environment, runs every command offline.

The wheel is built from a copy of the sources, without network (no build isolation,
no index). The environment is a plain ``python -m venv`` with the pip it brings, not
upgraded (an older pip resolves extras differently: jusText's ``lxml[html_clean]`` is lost
on pip < 23.3). That pip installs the wheel and resolves its dependencies itself, offline,
from the wheels ``make`` keeps (``.venv/wheels``, the versions of constraints.txt), so a
dependency the package imports but does not declare is missing there. Nothing runs in the
checkout, and ``corridors`` can only come from the wheel.
"""

from __future__ import annotations

import ensurepip
import os
import shutil
import subprocess
import sys
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from corridors.core.environment import DATA_DIR_ENV
from corridors.testing.browser import Dashboard, host_of
from corridors.testing.server import app_server
from support.paths import REPOSITORY as ROOT
from support.probes import host_config, sets_xsrf_cookie, upload_status_without_token

pytestmark = pytest.mark.e2e

#: What a wheel is built from (what an sdist or a clean clone holds of the project).
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "src", "geodata")
BUILD_LITTER = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist")
PUBLISHER = "https://atlas.example.org"
#: The wheels of the pinned dependencies, kept by `make` beside the checkout's environment.
WHEELS = Path(sys.prefix) / "wheels"
IMPORTS = ROOT / "tests" / "fixtures" / "imports"
ARTICLE = ROOT / "tests" / "fixtures" / "ingest" / "news-article-ar.txt"
STEP_TIMEOUT = 120  # s, for each build or command on a busy two-core machine
INSTALL_TIMEOUT = 900  # s, for installing the wheel and its dependencies


def run(
    command: list[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    *,
    timeout: float = STEP_TIMEOUT,
) -> str:
    """Run a command, failing with its output; return its standard output."""
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def clean_env() -> dict[str, str]:
    """This process's environment without a data directory override."""
    return {key: value for key, value in os.environ.items() if key != DATA_DIR_ENV}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=BUILD_LITTER)
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    run([*pip_wheel, "--no-index", "--wheel-dir", str(out), str(source)], cwd=source)
    [built] = out.glob("corridors-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stock virtual environment with the wheel and its dependencies installed; its directory.

    Its pip is the one the venv brings (``ensurepip``'s), and it resolves the dependencies.
    """
    assert any(WHEELS.glob("*.whl")), f"no wheels in {WHEELS}: run `make .venv/.installed`"
    root = tmp_path_factory.mktemp("env") / "venv"
    run([sys.executable, "-m", "venv", str(root)], cwd=root.parent)
    python = str(root / "bin" / "python")
    pip_version = run([python, "-m", "pip", "--version"], cwd=root).split()[1]
    assert pip_version == ensurepip.version()
    install = [python, "-m", "pip", "install", "--no-index", "--find-links", str(WHEELS)]
    constraints = ["--constraint", str(ROOT / "constraints.txt")]
    run([*install, *constraints, str(wheel)], cwd=root, timeout=INSTALL_TIMEOUT)
    return root


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory outside the checkout."""
    return tmp_path_factory.mktemp("elsewhere")


@pytest.fixture
def data_copy(venv: Path, tmp_path: Path) -> Path:
    """A copy of the installed package's data folder, for the commands that write."""
    [installed] = venv.glob("lib/python*/site-packages/corridors/geodata")
    return Path(shutil.copytree(installed, tmp_path / "data", ignore=BUILD_LITTER))


@pytest.fixture(scope="module")
def installed_server(
    venv: Path, elsewhere: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, int]]:
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    with app_server(
        log,
        corridors=[str(venv / "bin" / "corridors")],
        cwd=elsewhere,
        serve_options=[f"--allowed-origin={PUBLISHER}"],
    ) as server:
        yield server.url, server.pid


def test_the_wheel_holds_every_module_and_data_file(wheel: Path) -> None:
    def files(folder: Path) -> set[str]:
        return {
            path.relative_to(folder).as_posix()
            for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }

    expected = {f"corridors/{name}" for name in files(ROOT / "src" / "corridors")}
    expected |= {f"corridors/geodata/{name}" for name in files(ROOT / "geodata")}
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        [metadata] = [name for name in names if name.endswith(".dist-info/METADATA")]
        headers = archive.read(metadata).decode()
    assert sorted(expected - names) == []
    assert "License-Expression: MIT AND BSD-2-Clause" in headers.splitlines()


def test_the_installed_package_finds_its_data_and_validates_it(venv: Path, elsewhere: Path) -> None:
    where = run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import corridors.core.assets as a, corridors.core.datasets as d; "
            "print(a.main_script()); print(d.data_dir())",
        ],
        cwd=elsewhere,
        env=clean_env(),
    )
    script, data = (Path(line) for line in where.split())
    assert script.is_relative_to(venv)
    assert script.is_file()
    assert data.is_relative_to(venv)
    assert (data / "events.yaml").is_file()
    run([str(venv / "bin" / "corridors"), "validate"], cwd=elsewhere, env=clean_env())


def test_the_installed_package_serves_the_map_offline_with_its_settings(
    installed_server: tuple[str, int], venv: Path, page: Page
) -> None:
    url, pid = installed_server
    assert Path(f"/proc/{pid}/cwd").resolve().is_relative_to(venv)  # the installed site
    dashboard = Dashboard(page, url)
    dashboard.open()
    dashboard.wait_for_deck_drawn()
    assert {host_of(request) for request in dashboard.requested} <= {"127.0.0.1", None}
    with urllib.request.urlopen(f"{url}app/static/leaflet/leaflet.js") as response:
        assert response.status == 200
    assert sets_xsrf_cookie(url)
    assert upload_status_without_token(url) == 403
    assert host_config(url)["allowedOrigins"] == [PUBLISHER]


def test_the_installed_command_starts_and_lists_every_command(venv: Path, elsewhere: Path) -> None:
    usage = run([str(venv / "bin" / "corridors"), "--help"], cwd=elsewhere, env=clean_env())
    for command in ("validate", "export", "serve", "edit", "import", "ingest", "publish"):
        assert command in usage


def test_the_installed_package_imports_reported_events(
    venv: Path, elsewhere: Path, data_copy: Path
) -> None:
    corridors = str(venv / "bin" / "corridors")
    out = run(
        [corridors, "import", "acled", str(IMPORTS / "acled_sample.csv"), "--data", str(data_copy)],
        cwd=elsewhere,
        env=clean_env(),
    )
    assert "11 rows read, 4 added" in out
    listed = run([corridors, "imports", "--data", str(data_copy)], cwd=elsewhere, env=clean_env())
    assert "acled" in listed
    assert "2025-07-01" in listed  # the import's first day


def test_the_installed_package_ingests_an_article_into_a_draft(
    venv: Path, elsewhere: Path, data_copy: Path
) -> None:
    out = run(
        [str(venv / "bin" / "corridors"), "ingest", str(ARTICLE), "--data", str(data_copy)],
        cwd=elsewhere,
        env=clean_env(),
    )
    [draft] = (data_copy / "drafts").glob("*.yaml")
    assert f"{draft.name}" in out
